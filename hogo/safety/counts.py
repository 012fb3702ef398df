"""Counts of the safety program for the board (hogo/board): incidents found and reportable per
month, open incidents with their report clocks, trainings completed per month and who is
overdue. Grouped in the database where rows can be many; incidents and staff are few."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from hogo.periods import Month, per_month
from hogo.safety.models import Completion, Incident, IncidentStatus
from hogo.safety.selectors import incidents_open, trainings_overdue


@dataclass(frozen=True)
class IncidentClock:
    ref: str
    status: str  # IncidentStatus value
    discovered_at: datetime
    reportable: bool
    preliminary_due: datetime
    preliminary_filed_at: datetime | None
    final_due: datetime
    final_filed_at: datetime | None


def incidents_per_month(*, months: Sequence[Month]) -> dict[str, list[int]]:
    """Incidents by the month the organization became aware: `all`, and `reportable` (as
    classified, or as the officer decided)."""
    reportable = Q(reportable_override=True) | Q(
        reportable_override__isnull=True, reportable_classified=True
    )
    size = len(months)
    every = per_month(Incident.objects.all(), field="discovered_at", months=months)
    marked = per_month(Incident.objects.filter(reportable), field="discovered_at", months=months)
    return {"all": every.get((), [0] * size), "reportable": marked.get((), [0] * size)}


def incident_clocks() -> list[IncidentClock]:
    """Open incidents, the nearest deadline first, with their report deadlines."""
    return [
        IncidentClock(
            ref=i.ref,
            status=i.status,
            discovered_at=i.discovered_at,
            reportable=i.reportable,
            preliminary_due=i.preliminary_due,
            preliminary_filed_at=i.preliminary_filed_at,
            final_due=i.final_due,
            final_filed_at=i.final_filed_at,
        )
        for i in incidents_open()
    ]


def incidents_open_count() -> int:
    return Incident.objects.exclude(status=IncidentStatus.CLOSED).count()


def completions_per_month(*, months: Sequence[Month]) -> list[int]:
    """Training completions recorded per month."""
    found = per_month(Completion.objects.all(), field="recorded_at", months=months)
    return found.get((), [0] * len(months))


def trainings_overdue_count(*, now: datetime) -> dict[str, int]:
    """Overdue trainings per course title (staff are few: the safety selector's own rule)."""
    found: dict[str, int] = {}
    for row in trainings_overdue(now=now):
        found[row.course.title] = found.get(row.course.title, 0) + 1
    return found
