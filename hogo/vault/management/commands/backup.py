"""`hogo backup DIR`: snapshots of the main database and the key store, never the KEK."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hogo.vault.backup import BackupError, backup_write
from hogo.vault.journal import journal_path


class Command(BaseCommand):
    help = (
        "Write separate, consistent snapshots of the main database and the key store, with a "
        "manifest, into a new or empty directory. The key-encryption key and the erasure "
        "journal are not included: back them up separately."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("directory", type=Path, help="A new or empty directory.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = backup_write(directory=options["directory"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        manifest = result.manifest
        databases = manifest["databases"]
        self.stdout.write(
            f"backup written to {result.directory}: main database ({databases['main']['engine']}, "
            f"{manifest['audit_head']['count']} audit events), key store "
            f"({databases['keys']['engine']}, {manifest['data_keys']} data keys wrapped with "
            f"{', '.join(manifest['kek_ids']) or 'no key'})"
        )
        self.stdout.write(
            f"not included: the key-encryption key {settings.MASTER_KEY_FILE} (and any "
            f"retired-* key beside it) and the erasure journal {journal_path()}; back them up "
            "separately, never next to this backup"
        )
