"""Reads of the incident register, the acknowledgments and the education records."""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db.models import QuerySet

from hogo.errors import NotFound
from hogo.policy.selectors import PolicyNotLoaded, policy_version_active
from hogo.safety.clocks import months_after, today_jst
from hogo.safety.models import (
    Acknowledgment,
    Completion,
    Course,
    Incident,
    IncidentStatus,
    IncidentStep,
)


def incident_get(*, ref: str, lock: bool = False) -> Incident:
    rows = Incident.objects.select_for_update() if lock else Incident.objects.all()
    found = rows.filter(ref=ref).first()
    if found is None:
        raise NotFound(f"incident {ref} does not exist")
    return found


def incident_steps(*, incident: Incident) -> QuerySet[IncidentStep]:
    return incident.steps.order_by("at", "pk")


def incidents_open() -> QuerySet[Incident]:
    """Open incidents, the nearest deadline first."""
    return Incident.objects.exclude(status=IncidentStatus.CLOSED).order_by("preliminary_due")


def incidents_all() -> QuerySet[Incident]:
    return Incident.objects.order_by("-discovered_at")


def acknowledgment_pending(*, user: AbstractBaseUser | AnonymousUser) -> int | None:
    """The active policy version this staff member still has to acknowledge, or None (acknowledged,
    not staff, or no policy loaded yet)."""
    if not (user.is_authenticated and user.is_active and getattr(user, "is_staff", False)):
        return None
    try:
        version = policy_version_active().number
    except PolicyNotLoaded:
        return None
    done = Acknowledgment.objects.filter(user_id=user.pk, policy_version=version).exists()
    return None if done else version


def acknowledgments_all() -> QuerySet[Acknowledgment]:
    return Acknowledgment.objects.select_related("user").order_by("acknowledged_at", "pk")


@dataclass(frozen=True)
class Overdue:
    """A staff member who has to take a course (again): due since `due_on` (a day in Japan)."""

    course: Course
    user: User
    last_completed: date | None
    due_on: date


def courses_all() -> QuerySet[Course]:
    return Course.objects.order_by("-active", "title", "pk")


def course_get(*, pk: int) -> Course:
    found = Course.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound(f"course {pk} does not exist")
    return found


def course_audience(*, course: Course) -> QuerySet[User]:
    """Active staff holding one of the course's roles (by group: a superuser is an
    administrator's account, not a member of a role's audience)."""
    return (
        User.objects.filter(is_active=True, is_staff=True, groups__name__in=course.roles)
        .distinct()
        .order_by("username", "pk")
    )


def training_due_on(*, course: Course, last_completed: date | None) -> date:
    """When the course is (again) due: `cadence` months after the last completion; never taken,
    since the course was created."""
    if last_completed is None:
        return today_jst(course.created_at)
    return months_after(last_completed, course.cadence_months)


def _last_completions(course: Course) -> dict[int, date]:
    last: dict[int, date] = {}
    for user_id, day in course.completions.filter(acknowledged=True).values_list(
        "user_id", "completed_on"
    ):
        last[user_id] = max(day, last.get(user_id, day))
    return last


def trainings_overdue(*, now: datetime) -> list[Overdue]:
    """For each active course, each staff member of its audience whose last completion is
    older than the cadence (on the due day itself it is not yet overdue), or who never took it."""
    today = today_jst(now)
    found = []
    for course in Course.objects.filter(active=True).order_by("title", "pk"):
        last = _last_completions(course)
        for user in course_audience(course=course):
            due = training_due_on(course=course, last_completed=last.get(user.pk))
            if user.pk not in last or today > due:
                found.append(Overdue(course, user, last.get(user.pk), due))
    return found


def trainings_of(*, user: User, now: datetime) -> list[tuple[Course, date | None, date]]:
    """The active courses this staff member must take: last completion and next due day."""
    own = []
    for course in Course.objects.filter(active=True, pk__in=_course_ids_for(user)):
        last = _last_completions(course).get(user.pk)
        own.append((course, last, training_due_on(course=course, last_completed=last)))
    return own


def _course_ids_for(user: User) -> list[int]:
    roles = set(user.groups.values_list("name", flat=True))
    return [pk for pk, wanted in Course.objects.values_list("pk", "roles") if roles & set(wanted)]


def completions_all() -> QuerySet[Completion]:
    return Completion.objects.select_related("course", "user").order_by("completed_on", "pk")
