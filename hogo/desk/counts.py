"""Counts of the desk's requests for the board (hogo/board): grouped and counted in the database,
never by reading cases one by one. No personal data: kinds, statuses, moments and numbers."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, F, FloatField, Func, Q

from hogo.desk.models import CLOSED_STATUSES, QUEUE_STATUSES, Case, CaseKind, CaseStatus
from hogo.periods import Month, in_month, month_rows, per_month

ANSWERED = (CaseStatus.COMPLETED, CaseStatus.REFUSED)


class DaysBetween(Func):
    """Days from the second datetime to the first (later, earlier), as a float, in the
    database's own arithmetic (Django's subtraction of two datetimes on SQLite calls a Python
    function for every row)."""

    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            # float8: EXTRACT gives numeric, which the driver turns into a Decimal per row.
            template="(EXTRACT(EPOCH FROM (%(expressions)s))::float8 / 86400.0)",
            arg_joiner=" - ",
            **extra,
        )


@dataclass(frozen=True)
class Deadlines:
    due_soon: int  # in the queue, due within the window from now
    overdue: int  # in the queue, past due


@dataclass(frozen=True)
class AnswerTimes:
    """Time from the request's receipt (verified or posted) to its answer, for the cases
    answered in one month: how many, the median and the 90th percentile (nearest rank)."""

    answered: int
    median: float | None  # days
    p90: float | None


def cases_open_by_kind_status() -> dict[tuple[str, str], int]:
    """Requests not yet closed (waiting for verification, open, in progress), by kind and
    status."""
    rows = (
        Case.objects.exclude(status__in=CLOSED_STATUSES)
        .values_list("kind", "status")
        .annotate(n=Count("*"))  # not the id: the (status, kind) index alone answers
        .order_by()
    )
    return {(kind, status): n for kind, status, n in rows}


def cases_deadlines(*, now: datetime, within: timedelta) -> Deadlines:
    """Queue cases due within `within` from `now`, and those past due (one query, on the
    (status, due_at) index)."""
    found = Case.objects.filter(status__in=QUEUE_STATUSES, due_at__isnull=False).aggregate(
        soon=Count("pk", Q(due_at__gte=now, due_at__lt=now + within)),
        late=Count("pk", Q(due_at__lt=now)),
    )
    return Deadlines(due_soon=found["soon"], overdue=found["late"])


def cases_received_per_month(*, months: Sequence[Month]) -> dict[str, list[int]]:
    """Requests received (verified or posted) per month, by kind."""
    found = per_month(Case.objects.all(), field="received_at", months=months, by=("kind",))
    return {str(key[0]): counts for key, counts in found.items()}


def cases_answered_per_month(*, months: Sequence[Month]) -> dict[str, list[int]]:
    """Requests answered (completed or refused) per month, by status."""
    # Every closed status, kept to the answered ones here: with the status in the WHERE clause
    # SQLite reads the (status, kind) index instead of the covering (closed_at, status, ...).
    found = per_month(Case.objects.all(), field="closed_at", months=months, by=("status",))
    return {str(key[0]): counts for key, counts in found.items() if key[0] in ANSWERED}


def case_answer_times(*, months: Sequence[Month]) -> list[AnswerTimes]:
    """Median and 90th-percentile time to answer per month of the answer (nearest rank,
    ceil(p * n)). The database computes each case's time in days, one range read per month on
    the covering (closed_at, status, received_at) index; the few thousand numbers are sorted
    here. A window function ranking them in SQL cost more than the sort (bench/console.py)."""
    took = DaysBetween(F("closed_at"), F("received_at"))
    # The status is kept to the answered ones below, not in the WHERE clause (as above).
    query = (
        in_month(Case.objects.filter(received_at__isnull=False), field="closed_at")
        .annotate(board_took=took)
        .values_list("board_took", "status")
        .order_by()
    )
    times: list[list[float]] = [[] for _ in months]
    for index, days, status in month_rows(query, months=months):
        if status in ANSWERED:
            times[index].append(float(days))
    return [_answer_times(sorted(values)) for values in times]


def _answer_times(values: list[float]) -> AnswerTimes:
    n = len(values)
    if not n:
        return AnswerTimes(answered=0, median=None, p90=None)
    median, p90 = values[(n + 1) // 2 - 1], values[(9 * n + 9) // 10 - 1]
    return AnswerTimes(answered=n, median=median, p90=p90)


def case_kind_labels() -> dict[str, str]:
    """Each kind of request in words, in the active language."""
    return {kind.value: str(kind.label) for kind in CaseKind}


def case_status_labels() -> dict[str, str]:
    return {status.value: str(status.label) for status in CaseStatus}
