"""Reads about subjects that never open a value: status, suspensions, disposal records."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from hogo.errors import NotFound
from hogo.policy.schema import Policy
from hogo.rows import rows_values
from hogo.vault.models import (
    Acquisition,
    AcquisitionPurpose,
    Disposal,
    Item,
    ProvisionStop,
    Suspension,
)

# The vault's statuses and kinds, which other apps compare and store as values, and the
# subject's row, which their models point at and their type hints name; the queries on it stay
# here (docs/architecture.md, "Who may call whom").
from hogo.vault.models import DisposalReason as DisposalReason
from hogo.vault.models import IdentifierKind as IdentifierKind
from hogo.vault.models import Source as Source
from hogo.vault.models import Subject as Subject
from hogo.vault.models import SubjectStatus as SubjectStatus
from hogo.vault.permissions import purpose_roles
from hogo.vault.records import DisclosedDisposal, Holding

_CHUNK = 2000  # refs per query, within every backend's limit on bound parameters


def subject_status(*, subject_id: str) -> SubjectStatus:
    status = Subject.objects.filter(ref=subject_id).values_list("status", flat=True).first()
    if status is None:
        raise NotFound(f"subject {subject_id} does not exist")
    return SubjectStatus(status)


def subjects_suspended(*, subject_pks: Sequence[int], purpose: str) -> set[int]:
    """The subjects (pks) whose use for `purpose` is suspended (for it, or for all)."""
    if not subject_pks:
        return set()
    wanted = set(subject_pks)
    # Suspensions are few: the live ones in the range of these pks, filtered here, instead of
    # binding every pk (preparing 1,000 values was most of this query's cost on an export page).
    rows = (
        Suspension.objects.filter(
            subject_id__gte=min(wanted), subject_id__lte=max(wanted), lifted_at__isnull=True
        )
        .filter(Q(purpose=purpose) | Q(purpose__isnull=True))
        .values_list("subject_id", flat=True)
    )
    return wanted.intersection(rows)


def subjects_provision_stopped(*, subject_pks: Sequence[int]) -> set[int]:
    """The subjects (pks) who stopped provision of their data to others (Art. 35(3))."""
    stopped: set[int] = set()
    for start in range(0, len(subject_pks), 2000):
        stopped.update(
            ProvisionStop.objects.filter(
                subject_id__in=subject_pks[start : start + 2000], lifted_at__isnull=True
            ).values_list("subject_id", flat=True)
        )
    return stopped


def subject_provision_stopped(*, subject_id: str) -> bool:
    """Whether the subject stopped provision of their data to others (Art. 35(3))."""
    return ProvisionStop.objects.filter(subject__ref=subject_id, lifted_at__isnull=True).exists()


def suspended_by_withdrawal(*, subject_id: str, purpose: str) -> bool:
    """Whether the subject's use for `purpose` is suspended by a withdrawn consent (the
    suspension's request ref is the consent's `con_...`), and not also for every purpose (such a
    suspension is lifted only as a whole, by the desk)."""
    live = Suspension.objects.filter(subject__ref=subject_id, lifted_at__isnull=True)
    suspension = live.filter(purpose=purpose).first()
    if suspension is None or not suspension.request_ref.startswith("con_"):
        return False
    return not live.filter(purpose__isnull=True).exists()


def disposals_for(*, subject_id: str) -> list[DisclosedDisposal]:
    """What was disposed of for a subject (category, field, count, when, why; no values), so
    the request desk can answer "already disposed"."""
    subject = Subject.objects.filter(ref=subject_id).first()
    if subject is None:
        raise NotFound(f"subject {subject_id} does not exist")
    return disposals_of(subject_pk=subject.pk)


def disposals_of(*, subject_pk: int) -> list[DisclosedDisposal]:
    """`disposals_for` of a subject the caller has read (its primary key)."""
    rows = rows_values(
        Disposal,
        ["category", "field", "items", "disposed_at", "reason"],
        where={"subject_id": subject_pk},
        order_by=("disposed_at", "id"),
    )
    return [DisclosedDisposal(*row) for row in rows]


def provision_stopped_of(*, subject_pk: int) -> bool:
    """`subject_provision_stopped` of a subject the caller has read (its primary key)."""
    return bool(
        rows_values(ProvisionStop, ["id"], where={"subject_id": subject_pk}, null=("lifted_at",))
    )


def subjects_purposes(
    *, subject_ids: Sequence[str], excluding_acquisition: int | None = None
) -> dict[str, set[str]]:
    """The purposes each subject's data was ever acquired for (subject id -> purpose ids), so
    an API can tell whether a caller could read a person at all without revealing them."""
    rows = Acquisition.objects.filter(subject__ref__in=list(subject_ids))
    if excluding_acquisition is not None:
        rows = rows.exclude(pk=excluding_acquisition)
    found: dict[str, set[str]] = {}
    for ref, purposes in rows.values_list("subject__ref", "purposes"):
        found.setdefault(ref, set()).update(purposes)
    return found


def subject_get(*, subject_id: str) -> Subject:
    """The subject's row (its primary key and ref only), for a row of another app to point at."""
    subject = Subject.objects.only("pk", "ref").filter(ref=subject_id).first()
    if subject is None:
        raise NotFound(f"subject {subject_id} does not exist")
    return subject


