"""`hogo scan [FILE|-]`: JSON Lines in, JSON Lines out (docs/architecture.md, Public interface).

Each input line is ``{"id": ..., "text": ...}`` (optionally ``"lang": "ja"|"en"``); each output
line is ``{"id": ..., "categories": [...], "findings": [...]}`` in the same order. A line that
cannot be used gets ``{"id": ..., "error": {"code": ..., "message": "line N: ..."}}`` and the
scan goes on. Blank lines are skipped. Neither the text nor the findings' content is ever
written to stderr.

``--phone-regions JP,US`` reads national phone formats of those regions first, as the policy's
``[detection] phone_regions`` does for the site's own scans (the detector reads no policy: run
it with the regions the policy names); the default is JP.
"""

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO, ClassVar

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hogo.detect import scan
from hogo.detect.engine import SURROGATES


def _error(line_no: int, code: str, reason: str, item_id: object = None) -> dict[str, Any]:
    return {"id": item_id, "error": {"code": code, "message": f"line {line_no}: {reason}"}}


def scan_line(
    line_no: int, raw: bytes, phone_regions: Sequence[str] = ("JP",)
) -> dict[str, Any] | None:
    """The output object for one input line, or None for a blank line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _error(line_no, "invalid_encoding", "not UTF-8")
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(line_no, "invalid_json", f"{exc.msg} at column {exc.colno}")
    if not isinstance(item, dict):
        return _error(line_no, "invalid_input", "expected an object with id and text")
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return _error(line_no, "invalid_input", '"text" must be a string', item_id)
    if SURROGATES.search(text):
        return _error(line_no, "invalid_text", '"text" holds an unpaired surrogate', item_id)
    lang = item.get("lang")
    if lang not in (None, "ja", "en"):
        return _error(line_no, "invalid_input", '"lang" must be "ja", "en" or absent', item_id)
    return {"id": item_id, **scan(text, lang=lang, phone_regions=phone_regions).to_json()}


def scan_lines(
    lines: Iterable[bytes], phone_regions: Sequence[str] = ("JP",)
) -> Iterable[dict[str, Any]]:
    for line_no, raw in enumerate(lines, start=1):
        result = scan_line(line_no, raw.rstrip(b"\r\n"), phone_regions)
        if result is not None:
            yield result


def _regions(value: str) -> tuple[str, ...]:
    import phonenumbers  # the detector imports it at the first digits anyway

    regions = tuple(dict.fromkeys(code.strip().upper() for code in value.split(",") if code))
    unknown = [code for code in regions if code not in phonenumbers.SUPPORTED_REGIONS]
    if not regions or unknown:
        raise CommandError(
            f"--phone-regions: {', '.join(unknown) or 'none given'}: give ISO 3166-1 alpha-2 "
            "region codes separated by commas, such as JP,US"
        )
    return regions


class Command(BaseCommand):
    help = "Scan JSON Lines ({id, text}) for special-care categories and identifiers."
    # Scanning needs neither the database nor the URL configuration: skip the system checks,
    # so the command also works where the rest of the site is not configured.
    requires_system_checks: ClassVar[list[str]] = []  # type: ignore[misc]

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="JSON Lines file, or - for stdin")
        parser.add_argument(
            "--phone-regions",
            default="JP",
            help="regions whose national phone formats are read first, comma-separated "
            "ISO 3166-1 codes as in the policy's [detection] phone_regions (default JP)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: str = options["file"]
        regions = _regions(options["phone_regions"])
        if path == "-":
            self._run(sys.stdin.buffer, regions)
            return
        try:
            with open(path, "rb") as handle:
                self._run(handle, regions)
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc

    def _run(self, source: BinaryIO, regions: Sequence[str]) -> None:
        for result in scan_lines(source, regions):
            self.stdout.write(json.dumps(result, ensure_ascii=False))
