"""`hogo translations compile`: the translation catalogues (.po) compiled into the .mo files
Django reads, in pure Python (hogo/i18n.py; no system gettext). `dev` does it in its setup step;
production runs it on each release, like `hogo migrate`."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from hogo.i18n import HOGO, catalogues, catalogues_compile


class Command(BaseCommand):
    help = "Compile hogo's translation catalogues (.po) into .mo files."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("compile", help="compile every catalogue that changed")

    def handle(self, *args: Any, **options: Any) -> None:
        compiled = catalogues_compile()
        for po in compiled:
            self.stderr.write(f"compiled {po.relative_to(HOGO.parent)}")
        self.stdout.write(f"{len(catalogues())} catalogues, {len(compiled)} compiled")
