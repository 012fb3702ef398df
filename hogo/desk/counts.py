"""Counts of the desk's requests for the board (hogo/board): grouped and counted in the database,
never by reading cases one by one. No personal data: kinds, statuses, moments and numbers."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, F, FloatField, Func, Q, Window
from django.db.models.functions import RowNumber

from hogo.desk.models import CLOSED_STATUSES, QUEUE_STATUSES, Case, CaseKind, CaseStatus
from hogo.periods import Month, month_bucket, per_month, span

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
            template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)",
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
        .annotate(n=Count("pk"))
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
    rows = Case.objects.filter(status__in=ANSWERED)
    found = per_month(rows, field="closed_at", months=months, by=("status",))
    return {str(key[0]): counts for key, counts in found.items()}


def case_answer_times(*, months: Sequence[Month]) -> list[AnswerTimes]:
    """Median and 90th-percentile time to answer per month of the answer. The database ranks
    each month's answer times (a window function) and returns only the ranks wanted: the
    nearest-rank percentile, ceil(p * n)."""
    if not months:
        return []
    took = DaysBetween(F("closed_at"), F("received_at"))
    rows = Case.objects.filter(
        span("closed_at", months), status__in=ANSWERED, received_at__isnull=False
    )
    bucket = month_bucket(rows, "closed_at", months)
    ranked = rows.annotate(
        board_month=bucket,
        board_took=took,
        board_rank=Window(RowNumber(), partition_by=[bucket], order_by=[took.asc()]),
        board_n=Window(Count("pk"), partition_by=[bucket]),
    ).values_list("board_month", "board_took", "board_rank", "board_n")
    wanted: dict[int, dict[str, float]] = {}
    sizes: dict[int, int] = {}
    for index, took_value, rank, n in ranked.filter(
        Q(board_rank=(F("board_n") + 1) / 2) | Q(board_rank=(F("board_n") * 9 + 9) / 10)
    ):
        sizes[index] = n
        if rank == (n + 1) // 2:
            wanted.setdefault(index, {})["median"] = took_value
        if rank == (9 * n + 9) // 10:
            wanted.setdefault(index, {})["p90"] = took_value
    return [
        AnswerTimes(
            answered=sizes.get(i, 0),
            median=wanted.get(i, {}).get("median"),
            p90=wanted.get(i, {}).get("p90"),
        )
        for i in range(len(months))
    ]


def case_kind_labels() -> dict[str, str]:
    """Each kind of request in words, in the active language."""
    return {kind.value: str(kind.label) for kind in CaseKind}


def case_status_labels() -> dict[str, str]:
    return {status.value: str(status.label) for status in CaseStatus}
