"""Calendar months in the organization's zone, and counting rows per month in the database.

Not an app: the apps' aggregate selectors (`counts.py`) and the board share it. A month is the
half-open span [start, end) of aware datetimes in settings.TIME_ZONE (Asia/Tokyo), so a row
recorded at 23:30 JST on the 31st counts in that month, whatever zone the database keeps.

Rows are counted per month by one range query per month on the indexed column, joined into one
statement (no per-row Python, no database-specific date functions), grouped and counted there.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, IntegerField, QuerySet, Value
from django.db.models.expressions import Combinable
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


def per_month(
    rows: QuerySet[Any],
    *,
    field: str,
    months: Sequence[Month],
    by: Sequence[str] = (),
    amount: Combinable | None = None,
) -> dict[tuple[object, ...], list[int]]:
    """Counts (or the sum of `amount`) of `rows` per month, grouped by the fields `by`:
    {(values of by...): [n for each month]}; months without rows count 0. One query.

    One range count per month, joined by UNION ALL: each part reads its month's stretch of the
    index on `field` and groups only that stretch, where a CASE putting every row in its month
    grouped them all at once through a temporary B-tree (2.5x the CPU on SQLite
    for 100,000 rows; bench/README.md, "Dashboard")."""
    if not months:
        return {}
    total = Count("pk") if amount is None else amount
    parts = [
        rows.filter(**{f"{field}__gte": month.start, f"{field}__lt": month.end})
        .annotate(board_month=Value(index, output_field=IntegerField()))
        .values("board_month", *by)
        .annotate(board_n=total)
        .order_by()
        for index, month in enumerate(months)
    ]
    grouped = parts[0].union(*parts[1:], all=True).order_by() if len(parts) > 1 else parts[0]
    found: dict[tuple[object, ...], list[int]] = {}
    for row in grouped:
        key = tuple(row[name] for name in by)
        found.setdefault(key, [0] * len(months))[row["board_month"]] = row["board_n"] or 0
    return found
