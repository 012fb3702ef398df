"""`hogo reconsent list` and `hogo reconsent send`: the campaigns, and sending what is queued."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.reconsent.selectors import campaign_counts, campaigns
from hogo.reconsent.tasks import requests_send


class Command(BaseCommand):
    help = (
        "Re-consent. `list`: each policy version's changes that need consent, with counts. "
        "`send`: send the queued consent requests (run from cron: finishes an interrupted send)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="Campaigns per policy version and purpose.")
        sub.add_parser("send", help="Send the queued requests that are due.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "send":
            totals = requests_send.call()
            self.stdout.write(
                f"sent {totals['sent']}; no e-mail {totals['no_email']}; "
                f"failed {totals['failed']} (queued for a later attempt)"
            )
            return
        for campaign in campaigns():
            counts = campaign_counts(campaign)
            self.stdout.write(
                f"version {campaign.version} {campaign.purpose} [{', '.join(campaign.kinds)}]: "
                f"{counts.waiting} not asked, {counts.asked} asked, {counts.sent} sent, "
                f"{counts.no_email} no e-mail, answers {counts.answers}"
            )
