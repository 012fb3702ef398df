"""The console queue's reads: cases filtered by what a staff member picks (which cases, kind,
request number, assignee, overdue) and sorted by deadline; and the cases of a period for an
export. No personal value is read here: a requester's cases by their address go through the
blind indexes (`selectors.cases_for_email`, audited by `services.cases_find`)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import F, QuerySet
from django.db.models.expressions import OrderBy
from django.utils import timezone

from hogo.desk.models import CLOSED_STATUSES, QUEUE_STATUSES, Case, CaseKind, CaseStatus
from hogo.desk.selectors import with_attention
from hogo.errors import InvalidInput

# Which cases the queue shows: a named group ("open" is open and in progress), or one status.
SHOWS: dict[str, tuple[str, ...]] = {
    **{status: (status,) for status in CaseStatus.values},
    "open": tuple(QUEUE_STATUSES),
    "closed": tuple(CLOSED_STATUSES),
    "all": tuple(CaseStatus.values),
}
ORDERS = ("due", "-due", "received", "-received")
MAX_EXPORT_DAYS = 366


@dataclass(frozen=True)
class CaseFilter:
    show: str = "open"
    kind: str = ""
    ref: str = ""  # a request number, whole or its start
    assignee_id: int | None = None
    overdue: bool = False
    order: str = "due"


def cases_search(*, filters: CaseFilter, now: datetime | None = None) -> QuerySet[Case]:
    """The cases matching `filters`, with their counts of failed steps and undelivered mail.
    Unknown values are treated as "no filter" rather than as an error: they come from links."""
    rows = Case.objects.filter(status__in=SHOWS.get(filters.show, SHOWS["open"]))
    if filters.kind in CaseKind.values:
        rows = rows.filter(kind=filters.kind)
    ref = filters.ref.strip().lower()
    if ref:
        rows = rows.filter(ref__startswith=ref if ref.startswith("req_") else f"req_{ref}")
    if filters.assignee_id is not None:
        rows = rows.filter(assignee_id=filters.assignee_id)
    if filters.overdue:
        rows = rows.filter(due_at__lt=now or timezone.now()).exclude(status__in=CLOSED_STATUSES)
    return with_attention(rows).order_by(*_order(filters.order))


def _order(order: str) -> tuple[str | OrderBy, ...]:
    # Cases waiting for their fee have no deadline yet: after the ones that do, either way.
    match order:
        case "-due":
            return (F("due_at").desc(nulls_last=True), "-pk")
        case "received":
            return (F("received_at").asc(nulls_last=True), "pk")
        case "-received":
            return (F("received_at").desc(nulls_last=True), "-pk")
    return (F("due_at").asc(nulls_last=True), "pk")


def cases_in_period(*, start: date, end: date) -> QuerySet[Case]:
    """The cases made from `start` to `end` (days in the site's zone, both included), oldest
    first; at most a year at a time."""
    if end < start:
        raise InvalidInput("end: must be on or after the start")
    if (end - start).days >= MAX_EXPORT_DAYS:
        raise InvalidInput(f"end: at most {MAX_EXPORT_DAYS} days after the start")
    zone = timezone.get_default_timezone()
    first = timezone.make_aware(datetime.combine(start, time.min), zone)
    after = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), zone)
    return (
        Case.objects.filter(created_at__gte=first, created_at__lt=after)
        .select_related("assignee")
        .prefetch_related("steps")
        .order_by("created_at", "pk")
    )
