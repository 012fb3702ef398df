"""Safety test support: the desk's loopback SMTP server, and short-hands for incidents."""

from datetime import datetime

from hogo.desk.tests.conftest import Inbox, body, committed, inbox, master_key
from hogo.safety.classify import Facts
from hogo.safety.models import Incident
from hogo.safety.services import incident_report

__all__ = ["Inbox", "body", "committed", "facts", "inbox", "master_key", "reported"]

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
