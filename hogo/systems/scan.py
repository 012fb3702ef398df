"""`hogo systems scan`: discovery of personal data the declaration does not list.

Samples the text columns of every table of a SQL system (the first N non-empty values of each
column), runs the detector (`hogo.detect.scan`) over them and reports the columns the
declaration does not list where it found identifiers or special-care information: the column,
what was found and in how many of the sampled values. Never a value: the report is safe to
share, print and keep.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import MetaData, String, Text, select

from hogo.detect import CATEGORY_LABELS, scan
from hogo.policy.schema import System
from hogo.systems.engine import engine_for, failures_named
from hogo.systems.records import DEFAULT_SAMPLE

COLUMNS = ("table", "column", "found", "kind", "values", "sampled")


@dataclass(frozen=True)
class ScanLine:
    table: str
    column: str
    found: str  # a detector label: email, phone, health, ...
    special_care: bool
    values: int  # sampled values holding it
    sampled: int

    @property
    def kind(self) -> str:
        return "special-care" if self.special_care else "identifier"

    def cells(self) -> tuple[object, ...]:
        return (self.table, self.column, self.found, self.kind, self.values, self.sampled)


def system_scan(
    system: System, *, sample: int = DEFAULT_SAMPLE, phone_regions: Sequence[str] = ("JP",)
) -> list[ScanLine]:
    """Findings in undeclared text columns, special-care information first. Phone numbers
    are read in the national formats of `phone_regions` (the policy's
    `[detection] phone_regions`)."""
    assert system.sql is not None
    declared = {(c.table, f.column) for c in system.sql.collections for f in c.fields}
    engine = engine_for(system)
    lines: list[ScanLine] = []
    with failures_named(system, "sampling"), engine.connect() as conn:
        metadata = MetaData()
        metadata.reflect(bind=conn)
        for table in metadata.sorted_tables:
            for column in table.columns:
                if (table.name, column.name) in declared:
                    continue
                if not isinstance(column.type, String | Text):
                    continue
                query = select(column).where(column.is_not(None)).limit(sample)
                values = [v for v in conn.execute(query).scalars() if isinstance(v, str)]
                lines.extend(_column_lines(table.name, column.name, values, phone_regions))
    return sorted(lines, key=lambda x: (not x.special_care, x.table, x.column, x.found))


def _column_lines(
    table: str, column: str, values: list[str], phone_regions: Sequence[str]
) -> list[ScanLine]:
    counts: Counter[str] = Counter()
    for value in values:
        counts.update({f.label for f in scan(value, phone_regions=phone_regions).findings})
    return [
        ScanLine(
            table=table,
            column=column,
            found=label,
            special_care=label in CATEGORY_LABELS,
            values=n,
            sampled=len(values),
        )
        for label, n in counts.items()
    ]


def scan_lines(findings: list[dict[str, object]]) -> list[ScanLine]:
    """A stored scan's findings (`SystemScan.findings`) as lines again."""
    return [
        ScanLine(
            table=str(f["table"]),
            column=str(f["column"]),
            found=str(f["found"]),
            special_care=bool(f["special_care"]),
            values=int(str(f["values"])),
            sampled=int(str(f["sampled"])),
        )
        for f in findings
    ]


def scan_xlsx(system: System, lines: list[ScanLine], path: Path) -> None:
    from openpyxl import Workbook  # only where a workbook is written

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = system.id[:31]
    sheet.append(list(COLUMNS))
    for line in lines:
        sheet.append(list(line.cells()))
    book.save(path)
