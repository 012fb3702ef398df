"""A case's life at the desk: started by the person (or recorded by staff), verified, queued
with its deadline, assigned, annotated, approved or refused with a reason. Every transition
records one audit event in the same transaction; fulfilment runs after commit (fulfilment.py).

Whoever asks, with whatever address, gets the same answer and the same e-mail: the vault is
consulted only after the person proved they control the address (no account enumeration).
What the person and the desk write is sealed in the vault under the case's own key
(content.py); expiring an unconfirmed request destroys that key.
"""

from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.desk import answers
from hogo.desk.content import (
    NOTE,
    REFUSAL,
    REPLY,
    contents_dispose,
    text_seal,
)
from hogo.desk.fulfilment import steps_plan
from hogo.desk.mail import mail_queue
from hogo.desk.models import (
    Case,
    CaseKind,
    CaseNote,
    CaseRefusalReason,
    CaseStatus,
    Decision,
    MailKind,
    MailStatus,
    OutboundMail,
    StepName,
    StepStatus,
)
from hogo.desk.schedule import case_run_on_commit, mails_send
from hogo.desk.selectors import cases_for_email
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.rows import row_read, row_update
from hogo.vault.normalize import email_normalize

DESK_ACTOR = "system:desk"
MAX_NOTE = 5000
MAX_BULK = 500
UNVERIFIED_LIFETIME = timedelta(days=1)


@transaction.atomic
def case_assign(*, actor: str, case_ref: str, assignee: User | None) -> Case:
    case = _case_locked(case_ref)
    if assignee is not None and not assignee.is_active:
        raise InvalidInput("assignee: must be an active staff user")
    case.assignee = assignee
    case.save(update_fields=["assignee"])
    audit_record(
        actor=actor,
        action="desk.case.assign",
        detail={"case": case.ref, "assignee": f"user:{assignee.pk}" if assignee else None},
    )
    return case


@transaction.atomic
def cases_assign(*, actor: str, case_refs: list[str], assignee: User | None) -> int:
    """Assigns several cases at once (the queue's bulk assignment): each one as `case_assign`,
    with its own audit event, all or none."""
    refs = list(dict.fromkeys(case_refs))
    if not refs or len(refs) > MAX_BULK:
        raise InvalidInput(f"cases: choose 1 to {MAX_BULK} requests")
    for ref in refs:
        case_assign(actor=actor, case_ref=ref, assignee=assignee)
    return len(refs)


@transaction.atomic
def case_note_add(*, actor: str, author: User, case_ref: str, text: str, reply: bool) -> CaseNote:
    """A note for the desk, or (`reply`) an answer e-mailed to the person."""
    case = _case_locked(case_ref)
    if not text.strip() or len(text) > MAX_NOTE:
        raise InvalidInput(f"text: must be 1 to {MAX_NOTE} characters")
    if reply and case.status not in (CaseStatus.OPEN, CaseStatus.IN_PROGRESS):
        raise Conflict(f"case {case.ref} is {case.status}: no reply can be sent")
    if reply and not case.has_email:
        raise Conflict(f"case {case.ref} has no e-mail address: answer by post")
    if case.content_purged_at:
        raise Conflict(f"case {case.ref}: its content was disposed of", code="disposed")
    text = text.strip()
    sealed = text_seal(case, actor=actor, kind=REPLY if reply else NOTE, text=text)
    note = CaseNote.objects.create(case=case, author=author, text_note=sealed, is_reply=reply)
    if reply:
        subject, body = answers.reply(case, text)
        mail_queue(actor=actor, subject=subject, body=body, kind=MailKind.REPLY, case=case)
        case_run_on_commit(case.ref)
    audit_record(actor=actor, action="desk.case.note", detail={"case": case.ref, "reply": reply})
    return note


@transaction.atomic
def case_approve(*, actor: str, case_ref: str) -> Case:
    """Starts fulfilment. For a complaint, approving closes it once its replies are out."""
    case = _case_locked(case_ref)
    if case.status != CaseStatus.OPEN:
        raise Conflict(f"case {case.ref} is {case.status}: only an open case can be decided")
    if case.kind == CaseKind.COMPLAINT and not case.notes.filter(is_reply=True).exists():
        raise Conflict(f"case {case.ref}: reply to the person before closing it")
    _decide(case, Decision.APPROVED)
    steps_plan(case, first=True)  # only an open case gets here
    audit_record(
        actor=actor,
        action="desk.case.approve",
        subjects=_subjects(case),
        detail={"case": case.ref, "kind": case.kind},
    )
    case_run_on_commit(case.ref)
    return case


@transaction.atomic
def case_refuse(*, actor: str, case_ref: str, reason: str, explanation: str = "") -> Case:
    """Refuses with a ground the person is told (Art. 36). A case whose fulfilment has already
    changed or sent something can no longer be refused."""
    case = _case_locked(case_ref)
    if reason not in CaseRefusalReason.values:
        raise InvalidInput(f"reason: must be one of {', '.join(CaseRefusalReason.values)}")
    if len(explanation) > MAX_NOTE:
        raise InvalidInput(f"explanation: at most {MAX_NOTE} characters")
    if reason == CaseRefusalReason.FEE_UNPAID and not case.waits_for_fee:
        raise InvalidInput("reason: fee_unpaid is only for a request whose fee is still unpaid")
    done = case.steps.filter(status=StepStatus.SUCCEEDED).exclude(name=StepName.FEE)
    if case.status not in (CaseStatus.OPEN, CaseStatus.IN_PROGRESS) or done.exists():
        raise Conflict(f"case {case.ref} is {case.status} and can no longer be refused")
    case.steps.exclude(status=StepStatus.SUCCEEDED).delete()
    case.refusal_reason = reason
    if explanation.strip():
        case.refusal_note = text_seal(case, actor=actor, kind=REFUSAL, text=explanation.strip())
    _decide(case, Decision.REFUSED, "refusal_reason", "refusal_note")
    steps_plan(case)
    audit_record(
        actor=actor,
        action="desk.case.refuse",
        subjects=_subjects(case),
        detail={"case": case.ref, "kind": case.kind, "reason": reason},
    )
    case_run_on_commit(case.ref)
    return case


