"""Calendar months in the organization's zone, and counting rows per month in the database.

Not an app: the apps' aggregate selectors (`counts.py`) and the board share it. A month is the
half-open span [start, end) of aware datetimes in settings.TIME_ZONE (Asia/Tokyo), so a row
recorded at 23:30 JST on the 31st counts in that month, whatever zone the database keeps.

Rows are put in their month by a CASE over the month boundaries, evaluated by the database
(no per-row Python, no database-specific date functions), then grouped and counted there.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connections
from django.db.models import Count, IntegerField, Q, QuerySet
from django.db.models.expressions import Combinable, RawSQL
from django.utils import timezone


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    start: datetime
    end: datetime

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def month_of(year: int, month: int) -> Month:
    """The month `year`-`month` in the organization's zone."""
    zone = timezone.get_default_timezone()
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    return Month(
        year,
        month,
        datetime(year, month, 1, tzinfo=zone),
        datetime(next_year, next_month, 1, tzinfo=zone),
    )


def months_until(*, now: datetime, count: int) -> list[Month]:
    """The `count` months ending with the month of `now` (local), oldest first."""
    local = timezone.localtime(now)
    index = local.year * 12 + local.month - 1
    return [month_of(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]


def months_of_year(year: int) -> list[Month]:
    return [month_of(year, m) for m in range(1, 13)]


def month_bucket(rows: QuerySet[Any], field: str, months: Sequence[Month]) -> RawSQL:
    """The index of the month a row's `field` falls in, as SQL, for rows already narrowed to
    the months (`span`): one comparison per month boundary. Written out rather than built from
    When/Q objects, which cost more to compile than the query takes to run."""
    connection = connections[rows.db]
    quote = connection.ops.quote_name
    model = rows.model._meta
    column = f"{quote(model.db_table)}.{quote(model.get_field(field).column)}"
    whens = " ".join(f"WHEN {column} < %s THEN {i}" for i in range(len(months)))
    params = [connection.ops.adapt_datetimefield_value(m.end) for m in months]
    # Only quoted names from the model and numbers are written into the SQL; values are params.
    return RawSQL(f"CASE {whens} END", params, output_field=IntegerField())  # noqa: S611


def span(field: str, months: Sequence[Month]) -> Q:
    """Rows whose `field` falls in the months (for the index on that column)."""
    return Q(**{f"{field}__gte": months[0].start, f"{field}__lt": months[-1].end})


def per_month(
    rows: QuerySet[Any],
    *,
    field: str,
    months: Sequence[Month],
    by: Sequence[str] = (),
    amount: Combinable | None = None,
) -> dict[tuple[object, ...], list[int]]:
    """Counts (or the sum of `amount`) of `rows` per month, grouped by the fields `by`:
    {(values of by...): [n for each month]}; months without rows count 0. One query."""
    if not months:
        return {}
    total = Count("pk") if amount is None else amount
    grouped = (
        rows.filter(span(field, months))
        .annotate(board_month=month_bucket(rows, field, months))
        .values("board_month", *by)
        .annotate(board_n=total)
        .order_by()
    )
    found: dict[tuple[object, ...], list[int]] = {}
    for row in grouped:
        key = tuple(row[name] for name in by)
        found.setdefault(key, [0] * len(months))[row["board_month"]] = row["board_n"] or 0
    return found
