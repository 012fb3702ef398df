from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.audit.selectors import audit_verify


class Command(BaseCommand):
    help = (
        "The audit log: `hogo audit verify` checks every event's hash and link; exit 0 with "
        "`ok: N events, head <hash>`, or exit 1 naming the first bad event and why."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="command", required=True, metavar="{verify}")
        sub.add_parser("verify", help="recompute the hash chain and report the first bad event")

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit_verify()
        self.stdout.write(result.line)
        if not result.ok:
            raise SystemExit(1)
