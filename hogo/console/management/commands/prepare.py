"""`hogo prepare --staff USERNAME --role ROLE`: what `./dev start` does before it serves, in one
process, skipping what is already done.

The three commands it stands for (`hogo migrate`, `hogo policy load`, `hogo staff create
--if-missing`) each start Python and set up Django anew, about a second apiece; a second
`./dev start` had nothing for any of them to do. Here:

- migrations run (as `hogo migrate` runs them, the key store included) only when one is pending
  in some database, or a database cannot be read yet;
- the policy file is loaded (an unchanged file writes nothing);
- the staff user is created when missing, and its generated password printed once.

The system checks are left to the server started next, which runs them anyway before serving.

With `--serve [ADDR:]PORT` the development server (`hogo runserver`, checks and reloading
included) starts in the same process once the three steps are done, so that Django is set up
once instead of twice; `./dev start` runs it so. The reloader's outer process only restarts
the serving one (hogo/manage.py), which prepares again, finding nothing to do unless a
migration was added meanwhile.
"""

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management import ManagementUtility, call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor


class Command(BaseCommand):
    help = (
        "Prepare a development start: migrate when a migration is pending, load the policy "
        "file when it changed, create the staff user when missing."
    )
    requires_system_checks = ()  # the server started next runs them before it serves

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--staff", required=True, metavar="USERNAME")
        parser.add_argument("--role", required=True)
        parser.add_argument(
            "--serve",
            metavar="[ADDR:]PORT",
            help="then run the development server in this process (as hogo runserver)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if migrations_pending():
            # The command-line form, not call_command: only it migrates the key store too.
            ManagementUtility([sys.argv[0], "migrate", "-v", "0"]).execute()
        call_command("policy", "load", stdout=self.stdout, stderr=self.stderr)
        call_command(
            "staff",
            "create",
            options["staff"],
            "--role",
            options["role"],
            "--if-missing",
            stdout=self.stdout,
            stderr=self.stderr,
        )
        if options["serve"]:
            # call_command would skip the system checks unless told: the server runs them.
            call_command("runserver", options["serve"], skip_checks=False)


def migrations_pending() -> bool:
    for alias in connections:
        try:
            executor = MigrationExecutor(connections[alias])
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                return True
        except DatabaseError:
            return True  # not created yet (a PostgreSQL key store): migrate makes it
    return False
