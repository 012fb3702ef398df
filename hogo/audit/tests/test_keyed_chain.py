"""The chain is keyed with a key kept outside the database: someone who can write to the
database but cannot read the key file can neither rewrite the chain nor downgrade it to plain
SHA-256 without `hogo audit verify` naming the event."""

import json
import stat
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from hogo.audit.checks import audit_key_check
from hogo.audit.keys import AuditKeyError, audit_key_create
from hogo.audit.models import AuditEvent, Chain
from hogo.audit.selectors import audit_verify
from hogo.audit.services import audit_record

Events = Callable[[int], list[AuditEvent]]
Tampering = Callable[[], AbstractContextManager[None]]
RawSql = Callable[..., None]


def rechain_plain(raw_sql: RawSql, from_seq: int) -> None:
    """What a forger without the key can do: recompute every hash from `from_seq` on with
    plain SHA-256, keeping each link right."""
    events = list(AuditEvent.objects.order_by("seq"))
    prev = events[from_seq - 2].hash if from_seq > 1 else "0" * 64
    for event in events[from_seq - 1 :]:
        event.prev_hash = prev
        event.chain = Chain.SHA256
        new_hash = event.compute_hash()
        # Each old hash is parked out of the way first: prev_hash and hash are unique.
        raw_sql(
            "UPDATE audit_auditevent SET prev_hash = %s, hash = %s, chain = 1 WHERE seq = %s",
            [prev, new_hash, event.seq],
        )
        prev = new_hash


def test_it_keys_every_new_event_with_a_key_file_made_0600_on_first_use(
    record_events: Events, audit_key_file: Path
) -> None:
    assert not audit_key_file.exists()
    events = record_events(3)
    assert stat.S_IMODE(audit_key_file.stat().st_mode) == 0o600
    assert json.loads(audit_key_file.read_text())["keyed_from"] == 1
    assert {e.chain for e in AuditEvent.objects.all()} == {Chain.HMAC_SHA256}
    assert audit_verify().line == f"ok: 3 events, head {events[-1].hash}"


def test_it_keeps_verifying_events_written_before_the_key(
    legacy_events: Events, record_events: Events, audit_key_file: Path
) -> None:
    legacy_events(3)
    assert not audit_key_file.exists()
    events = record_events(2)
    assert json.loads(audit_key_file.read_text())["keyed_from"] == 4
    assert [e.chain for e in AuditEvent.objects.order_by("seq")] == [1, 1, 1, 2, 2]
    assert audit_verify().line == f"ok: 5 events, head {events[-1].hash}"


def test_it_catches_a_table_rechained_with_plain_sha256(
    record_events: Events, tampering: Tampering, raw_sql: RawSql
) -> None:
    record_events(10)
    with tampering():
        raw_sql("UPDATE audit_auditevent SET detail = '{}' WHERE seq = 4")
        rechain_plain(raw_sql, from_seq=1)
    assert audit_verify().line == (
        "event 1: unkeyed, but the audit key is in use since event 1 (downgraded or re-chained)"
    )


def test_it_catches_an_upgraded_log_rechained_with_plain_sha256(
    legacy_events: Events, record_events: Events, tampering: Tampering, raw_sql: RawSql
) -> None:
    """Even when the first keyed event is the one changed, the key file knows where keying
    began."""
    legacy_events(3)
    record_events(5)
    with tampering():
        raw_sql("UPDATE audit_auditevent SET actor = 'system' WHERE seq = 4")
        rechain_plain(raw_sql, from_seq=4)
    assert audit_verify().line == (
        "event 4: unkeyed, but the audit key is in use since event 4 (downgraded or re-chained)"
    )


def test_it_catches_an_unkeyed_event_after_keyed_ones(
    record_events: Events, audit_key_file: Path, tampering: Tampering, raw_sql: RawSql
) -> None:
    """A downgrade: a forger appends a well-linked plain SHA-256 event after keyed ones."""
    events = record_events(5)
    # Even with a key file that claims keying began later, plain after keyed is refused.
    content = json.loads(audit_key_file.read_text())
    audit_key_file.write_text(json.dumps({**content, "keyed_from": 100}))
    forged = AuditEvent(
        seq=6, at=events[0].at, actor="system", action="test.forged", prev_hash=events[-1].hash
    )
    forged.chain = Chain.SHA256
    forged.hash = forged.compute_hash()
    forged.save()
    assert audit_verify().line == "event 6: unkeyed after keyed event 5 (downgraded)"


def test_it_refuses_to_record_when_the_key_file_of_a_keyed_chain_is_lost(
    record_events: Events, audit_key_file: Path
) -> None:
    record_events(2)
    audit_key_file.unlink()
    with pytest.raises(AuditKeyError, match=f"audit key file {audit_key_file} does not exist"):
        audit_record(actor="system", action="test.after_loss")
    assert not audit_key_file.exists()  # not silently replaced by a new key
    assert AuditEvent.objects.count() == 2
    assert audit_verify().line == (
        f"event 1: keyed, but the audit key file {audit_key_file} does not exist"
    )


def test_it_refuses_a_key_file_other_users_can_read(
    record_events: Events, audit_key_file: Path
) -> None:
    record_events(1)
    audit_key_file.chmod(0o644)
    with pytest.raises(AuditKeyError, match="readable by other users"):
        audit_record(actor="system", action="test.open_key")
    assert not audit_verify().ok


def test_it_catches_a_chain_verified_with_another_key(
    record_events: Events, audit_key_file: Path
) -> None:
    record_events(2)
    audit_key_file.unlink()
    audit_key_create(keyed_from=1)
    assert audit_verify().line == "event 1: hash mismatch (altered)"


def test_a_second_key_creation_keeps_the_first_key(
    record_events: Events, audit_key_file: Path
) -> None:
    record_events(1)
    before = audit_key_file.read_text()
    audit_key_create(keyed_from=7)
    assert audit_key_file.read_text() == before
    assert list(audit_key_file.parent.iterdir()) == [audit_key_file]  # no temporary left


def test_hogo_check_refuses_to_start_without_the_key_of_a_keyed_log(
    record_events: Events, audit_key_file: Path
) -> None:
    record_events(1)
    assert audit_key_check() == []
    audit_key_file.unlink()
    (error,) = audit_key_check()
    assert error.id == "audit.E001"
    assert str(audit_key_file) in error.msg
    audit_key_file.parent.joinpath("audit.key").write_text("{}")
    audit_key_file.chmod(0o600)
    assert [e.id for e in audit_key_check()] == ["audit.E002"]
