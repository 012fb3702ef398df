"""`hogo keys rotate`: rewrap every data key under a new key-encryption key.
`hogo keys status`: which KEK the key store's keys are wrapped with."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from hogo.vault.kek import KekError, kek_store
from hogo.vault.models import DataKey
from hogo.vault.rotation import kek_rotate

ACTOR = "system:keys"


class Command(BaseCommand):
    help = "Manage the vault's key-encryption key (KEK)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        rotate = sub.add_parser(
            "rotate",
            help="Rewrap every data key under a new KEK. Resumable: if interrupted, run it again.",
        )
        rotate.add_argument("--batch-size", type=int, default=1000)
        sub.add_parser("status", help="Show the KEKs and how many keys each wraps.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "rotate":
                self.rotate(options["batch_size"])
            else:
                self.status()
        except KekError as exc:
            raise CommandError(str(exc)) from None

    def rotate(self, batch_size: int) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")

        def progress(done: int, total: int) -> None:
            self.stdout.write(f"rewrapped {done}/{total} data keys")
            self.stdout.flush()

        result = kek_rotate(actor=ACTOR, batch_size=batch_size, progress=progress)
        how = "resumed an interrupted rotation" if result.resumed else "rotated"
        self.stdout.write(
            f"{how}: {result.rewrapped} data keys now wrapped with {result.new_kek} "
            f"(was {result.old_kek}); {result.note}"
        )

    def status(self) -> None:
        store = kek_store()
        active = store.active()
        pending = store.pending()
        self.stdout.write(f"active KEK: {active.key_id} ({store.describe()})")
        if pending is not None:
            self.stdout.write(f"pending KEK: {pending.key_id} (a rotation is unfinished)")
        counts = DataKey.objects.values("kek_id").annotate(n=Count("pk")).order_by("kek_id")
        for row in counts:
            self.stdout.write(f"{row['n']} data keys wrapped with {row['kek_id']}")
