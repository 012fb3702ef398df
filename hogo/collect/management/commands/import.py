"""`hogo import directory FILE.csv|FILE.xlsx --provider NAME ...`: a purchased directory.

Exit 0 when the file was imported (rows refused for a reason are listed, not fatal); exit 2
with one line saying why when the file or the arguments are unusable, with nothing written.
"""

import sys
import time
from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError

from hogo.collect.importer import BATCH_SIZE, ImportSummary, Provider, directory_import
from hogo.errors import HogoError
from hogo.vault.bulk import gc_pauses_allowed

ACTOR = "system:import"
SHOWN_PROBLEMS = 50


class ProgressBar:
    """A one-line progress report on stderr, rewritten in place on a terminal."""

    def __init__(self, stream: TextIO, *, total: int | None = None) -> None:
        self.stream = stream
        self.total = total
        self.started = time.monotonic()
        self.last = 0.0
        self.tty = stream.isatty()

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if self.tty and now - self.last < 0.2:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-6)
        width = 30
        bar = "#" * int(width * min(done / self.total, 1)) if self.total else ""
        line = f"[{bar:<{width}}] {done:,} rows  {rate:,.0f} rows/s"
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")


class Command(BaseCommand):
    help = "Import personal data from outside (a purchased directory: policy 3.2, APPI Art. 30)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        directory = kinds.add_parser("directory", help="A directory bought or received (CSV/XLSX).")
        directory.add_argument(
            "file", type=Path, help="The .csv (UTF-8 or Shift_JIS) or .xlsx file."
        )
        directory.add_argument("--provider", required=True, help="Provider's name.")
        directory.add_argument("--provider-address", required=True, help="Provider's address.")
        directory.add_argument(
            "--provider-representative", required=True, help="Provider's representative."
        )
        directory.add_argument(
            "--obtained-by",
            required=True,
            help="How the provider obtained the data (APPI Art. 30(1)(ii)).",
        )
        directory.add_argument(
            "--received-on", type=date.fromisoformat, default=None, help="YYYY-MM-DD (today)."
        )
        directory.add_argument(
            "--purpose",
            action="append",
            default=[],
            help="A purpose of use (repeatable; default: the channel's purposes).",
        )
        directory.add_argument(
            "--ignore-column", action="append", default=[], help="A heading to leave out."
        )
        directory.add_argument("--encoding", help="Force the CSV encoding (utf-8, cp932...).")
        directory.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")
        directory.add_argument(
            "--again", action="store_true", help="Import a file that was imported before."
        )
        directory.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        directory.add_argument(
            "--helpers",
            type=int,
            default=1,
            help="Helper processes that check the next rows while this one writes (0: none).",
        )
        directory.add_argument("--no-progress", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        bar = None if options["no_progress"] else ProgressBar(sys.stderr)
        provider = Provider(
            name=options["provider"],
            address=options["provider_address"],
            representative=options["provider_representative"],
            obtained_by=options["obtained_by"],
            received_on=options["received_on"] or date.today(),
        )
        try:
            # A process of its own: the cycle collector may pause for each batch.
            with gc_pauses_allowed():
                summary = directory_import(
                    actor=ACTOR,
                    path=options["file"],
                    provider=provider,
                    purposes=tuple(options["purpose"]),
                    ignore_columns=tuple(options["ignore_column"]),
                    encoding=options["encoding"],
                    dry_run=options["dry_run"],
                    again=options["again"],
                    batch_size=options["batch_size"],
                    progress=bar,
                    helpers=options["helpers"],
                )
        except HogoError as exc:
            raise CommandError(exc.message, returncode=2) from exc
        finally:
            if bar:
                bar.close()
        self._report(summary)

    def _report(self, summary: ImportSummary) -> None:
        for problem in summary.problems[:SHOWN_PROBLEMS]:
            self.stdout.write(f"row {problem.row}: {problem.reason}")
        if len(summary.problems) > SHOWN_PROBLEMS:
            more = len(summary.problems) - SHOWN_PROBLEMS
            where = f" (all of them: job {summary.job_id} in the admin)" if summary.job_id else ""
            self.stdout.write(f"... and {more} more rows refused{where}")
        if summary.dry_run:
            self.stdout.write(
                f"dry run: {summary.rows} rows, {summary.imported} would be imported, "
                f"{summary.rejected} refused ({summary.special_care} with special-care "
                "information); nothing written"
            )
            return
        resumed = f", resumed after row {summary.resumed_from}" if summary.resumed_from else ""
        self.stdout.write(
            f"imported: job {summary.job_id}, receipt {summary.receipt_id}: {summary.rows} rows, "
            f"{summary.imported} imported, {summary.rejected} refused "
            f"({summary.special_care} with special-care information){resumed}"
        )
