"""`hogo systems check [ID]` and `hogo systems scan ID [--sample N] [--xlsx FILE]`."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from hogo.policy.schema import System
from hogo.systems.check import CheckReport
from hogo.systems.engine import SystemFailure
from hogo.systems.records import DEFAULT_SAMPLE
from hogo.systems.scan import COLUMNS, ScanLine, scan_lines, scan_xlsx
from hogo.systems.selectors import system_schema_check, systems_declared
from hogo.systems.services import system_scan_run

MISMATCH = 2  # the exit status of a declaration that does not match its database
ACTOR = "system:cli"


class Command(BaseCommand):
    help = (
        "The organization's other systems holding personal data (the policy's [[systems]]). "
        "`check`: compare each SQL system's declaration with its real schema (exit 2 on a "
        "mismatch). `scan`: sample its text columns and report undeclared personal data "
        "(kept as the system's latest scan, shown in the console)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="Reflect each SQL system and report mismatches.")
        check.add_argument("id", nargs="?", help="One system's id (default: every SQL system).")
        scan = sub.add_parser("scan", help="Find undeclared identifiers and special-care data.")
        scan.add_argument("id", help="The SQL system's id.")
        scan.add_argument(
            "--sample", type=int, default=DEFAULT_SAMPLE, help="Values sampled per column."
        )
        scan.add_argument("--xlsx", type=Path, help="Also write the report to this xlsx file.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "check":
            self.systems_check(options["id"])
        else:
            if options["sample"] < 1:
                raise CommandError("--sample must be at least 1")
            self.system_scan(options["id"], options["sample"], options["xlsx"])

    def sql_systems(self, ident: str | None) -> list[System]:
        systems = systems_declared(kinds=("sql",))
        if ident is not None:
            systems = [s for s in systems if s.id == ident]
            if not systems:
                raise CommandError(f"the active policy declares no SQL system {ident!r}")
        return systems

    def systems_check(self, ident: str | None) -> None:
        systems = self.sql_systems(ident)
        if not systems:
            self.stdout.write("the active policy declares no SQL system")
            return
        problems = 0
        for system in systems:
            report = system_schema_check(system=system)
            problems += len(report.problems)
            self.check_report(report)
        if problems:
            raise SystemExit(MISMATCH)

    def check_report(self, report: CheckReport) -> None:
        for problem in report.problems:
            self.stderr.write(str(problem))
        state = "reachable" if report.reachable else "NOT reachable"
        verdict = "matches" if not report.problems else f"{len(report.problems)} problem(s)"
        self.stdout.write(f"{report.system}: {state}, {verdict}")
        for table, columns in report.undeclared.items():
            self.stdout.write(f"  not declared in {table}: {', '.join(columns)}")

    def system_scan(self, ident: str, sample: int, xlsx: Path | None) -> None:
        (system,) = self.sql_systems(ident)
        try:
            scan = system_scan_run(actor=ACTOR, system=system, sample=sample)
        except SystemFailure as exc:
            raise CommandError(exc.message) from None
        lines = scan_lines(scan.findings)
        self.scan_table(lines)
        special = sum(1 for line in lines if line.special_care)
        if special:
            self.stdout.write(
                f"finding for the privacy officer: special-care information in {special} "
                "undeclared column(s)"
            )
        if xlsx is not None:
            scan_xlsx(system, lines, xlsx)
            self.stdout.write(f"written: {xlsx}")

    def scan_table(self, lines: list[ScanLine]) -> None:
        if not lines:
            self.stdout.write("no undeclared column holds identifiers or special-care information")
            return
        rows = [tuple(str(c) for c in COLUMNS)] + [
            tuple(str(c) for c in line.cells()) for line in lines
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
        for row in rows:
            self.stdout.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