@transaction.atomic
def case_posted_record(*, actor: str, case_ref: str, step: StepName) -> Case:
    """The desk sent an answer or a printed disclosure by post: that step is done."""
    case = _case_locked(case_ref)
    row = case.steps.filter(name=step, status=StepStatus.WAITING).first()
    if row is None or not row.result.get("by_post"):
        raise Conflict(f"case {case.ref}: step {step} is not waiting for a postal answer")
    row.result = {**row.result, "posted_at": timezone.now().isoformat()}
    row.save(update_fields=["result"])
    audit_record(
        actor=actor, action="desk.case.posted", detail={"case": case.ref, "step": str(step)}
    )
    case_run_on_commit(case.ref)
    return case


@transaction.atomic
def case_system_done(*, actor: str, author: User, case_ref: str, system: str, note: str) -> Case:
    """A system step done by hand (a manual or webhook system, or what a SQL system's
    declaration does not let hogo do): recorded with the desk's note, sealed with the case."""
    case = _case_locked(case_ref)
    row = case.steps.filter(system=system, status=StepStatus.WAITING).first()
    if row is None or not row.result.get("manual"):
        raise Conflict(f"case {case.ref}: no step in system {system} is waiting for the desk")
    if not note.strip():
        raise InvalidInput("note: say what was done in the system")
    case_note_add(actor=actor, author=author, case_ref=case.ref, text=note, reply=False)
    row.result = {**row.result, "done_at": timezone.now().isoformat()}
    row.save(update_fields=["result"])
    audit_record(
        actor=actor,
        action="desk.case.system_done",
        subjects=_subjects(case),
        detail={"case": case.ref, "step": row.name, "system": system},
    )
    case_run_on_commit(case.ref)
    return case


@transaction.atomic
def case_retry(*, actor: str, case_ref: str) -> Case:
    """The desk asks for failed steps and undelivered mail to be tried again now."""
    case = _case_locked(case_ref)
    now = timezone.now()
    steps = case.steps.filter(status=StepStatus.FAILED).update(retry_at=now)
    mails = case.mails.filter(status=MailStatus.QUEUED).update(next_attempt_at=now)
    audit_record(
        actor=actor,
        action="desk.case.retry",
        detail={"case": case.ref, "steps": steps, "mails": mails},
    )
    refs = list(case.mails.filter(status=MailStatus.QUEUED).values_list("ref", flat=True))
    transaction.on_commit(lambda: mails_send(refs))
    case_run_on_commit(case.ref)
    return case


@transaction.atomic
def cases_find(*, actor: str, email: str) -> list[Case]:
    """A requester's cases (at most 500, newest first), by the blind index of their address.
    Audited: it ties an address to cases, though nothing is opened (no address is recorded)."""
    cases = list(cases_for_email(email=_address(email))[:500])
    audit_record(actor=actor, action="desk.case.find", detail={"cases": len(cases)})
    return cases


def cases_expire(*, now: datetime | None = None) -> int:
    """Closes requests never confirmed within a day and forgets their address and details: the
    case's key is destroyed (committed first: a failure later leaves only unreadable notes, and
    the next sweep finishes the job)."""
    now = now or timezone.now()
    with transaction.atomic():
        stale = list(
            Case.objects.select_for_update()
            .filter(status=CaseStatus.UNVERIFIED, created_at__lt=now - UNVERIFIED_LIFETIME)
            .values_list("ref", flat=True)[:1000]
        )
        if not stale:
            return 0
        contents_dispose(actor=DESK_ACTOR, case_refs=stale, reason="unconfirmed")
        Case.objects.filter(ref__in=stale).update(
            status=CaseStatus.EXPIRED,
            closed_at=now,
            contact_note="",
            contact_digest="",
            details_note="",
        )
        # An address nobody confirmed may be someone else's: its code mail goes too (a mail
        # still undelivered is dropped, as its code has expired anyway).
        OutboundMail.objects.filter(case__ref__in=stale).delete()
        audit_record(actor=DESK_ACTOR, action="desk.case.expire", detail={"cases": len(stale)})
    return len(stale)


def _address(email: str) -> str:
    try:
        return email_normalize(email)
    except ValueError as exc:
        raise InvalidInput(f"email: {exc}") from None


def _decide(case: Case, decision: Decision, *changed: str) -> None:
    """Records the decision; `changed`: the other columns the caller set on the locked case."""
    case.decision = decision
    case.decided_at = timezone.now()
    case.status = CaseStatus.IN_PROGRESS
    row_update(case, ["decision", "decided_at", "status", *changed])


def _case_locked(case_ref: str) -> Case:
    case = row_read(Case, where={"ref": case_ref}, lock=True)
    if case is None:
        raise NotFound(f"request {case_ref} does not exist")
    return case


def _subjects(case: Case) -> list[str]:
    return [case.subject_ref] if case.subject_ref else []


def staff_mail_queue(*, actor: str, to: str, subject: str, body: str) -> str:
    """Queues a reminder to a staff address through the outbox (never lost, retried), for the
    apps right of the desk; returns the mail's ref. Subject and body name ids, never a person."""
    return mail_queue(actor=actor, to=to, subject=subject, body=body, kind=MailKind.REMINDER).ref
