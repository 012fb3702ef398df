"""Migration 0004 on a log written before it: the old events stay plain and verifiable, the next
ones are keyed, and the append-only triggers are still there."""

import hashlib
import json
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from hogo.audit.models import GENESIS_HASH, canonical_json, timestamp_text
from hogo.audit.selectors import audit_verify
from hogo.audit.services import audit_record

BEFORE = [("audit", "0003_subjects_index")]
AFTER = [("audit", "0004_chain_scheme")]


def migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def insert_old_events(n: int) -> str:
    """Rows as hogo wrote them before 0004: no chain column, plain SHA-256."""
    prev = GENESIS_HASH
    with connection.cursor() as cursor:
        for seq in range(1, n + 1):
            at = timezone.now()
            payload = {
                "seq": seq,
                "at": timestamp_text(at),
                "actor": "system",
                "action": "test.old",
                "purpose": None,
                "subjects": [],
                "detail": {},
                "prev_hash": prev,
            }
            digest = hashlib.sha256(canonical_json(payload)).hexdigest()
            cursor.execute(
                "INSERT INTO audit_auditevent (seq, at, actor, action, purpose, subjects, "
                "detail, prev_hash, hash) VALUES (%s, %s, 'system', 'test.old', NULL, '[]', "
                "'{}', %s, %s)",
                [seq, connection.ops.adapt_datetimefield_value(at), prev, digest],
            )
            prev = digest
    return prev


@pytest.mark.django_db(transaction=True)
def test_old_events_stay_verifiable_and_append_only_after_the_migration(
    audit_key_file: Path,
) -> None:
    migrate(BEFORE)
    try:
        head = insert_old_events(3)
    finally:
        migrate(AFTER)
    assert audit_verify().line == f"ok: 3 events, head {head}"
    event = audit_record(actor="system", action="test.new")
    assert json.loads(audit_key_file.read_text())["keyed_from"] == 4
    assert audit_verify().line == f"ok: 4 events, head {event.hash}"
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET chain = 1 WHERE seq = 4")
