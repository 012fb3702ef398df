"""Reads of the audit log: listing events and verifying the whole chain."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from hogo.audit.models import GENESIS_HASH, AuditEvent

# Group names of hogo.console.roles.Role; spelled out because audit sits left of console.
READER_GROUPS = ("privacy_officer", "auditor")

VERIFY_CHUNK = 2000


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    head: str
    bad_seq: int | None = None
    reason: str | None = None

    @property
    def line(self) -> str:
        if self.ok:
            return f"ok: {self.events} events, head {self.head}"
        return f"event {self.bad_seq}: {self.reason}"


def audit_reader_check(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    """Only the privacy officer and auditors may read the log (API, admin, console)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return Group.objects.filter(user__pk=user.pk, name__in=READER_GROUPS).exists()


def audit_event_get(*, seq: int) -> AuditEvent | None:
    return AuditEvent.objects.filter(seq=seq).first()


def audit_events(
    *,
    action: str | None = None,
    subject: str | None = None,
    after: int = 0,
    limit: int = 100,
) -> list[AuditEvent]:
    """Events in seq order after `after`; `action` is exact, or a prefix when it ends in `.*`."""
    events = AuditEvent.objects.filter(seq__gt=after)
    if action is not None:
        if action.endswith(".*"):
            events = events.filter(action__startswith=action[:-1])
        else:
            events = events.filter(action=action)
    if subject is not None:
        if connection.vendor == "postgresql":
            # jsonb containment, served by the GIN index from migration 0003.
            events = events.filter(subjects__contains=[subject])
        else:
            events = events.alias(
                has_subject=RawSQL(
                    "EXISTS (SELECT 1 FROM json_each(audit_auditevent.subjects) AS s "
                    "WHERE s.value = %s)",
                    [subject],
                    output_field=BooleanField(),
                )
            ).filter(has_subject=True)
    return list(events.order_by("seq")[:limit])


def audit_verify() -> VerifyResult:
    """Walk the chain in seq order, recomputing every hash and link; stop at the first bad one.

    A tail cut off after the last event cannot be seen from inside the log: compare the head
    with one recorded elsewhere for that.
    """
    count = 0
    last_seq = 0
    last_hash = GENESIS_HASH
    for event in _events_in_order():
        count += 1
        reason = _first_fault(event, last_seq, last_hash)
        if reason is not None:
            return VerifyResult(
                ok=False, events=count, head=last_hash, bad_seq=event.seq, reason=reason
            )
        last_seq, last_hash = event.seq, event.hash
    return VerifyResult(ok=True, events=count, head=last_hash)


def _first_fault(event: AuditEvent, last_seq: int, last_hash: str) -> str | None:
    if event.seq <= last_seq:
        return f"seq not after {last_seq} (inserted)"
    if event.seq != last_seq + 1:
        return f"seq gap after {last_seq} (deleted)"
    if event.prev_hash != last_hash:
        if last_seq == 0:
            return "prev_hash is not the genesis value (deleted, inserted or reordered)"
        return f"prev_hash does not match event {last_seq} (deleted, inserted or reordered)"
    if event.compute_hash() != event.hash:
        return "hash mismatch (altered)"
    return None


def _events_in_order() -> Iterator[AuditEvent]:
    # Keyset pages keep memory flat however long the log is, on both databases.
    # The first page has no lower bound, so a forged event numbered 0 is seen too.
    events = AuditEvent.objects.order_by("seq")
    page = list(events[:VERIFY_CHUNK])
    while True:
        yield from page
        if len(page) < VERIFY_CHUNK:
            return
        page = list(events.filter(seq__gt=page[-1].seq)[:VERIFY_CHUNK])
