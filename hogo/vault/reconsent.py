"""Consent to use earlier data under a later policy version (APPI Arts. 17(2), 18(1)): who is
affected by a change (read off the vault's acquisitions, no value opened), and the vault's copy
of each person's consent that reads check (`access/gates.py`).

A person is affected by a change of version V to purpose P when an acquisition made under an
earlier version would have P (or the widened categories of P) under V:
- P added: the acquisition's channel lists P under V (it was not stated, so no grant exists);
- P made consent-only: the acquisition was granted P without consent;
- P widened: the acquisition was granted P and holds values in a widened category.
A live consent to P under V or later settles it; an erased or disposed person is not asked.
"""

from collections.abc import Sequence
from datetime import timedelta
from functools import reduce
from operator import or_
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import InvalidInput, NotFound
from hogo.policy.diff import ChangeKind
from hogo.policy.reconsent import ConsentChange
from hogo.policy.selectors import policy_active, policy_at
from hogo.vault.models import (
    Acquisition,
    AcquisitionPurpose,
    Item,
    PurposeConsent,
    Subject,
    SubjectStatus,
)


def subjects_affected(*, change: ConsentChange) -> QuerySet[Subject]:
    """The active people a change affects who have not consented to it yet, by primary key."""
    earlier = Acquisition.objects.filter(policy_version__lt=change.version)
    acquired: QuerySet[Any, int]
    if change.kind == ChangeKind.PURPOSE_ADDED:
        channels = _channels_with(change.purpose, change.version)
        acquired = earlier.filter(channel__in=channels).values_list("subject_id", flat=True)
    else:
        granted = AcquisitionPurpose.objects.filter(
            purpose=change.purpose, acquisition__in=earlier, expires_at__gt=timezone.now()
        )
        if change.categories:
            held = Item.objects.filter(category__in=change.categories).values("acquisition_id")
            granted = granted.filter(acquisition_id__in=held)
        acquired = granted.values_list("subject_id", flat=True)
    settled = PurposeConsent.objects.filter(
        purpose=change.purpose, withdrawn_at__isnull=True, policy_version__gte=change.version
    ).values("subject_id")
    return (
        Subject.objects.filter(pk__in=acquired, status=SubjectStatus.ACTIVE)
        .exclude(pk__in=settled)
        .order_by("pk")
    )


def subjects_affected_by_any(*, changes: Sequence[ConsentChange]) -> QuerySet[Subject]:
    """The people any of the changes affects (a campaign's changes to one purpose)."""
    found = [subjects_affected(change=change) for change in changes]
    if len(found) == 1:
        return found[0]
    either = reduce(or_, (Q(pk__in=qs.values("pk")) for qs in found))
    return Subject.objects.filter(either).order_by("pk")


def _channels_with(purpose: str, version: int) -> list[str]:
    return [c.id for c in policy_at(version=version).channels.values() if purpose in c.purposes]


@transaction.atomic
def purpose_consent_open(
    *, actor: str, subject_id: str, purpose: str, policy_version: int, consent_ref: str
) -> PurposeConsent:
    """The person consented to `purpose` as `policy_version` describes it: their data acquired
    earlier may be used for it from now on. An added purpose is granted to the acquisitions
    whose channel lists it under that version, its retention counted from now (the data itself
    is kept no longer than its own retention allows). Replaces the person's earlier copy."""
    policy = policy_at(version=policy_version)
    if purpose not in policy.purposes or purpose not in policy_active().purposes:
        raise InvalidInput(f"purpose: {purpose!r} is not a purpose of version {policy_version}")
    subject = Subject.objects.select_for_update().filter(ref=subject_id).first()
    if subject is None:
        raise NotFound(f"subject {subject_id} does not exist")
    now = timezone.now()
    PurposeConsent.objects.filter(
        subject=subject, purpose=purpose, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    row = PurposeConsent.objects.create(
        subject=subject,
        purpose=purpose,
        policy_version=policy_version,
        consent_ref=consent_ref,
        given_at=now,
    )
    granted = _grants_add(subject, purpose, policy_version)
    audit_record(
        actor=actor,
        action="vault.purpose_consent.open",
        purpose=purpose,
        subjects=[subject.ref],
        detail={"consent": consent_ref, "policy_version": policy_version, "granted": granted},
    )
    return row


def _grants_add(subject: Subject, purpose: str, version: int) -> int:
    channels = _channels_with(purpose, version)
    have = AcquisitionPurpose.objects.filter(subject=subject, purpose=purpose).values(
        "acquisition_id"
    )
    missing = Acquisition.objects.filter(
        subject=subject, policy_version__lt=version, channel__in=channels
    ).exclude(pk__in=have)
    days = policy_at(version=version).purposes[purpose].retention_days
    expires = timezone.now() + timedelta(days=days)
    rows = [
        AcquisitionPurpose(acquisition=a, subject=subject, purpose=purpose, expires_at=expires)
        for a in missing
    ]
    AcquisitionPurpose.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def purpose_consent_close(*, actor: str, subject_id: str, purpose: str) -> bool:
    """The person withdrew their consent to `purpose` (the consent app calls this): data
    acquired before the change is no longer used for it. Returns whether a copy was open."""
    now = timezone.now()
    closed = PurposeConsent.objects.filter(
        subject__ref=subject_id, purpose=purpose, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    if closed:
        audit_record(
            actor=actor,
            action="vault.purpose_consent.close",
            purpose=purpose,
            subjects=[subject_id],
            detail={"closed": closed},
        )
    return bool(closed)
