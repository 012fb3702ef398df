"""Writes to the vault: ingest of personal data, suspension of use and lifting it.

Erasure and retention disposal are in `erasure.py`; the only reads of values are in `access/`.
Every write records one audit event in the same transaction, naming subjects by their
pseudonymous ids only.
"""

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.selectors import policy_active
from hogo.vault.bulk import gc_paused
from hogo.vault.ingest import batch_store
from hogo.vault.intake import REF, records_parse, terms_make
from hogo.vault.models import (
    Item,
    Source,
    Subject,
    SubjectStatus,
    Suspension,
)
from hogo.vault.records import IngestResult, ItemIn, SubjectIn, SuspensionState

MAX_BATCH = 10_000  # subjects per ingest call: one audit event names them all


@transaction.atomic
def subject_ingest(
    *,
    actor: str,
    channel: str,
    purposes: Sequence[str],
    identifiers: Mapping[str, str],
    items: Sequence[ItemIn],
    policy_version: int | None = None,
    notice_sha256: str = "",
    source: str = Source.API,
) -> IngestResult:
    """Stores one acquisition of one person's data; a known e-mail (or, with no e-mail given,
    a phone number known for exactly one subject) attaches it to that subject. Errors name the
    field (`identifiers.email: is not an e-mail address`), never the value."""
    terms = terms_make(channel, purposes, policy_version, notice_sha256, source)
    record = SubjectIn(identifiers=identifiers, items=items)
    parsed = records_parse(terms, [record], prefixed=False)
    return batch_store(actor, terms, parsed, notice_sha256, source)[0]


@transaction.atomic
def subjects_ingest(
    *,
    actor: str,
    channel: str,
    purposes: Sequence[str],
    records: Sequence[SubjectIn],
    policy_version: int | None = None,
    notice_sha256: str = "",
    source: str = Source.IMPORT,
) -> list[IngestResult]:
    """Bulk ingest (imports, benchmarks): all records or none; one audit event for the batch.

    Every record is checked before anything is written; errors name the record and field
    (`records[3].identifiers.email: is not an e-mail address`), never a value.
    """
    if not 1 <= len(records) <= MAX_BATCH:
        raise InvalidInput(f"records: give between 1 and {MAX_BATCH} records per call")
    terms = terms_make(channel, purposes, policy_version, notice_sha256, source)
    with gc_paused():
        parsed = records_parse(terms, records, prefixed=True)
        return batch_store(actor, terms, parsed, notice_sha256, source)


def subject_lock(*, subject_id: str) -> Subject:
    """The subject's row, locked until the caller's transaction ends; refused when the subject
    does not exist or holds nothing any more. Other apps that write about a subject (consent)
    lock it through here."""
    subject = Subject.objects.select_for_update().filter(ref=subject_id).first()
    if subject is None:
        raise NotFound(f"subject {subject_id} does not exist")
    if subject.status != SubjectStatus.ACTIVE:
        raise Conflict(f"subject {subject_id} is {subject.status}: nothing is held", code="gone")
    return subject


def _purposes_checked(purposes: Sequence[str] | None) -> list[str] | None:
    if purposes is None:
        return None
    if isinstance(purposes, str) or not purposes:
        raise InvalidInput("purposes: give at least one purpose id, or none for all purposes")
    known = policy_active().purposes
    for purpose in purposes:
        if purpose not in known:
            raise InvalidInput(f"purposes: {purpose!r} is not a purpose of the active policy")
    return list(dict.fromkeys(purposes))


def _suspension_state(subject: Subject, *, changed: bool) -> SuspensionState:
    active = list(
        Suspension.objects.filter(subject=subject, lifted_at__isnull=True)
        .order_by("purpose")
        .values_list("purpose", flat=True)
    )
    return SuspensionState(
        subject_id=subject.ref,
        all_purposes=None in active,
        purposes=[p for p in active if p is not None],
        changed=changed,
    )


@transaction.atomic
def subject_suspend(
    *,
    actor: str,
    subject_id: str,
    purposes: Sequence[str] | None,
    request_ref: str = "",
) -> SuspensionState:
    """Suspends use of the subject's data for these purposes, or for all (None) (Art. 35).
    Suspending what is already suspended changes nothing and records nothing."""
    wanted = _purposes_checked(purposes)
    _ref_checked(request_ref)
    subject = subject_lock(subject_id=subject_id)
    active = set(
        Suspension.objects.filter(subject=subject, lifted_at__isnull=True).values_list(
            "purpose", flat=True
        )
    )
    targets: list[str | None] = [None] if wanted is None else list(wanted)
    missing = [p for p in targets if p not in active]
    if missing:
        Suspension.objects.bulk_create(
            [
                Suspension(subject=subject, purpose=p, suspended_by=actor, request_ref=request_ref)
                for p in missing
            ]
        )
        audit_record(
            actor=actor,
            action="vault.suspend",
            subjects=[subject.ref],
            detail={
                "all_purposes": wanted is None,
                "purposes": [p for p in missing if p is not None],
                "request_ref": request_ref,
            },
        )
    return _suspension_state(subject, changed=bool(missing))


@transaction.atomic
def subject_suspension_lift(
    *,
    actor: str,
    subject_id: str,
    purposes: Sequence[str] | None = None,
    request_ref: str = "",
) -> SuspensionState:
    """Lifts suspensions: those of these purposes, or every one (None). A suspension for all
    purposes is lifted only as a whole, so lifting one purpose of it is refused."""
    wanted = _purposes_checked(purposes)
    _ref_checked(request_ref)
    subject = subject_lock(subject_id=subject_id)
    active = Suspension.objects.filter(subject=subject, lifted_at__isnull=True)
    if wanted is not None:
        if active.filter(purpose__isnull=True).exists():
            raise Conflict(
                f"subject {subject_id} is suspended for all purposes: lift all of it",
                code="suspended_for_all",
            )
        active = active.filter(purpose__in=wanted)
    lifted = list(active.order_by("purpose").values_list("purpose", flat=True))
    if lifted:
        active.update(lifted_at=timezone.now(), lifted_by=actor)
        audit_record(
            actor=actor,
            action="vault.suspension.lift",
            subjects=[subject.ref],
            detail={
                "all_purposes": None in lifted,
                "purposes": [p for p in lifted if p is not None],
                "request_ref": request_ref,
            },
        )
    return _suspension_state(subject, changed=bool(lifted))


def _ref_checked(request_ref: str) -> None:
    if request_ref and not REF.fullmatch(request_ref):
        raise InvalidInput("request_ref: must be a case or request id (letters, digits, _.:-)")


@transaction.atomic
def special_care_consent_withdraw(*, actor: str, consent_ref: str) -> int:
    """The consent `consent_ref` was withdrawn (the consent app calls this): the special-care
    values it allowed are withheld from every use from now on (refused as
    `special_care_without_consent`) until erased. Returns how many values it covered."""
    _ref_checked(consent_ref)
    if not consent_ref:
        raise InvalidInput("consent_ref: the consent record id is required")
    items = Item.objects.filter(
        consent_ref=consent_ref, special_care=True, consent_withdrawn_at__isnull=True
    )
    refs = sorted(set(items.values_list("subject__ref", flat=True)))
    count = items.update(consent_withdrawn_at=timezone.now())
    if count:
        audit_record(
            actor=actor,
            action="vault.special_care.withdraw",
            subjects=refs,
            detail={"consent_ref": consent_ref, "items": count},
        )
    return count
