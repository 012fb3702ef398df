"""The one CSV writer of every file hogo hands out (disclosure packages, provision packages,
record exports): UTF-8 with a byte-order mark, so that spreadsheet software reads the Japanese,
CRLF line ends, and no cell that a spreadsheet would run as a formula."""

import csv
import io
from collections.abc import Iterable, Sequence

# A cell starting with one of these runs as a formula in Excel, LibreOffice or Google Sheets
# (CSV injection); a tab or carriage return first hides the character that follows.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_safe(text: str) -> str:
    """The text as a cell that stays text: an apostrophe before a formula's first character."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell_safe("" if v is None else str(v)) for v in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")
