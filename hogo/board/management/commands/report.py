"""`hogo report --month 2026-11 | --year 2026 --output DIR`: the board's period report as PDF
and xlsx files."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from hogo.board.report import (
    period_month,
    period_report_build,
    period_report_pdf,
    period_report_xlsx,
    period_year,
)
from hogo.errors import InvalidInput


class Command(BaseCommand):
    help = (
        "Write the period report for the board (requests, collection, consent, rights, "
        "provision, incidents, training) as PDF and xlsx into --output."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        period = parser.add_mutually_exclusive_group(required=True)
        period.add_argument("--month", help="A month, YYYY-MM (for example 2026-11).")
        period.add_argument("--year", help="A calendar year, YYYY (for example 2026).")
        parser.add_argument("--output", required=True, help="The directory to write into.")
        parser.add_argument(
            "--language", choices=("ja", "en"), default="ja", help="The report's language."
        )
        parser.add_argument(
            "--format", choices=("pdf", "xlsx", "both"), default="both", help="Which files."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        if not output.is_dir():
            raise CommandError(f"--output must be an existing directory: {output}")
        try:
            period = (
                period_month(options["month"]) if options["month"] else period_year(options["year"])
            )
        except InvalidInput as error:
            raise CommandError(str(error)) from error
        formats = ("pdf", "xlsx") if options["format"] == "both" else (options["format"],)
        with translation.override(options["language"]):
            report = period_report_build(period=period)
            for fmt in formats:
                data = period_report_pdf(report) if fmt == "pdf" else period_report_xlsx(report)
                path = output / f"{report.file_stem}.{fmt}"
                path.write_bytes(data)
                self.stdout.write(f"wrote {path} ({len(data):,} bytes)")
