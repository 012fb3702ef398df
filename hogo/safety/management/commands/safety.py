"""`hogo safety tick`: the safety program's periodic work (every few minutes from cron)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.safety.tick import safety_tick


class Command(BaseCommand):
    help = (
        "Safety program maintenance. `tick`: mail the privacy officer before each incident "
        "report deadline and when one passes, and each staff member whose training is "
        "overdue, the owners of overdue corrective actions and the officer about contractors "
        "whose supervision is overdue (once per due day; the desk's outbox delivers them); "
        "dispose of the sealed evidence of incidents closed longer than their retention."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("tick", help="Send the reminders that are due (run it from cron).")

    def handle(self, *args: Any, **options: Any) -> None:
        summary = safety_tick()
        self.stdout.write(", ".join(f"{key} {value}" for key, value in summary.items()))
