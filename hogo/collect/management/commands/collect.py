"""`hogo collect tick`: the forms' periodic work (run every minute from cron, or queue it)."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.collect.receipt import receipt_mails_send_due
from hogo.collect.tasks import receipt_mails_retry


class Command(BaseCommand):
    help = "Public forms maintenance. `tick`: send the confirmation mails that are due (retries)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        tick = sub.add_parser("tick", help="Run it once (every minute from cron).")
        tick.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the receipt_mails_retry task for a worker instead of running it here.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            result = receipt_mails_retry.enqueue()
            self.stdout.write(f"queued collect tick {result.id} ({result.status})")
            return
        self.stdout.write(f"confirmation mails sent {receipt_mails_send_due()}")
