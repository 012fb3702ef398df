"""The period report for the board: a month or a year of requests and their times, collection,
consent, rights exercised, provision, incidents and training, as a PDF (WeasyPrint, Noto Sans
CJK JP, the charts as SVG with their tables) and as an xlsx (one sheet per table, Japanese or
English headers, the header row frozen, columns sized to their text).

Counts only: nothing in a report names or identifies a person.
"""

import io
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hogo.board.charts import Table
from hogo.board.figures import READERS, Section, sections_build
from hogo.board.labels import month_long
from hogo.csvfile import cell_safe
from hogo.errors import InvalidInput
from hogo.periods import Month, month_of, months_of_year
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.policy.wording import moment_shown

MONTH = re.compile(r"(\d{4})-(\d{2})")
NUMBER = re.compile(r"-?[\d,]+(\.\d+)?")
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Period:
    months: list[Month]
    stem: str  # 2026-11 or 2026

    @property
    def yearly(self) -> bool:
        return len(self.months) == 12


@dataclass(frozen=True)
class Report:
    title: str
    organization: str
    period: str
    generated: str
    sections: list[Section]
    file_stem: str


def period_month(text: str) -> Period:
    """`2026-11` -> that month; anything else is refused, naming the rule."""
    found = MONTH.fullmatch(text.strip())
    if found is None or not 1 <= int(found[2]) <= 12 or int(found[1]) < 2000:
        raise InvalidInput(f"month must be YYYY-MM (for example 2026-11), not {text!r}")
    return Period([month_of(int(found[1]), int(found[2]))], f"{found[1]}-{found[2]}")


def period_year(text: str) -> Period:
    if not re.fullmatch(r"\d{4}", text.strip()) or int(text) < 2000:
        raise InvalidInput(f"year must be YYYY (for example 2026), not {text!r}")
    return Period(months_of_year(int(text)), text.strip())


def period_report_build(*, period: Period, now: datetime | None = None) -> Report:
    """The report's figures in the active language."""
    now = now or timezone.now()
    first, last = period.months[0], period.months[-1]
    if period.yearly:
        span = _("%(year)s (January to December)") % {"year": first.year}
        title = _("Yearly report on personal information")
    else:
        span = month_long(first)
        title = _("Monthly report on personal information")
    if first is not last and not period.yearly:
        span = f"{month_long(first)} – {month_long(last)}"
    return Report(
        title=title,
        organization=_organization(),
        period=span,
        generated=moment_shown(now),
        sections=sections_build(names=list(READERS), months=period.months, now=now, live=False),
        file_stem=f"hogo-report-{period.stem}",
    )


def _organization() -> str:
    try:
        return policy_active().organization.name.get(get_language() or "ja")
    except PolicyNotLoaded:
        return ""


def period_report_pdf(report: Report) -> bytes:
    import weasyprint  # 2 s to import: only where a PDF is made

    html = render_to_string("board/report.html", {"r": report, "lang": get_language()})
    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf


def _tables(report: Report) -> list[Table]:
    found = []
    for section in report.sections:
        found += [chart.table for chart in section.charts] + section.tables
    return found


def _value(cell: str) -> str | int | float:
    if NUMBER.fullmatch(cell):
        plain = cell.replace(",", "")
        return float(plain) if "." in plain else int(plain)
    return cell_safe(cell)


def _width(text: object) -> int:
    """Display width: a full-width character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def _sheet_title(index: int, caption: str, used: set[str]) -> str:
    base = SHEET_FORBIDDEN.sub("", caption)[:27] or str(index)
    title = base
    while title in used:
        index += 1
        title = f"{base[:24]}({index})"
    used.add(title)
    return title


def _widths(sheet: Worksheet, header: list[str], table: Table) -> None:
    columns = [[head] for head in header]
    for name, cells in table.rows:
        for column, text in zip(columns, [name, *cells], strict=True):
            column.append(text)
    for number, texts in enumerate(columns, start=1):
        longest = max(_width(t) for t in texts)
        sheet.column_dimensions[get_column_letter(number)].width = min(max(longest + 2, 10), 60)


def period_report_xlsx(report: Report) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = _("Report")
    for row in (
        [report.title],
        [_("Organization"), report.organization],
        [_("Period"), report.period],
        [_("Prepared"), report.generated],
    ):
        summary.append([cell_safe(c) for c in row])
    summary["A1"].font = Font(bold=True, size=14)
    summary.column_dimensions["A"].width = 16
    summary.column_dimensions["B"].width = 48
    used: set[str] = {summary.title}
    for index, table in enumerate(_tables(report), start=1):
        sheet = book.create_sheet(_sheet_title(index, table.caption, used))
        header = [table.corner, *table.columns]
        sheet.append([cell_safe(h) for h in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for name, cells in table.rows:
            sheet.append([cell_safe(name), *(_value(c) for c in cells)])
        sheet.freeze_panes = "B2"
        _widths(sheet, header, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
