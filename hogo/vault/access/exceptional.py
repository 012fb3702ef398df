"""Use beyond the purposes under a statutory exception (APPI Art. 18(3)): a read of named
subjects for a purpose their acquisitions do not allow, on a cited ground, explained, recorded
and audited. A separate function, not a switch on `subjects_access`: the ordinary read path
keeps no way to skip its purpose check.

Only the purpose check gives way. Closed subjects hold nothing, a suspension of use for the
purpose (or all purposes) still refuses, data past every retention period is not opened, and
special-care values without a live consent stay withheld. The categories opened are those the
active policy gives the stated purpose, narrowed by `categories`.
"""

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.vault.access.eligibility import CLOSED, SubjectRow, purpose_checked, subjects_by_ref
from hogo.vault.access.subjects import values_open
from hogo.vault.exceptions import USE_GROUND, explanation_checked, ground_checked
from hogo.vault.models import AcquisitionPurpose, ExceptionalUse, SubjectStatus
from hogo.vault.records import AccessRefusal, AccessResult, RefusalReason
from hogo.vault.selectors import subjects_suspended

MAX_EXCEPTIONAL = 1000  # an exception is decided case by case, not for a whole list


@dataclass(frozen=True)
class ExceptionalAccess:
    """The values opened and the record kept of the use (`record_id`, `ExceptionalUse.ref`)."""

    record_id: str
    ground: str
    result: AccessResult


@transaction.atomic
def subjects_access_excepted(
    *,
    actor: str,
    purpose: str,
    subject_ids: Sequence[str],
    exception: str,
    explanation: str,
    categories: Collection[str] | None = None,
    via: str = "service",
) -> ExceptionalAccess:
    """The values of `subject_ids` in `purpose`'s categories, although their acquisitions may
    not allow `purpose`, under the Art. 18(3) ground `exception` (an id of
    `hogo.vault.exceptions.USE_GROUNDS`) with the officer's `explanation`. The caller checks
    that the actor is the privacy officer. One `ExceptionalUse` record, one audit event."""
    policy = purpose_checked(purpose)
    ground = ground_checked("exception", exception, USE_GROUND)
    text = explanation_checked(explanation)
    if isinstance(subject_ids, str) or not 1 <= len(subject_ids) <= MAX_EXCEPTIONAL:
        raise InvalidInput(f"subject_ids: give a list of 1 to {MAX_EXCEPTIONAL} subject ids")
    allowed = _categories_allowed(policy, purpose, categories)
    result = AccessResult()
    refused = result.refused
    opened, held = _subjects_openable(list(dict.fromkeys(subject_ids)), purpose, refused)
    usable = {acq: allowed for s in opened for acq in held[s.pk]}
    values_open(opened, usable, policy, result)
    returned = [view.subject_id for view in result.items]
    record = ExceptionalUse.objects.create(
        actor=actor,
        purpose=purpose,
        ground=ground.id,
        explanation=text,
        categories=sorted(allowed),
        subjects=returned,
    )
    reasons: dict[str, int] = {}
    for refusal in refused:
        reasons[refusal.reason.value] = reasons.get(refusal.reason.value, 0) + 1
    audit_record(
        actor=actor,
        action="vault.access.exception",
        purpose=purpose,
        subjects=returned,
        detail={
            "via": via,
            "record": record.ref,
            "ground": ground.id,
            # The explanation stays in the record; its digest here makes a later edit visible.
            "explanation_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "returned": len(returned),
            "refused": dict(sorted(reasons.items())),
        },
    )
    return ExceptionalAccess(record_id=record.ref, ground=ground.id, result=result)


def _categories_allowed(
    policy: Policy, purpose: str, categories: Collection[str] | None
) -> frozenset[str]:
    """The purpose's categories, narrowed by `categories` (which may name no other)."""
    allowed = frozenset(policy.purposes[purpose].categories)
    if categories is not None:
        if isinstance(categories, str) or not categories or set(categories) - allowed:
            raise InvalidInput(f"categories: give categories that purpose {purpose!r} uses")
        allowed &= frozenset(categories)
    return allowed


def _subjects_openable(
    wanted: list[str], purpose: str, refused: list[AccessRefusal]
) -> tuple[list[SubjectRow], dict[int, list[int]]]:
    """The subjects whose values may be opened, and by subject pk their acquisitions still
    within a retention period; refusals for the others are added to `refused`. Only the
    purpose check gives way: closed, suspended and expired subjects are refused."""
    subjects = subjects_by_ref(wanted)
    found = {s.ref for s in subjects}
    refused += [AccessRefusal(ref, RefusalReason.NOT_FOUND) for ref in wanted if ref not in found]
    active = []
    for subject in subjects:
        if subject.status in CLOSED:
            refused.append(AccessRefusal(subject.ref, CLOSED[SubjectStatus(subject.status)]))
        else:
            active.append(subject)
    suspended = subjects_suspended(subject_pks=[s.pk for s in active], purpose=purpose)
    held: dict[int, list[int]] = {}  # subject pk -> acquisitions still within a retention
    for subject_pk, acquisition_pk in (
        AcquisitionPurpose.objects.filter(
            subject_id__in=[s.pk for s in active], expires_at__gt=timezone.now()
        )
        .values_list("subject_id", "acquisition_id")
        .distinct()
    ):
        held.setdefault(subject_pk, []).append(acquisition_pk)
    opened = []
    for subject in active:
        if subject.pk in suspended:
            refused.append(AccessRefusal(subject.ref, RefusalReason.SUSPENDED))
        elif subject.pk not in held:
            refused.append(AccessRefusal(subject.ref, RefusalReason.RETENTION_EXPIRED))
        else:
            opened.append(subject)
    return opened, held
