"""A case's life at the desk: started by the person (or recorded by staff), verified, queued
with its deadline, assigned, annotated, approved or refused with a reason. Every transition
records one audit event in the same transaction; fulfilment runs after commit (fulfilment.py).

Whoever asks, with whatever address, gets the same answer and the same e-mail: the vault is
consulted only after the person proved they control the address (no account enumeration).
What the person and the desk write is sealed in the vault under the case's own key
(content.py); expiring an unconfirmed request destroys that key.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NoReturn

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.desk import answers
from hogo.desk.content import (
    NOTE,
    REFUSAL,
    REPLY,
    case_email,
    content_seal,
    contents_dispose,
    requester_digest,
    text_seal,
)
from hogo.desk.fulfilment import case_advance_on_commit, steps_plan
from hogo.desk.kinds import details_parse
from hogo.desk.mail import mail_queue
from hogo.desk.models import (
    Case,
    CaseKind,
    CaseRefusalReason,
    CaseStatus,
    Decision,
    Intake,
    MailKind,
    MailStatus,
    Note,
    OutboundMail,
    StepName,
    StepStatus,
    VerificationMethod,
    VerificationPurpose,
)
from hogo.desk.selectors import cases_for_email
from hogo.desk.verification import (
    CHECKS_PER_CLIENT,
    CODE_ATTEMPTS,
    CODES_PER_ADDRESS,
    CODES_PER_CLIENT,
    Outcome,
    throttle_hit,
    verification_issue,
    verification_use,
)
from hogo.errors import Conflict, HogoError, InvalidInput, NotFound
from hogo.policy.selectors import policy_active
from hogo.vault.lookup import subject_find
from hogo.vault.normalize import email_normalize
from hogo.vault.selectors import subject_status

PUBLIC_ACTOR = "system:privacy-center"
DESK_ACTOR = "system:desk"
MAX_NOTE = 5000
UNVERIFIED_LIFETIME = timedelta(days=1)


class VerificationFailed(HogoError):
    def __init__(self, outcome: Outcome) -> None:
        messages = {
            Outcome.WRONG: "The code is not correct",
            Outcome.EXPIRED: "The code has expired or was already used; ask for a new one",
            Outcome.EXHAUSTED: "Too many wrong codes; ask for a new one",
        }
        super().__init__(messages[outcome], code=f"code_{outcome.value}")
        self.outcome = outcome


@dataclass(frozen=True)
class Started:
    case: Case
    verification_ref: str


def case_start(
    *,
    kind: str,
    email: str,
    language: str,
    details: Mapping[str, object],
    origin: str,
    intake: Intake = Intake.PRIVACY_CENTER,
    client_ip: str | None = None,
    actor: str = PUBLIC_ACTOR,
) -> Started:
    """Records a request and e-mails a code and a link to confirm it. Nothing about the address
    is looked up yet, so a known and an unknown address are treated alike."""
    policy = policy_active()
    address = _address(email)
    parsed = details_parse(kind, details, policy)
    if language not in ("ja", "en"):
        raise InvalidInput("language: must be ja or en")
    # Counted before (and whatever happens to) the request itself; by the address's blind
    # index, so the counter never holds the address.
    if client_ip:
        throttle_hit(CODES_PER_CLIENT, client_ip)
    throttle_hit(CODES_PER_ADDRESS, requester_digest(address))
    request_kind = policy.requests.kinds.get(kind)
    with transaction.atomic():
        case = Case(
            kind=kind,
            language=language,
            intake=intake,
            origin=origin,
            policy_version=policy.version or 0,
            fee_jpy=request_kind.fee_jpy if request_kind else 0,
        )
        content_seal(case, actor=actor, email=address, details=parsed)
        case.save(force_insert=True)
        ref = _code_send(case, VerificationPurpose.REQUEST, actor=actor)
        audit_record(
            actor=actor,
            action="desk.case.create",
            detail={"case": case.ref, "kind": kind, "intake": intake, "language": language},
        )
    return Started(case, ref)


def case_confirm(*, verification_ref: str, code: str, client_ip: str | None = None) -> Case:
    """Checks a code. A wrong code's attempt is committed before the failure is raised."""
    if client_ip:
        throttle_hit(CHECKS_PER_CLIENT, client_ip)
    with transaction.atomic():
        outcome, verification = verification_use(verification_ref=verification_ref, code=code)
        if verification is not None:
            case = _verified(verification.case, verification.purpose, VerificationMethod.EMAIL_CODE)
    if verification is None:
        raise VerificationFailed(outcome)
    return case


