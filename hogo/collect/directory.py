"""Reading a purchased directory (policy 3.2) from CSV or Excel into rows of channel values.

The whole file is checked before anything is written: its type and encoding (UTF-8 with or
without BOM, Shift_JIS/cp932), its header (every column known, every required field present,
no merged heading cells). Row problems are reported per row later, by number and reason only.
"""

import codecs
import csv
import hashlib
import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hogo.errors import InvalidInput
from hogo.policy.schema import Channel

MAX_FILE_BYTES = 512 * 1024 * 1024
HEADER_SEARCH_ROWS = 10
_NOT_SHIFT_JIS = re.compile("[\x80-\x9f\uf8f0-\uf8f3]")
# Headings seen in real directories, besides the field ids and the policy's own labels.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("名前", "お名前", "氏名（漢字）", "full name", "contact name"),
    "organization": (
        "会社名",
        "会社",
        "企業名",
        "団体名",
        "company",
        "company name",
        "organisation",
    ),
    "department": ("部署", "所属", "部門", "dept", "division"),
    "job_title": ("役職名", "肩書", "title", "position"),
    "email": ("メール", "eメール", "e-mail", "mail", "email address", "e-mail address"),
    "phone": ("電話", "tel", "電話番号（代表）", "phone number", "telephone"),
    "postal_address": ("住所", "所在地", "address", "postal address"),
}


class ImportFileError(InvalidInput):
    code = "import_file_invalid"


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet shows it: the header row is 1 when it is the first line
    values: dict[str, str]
    extra_cells: bool = False


@dataclass
class DirectoryFile:
    path: Path
    sha256: str
    # Field id per column; None for a column ignored on request, "" for one with no heading.
    columns: list[str | None]
    header_row: int
    _rows: Iterator[tuple[int, list[object]]]

    def rows(self) -> Iterator[Row]:
        columns = self.columns
        width = len(columns)
        for number, raw in self._rows:
            cells = [_cell(c) for c in raw]
            if not any(cells):
                continue  # blank lines are common at the end of exported sheets
            values = {
                field: cell for field, cell in zip(columns, cells, strict=False) if field and cell
            }
            # Data beyond the header or under an empty heading belongs to no known field.
            extra = any(cells[width:]) or any(
                field == "" and cell for field, cell in zip(columns, cells, strict=False)
            )
            yield Row(number=number, values=values, extra_cells=extra)


def _cell(value: object) -> str:
    if type(value) is str:
        return value.strip()  # every CSV cell, most Excel ones
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _heading_key(text: str) -> str:
    return re.sub(r"[\s_・()（）:：-]+", "", unicodedata.normalize("NFKC", text).casefold())


