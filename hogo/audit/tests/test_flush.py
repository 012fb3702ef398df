from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_verify


def test_flush_empties_the_log_and_keeps_it_append_only(
    record_events: Callable[[int], list[AuditEvent]],
) -> None:
    """`hogo flush` (which Django's test runner also uses) empties every table, the log too,
    and the triggers are back afterwards."""
    record_events(3)
    call_command("flush", interactive=False, verbosity=0)
    assert audit_verify().line == f"ok: 0 events, head {'0' * 64}"
    record_events(1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        connection.cursor().execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.count() == 1