def case_confirm_link(*, token: str, client_ip: str | None = None) -> Case:
    if client_ip:
        throttle_hit(CHECKS_PER_CLIENT, client_ip)
    with transaction.atomic():
        outcome, verification = verification_use(token=token)
        if verification is not None:
            case = _verified(verification.case, verification.purpose, VerificationMethod.EMAIL_LINK)
    if verification is None:
        raise VerificationFailed(outcome)
    return case


def unmatched_confirm(*, attempts: int, client_ip: str | None = None) -> NoReturn:
    """A code entered after a status lookup whose number and address did not match: counted
    against the network's code entries exactly as `case_confirm` counts a real one, then failed
    as a wrong code would, so the two answers cannot be told apart (429 on both once spent)."""
    if client_ip:
        throttle_hit(CHECKS_PER_CLIENT, client_ip)
    raise VerificationFailed(Outcome.EXHAUSTED if attempts >= CODE_ATTEMPTS else Outcome.WRONG)


def status_access_start(*, case_ref: str, email: str, client_ip: str | None = None) -> str | None:
    """Sends a code for opening a case's status page when the number and the address match;
    None otherwise (the caller answers exactly as if they matched)."""
    if client_ip:
        throttle_hit(CODES_PER_CLIENT, client_ip)
    try:
        digest = requester_digest(_address(email))
    except InvalidInput:
        return None
    throttle_hit(CODES_PER_ADDRESS, digest)
    with transaction.atomic():
        case = Case.objects.filter(ref=case_ref.strip(), contact_digest=digest).first()
        if case is None or case.status == CaseStatus.EXPIRED or case.content_purged_at:
            return None
        return _code_send(case, VerificationPurpose.STATUS, actor=PUBLIC_ACTOR)


@dataclass(frozen=True)
class Evidence:
    """What the desk checked for a request by post or through an agent. Never an image: the
    policy has copies of identity documents destroyed after the check."""

    document: str  # e.g. drivers_license, passport, my_number_card (front side only)
    agent: str = ""  # legal_representative or appointed_agent, for an agent's request
    authority_document: str = ""  # e.g. power_of_attorney, family_register
    copy_destroyed: bool = False


IDENTITY_DOCUMENTS = (
    "drivers_license",
    "passport",
    "my_number_card",
    "residence_card",
    "health_insurance_card",
    "other_official_photo_id",
)
AGENT_KINDS = ("legal_representative", "appointed_agent")
AUTHORITY_DOCUMENTS = ("power_of_attorney", "family_register", "guardianship_certificate", "other")


@transaction.atomic
def case_record(
    *,
    actor: str,
    kind: str,
    email: str,
    language: str,
    details: Mapping[str, object],
    received_at: datetime,
    evidence: Evidence,
    origin: str,
    intake: Intake = Intake.POST,
    subject_id: str = "",
) -> Case:
    """A request received by post or e-mail, or through an agent, whose identity documents the
    desk has checked: it enters the queue at once, its deadline counted from receipt. Without
    an e-mail address the desk names the vault subject it identified (`subject_id`), and every
    answer goes by post."""
    policy = policy_active()
    address = _address(email) if email.strip() else ""
    if subject_id:
        subject_status(subject_id=subject_id)  # NotFound for an unknown id
    parsed = details_parse(kind, details, policy)
    if language not in ("ja", "en"):
        raise InvalidInput("language: must be ja or en")
    if evidence.document not in IDENTITY_DOCUMENTS:
        raise InvalidInput(f"evidence.document: must be one of {', '.join(IDENTITY_DOCUMENTS)}")
    if evidence.agent and (
        evidence.agent not in AGENT_KINDS or evidence.authority_document not in AUTHORITY_DOCUMENTS
    ):
        raise InvalidInput(
            "evidence: an agent's request needs the agent kind and the authority document"
        )
    if not evidence.copy_destroyed:
        raise InvalidInput("evidence.copy_destroyed: destroy copies of the documents first")
    if received_at > timezone.now():
        raise InvalidInput("received_at: cannot be in the future")
    request_kind = policy.requests.kinds.get(kind)
    case = Case(
        kind=kind,
        language=language,
        intake=intake,
        origin=origin,
        policy_version=policy.version or 0,
        fee_jpy=request_kind.fee_jpy if request_kind else 0,
        subject_ref=subject_id,
    )
    content_seal(case, actor=actor, email=address, details=parsed)
    case.save(force_insert=True)
    audit_record(
        actor=actor,
        action="desk.case.create",
        detail={"case": case.ref, "kind": kind, "intake": intake, "language": language},
    )
    method = VerificationMethod.STAFF_AGENT if evidence.agent else VerificationMethod.STAFF_DOCUMENT
    return _received(
        case,
        method,
        {
            "document": evidence.document,
            "agent": evidence.agent,
            "authority_document": evidence.authority_document,
            "copy_destroyed": True,
            "checked_by": actor,
        },
        received_at=received_at,
        actor=actor,
    )


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
def case_note_add(*, actor: str, author: User, case_ref: str, text: str, reply: bool) -> Note:
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
    note = Note.objects.create(case=case, author=author, text_note=sealed, is_reply=reply)
    if reply:
        subject, body = answers.reply(case, text)
        mail_queue(actor=actor, subject=subject, body=body, kind=MailKind.REPLY, case=case)
        case_advance_on_commit(case.ref)
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
    steps_plan(case)
    audit_record(
        actor=actor,
        action="desk.case.approve",
        subjects=_subjects(case),
        detail={"case": case.ref, "kind": case.kind},
    )
    case_advance_on_commit(case.ref)
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
    _decide(case, Decision.REFUSED)
    steps_plan(case)
    audit_record(
        actor=actor,
        action="desk.case.refuse",
        subjects=_subjects(case),
        detail={"case": case.ref, "kind": case.kind, "reason": reason},
    )
    case_advance_on_commit(case.ref)
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
    case_advance_on_commit(case.ref)
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
    transaction.on_commit(lambda: _mails_send(refs))
    case_advance_on_commit(case.ref)
    return case


