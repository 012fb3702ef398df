"""`hogo vault sweep`: dispose of personal data past its retention (now, or queued as a task)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.vault.erasure import retention_dispose
from hogo.vault.tasks import retention_sweep


class Command(BaseCommand):
    help = "Vault maintenance. `sweep`: dispose of data past its retention (run daily)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sweep = sub.add_parser("sweep", help="Dispose of data past its purposes' retention.")
        sweep.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the retention_sweep task for a worker instead of running it here.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = retention_sweep.enqueue()
            self.stdout.write(f"queued retention sweep {result.id} ({result.status})")
            return
        summary = retention_dispose()
        self.stdout.write(
            f"disposed of {summary.items} values; {summary.subjects_closed} subjects closed; "
            f"{summary.keys_destroyed} data keys destroyed; {summary.notes} notes deleted"
        )