def headings_known(channel: Channel) -> dict[str, str]:
    known: dict[str, str] = {}
    for spec in channel.fields:
        for heading in (spec.id, spec.label.ja, spec.label.en, *ALIASES.get(spec.id, ())):
            known[_heading_key(heading)] = spec.id
    return known


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def directory_open(
    path: Path, *, channel: Channel, ignore: tuple[str, ...] = (), encoding: str | None = None
) -> DirectoryFile:
    """Opens and checks a directory file; raises ImportFileError saying what is wrong."""
    if not path.is_file():
        raise ImportFileError(f"{path.name}: no such file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFileError(f"{path.name}: larger than {MAX_FILE_BYTES // 2**20} MB; split it")
    suffix = path.suffix.lower()
    merged: list[str] = []
    if suffix == ".csv":
        rows = _csv_rows(path, encoding)
    elif suffix == ".xlsx":
        rows, merged = _xlsx_rows(path)
    else:
        raise ImportFileError(f"{path.name}: give a .csv or .xlsx file")
    known = headings_known(channel)
    header_row, cells, rows = _header(path, rows, known)
    for ref in merged:
        first, last = (int(re.sub(r"[A-Z]+", "", part)) for part in ref.split(":"))
        if first <= header_row <= last:
            raise ImportFileError(
                f"{path.name}: row {header_row}: heading cells {ref} are merged; give every "
                "column its own heading cell in one row"
            )
    columns = _columns(path, channel, cells, ignore, known)
    return DirectoryFile(path, file_sha256(path), columns, header_row, rows)


def _header(
    path: Path, rows: Iterator[tuple[int, list[object]]], known: dict[str, str]
) -> tuple[int, list[object], Iterator[tuple[int, list[object]]]]:
    """The header: the first of the first rows naming two known fields (a title line may sit
    above it), else the first non-empty row, so that its headings are the ones reported."""
    seen: list[tuple[int, list[object]]] = []
    for number, cells in rows:
        seen.append((number, cells))
        if sum(_heading_key(_cell(c)) in known for c in cells) >= 2:
            return number, cells, rows
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    for index, (number, cells) in enumerate(seen):
        if any(_cell(c) for c in cells):
            return number, cells, itertools.chain(seen[index + 1 :], rows)
    raise ImportFileError(f"{path.name}: no header row (the file is empty)")


def _columns(
    path: Path,
    channel: Channel,
    cells: list[object],
    ignore: tuple[str, ...],
    known: dict[str, str],
) -> list[str | None]:
    ignored = {_heading_key(i) for i in ignore}
    columns: list[str | None] = []
    problems: list[str] = []
    for index, cell in enumerate(cells, start=1):
        heading = _cell(cell)
        key = _heading_key(heading)
        if not heading:
            columns.append("")  # data under no heading is refused row by row
            continue
        if key in ignored:
            columns.append(None)
            continue
        field = known.get(key)
        if field is None:
            problems.append(
                # Not the heading itself: with no header row it would be a person's data.
                f"column {index}: its heading names no field of channel {channel.id!r}; "
                "rename it, remove the column or pass --ignore-column HEADING"
            )
        elif field in columns:
            problems.append(f"column {index}: a second column for field {field!r}")
        columns.append(field)
    missing = [
        f"{spec.id} ({spec.label.ja} / {spec.label.en})"
        for spec in channel.fields
        if spec.required and spec.id not in columns
    ]
    if missing:
        problems.append("missing columns: " + ", ".join(missing))
    if problems:
        raise ImportFileError(f"{path.name}: " + "; ".join(problems))
    return columns


def _decode(path: Path, data: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise ImportFileError(f"{path.name}: not readable as {encoding}") from exc
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{path.name}: starts with a UTF-8 byte-order mark but is not UTF-8 "
                f"(byte {exc.start + 3})"
            ) from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp932")  # Shift_JIS as Windows and Excel write it
    except UnicodeDecodeError:
        text = None
    # cp932 maps a few stray single bytes to C1 controls and private-use characters rather
    # than failing; no directory contains them, binary or Latin-1 files do.
    if text is None or _NOT_SHIFT_JIS.search(text):
        raise ImportFileError(
            f"{path.name}: neither UTF-8 nor Shift_JIS (cp932); save it as "
            '"CSV UTF-8" or pass --encoding'
        )
    return text


def _csv_rows(path: Path, encoding: str | None) -> Iterator[tuple[int, list[object]]]:
    text = _decode(path, path.read_bytes(), encoding)
    if "\x00" in text:
        raise ImportFileError(f"{path.name}: contains NUL bytes; it is not a text CSV file")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)

    def rows() -> Iterator[tuple[int, list[object]]]:
        try:
            for number, cells in enumerate(reader, start=1):
                yield number, list(cells)
        except csv.Error as exc:
            # csv's messages describe the syntax problem, never the cell's content.
            raise ImportFileError(f"{path.name}: row {reader.line_num}: {exc}") from exc

    return rows()


def _xlsx_rows(path: Path) -> tuple[Iterator[tuple[int, list[object]]], list[str]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        with zipfile.ZipFile(path) as archive:
            # Read-only sheets do not expose merged ranges; they are listed in the sheet's XML.
            xml = archive.read(sheet._worksheet_path)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, IndexError, OSError) as exc:
        raise ImportFileError(f"{path.name}: not a readable .xlsx workbook") from exc
    merged: list[str] = [
        m.decode() for m in re.findall(rb'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"', xml)
    ]

    def rows() -> Iterator[tuple[int, list[object]]]:
        for number, cells in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            yield number, list(cells)
        workbook.close()

    return rows(), merged
