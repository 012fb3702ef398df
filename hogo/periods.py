"""Calendar months in the organization's zone, and counting rows per month in the database.

Not an app: the apps' aggregate selectors (`counts.py`) and the board share it. A month is the
half-open span [start, end) of aware datetimes in settings.TIME_ZONE (Asia/Tokyo), so a row
recorded at 23:30 JST on the 31st counts in that month, whatever zone the database keeps.

Rows are counted per month by one range query per month on the indexed column, joined into one
statement (no per-row Python, no database-specific date functions), grouped and counted there.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import connections
from django.db.models import Count, QuerySet, Value
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


# Stand-ins for a month's bounds in the one range query that is compiled per count: the SQL is
# built once and run for every month with the real bounds put where these stand (`month_rows`).
# Moments no row has (a microsecond past midnight, 1 January 1900, UTC).
_START = datetime(1900, 1, 1, 0, 0, 0, 1, tzinfo=UTC)
_END = datetime(1900, 1, 1, 0, 0, 0, 2, tzinfo=UTC)


def in_month(rows: QuerySet[Any], *, field: str) -> QuerySet[Any]:
    """`rows` within one month on `field`, to shape (values, annotate) and give `month_rows`."""
    return rows.filter(**{f"{field}__gte": _START, f"{field}__lt": _END})


def month_rows(query: QuerySet[Any], *, months: Sequence[Month]) -> list[tuple[Any, ...]]:
    """The rows of `query` (from `in_month`, ending in values or values_list) for each month, as
    tuples (month's index in `months`, the query's columns...). One statement: the query's SQL
    repeated per month with that month's bounds, joined by UNION ALL, so that each part reads
    its month's stretch of the index on the field and groups only that stretch.

    The query is compiled once and the bounds put in its parameters, not twelve querysets
    filtered and compiled: that took most of the dashboard's CPU (bench/README.md, "h15").
    Values come back as the database driver gives them (no model field converters): counts,
    sums, text, numbers; a boolean is 0 or 1 on SQLite (equal to False and True)."""
    if not months:
        return []
    connection = connections[query.db]
    sql, params = query.query.get_compiler(using=query.db).as_sql()
    adapt = connection.ops.adapt_datetimefield_value
    stand_ins = {0: adapt(_START), 1: adapt(_END)}
    where = {i: b for i, p in enumerate(params) for b, s in stand_ins.items() if p == s}
    if sorted(where.values()) != [0, 1]:
        raise ValueError("month_rows needs a query from in_month (bounds not found once each)")
    parts, values = [], []
    for index, month in enumerate(months):
        bounds = (adapt(month.start), adapt(month.end))
        # Around the query, not inside its SELECT: its GROUP BY may name columns by position.
        part = f"SELECT {index:d} AS board_month, board_part.* FROM ({sql}) board_part"  # noqa: S608 (compiled by Django)
        parts.append(part)
        values += [bounds[where[i]] if i in where else p for i, p in enumerate(params)]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), values)
        return [tuple(row) for row in cursor.fetchall()]


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

    One range count per month, joined by UNION ALL (`month_rows`): each part reads its month's
    stretch of the index on `field` and groups only that stretch, where a CASE putting every row
    in its month grouped them all at once through a temporary B-tree (2.5x the CPU on SQLite
    for 100,000 rows; bench/README.md, "Dashboard"). Rows are counted with COUNT(*), not
    COUNT(id): the id is not in the board's covering indexes, and counting it made PostgreSQL
    read the table instead of the index alone (3x the time)."""
    total = Count("*") if amount is None else amount
    # Without `by`, a constant to group by (values() with no field would group by every one).
    grouping = by or ("board_all",)
    query = in_month(rows, field=field).annotate(board_all=Value(0)).values(*grouping)
    query = query.annotate(board_n=total).order_by()
    found: dict[tuple[object, ...], list[int]] = {}
    for index, *key, n in month_rows(query, months=months):
        found.setdefault(tuple(key) if by else (), [0] * len(months))[index] = n or 0
    return found
