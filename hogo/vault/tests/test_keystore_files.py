"""The SQLite key store keeps no destroyed data key on disk: secure_delete zeroes the deleted
row and the rollback journal (never a write-ahead log) is emptied at every commit."""

from pathlib import Path

import pytest
from django.db import connections

from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, register
from hogo.vault.erasure import subject_erase
from hogo.vault.models import DataKey
from hogo.vault.routers import KEYS_DB


def keystore_files() -> list[Path]:
    name = Path(connections[KEYS_DB].settings_dict["NAME"])
    return sorted(name.parent.glob(name.name + "*"))


@pytest.mark.django_db(transaction=True)
def test_it_leaves_no_trace_of_a_destroyed_key_in_the_key_store_files(policy: Policy) -> None:
    if connections[KEYS_DB].vendor != "sqlite":
        pytest.skip("the SQLite key store's files")
    kept = register("kept.person@example.jp")
    erased = register()
    key = bytes(DataKey.objects.get(subject_ref=erased.subject_id).wrapped)
    other = bytes(DataKey.objects.get(subject_ref=kept.subject_id).wrapped)
    assert any(key in path.read_bytes() for path in keystore_files())  # the scan sees keys

    subject_erase(actor=ACTOR, subject_id=erased.subject_id)

    files = keystore_files()
    assert not any(p.name.endswith("-wal") for p in files)
    assert [p.name for p in files if key in p.read_bytes()] == []
    assert any(other in path.read_bytes() for path in files)


def test_it_runs_the_sqlite_key_store_with_secure_delete_and_a_rollback_journal(db: None) -> None:
    if connections[KEYS_DB].vendor != "sqlite":
        pytest.skip("the SQLite key store's settings")
    with connections[KEYS_DB].cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] in ("delete", "truncate")
