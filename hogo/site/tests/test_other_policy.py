"""Another organization's policy (no purpose, channel or ordinary category id of the reference)
runs the cookie banner: its configuration and the proof of a visitor's choice."""

import json

import pytest
from django.test import Client

from hogo.policy.schema import Policy
from hogo.site.models import CookieConsent
from hogo.tests.site import SITE, choice

pytestmark = pytest.mark.django_db


def test_it_records_a_cookie_choice_under_the_other_policy(
    other_policy: Policy, site_origins: list[str]
) -> None:
    config = Client().get("/site/config.json", headers={"Origin": SITE}).json()
    assert config["version"] == other_policy.cookies.version
    assert [c["id"] for c in config["categories"]] == list(other_policy.cookies.categories)
    body = choice(
        accepted=["necessary"],
        rejected=["analytics", "preferences"],
        method="reject_all",
        version=other_policy.cookies.version,
    )
    response = Client().post(
        "/site/consent",
        json.dumps(body),
        content_type="application/json",
        headers={"Origin": SITE},
        REMOTE_ADDR="203.0.113.77",
    )
    assert response.status_code == 201, response.content
    record = CookieConsent.objects.get()
    assert record.policy_version == other_policy.version
    assert record.rejected == ["analytics", "preferences"]
    # The notice the banner links to is this organization's.
    notice = Client().get("/en/privacy/").content.decode()
    assert "Example Technology Guild" in notice
