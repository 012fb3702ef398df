"""`hogo migrate`: Django's migrate, which also migrates the vault's key store.

The key store is a second database (`keys`); Django migrates one database per run, so a plain
`hogo migrate` would leave it empty. Run from the command line for the default database, this
command then migrates `keys` too (creating it on the same PostgreSQL server when missing).
Programmatic calls (`call_command`, test database set-up) behave exactly like Django's.
"""

from typing import Any

from django.core.management import CommandError, call_command
from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import DEFAULT_DB_ALIAS, connections

from hogo.vault.routers import KEYS_DB


class Command(DjangoMigrate):
    help = DjangoMigrate.help + " From the command line it also migrates the key store."
    from_command_line = False

    def run_from_argv(self, argv: list[str]) -> None:
        self.from_command_line = True
        super().run_from_argv(argv)

    def handle(self, *args: Any, **options: Any) -> None:
        super().handle(*args, **options)
        if (
            self.from_command_line
            and options["database"] == DEFAULT_DB_ALIAS
            and not options["app_label"]
            and KEYS_DB in connections
        ):
            self.keystore_create()
            if options["verbosity"] >= 1:
                self.stdout.write(self.style.MIGRATE_HEADING("Key store (database 'keys'):"))
            call_command(
                "migrate",
                database=KEYS_DB,
                verbosity=options["verbosity"],
                interactive=False,
                plan=options["plan"],
                check_unapplied=options["check_unapplied"],
                fake=options["fake"],
                stdout=self.stdout,
                stderr=self.stderr,
            )

    def keystore_create(self) -> None:
        keys, default = connections[KEYS_DB], connections[DEFAULT_DB_ALIAS]
        if keys.vendor != "postgresql":
            return  # SQLite makes its file on first connection
        name = keys.settings_dict["NAME"]
        same_server = all(
            keys.settings_dict[k] == default.settings_dict[k] for k in ("HOST", "PORT", "USER")
        )
        with default.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is not None:
                return
            if not same_server:
                raise CommandError(
                    f"the key-store database {name!r} (HOGO_KEYSTORE_URL) does not exist: "
                    "create it, then run hogo migrate again"
                )
            cursor.execute(f"CREATE DATABASE {default.ops.quote_name(name)}")
        self.stdout.write(f"Created the key-store database {name!r}.")
