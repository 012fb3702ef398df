"""Short-hands for the safety app's tests: facts of an incident, and an incident reported."""

from datetime import datetime

from hogo.safety.classify import Facts
from hogo.safety.models import Incident
from hogo.safety.services import incident_report

OFFICER = "user:1"


def facts(
    *,
    categories: tuple[str, ...] = ("email",),
    people_estimate: int | None = 10,
    special_care: bool | None = False,
    property_damage: bool | None = False,
    unjust_purpose: bool | None = False,
) -> Facts:
    return Facts(
        categories=categories,
        people_estimate=people_estimate,
        special_care=special_care,
        property_damage=property_damage,
        unjust_purpose=unjust_purpose,
    )


def reported(discovered_at: datetime, **kwargs: object) -> Incident:
    return incident_report(
        actor=OFFICER,
        discovered_at=discovered_at,
        summary="A laptop with the event list was lost on a train.",
        facts=facts(**kwargs),  # type: ignore[arg-type]
    )