def subjects_found(*, subject_ids: Sequence[str]) -> dict[str, tuple[int, SubjectStatus]]:
    """Ref -> (primary key, status) of those of the subjects that exist."""
    found: dict[str, tuple[int, SubjectStatus]] = {}
    for start in range(0, len(subject_ids), _CHUNK):
        rows = Subject.objects.filter(ref__in=subject_ids[start : start + _CHUNK])
        for pk, ref, status in rows.values_list("pk", "ref", "status"):
            found[ref] = (pk, SubjectStatus(status))
    return found


def acquisitions_of(*, subject_id: str) -> list[Acquisition]:
    """Every acquisition of a subject, oldest first."""
    subject = subject_get(subject_id=subject_id)
    return list(Acquisition.objects.filter(subject=subject).order_by("acquired_at", "pk"))


def purposes_held(*, subject_ids: Sequence[str]) -> dict[str, set[str]]:
    """Ref -> the purposes its data is held for now (retention not yet over)."""
    held: dict[str, set[str]] = {}
    rows = AcquisitionPurpose.objects.filter(
        subject__ref__in=subject_ids, expires_at__gt=timezone.now()
    ).values_list("subject__ref", "purpose")
    for ref, purpose in rows:
        held.setdefault(ref, set()).add(purpose)
    return held


def subjects_acquired_through(
    *, channel: str, since: datetime, until: datetime
) -> QuerySet[Subject]:
    """Everyone with an acquisition through `channel` in [since, until) (an incident's people)."""
    acquired = Acquisition.objects.filter(
        channel=channel, acquired_at__gte=since, acquired_at__lt=until
    ).values("subject_id")
    return Subject.objects.filter(pk__in=acquired)


def subjects_named(*, refs: Sequence[str]) -> QuerySet[Subject]:
    """The subjects among these ids (unknown ids are simply not there)."""
    return Subject.objects.filter(ref__in=list(refs))


def purposes_held_by_pk(*, subject_pks: Sequence[int], now: datetime) -> dict[int, set[str]]:
    """Each subject's purposes whose retention is still running (no value opened)."""
    held: dict[int, set[str]] = {}
    for start in range(0, len(subject_pks), 2000):
        rows = AcquisitionPurpose.objects.filter(
            subject_id__in=subject_pks[start : start + 2000], expires_at__gt=now
        ).values_list("subject_id", "purpose")
        for pk, purpose in rows:
            held.setdefault(pk, set()).add(purpose)
    return held


# Aggregates for the ledger (個人情報管理台帳): counts only, never a value. Erased and
# disposed-of people hold nothing; values are counted while their rows exist (the retention
# sweep deletes them), and for a purpose only while its retention has not ended.


@dataclass(frozen=True)
class Holdings:
    """What the vault holds today, counted four ways in one read of the values."""

    by_purpose_category: dict[tuple[str, str], Holding]
    by_purpose: dict[str, int]
    by_category: dict[str, Holding]
    by_channel: dict[str, Holding]


def holdings(*, now: datetime | None = None) -> Holdings:
    """Per (purpose, category), per purpose, per category and per acquisition channel: the
    values held and their distinct people.

    One pass over the values' (acquisition, category) pairs, joined in memory with the live
    grants and the acquisitions of active people: the value table is the large one, and a
    grouped SQL count per view read it (and its ciphertext pages) three times, with a DISTINCT
    sort each (bench/ledger.py). `Counter` over whole lists in place of this loop cost twice
    the CPU (distinct people need a set of pairs per view)."""
    moment = now or timezone.now()
    owners: dict[int, tuple[int, str]] = {
        pk: (subject, channel)
        for pk, subject, channel in Acquisition.objects.filter(
            subject__status=SubjectStatus.ACTIVE
        ).values_list("pk", "subject_id", "channel")
    }
    granted: dict[int, list[str]] = {}
    for acquisition, purpose in AcquisitionPurpose.objects.filter(
        expires_at__gt=moment
    ).values_list("acquisition_id", "purpose"):
        if acquisition in owners:
            granted.setdefault(acquisition, []).append(purpose)
    tally = _Tally()
    values = Item.objects.values_list("acquisition_id", "category").order_by()
    for acquisition, category in values.iterator(chunk_size=10_000):
        owner = owners.get(acquisition)
        if owner is None:
            continue
        subject, channel = owner
        tally.add(("category", category), subject)
        tally.add(("channel", channel), subject)
        for purpose in granted.get(acquisition, ()):
            tally.add(("pair", (purpose, category)), subject)
    people: dict[str, set[int]] = {}
    for acquisition, purposes in granted.items():
        for purpose in purposes:
            people.setdefault(purpose, set()).add(owners[acquisition][0])
    return Holdings(
        by_purpose_category=tally.view("pair"),
        by_purpose={purpose: len(held) for purpose, held in people.items()},
        by_category=tally.view("category"),
        by_channel=tally.view("channel"),
    )


class _Tally:
    def __init__(self) -> None:
        self.items: dict[tuple[str, object], int] = {}
        self.people: dict[tuple[str, object], set[int]] = {}

    def add(self, key: tuple[str, object], subject: int) -> None:
        self.items[key] = self.items.get(key, 0) + 1
        held = self.people.get(key)
        if held is None:
            held = self.people[key] = set()
        held.add(subject)

    def view(self, kind: str) -> dict[Any, Holding]:
        return {
            key[1]: Holding(len(self.people[key]), count)
            for key, count in self.items.items()
            if key[0] == kind
        }


def readers_by_purpose(*, policy: Policy) -> dict[str, tuple[str, ...]]:
    """Purpose -> the staff roles that may read data for it (the vault's permissions)."""
    return purpose_roles(policy)
