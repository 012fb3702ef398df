"""The ledger as an xlsx workbook an inspector can read: one sheet per view, headers in the
active language, the header row frozen, widths set, lists one item a line."""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from hogo.csvfile import cell_safe
from hogo.ledger.register import (
    CategoryRow,
    ChannelRow,
    PurposeRow,
    RecipientRow,
    Register,
    Storage,
    safety_measures_words,
)

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
PLACEHOLDER_FONT = Font(bold=True, color="C00000")
WRAP = Alignment(wrap_text=True, vertical="top")
Cell = str | int | tuple[str, ...] | Storage


@dataclass(frozen=True)
class Column:
    title: str
    width: int


def _columns(*pairs: tuple[str, int]) -> list[Column]:
    return [Column(title, width) for title, width in pairs]


def _yes(flag: bool) -> str:
    return pgettext("special-care", "yes") if flag else ""


def _write(sheet: Worksheet, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> None:
    for index, column in enumerate(columns, 1):
        cell = sheet.cell(row=1, column=index, value=column.title)
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for number, values in enumerate(rows, 2):
        for index, value in enumerate(values, 1):
            cell = sheet.cell(row=number, column=index)
            if isinstance(value, int):
                cell.value, cell.number_format = value, "#,##0"
                continue
            if isinstance(value, Storage):
                if value.unstated:
                    cell.font = PLACEHOLDER_FONT
                value = value.countries
            text = "\n".join(value) if isinstance(value, tuple) else value
            cell.value, cell.alignment = cell_safe(text), WRAP
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _purpose_sheet(sheet: Worksheet, rows: list[PurposeRow]) -> None:
    columns = _columns(
        (_("Purpose of use"), 34),
        (_("Personal information item"), 26),
        (_("Special-care"), 10),
        (_("Channels that collect it"), 30),
        (_("Systems that hold it"), 26),
        (_("Storage location (country)"), 16),
        (_("Recipients and contractors"), 30),
        (_("Retention"), 24),
        (_("Roles that may read it"), 22),
        (_("Safety measures"), 30),
        (_("People held"), 12),
        (_("Items held"), 12),
    )
    measures = safety_measures_words()
    _write(
        sheet,
        columns,
        [
            (
                r.purpose,
                r.category,
                _yes(r.special_care),
                r.channels,
                r.systems,
                r.storage,
                r.recipients,
                r.retention,
                r.roles,
                measures,
                r.people,
                r.items,
            )
            for r in rows
        ],
    )


def _category_sheet(sheet: Worksheet, rows: list[CategoryRow]) -> None:
    columns = _columns(
        (_("Personal information item"), 26),
        (_("Special-care"), 10),
        (_("Purposes of use"), 34),
        (_("Channels that collect it"), 30),
        (_("Systems that hold it"), 26),
        (_("Storage location (country)"), 16),
        (_("Recipients and contractors"), 30),
        (_("Retention"), 18),
        (_("Roles that may read it"), 22),
        (_("People held"), 12),
        (_("Items held"), 12),
    )
    _write(
        sheet,
        columns,
        [
            (
                r.category,
                _yes(r.special_care),
                r.purposes,
                r.channels,
                r.systems,
                r.storage,
                r.recipients,
                r.retention,
                r.roles,
                r.people,
                r.items,
            )
            for r in rows
        ],
    )


def _channel_sheet(sheet: Worksheet, rows: list[ChannelRow]) -> None:
    columns = _columns(
        (_("Channel"), 32),
        (_("How it collects"), 24),
        (_("Purposes of use"), 40),
        (_("Personal information items"), 34),
        (_("People held"), 12),
        (_("Items held"), 12),
    )
    _write(
        sheet,
        columns,
        [(r.channel, r.how, r.purposes, r.categories, r.people, r.items) for r in rows],
    )


def _recipient_sheet(sheet: Worksheet, rows: list[RecipientRow]) -> None:
    columns = _columns(
        (_("Recipient"), 30),
        (_("Kind"), 26),
        (_("Country"), 10),
        (_("On what basis"), 26),
        (_("Purposes of use"), 40),
        (_("Personal information items"), 34),
    )
    _write(
        sheet,
        columns,
        [(r.name, r.kind, r.country, r.via, r.purposes, r.categories) for r in rows],
    )


def ledger_xlsx(register: Register) -> bytes:
    """The workbook's bytes: by purpose, by category, by channel, recipients, safety measures."""
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = _("By purpose")
    _purpose_sheet(first, register.by_purpose)
    _category_sheet(book.create_sheet(_("By category")), register.by_category)
    _channel_sheet(book.create_sheet(_("By channel")), register.by_channel)
    _recipient_sheet(book.create_sheet(_("Recipients")), register.recipients)
    _write(
        book.create_sheet(_("Safety measures")),
        _columns((_("Measure"), 30), (_("As the policy states it"), 100)),
        register.measures,
    )
    book.properties.title = _("Personal information ledger")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
