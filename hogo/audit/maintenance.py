"""Suspending the append-only triggers, for the one job that may empty the log: `hogo flush`.

Only ever inside a transaction, so the triggers are back (or never gone) when it ends,
whether it commits or rolls back.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "audit_auditevent"


@contextmanager
def append_only_triggers_suspended(connection: BaseDatabaseWrapper) -> Iterator[None]:
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER USER")
            yield
            cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER USER")
        else:
            # SQLite cannot disable a trigger: keep each one's own CREATE text and replay it.
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [TABLE],
            )
            triggers = cursor.fetchall()
            for name, _ in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            yield
            for _, sql in triggers:
                cursor.execute(sql)
