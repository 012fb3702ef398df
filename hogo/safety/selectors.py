"""Reads of the incident register."""

from django.db.models import QuerySet

from hogo.errors import NotFound
from hogo.safety.models import Incident, IncidentStatus, IncidentStep


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
