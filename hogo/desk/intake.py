"""How a request comes in: started in the privacy center and confirmed with the code or link
mailed to the address (no account enumeration: a known and an unknown address are treated alike
until the person proves they control it), or recorded by staff after checking identity documents
by post or an agent's authority. Either way it enters the queue with its deadline. Moved out of
services.py, which keeps the desk's work on a case once it is in.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NoReturn

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.desk import answers
from hogo.desk.content import (
    case_email,
    content_seal,
    requester_digest,
)
from hogo.desk.kinds import details_parse
from hogo.desk.mail import mail_queue
from hogo.desk.models import (
    Case,
    CaseStatus,
    Intake,
    MailKind,
    VerificationMethod,
    VerificationPurpose,
)
from hogo.desk.services import _address, _subjects
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
from hogo.errors import HogoError, InvalidInput
from hogo.policy.selectors import policy_active
from hogo.vault.lookup import subject_find
from hogo.vault.selectors import subject_status

PUBLIC_ACTOR = "system:privacy-center"


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
    _evidence_checked(evidence, received_at)
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


def _evidence_checked(evidence: Evidence, received_at: datetime) -> None:
    """Refuses a request received off-line whose identity check is incomplete."""
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
