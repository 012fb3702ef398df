"""`hogo policy check|load|diff|schema`: validate, store and compare policy files; publish
the JSON Schema of the format for editors.

It lives in the console, not in the policy app, because loading records an audit event
(`policy` is left of `audit`; console/policy_versions.py joins the two).

Exit status 0 on success, 2 for an invalid or unreadable file (nothing is written then).
Errors go to stderr, one per line: `PATH: dotted.key.path: reason`. `check` also warns, one
line each on stderr, of placeholders still in the file (`warning: PATH: dotted.key.path:
placeholder text (...)`) and of facts hogo shows that the file neither states nor marks (the
storage country), and still exits 0. `schema` prints the JSON Schema to stdout.
"""

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any, NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hogo.console.policy_versions import policy_version_load
from hogo.errors import HogoError
from hogo.policy.diff import policy_diff
from hogo.policy.placeholders import policy_placeholders, policy_unstated
from hogo.policy.schema import Policy, PolicyInvalid, policy_json_schema, policy_parse
from hogo.policy.selectors import policy_at
from hogo.policy.services import PolicyUnreadable, policy_file_read

INVALID = 2
ACTOR = "system:cli"


class Command(BaseCommand):
    help = "Check, load or compare policy files (default: settings.POLICY_FILE)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="validate a policy file; writes nothing")
        check.add_argument("path", nargs="?", type=Path)
        load = sub.add_parser("load", help="store the file as a new version if it changed")
        load.add_argument("path", nargs="?", type=Path)
        load.add_argument("--note", default="", help="why this version was loaded")
        diff = sub.add_parser("diff", help="compare two policies: file paths or version numbers")
        diff.add_argument("old")
        diff.add_argument("new")
        sub.add_parser("schema", help="print the JSON Schema of policy files (for editors)")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "schema":
            self.stdout.write(json.dumps(policy_json_schema(), indent=2, ensure_ascii=False))
            return
        if action == "diff":
            self.diff(options["old"], options["new"])
            return
        path: Path = options["path"] or Path(settings.POLICY_FILE)
        text = self.read(path)
        try:
            if action == "check":
                self.check_file(path, policy_parse(text))
            else:
                self.load(path, text, options["note"])
        except PolicyInvalid as exc:
            self.fail(path, [str(error) for error in exc.errors])

    def check_file(self, path: Path, policy: Policy) -> None:
        for placeholder in policy_placeholders(policy):
            self.stderr.write(f"warning: {path}: {placeholder}")
        for unstated in policy_unstated(policy):
            self.stderr.write(f"warning: {path}: {unstated}")
        self.stdout.write(f"ok: {path}: {policy.summary()}")

    def load(self, path: Path, text: str, note: str) -> None:
        try:
            result = policy_version_load(
                actor=ACTOR, text=text, note=note or f"loaded from {path.name}"
            )
        except PolicyInvalid:
            raise
        except HogoError as exc:
            raise CommandError(exc.message) from exc
        number = result.version.number
        if not result.created:
            self.stdout.write(f"unchanged: version {number}")
            return
        self.stdout.write(f"policy version {number} loaded: {result.policy.summary()}")
        if number > 1 and not result.changes:
            self.stdout.write("  no change in meaning (only comments or layout)")
        for change in result.changes:
            self.stdout.write(f"  {change}")

    def diff(self, old: str, new: str) -> None:
        changes = policy_diff(self.policy(old), self.policy(new))
        for change in changes:
            self.stdout.write(str(change))
        if not changes:
            self.stdout.write("no changes")

    def policy(self, ref: str) -> Policy:
        """A version number from the database, or a policy file."""
        if ref.isdigit():
            try:
                return policy_at(version=int(ref))
            except HogoError as exc:
                raise CommandError(exc.message) from exc
        path = Path(ref)
        try:
            return policy_parse(self.read(path))
        except PolicyInvalid as exc:
            self.fail(path, [str(error) for error in exc.errors])

    def read(self, path: Path) -> str:
        try:
            return policy_file_read(path=path)
        except PolicyUnreadable as exc:
            self.fail(path, [exc.message])

    def fail(self, path: Path, lines: list[str]) -> NoReturn:
        for line in lines:
            self.stderr.write(f"{path}: {line}")
        raise SystemExit(INVALID)
