"""Reads of the audit log: listing events and verifying the whole chain."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from hogo.audit.anchor import Anchor
from hogo.audit.keys import AuditKey, AuditKeyError, audit_key_path, audit_key_read
from hogo.audit.models import GENESIS_HASH, AuditEvent, Chain
from hogo.roles import Role

READER_GROUPS = (Role.PRIVACY_OFFICER.value, Role.AUDITOR.value)

VERIFY_CHUNK = 2000


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    head: str
    bad_seq: int | None = None
    reason: str | None = None
    anchored: Anchor | None = None

    @property
    def line(self) -> str:
        if self.ok:
            line = f"ok: {self.events} events, head {self.head}"
            if self.anchored is not None:
                line += f"; anchored at event {self.anchored.events} ({self.anchored.at})"
            return line
        if self.bad_seq is None:
            return str(self.reason)
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


def audit_verify(*, anchors: Sequence[Anchor] = ()) -> VerifyResult:
    """Walk the chain in seq order, recomputing every hash and link; stop at the first bad one.

    With anchors (signed checkpoints kept elsewhere, already checked), every anchored event must
    still be there with the anchored hash: that is what shows a cut-off tail or a re-chained log.
    """
    try:
        key = audit_key_read()
    except AuditKeyError as exc:
        return VerifyResult(ok=False, events=0, head=GENESIS_HASH, reason=str(exc))
    anchored: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        anchored.setdefault(anchor.events, []).append(anchor)
    count = 0
    last = _Link(seq=0, hash=GENESIS_HASH, chain=None)
    for event in _events_in_order():
        count += 1
        reason = _first_fault(event, last, key) or _anchor_fault(event, anchored.get(event.seq, []))
        if reason is not None:
            return VerifyResult(
                ok=False, events=count, head=last.hash, bad_seq=event.seq, reason=reason
            )
        last = _Link(seq=event.seq, hash=event.hash, chain=event.chain)
    beyond = [a for a in anchors if a.events > last.seq]
    if beyond:
        cut = max(beyond, key=lambda a: a.events)
        return VerifyResult(
            ok=False,
            events=count,
            head=last.hash,
            bad_seq=last.seq + 1,
            reason=f"missing, but {cut.where} of {cut.at} counted {cut.events} events (truncated)",
        )
    latest = max(anchors, key=lambda a: (a.at, a.events), default=None)
    return VerifyResult(ok=True, events=count, head=last.hash, anchored=latest)


@dataclass(frozen=True)
class _Link:
    seq: int
    hash: str
    chain: int | None


def _first_fault(event: AuditEvent, last: _Link, key: AuditKey | None) -> str | None:
    if event.seq <= last.seq:
        return f"seq not after {last.seq} (inserted)"
    if event.seq != last.seq + 1:
        return f"seq gap after {last.seq} (deleted)"
    if event.prev_hash != last.hash:
        if last.seq == 0:
            return "prev_hash is not the genesis value (deleted, inserted or reordered)"
        return f"prev_hash does not match event {last.seq} (deleted, inserted or reordered)"
    return _chain_fault(event, last, key)


def _chain_fault(event: AuditEvent, last: _Link, key: AuditKey | None) -> str | None:
    """Plain SHA-256 is only accepted before the first keyed event: anyone can compute it, so
    accepting it later would let a forger without the key downgrade the rest of the chain."""
    if event.chain == Chain.SHA256:
        if last.chain == Chain.HMAC_SHA256:
            return f"unkeyed after keyed event {last.seq} (downgraded)"
        if key is not None and event.seq >= key.keyed_from:
            return (
                f"unkeyed, but the audit key is in use since event {key.keyed_from} "
                "(downgraded or re-chained)"
            )
        chain_key = None
    elif event.chain == Chain.HMAC_SHA256:
        if key is None:
            return f"keyed, but the audit key file {audit_key_path()} does not exist"
        chain_key = key.chain_key
    else:
        return f"unknown chain scheme {event.chain}"
    if event.compute_hash(chain_key) != event.hash:
        return "hash mismatch (altered)"
    return None


def _anchor_fault(event: AuditEvent, anchors: list[Anchor]) -> str | None:
    for anchor in anchors:
        if anchor.head != event.hash:
            return f"hash differs from {anchor.where} of {anchor.at} (re-chained or altered)"
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