@transaction.atomic
def cases_find(*, actor: str, email: str) -> list[Case]:
    """A requester's cases (at most 500, newest first), by the blind index of their address.
    Audited: it ties an address to cases, though nothing is opened (no address is recorded)."""
    cases = list(cases_for_email(email=_address(email))[:500])
    audit_record(actor=actor, action="desk.case.find", detail={"cases": len(cases)})
    return cases


def _mails_send(refs: list[str]) -> None:
    from hogo.desk.tasks import mail_send  # the task module imports this one

    for ref in refs:
        mail_send.enqueue(ref)


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


def _code_send(case: Case, purpose: VerificationPurpose, *, actor: str) -> str:
    issued = verification_issue(case=case, purpose=purpose)
    subject, body = answers.code(case, issued.code, issued.token, purpose)
    mail_queue(
        actor=actor,
        subject=subject,
        body=body,
        kind=MailKind.CODE,
        case=case,
        forget_body=True,
    )
    return issued.verification.ref


def _verified(case: Case, purpose: str, method: VerificationMethod) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if purpose == VerificationPurpose.STATUS or case.status != CaseStatus.UNVERIFIED:
        return case
    return _received(case, method, {}, received_at=timezone.now(), actor=PUBLIC_ACTOR)


def _received(
    case: Case,
    method: VerificationMethod,
    evidence: dict[str, object],
    *,
    received_at: datetime,
    actor: str,
) -> Case:
    """Into the queue: deadline from the policy, the vault's subject (if any) by the address."""
    case.status = CaseStatus.OPEN
    case.verification_method = method
    case.verification_evidence = evidence
    case.received_at = received_at
    # With a fee the clock waits for it (fees.py); the person is told the amount and how to pay.
    case.due_at = case.deadline(policy_active().requests.deadline_days)
    if case.has_email and not case.subject_ref:
        email = case_email(case, actor=actor, via="verification")
        found = subject_find(email=email) if email else None
        case.subject_ref = found or ""
    case.save()
    if case.waits_for_fee and case.has_email:
        subject, body = answers.fee_due(case)
        mail_queue(actor=actor, subject=subject, body=body, kind=MailKind.FEE, case=case)
    audit_record(
        actor=actor,
        action="desk.case.verify",
        subjects=_subjects(case),
        detail={"case": case.ref, "method": method, "subject_found": bool(case.subject_ref)},
    )
    return case


def _decide(case: Case, decision: Decision) -> None:
    case.decision = decision
    case.decided_at = timezone.now()
    case.status = CaseStatus.IN_PROGRESS
    case.save()


def _case_locked(case_ref: str) -> Case:
    case = Case.objects.select_for_update().filter(ref=case_ref).first()
    if case is None:
        raise NotFound(f"request {case_ref} does not exist")
    return case


def _subjects(case: Case) -> list[str]:
    return [case.subject_ref] if case.subject_ref else []


def staff_mail_queue(*, actor: str, to: str, subject: str, body: str) -> str:
    """Queues a reminder to a staff address through the outbox (never lost, retried), for the
    apps right of the desk; returns the mail's ref. Subject and body name ids, never a person."""
    return mail_queue(actor=actor, to=to, subject=subject, body=body, kind=MailKind.REMINDER).ref
