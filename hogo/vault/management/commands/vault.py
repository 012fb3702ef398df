"""`hogo vault sweep`: dispose of personal data past its retention (now, or queued as a task).
`hogo vault phone-index`: derive the phone blind indexes again after the normal form changed."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.vault.access.reindex import phone_indexes_rebuild
from hogo.vault.erasure import retention_dispose
from hogo.vault.tasks import retention_sweep


class Command(BaseCommand):
    help = (
        "Vault maintenance. `sweep`: dispose of data past its retention (run daily). "
        "`phone-index`: derive the phone blind indexes again (resumable)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sweep = sub.add_parser("sweep", help="Dispose of data past its purposes' retention.")
        sweep.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the retention_sweep task for a worker instead of running it here.",
        )

        sub.add_parser(
            "phone-index",
            help="Derive every phone blind index again from the sealed numbers, after an upgrade "
            "that changed the phone normal form. Safe to interrupt and run again.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "phone-index":
            self._phone_index()
            return
        if options["enqueue"]:
            result = retention_sweep.enqueue()
            self.stdout.write(f"queued retention sweep {result.id} ({result.status})")
            return
        summary = retention_dispose()
        self.stdout.write(
            f"disposed of {summary.items} values; {summary.subjects_closed} subjects closed; "
            f"{summary.keys_destroyed} data keys destroyed; {summary.notes} notes deleted"
        )

    def _phone_index(self) -> None:
        def progress(done: int, total: int) -> None:
            self.stdout.write(f"phone index: {done}/{total} items")

        result = phone_indexes_rebuild(actor="system:cli", progress=progress)
        self.stdout.write(
            f"phone index: {result.items} items, {result.changed} changed, "
            f"{result.rejected} not valid phone numbers any more (old digest kept), "
            f"{result.unreadable} with their key destroyed"
        )
