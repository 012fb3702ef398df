"""Django's `flush` (empty every table), able to empty the append-only audit log too.

Django's test runner flushes the database after every transactional test; without this the
audit triggers would refuse it. Emptying the whole database is the only way to empty the log.
"""

from typing import Any

from django.core.management.base import CommandError
from django.core.management.commands import flush
from django.db import DEFAULT_DB_ALIAS, connections

from hogo.audit.maintenance import append_only_triggers_suspended


class Command(flush.Command):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database", DEFAULT_DB_ALIAS)]
        if "audit_auditevent" not in connection.introspection.table_names():
            super().handle(**options)
            return
        # Ask before the triggers are suspended: the suspension locks the audit table.
        if options["interactive"]:
            confirm = input(
                "This will IRREVERSIBLY DESTROY all data, the audit log included, in the "
                f"{connection.settings_dict['NAME']!s} database.\n"
                "Type 'yes' to continue, or 'no' to cancel: "
            )
            if confirm != "yes":
                raise CommandError("Flush cancelled.")
        with append_only_triggers_suspended(connection):
            super().handle(**{**options, "interactive": False})
