"""`hogo restore DIR`: restore a `hogo backup`, then replay the erasures made since."""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from hogo.vault.backup import BackupError, manifest_read
from hogo.vault.journal import JournalError, journal_path
from hogo.vault.kek import KekError
from hogo.vault.restore import backup_restore, restore_check


class Command(BaseCommand):
    help = (
        "Replace the main database and the key store with a backup made by `hogo backup`, then "
        "destroy again every data key the erasure journal records since. Stop hogo first (web "
        "server, workers, cron); everything written since the backup is lost."
    )
    requires_system_checks = ()  # a restore is how a failing start-up check gets fixed

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, help="A directory written by hogo backup.")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["directory"]
        try:
            manifest = manifest_read(directory=directory)
            restore_check(manifest=manifest)
            if not options["yes"]:
                self.confirm(directory, manifest["created_at"])
            result = backup_restore(directory=directory, manifest=manifest)
        except (BackupError, JournalError, KekError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"restored the backup of {result.backup_time.isoformat()}; erasure journal "
            f"{journal_path()}: {result.journal_entries} entries since, {result.keys_destroyed} "
            f"data keys destroyed again, {result.subjects_closed} subjects closed again; "
            f"{result.keys_rewrapped} keys rewrapped with the current key-encryption key"
        )
        if result.journal_unreadable:
            self.stderr.write(
                f"warning: {result.journal_unreadable} unreadable lines in the erasure journal "
                "were skipped (a line torn by a crash is expected; more is not)"
            )

    def confirm(self, directory: Path, created_at: str) -> None:
        if not sys.stdin.isatty():
            raise CommandError("give --yes to restore without a terminal to confirm on")
        answer = input(
            f"Replace both databases with the backup in {directory} (made {created_at})? "
            "Everything written since is lost. Type yes to go on: "
        )
        if answer.strip().lower() != "yes":
            raise CommandError("restore cancelled; nothing was changed")
