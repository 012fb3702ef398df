"""Consent test support: a person registered for an event, with extra items."""

from hogo.tests.vault import ACTOR, CAMPAIGN, INQUIRY
from hogo.vault.records import IngestResult, ItemIn
from hogo.vault.services import subject_ingest

__all__ = ["ACTOR", "CAMPAIGN", "INQUIRY", "register"]


def register(
    email: str = "hanako.yamada@example.jp", items: tuple[ItemIn, ...] = ()
) -> IngestResult:
    return subject_ingest(
        actor=ACTOR,
        channel="event-registration",
        purposes=[CAMPAIGN],
        identifiers={"email": email, "name": "山田 花子"},
        items=[ItemIn("organization", None, "Mitsuboshi Denki"), *items],
    )
