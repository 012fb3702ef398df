"""Reads of the incident register."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from hogo.errors import NotFound
from hogo.policy.selectors import PolicyNotLoaded, policy_version_active
from hogo.safety.models import Acknowledgment, Incident, IncidentStatus, IncidentStep


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
