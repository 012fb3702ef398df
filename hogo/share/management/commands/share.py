"""`hogo share sweep [--enqueue]`: dispose of provision records past retention and of expired
export packages, now or as a background task."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.share.retention import records_dispose
from hogo.share.tasks import records_sweep


class Command(BaseCommand):
    help = "Third-party provision: records retention."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sweep = sub.add_parser(
            "sweep", help="Dispose of provision records past retention and expired packages."
        )
        sweep.add_argument(
            "--enqueue", action="store_true", help="Queue it for a task worker instead."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = records_sweep.enqueue()
            self.stdout.write(f"enqueued: {result.id}")
            return
        summary = records_dispose()
        self.stdout.write(
            f"disposed of {summary.records} records ({summary.provisions} provisions, "
            f"{summary.lines} lines), {summary.packages} packages, "
            f"{summary.confirmations} Art. 31 confirmations"
        )
