from collections.abc import Callable

import pytest
from django.db import DatabaseError, connection, transaction

from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_verify
from hogo.errors import Refused

APPEND_ONLY = "append-only"


@pytest.fixture
def event(record_events: Callable[[int], list[AuditEvent]]) -> AuditEvent:
    return record_events(3)[1]


def test_it_refuses_to_save_a_changed_event(event: AuditEvent) -> None:
    event.action = "vault.nothing"
    with pytest.raises(Refused, match=APPEND_ONLY):
        event.save()
    assert AuditEvent.objects.get(seq=2).action == "vault.erase"


def test_it_refuses_to_delete_an_event(event: AuditEvent) -> None:
    with pytest.raises(Refused, match=APPEND_ONLY):
        event.delete()
    assert AuditEvent.objects.count() == 3


@pytest.mark.parametrize(
    "bulk_change",
    [
        lambda qs: qs.update(actor="system"),
        lambda qs: qs.delete(),
        lambda qs: qs.bulk_update(list(qs), ["actor"]),
        lambda qs: qs.bulk_create([AuditEvent(seq=99)]),
    ],
    ids=["update", "delete", "bulk_update", "bulk_create"],
)
def test_it_refuses_bulk_changes_through_the_orm(
    event: AuditEvent, bulk_change: Callable[[object], object]
) -> None:
    with pytest.raises(Refused, match=APPEND_ONLY):
        bulk_change(AuditEvent.objects.filter(seq__gte=1))
    assert audit_verify().line.startswith("ok: 3 events")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET actor = 'system' WHERE seq = 2",
        "UPDATE audit_auditevent SET seq = seq + 100",
        "DELETE FROM audit_auditevent WHERE seq = 3",
        "DELETE FROM audit_auditevent",
    ],
)
def test_the_database_refuses_raw_updates_and_deletes(event: AuditEvent, statement: str) -> None:
    with pytest.raises(DatabaseError, match=APPEND_ONLY), transaction.atomic():
        connection.cursor().execute(statement)
    assert audit_verify().line.startswith("ok: 3 events")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no TRUNCATE")
def test_postgresql_refuses_truncate(event: AuditEvent) -> None:
    with pytest.raises(DatabaseError, match=APPEND_ONLY), transaction.atomic():
        connection.cursor().execute("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.count() == 3
