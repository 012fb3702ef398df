"""No personal value in plaintext: not in the SQLite files (main database, key store, their
journals), not in the logs (SQL debug logging included), not in the audit log."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, register
from hogo.vault.access import subject_disclose, subjects_access
from hogo.vault.erasure import subject_erase
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_suspend

EMAIL = "zanshin.tokumei@example-grep.jp"
PHONE = "090-8765-4321"
NAME = "徳名 残心"
ORGANIZATION = "Kuroshio Widget Works"
NEEDS = "gluten-free meals, wheelchair seat 17"
SECRETS = [
    EMAIL,
    "zanshin.tokumei",
    "example-grep",
    "8765-4321",
    "+819087654321",
    "9087654321",
    NAME,
    "徳名",
    ORGANIZATION,
    "Kuroshio",
    "wheelchair seat",
]


def store_and_use() -> None:
    subject_id = register(
        EMAIL,
        name=NAME,
        phone=PHONE,
        items=(
            ItemIn("organization", None, ORGANIZATION),
            ItemIn("special_requirements", "disability", NEEDS, "consent_5"),
        ),
    ).subject_id
    other = register("someone.else@example.jp").subject_id
    subjects_access(actor=ACTOR, purpose=CAMPAIGN, email=EMAIL)
    subjects_access(actor=ACTOR, purpose=CAMPAIGN, phone=PHONE)
    subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id])
    subject_disclose(actor=ACTOR, subject_id=subject_id, request_ref="case-1")
    subject_suspend(actor=ACTOR, subject_id=subject_id, purposes=[CAMPAIGN])
    subject_erase(actor=ACTOR, subject_id=other)


def found_in(data: bytes) -> list[str]:
    return [s for s in SECRETS if s.encode() in data or s.casefold().encode() in data]


@pytest.fixture
def sql_logged() -> Iterator[None]:
    """Log every SQL statement with its parameters, as a debugging operator might."""
    for alias in ("default", "keys"):
        connections[alias].force_debug_cursor = True
    yield
    for alias in ("default", "keys"):
        connections[alias].force_debug_cursor = False


@pytest.mark.django_db(transaction=True)
def test_it_keeps_no_plaintext_in_the_sqlite_files(active_policy: Policy) -> None:
    if connections["default"].vendor != "sqlite":
        pytest.skip("greps SQLite files; the log and audit test runs on both databases")
    store_and_use()
    files: list[Path] = []
    for alias in ("default", "keys"):
        database = Path(connections[alias].settings_dict["NAME"])
        files += [p for p in database.parent.glob(database.name + "*") if p.is_file()]
    assert len(files) >= 2
    for path in files:
        assert found_in(path.read_bytes()) == [], path.name
    # The test is able to see a value that is there: the audit log's own rows are in the file.
    main = Path(connections["default"].settings_dict["NAME"])
    assert any(b"vault.access" in p.read_bytes() for p in main.parent.glob(main.name + "*"))


def test_it_keeps_plaintext_out_of_logs_and_the_audit_log(
    policy: Policy, caplog: pytest.LogCaptureFixture, sql_logged: None
) -> None:
    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, "django.db.backends"):
        store_and_use()
    assert any("vault_item" in r.getMessage() for r in caplog.records)  # SQL was logged
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert found_in(logged.encode()) == []
    audit = str(list(AuditEvent.objects.values()))
    assert "vault.disclose" in audit
    assert found_in(audit.encode()) == []
