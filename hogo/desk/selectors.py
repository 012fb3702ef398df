"""Reads of the desk's cases: the staff queue, one case with its steps, and what the person's
status page may show. None of them opens a vault value; the status page opens the case's own
replies and refusal explanation (one audited reading, content.py)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from hogo.desk.content import case_text, requester_digest
from hogo.desk.kinds import DisclosureDetails, details_read
from hogo.desk.models import (
    QUEUE_STATUSES,
    Case,
    CaseKind,
    CaseNote,
    DisclosurePackage,
    MailStatus,
    OutboundMail,
    Step,
    StepStatus,
)
from hogo.desk.package import package_is_pdf, package_password
from hogo.errors import NotFound
from hogo.vault.lookup import subject_find


def case_get(*, case_ref: str) -> Case:
    case = Case.objects.select_related("assignee").filter(ref=case_ref).first()
    if case is None:
        raise NotFound(f"request {case_ref} does not exist")
    return case


def cases_for_email(*, email: str) -> QuerySet[Case]:
    """A requester's cases, newest first, found by blind indexes only: the desk's index of the
    address they wrote from, and the vault's e-mail index for the subject holding it (which
    also finds their requests by post, recorded with the subject id)."""
    match = Q(contact_digest=requester_digest(email))
    subject = subject_find(email=email)
    if subject:
        match |= Q(subject_ref=subject)
    rows = Case.objects.filter(match)
    return with_attention(rows).order_by("-created_at", "-pk")


def cases_queue(
    *,
    statuses: tuple[str, ...] = QUEUE_STATUSES,
    kind: str | None = None,
    assignee_id: int | None = None,
) -> QuerySet[Case]:
    """Cases by deadline, soonest first, with a count of failed steps and undelivered mail."""
    # Cases waiting for their fee have no deadline yet: after the ones that do, everywhere.
    rows = with_attention(Case.objects.filter(status__in=statuses)).order_by(
        F("due_at").asc(nulls_last=True), "pk"
    )
    if kind:
        rows = rows.filter(kind=kind)
    if assignee_id is not None:
        rows = rows.filter(assignee_id=assignee_id)
    return rows


def with_attention(rows: QuerySet[Case]) -> QuerySet[Case]:
    """With the count of failed steps and of undelivered mail (`failed_steps`, `mail_failing`)."""
    return rows.select_related("assignee").annotate(
        failed_steps=Count("steps", filter=Q(steps__status=StepStatus.FAILED), distinct=True),
        mail_failing=Count(
            "mails",
            filter=Q(mails__status=MailStatus.QUEUED, mails__attempts__gt=0),
            distinct=True,
        ),
    )


def case_steps(*, case: Case) -> list[Step]:
    return list(case.steps.order_by("position"))


def case_mails(*, case: Case) -> list[OutboundMail]:
    return list(case.mails.defer("body", "attachment").order_by("created_at", "pk"))


def case_replies(*, case: Case) -> list[CaseNote]:
    return list(case.notes.filter(is_reply=True).order_by("created_at", "pk"))


def case_notes(*, case: Case) -> list[CaseNote]:
    return list(case.notes.select_related("author").order_by("created_at", "pk"))


def case_package(*, case: Case) -> DisclosurePackage | None:
    return case.packages.filter(discarded_at__isnull=True).order_by("-created_at").first()


@dataclass(frozen=True)
class Reply:
    text: str
    created_at: datetime


@dataclass(frozen=True)
class StatusView:
    """What the verified requester sees: no vault value, the desk's replies and explanation,
    the package's password if there is one."""

    case: Case
    steps: list[Step]
    replies: list[Reply]
    refusal_explanation: str
    password: str | None
    overdue: bool
    password_opens_pdf: bool = True  # else it opens an encrypted zip


def status_view(*, case_ref: str, actor: str, now: datetime | None = None) -> StatusView:
    case = case_get(case_ref=case_ref)
    now = now or timezone.now()
    replies = case_replies(case=case)
    text = case_text(
        case,
        actor=actor,
        via="status-page",
        details=case.kind == CaseKind.DISCLOSURE,
        refusal=True,
        refs=[r.text_note for r in replies],
    )
    password = None
    opens_pdf = True
    if case.kind == CaseKind.DISCLOSURE and text.details:
        details = details_read(case.kind, text.details)
        package = case_package(case=case)
        by_mail = isinstance(details, DisclosureDetails) and details.delivery in (
            "email_attachment",
            "download",
        )
        if package is not None and by_mail:
            password = package_password(package.ref)
            opens_pdf = package_is_pdf(package)
    return StatusView(
        case=case,
        steps=case_steps(case=case),
        replies=[
            Reply(text.texts[r.text_note], r.created_at)
            for r in replies
            if r.text_note in text.texts
        ],
        refusal_explanation=text.refusal_explanation,
        password=password,
        overdue=bool(case.due_at and case.due_at < now and not case.is_closed),
        password_opens_pdf=opens_pdf,
    )


def step_waiting_for_post(*, case: Case) -> Step | None:
    """The step waiting for the desk to send an answer by post, if any."""
    return next(
        (
            s
            for s in case.steps.filter(status=StepStatus.WAITING)
            if s.result.get("by_post") and not s.result.get("posted_at")
        ),
        None,
    )


def mails_sent_count(*, refs: Sequence[str]) -> int:
    """How many of these messages the mail server has taken (the rest are queued or retried)."""
    sent = 0
    for start in range(0, len(refs), 2000):
        sent += OutboundMail.objects.filter(
            ref__in=refs[start : start + 2000], status=MailStatus.SENT
        ).count()
    return sent
