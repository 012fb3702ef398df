"""Tampering done directly in the database, past the triggers, as someone with database access
could; `audit_verify` must name the first bad event and why."""

import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from hogo.audit.keys import audit_key_required
from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_verify

Tampering = Callable[[], AbstractContextManager[None]]
RawSql = Callable[..., None]


@pytest.fixture
def ten_events(record_events: Callable[[int], list[AuditEvent]]) -> list[AuditEvent]:
    return record_events(10)


def forged_row(seq: int, prev_hash: str) -> list[object]:
    """A well-formed event whose own hash is right, as a careful forger holding the audit key
    would write it: only the links give it away."""
    event = AuditEvent(
        seq=seq,
        at=timezone.now(),
        actor="user:1",
        action="vault.access",
        purpose=None,
        subjects=["sub_forged"],
        detail={},
        prev_hash=prev_hash,
    )
    event.hash = event.compute_hash(audit_key_required().chain_key)
    return [seq, connection.ops.adapt_datetimefield_value(event.at), prev_hash, event.hash]


INSERT = (
    "INSERT INTO audit_auditevent (seq, at, actor, action, purpose, subjects, detail, "
    "prev_hash, hash, chain) VALUES (%s, %s, 'user:1', 'vault.access', NULL, "
    "'[\"sub_forged\"]', '{}', %s, %s, 2)"
)


def shift_seqs_up_from(raw_sql: RawSql, seq: int) -> None:
    # Two steps, because seq is unique and PostgreSQL checks it row by row.
    raw_sql("UPDATE audit_auditevent SET seq = seq + 1000 WHERE seq >= %s", [seq])
    raw_sql("UPDATE audit_auditevent SET seq = seq - 999 WHERE seq >= 1000")


def test_it_finds_an_altered_event(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        raw_sql("UPDATE audit_auditevent SET detail = %s WHERE seq = 7", ['{"count": 0}'])
    assert audit_verify().line == "event 7: hash mismatch (altered)"


def test_it_finds_an_altered_actor(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        raw_sql("UPDATE audit_auditevent SET actor = 'system' WHERE seq = 1")
    assert audit_verify().line == "event 1: hash mismatch (altered)"


def test_it_finds_an_altered_event_whose_hash_was_recomputed(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    """Rewriting the hash too only moves the break to the link of the next event."""
    event = ten_events[4]
    event.purpose = "campaign-invitations-surveys"
    new_hash = event.compute_hash(audit_key_required().chain_key)
    with tampering():
        raw_sql(
            "UPDATE audit_auditevent SET purpose = %s, hash = %s WHERE seq = 5",
            [event.purpose, new_hash],
        )
    assert audit_verify().line == (
        "event 6: prev_hash does not match event 5 (deleted, inserted or reordered)"
    )


def test_it_finds_a_deleted_event(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        raw_sql("DELETE FROM audit_auditevent WHERE seq = 4")
    result = audit_verify()
    assert not result.ok
    assert result.line == "event 5: seq gap after 3 (deleted)"


def test_it_finds_the_first_event_deleted(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        raw_sql("DELETE FROM audit_auditevent WHERE seq = 1")
    assert audit_verify().line == "event 2: seq gap after 0 (deleted)"


def test_it_finds_a_deleted_event_with_the_rest_renumbered(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        raw_sql("DELETE FROM audit_auditevent WHERE seq = 4")
        raw_sql("UPDATE audit_auditevent SET seq = seq + 1000 WHERE seq > 4")
        raw_sql("UPDATE audit_auditevent SET seq = seq - 1001 WHERE seq > 1000")
    assert audit_verify().line == (
        "event 4: prev_hash does not match event 3 (deleted, inserted or reordered)"
    )


def test_it_finds_two_events_swapped(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        raw_sql("UPDATE audit_auditevent SET seq = 1000 WHERE seq = 8")
        raw_sql("UPDATE audit_auditevent SET seq = 8 WHERE seq = 9")
        raw_sql("UPDATE audit_auditevent SET seq = 9 WHERE seq = 1000")
    assert audit_verify().line == (
        "event 8: prev_hash does not match event 7 (deleted, inserted or reordered)"
    )


def test_it_finds_an_inserted_event(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    """A forged event slipped in as number 6, the rest renumbered after it."""
    fake_link = hashlib.sha256(b"a plausible predecessor").hexdigest()
    with tampering():
        shift_seqs_up_from(raw_sql, 6)
        raw_sql(INSERT, forged_row(6, fake_link))
    assert AuditEvent.objects.count() == 11
    assert audit_verify().line == (
        "event 6: prev_hash does not match event 5 (deleted, inserted or reordered)"
    )


def test_it_finds_an_event_inserted_before_the_first(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        shift_seqs_up_from(raw_sql, 1)
        raw_sql(INSERT, forged_row(1, "f" * 64))
    assert audit_verify().line == (
        "event 1: prev_hash is not the genesis value (deleted, inserted or reordered)"
    )


def test_it_finds_an_event_numbered_zero(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        raw_sql(INSERT, forged_row(0, "e" * 64))
    assert audit_verify().line == "event 0: seq not after 0 (inserted)"


def test_the_database_refuses_a_second_event_on_the_same_link(
    ten_events: list[AuditEvent], raw_sql: RawSql
) -> None:
    """prev_hash is unique, so even a raw INSERT cannot fork the chain at an existing link."""
    with pytest.raises(IntegrityError), transaction.atomic():
        raw_sql(INSERT, forged_row(11, ten_events[4].hash))


def test_it_reports_only_the_first_of_several_faults(
    ten_events: list[AuditEvent], tampering: Tampering, raw_sql: RawSql
) -> None:
    with tampering():
        raw_sql("UPDATE audit_auditevent SET actor = 'system' WHERE seq IN (3, 9)")
        raw_sql("DELETE FROM audit_auditevent WHERE seq = 6")
    assert audit_verify().line == "event 3: hash mismatch (altered)"
