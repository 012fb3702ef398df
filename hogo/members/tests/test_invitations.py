"""Stopping and restarting campaign mail, per purpose the policy marks `marketing_mail`: a
suspension of that purpose for the person in the vault, which marketing reads then respect."""

from dataclasses import replace

import pytest

from hogo.audit.models import AuditEvent
from hogo.members.services import invitation_purposes
from hogo.policy.schema import Policy
from hogo.tests.members import HANAKO, Registered
from hogo.vault.access import subjects_access
from hogo.vault.records import ItemIn, RefusalReason
from hogo.vault.services import subject_ingest

CAMPAIGN = "campaign-invitations-surveys"


@pytest.fixture
def invited(hanako: Registered) -> Registered:
    """Hanako also registered for an event, whose purpose sends campaign mail."""
    subject_ingest(
        actor="system:test",
        channel="event-registration",
        purposes=[CAMPAIGN],
        identifiers={"email": HANAKO["email"], "name": HANAKO["name"]},
        items=[ItemIn("organization", None, HANAKO["organization"])],
    )
    return hanako


def marketing_read(registered: Registered) -> list[str]:
    result = subjects_access(
        actor="user:3", purpose=CAMPAIGN, subject_ids=[registered.member.subject.ref]
    )
    return [r.reason for r in result.refused]


def test_it_takes_the_purposes_from_the_policy_flag(policy: Policy) -> None:
    assert invitation_purposes(policy) == [CAMPAIGN]
    unflagged = replace(
        policy,
        purposes={k: replace(p, marketing_mail=False) for k, p in policy.purposes.items()},
    )
    assert invitation_purposes(unflagged) == []


def test_it_stops_and_restarts_campaign_mail(invited: Registered) -> None:
    page = invited.client.get("/ja/members/invitations/").content.decode()
    assert "キャンペーン" in page or "イベント" in page
    assert 'data-receiving="yes"' in page
    assert marketing_read(invited) == []
    stopped = invited.client.post(
        "/en/members/invitations/", {"purpose": CAMPAIGN, "action": "stop"}
    )
    assert "E-mail for this purpose is stopped." in stopped.content.decode()
    assert 'data-receiving="no"' in stopped.content.decode()
    assert marketing_read(invited) == [RefusalReason.SUSPENDED]
    event = AuditEvent.objects.get(action="vault.suspend")
    assert event.detail["purposes"] == [CAMPAIGN]
    assert event.actor == f"subject:{invited.member.subject.ref}"
    restarted = invited.client.post(
        "/en/members/invitations/", {"purpose": CAMPAIGN, "action": "restart"}
    )
    assert 'data-receiving="yes"' in restarted.content.decode()
    assert marketing_read(invited) == []
    assert AuditEvent.objects.filter(action="vault.suspension.lift").count() == 1


def test_it_offers_nothing_to_stop_without_campaign_data(hanako: Registered) -> None:
    page = hanako.client.get("/en/members/invitations/").content.decode()
    assert "We hold none of your information" in page


@pytest.mark.parametrize(
    "data",
    [
        {"purpose": "member-site-registration", "action": "stop"},  # not marketing mail
        {"purpose": "no-such-purpose", "action": "stop"},
        {"purpose": CAMPAIGN, "action": "delete"},
        {},
    ],
)
def test_it_refuses_bad_invitation_input(invited: Registered, data: dict[str, str]) -> None:
    response = invited.client.post("/en/members/invitations/", data)
    assert response.status_code == 400
    assert "This purpose cannot be chosen." in response.content.decode()
    assert not AuditEvent.objects.filter(action="vault.suspend").exists()


def test_it_refuses_an_outsider_stopping_mail(invited: Registered) -> None:
    from django.test import Client

    response = Client().post("/en/members/invitations/", {"purpose": CAMPAIGN, "action": "stop"})
    assert response.status_code == 302
    assert marketing_read(invited) == []
