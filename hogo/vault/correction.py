"""Correction and addition of a subject's values on the person's request (APPI Art. 34).

A correction re-seals every value of a category with the new text (same rows, so retention
and acquisition records stay as they were); an addition stores a value the subject did not
have, under the latest acquisition whose purposes use that category. Special-care
information is never added or changed this way: it needs the person's explicit consent, so a
category or a text that the detector finds special-care information in is refused. Deletion
is erasure (`erasure.items_erase`, `erasure.subject_erase`).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.detect import scan
from hogo.errors import Conflict, InvalidInput, NotFound, Refused
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active, policy_at
from hogo.vault.crypto import FieldCipher
from hogo.vault.erasure import indexes_orphaned_delete
from hogo.vault.intake import MAX_VALUE_CHARS, NORMALIZERS
from hogo.vault.keys import blind_indexer, data_keys_load
from hogo.vault.models import (
    Acquisition,
    AcquisitionPurpose,
    BlindIndex,
    IdentifierKind,
    Item,
    Subject,
    SubjectStatus,
    item_aad,
)

MAX_CORRECTIONS = 50
_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")


@dataclass(frozen=True)
class Correction:
    """The new value of one category of the subject's data."""

    category: str
    value: str


@dataclass(frozen=True)
class CorrectionResult:
    subject_id: str
    corrected: int  # values re-sealed with new text
    added: int  # values the subject did not have before


@transaction.atomic
def items_correct(
    *, actor: str, subject_id: str, corrections: Sequence[Correction], request_ref: str
) -> CorrectionResult:
    """Applies the corrections and additions all together, or none; one audit event."""
    if not request_ref or not _REF.fullmatch(request_ref):
        raise InvalidInput("request_ref: the desk case id is required")
    if isinstance(corrections, str) or not 1 <= len(corrections) <= MAX_CORRECTIONS:
        raise InvalidInput(f"corrections: give between 1 and {MAX_CORRECTIONS}")
    policy = policy_active()
    digests = [_checked(policy, index, c) for index, c in enumerate(corrections)]
    subject = Subject.objects.select_for_update().filter(ref=subject_id).first()
    if subject is None:
        raise NotFound(f"subject {subject_id} does not exist")
    if subject.status != SubjectStatus.ACTIVE:
        raise Conflict(f"subject {subject_id} is {subject.status}: nothing is held", code="gone")
    cipher = data_keys_load([subject.ref]).get(subject.ref)
    if cipher is None:
        raise Conflict(f"subject {subject_id}'s data key is destroyed", code="gone")
    corrected = added = 0
    for index, (correction, digest) in enumerate(zip(corrections, digests, strict=True)):
        kind = policy.identifier_kind(correction.category)
        item_digest = _index_ensure(subject, kind, digest)
        items = list(Item.objects.filter(subject=subject, category=correction.category))
        for item in items:
            item.sealed = cipher.seal(correction.value, aad=item_aad(item.pk, subject.ref))
            item.digest = item_digest
        Item.objects.bulk_update(items, ["sealed", "digest"])
        corrected += len(items)
        if not items:
            _item_add(subject, cipher, correction, item_digest, f"corrections[{index}]")
            added += 1
    indexes_orphaned_delete([subject.pk])
    audit_record(
        actor=actor,
        action="vault.items.correct",
        subjects=[subject.ref],
        detail={
            "request_ref": request_ref,
            "categories": sorted({c.category for c in corrections}),
            "corrected": corrected,
            "added": added,
        },
    )
    return CorrectionResult(subject_id=subject.ref, corrected=corrected, added=added)


def _checked(policy: Policy, index: int, correction: Correction) -> str | None:
    """Validates one correction; returns the blind-index digest of an identifier's new value."""
    path = f"corrections[{index}]"
    if not isinstance(correction, Correction):
        raise InvalidInput(f"{path}: must be a Correction")
    if correction.category not in policy.categories:
        raise InvalidInput(f"{path}.category: not a category of the active policy")
    if correction.category in policy.special_care_ids():
        raise Refused(
            f"{path}: special-care information needs the person's explicit consent; it is not "
            "changed through a correction",
            code="special_care_without_consent",
        )
    value = correction.value
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_VALUE_CHARS:
        raise InvalidInput(f"{path}.value: must be text of 1 to {MAX_VALUE_CHARS} characters")
    found = scan(value, phone_regions=policy.detection.phone_regions).categories
    if found:
        raise Refused(
            f"{path}.value: looks like special-care information ({', '.join(found)}), which "
            "needs the person's explicit consent",
            code="special_care_without_consent",
        )
    kind = policy.identifier_kind(correction.category)
    if kind is None:
        return None
    try:
        normal = NORMALIZERS[kind](value)
    except ValueError as exc:
        raise InvalidInput(f"{path}.value: {exc}") from None
    return blind_indexer(kind).digest(normal)


def _index_ensure(subject: Subject, kind: str | None, digest: str | None) -> str:
    """The subject's blind-index row for an identifier's new value, made if missing; returns
    the digest for the items ("" for a value that is not an identifier)."""
    if kind is None or digest is None:
        return ""
    if (
        kind == IdentifierKind.EMAIL
        and BlindIndex.objects.filter(kind=kind, digest=digest).exclude(subject=subject).exists()
    ):
        raise Conflict(
            "the new e-mail address is held for another person; the desk must check it",
            code="email_taken",
        )
    BlindIndex.objects.get_or_create(subject=subject, kind=kind, digest=digest)
    return digest


def _item_add(
    subject: Subject,
    cipher: FieldCipher,
    correction: Correction,
    digest: str,
    path: str,
) -> None:
    now = timezone.now()
    for acquisition in Acquisition.objects.filter(subject=subject).order_by("-acquired_at", "-pk"):
        retain = _retention(acquisition, correction.category, now)
        if retain is None:
            continue
        channel = policy_at(version=acquisition.policy_version).channels.get(acquisition.channel)
        fields = channel.fields if channel else ()
        spec = next((f for f in fields if f.category == correction.category), None)
        item = Item(
            subject=subject,
            acquisition=acquisition,
            field=spec.id if spec else correction.category,
            category=correction.category,
            digest=digest,
            retain_until=retain,
        )
        item.sealed = cipher.seal(correction.value, aad=item_aad(item.pk, subject.ref))
        item.save(force_insert=True)
        return
    raise Refused(
        f"{path}: none of the purposes the data was given for uses category "
        f"{correction.category!r}, so it cannot be added",
        code="purpose_not_allowed",
    )


def _retention(acquisition: Acquisition, category: str, now: datetime) -> datetime | None:
    """The end of the longest running retention among the acquisition's purposes that use the
    category (as told at acquisition), or None when none does."""
    policy = policy_at(version=acquisition.policy_version)
    ends = [
        grant.expires_at
        for grant in AcquisitionPurpose.objects.filter(acquisition=acquisition, expires_at__gt=now)
        if grant.purpose in policy.purposes
        and category in policy.purposes[grant.purpose].categories
    ]
    return max(ends, default=None)
