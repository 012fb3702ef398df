"""`hogo desk tick`: the desk's periodic sweep (run every minute from cron, or queue it)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.desk.sweep import desk_sweep
from hogo.desk.tasks import desk_tick


class Command(BaseCommand):
    help = (
        "Request desk maintenance. `tick`: deliver due mail (retries), retry failed steps, "
        "remind staff of deadlines, expire unconfirmed requests, forget old content."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        tick = sub.add_parser("tick", help="Run the sweep once (every minute from cron).")
        tick.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the desk_tick task for a worker instead of running it here.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = desk_tick.enqueue()
            self.stdout.write(f"queued desk tick {result.id} ({result.status})")
            return
        summary = desk_sweep()
        self.stdout.write(", ".join(f"{key} {value}" for key, value in summary.items()))
