"""`/api/v1/incidents`: the officer records and reads incidents; everyone else gets 403."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import reference_text
from hogo.safety.models import Incident

pytestmark = pytest.mark.django_db

BODY = {
    "discovered_at": "2026-01-31T23:30:00+09:00",
    "summary": "The event list was mailed to the wrong recipient.",
    "categories": ["email", "organization"],
    "people_estimate": 120,
    "special_care": False,
    "property_damage": False,
    "unjust_purpose": None,
}


def post(client: Client, body: object) -> Any:
    return client.post("/api/v1/incidents", body, content_type="application/json")


def test_the_officer_records_an_incident_and_gets_its_classification_and_clocks(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    response = post(api_as(officer), BODY)
    assert response.status_code == 201, response.content
    out = response.json()
    assert out["id"].startswith("inc_")
    assert out["reportable"] is True
    assert out["triggers"] == ["unjust_purpose"]  # unknown counts as possible
    assert out["preliminary_due"] == "2026-02-04T23:59:59+09:00"
    assert out["final_due"] == "2026-03-31T23:59:59+09:00"  # 60 days: an unjust purpose may be
    assert out["discovered_at"] == "2026-01-31T23:30:00+09:00"
    assert [s["kind"] for s in out["timeline"]] == ["reported", "classified"]
    unjust = next(f for f in out["classification"] if f["trigger"] == "unjust_purpose")
    assert (unjust["state"], unjust["basis"]) == ("possible", "stated_unknown")
    event = AuditEvent.objects.get(action="safety.incident.report")
    assert event.detail["incident"] == out["id"]
    assert event.actor == f"user:{officer.pk}"
    assert "wrong recipient" not in str(event.detail)  # what staff wrote stays out of the log


def test_the_officer_reads_an_incident_with_its_timeline(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    client = api_as(officer)
    created = post(client, {**BODY, "unjust_purpose": False}).json()
    response = client.get(f"/api/v1/incidents/{created['id']}")
    assert response.status_code == 200
    out = response.json()
    assert out["reportable"] is False
    assert out["triggers"] == []
    assert out["final_due"] == "2026-03-01T23:59:59+09:00"  # 30 days across February
    step = out["timeline"][0]
    assert step["actor"] == f"user:{officer.pk}"
    assert step["at"].endswith("+09:00")


def test_a_special_care_category_of_the_policy_makes_it_reportable(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    special = sorted(active_policy.special_care_ids())[0]
    out = post(api_as(officer), {**BODY, "categories": [special], "unjust_purpose": False}).json()
    assert out["triggers"] == ["special_care"]
    assert out["classification"][0]["categories"] == [special]


@pytest.mark.parametrize("persona", ["desk_operator", "marketing_user", "auditor", "outsider"])
def test_anyone_but_the_officer_gets_403(
    persona: str,
    request: pytest.FixtureRequest,
    officer: User,
    api_as: Callable[[User], Client],
    active_policy: Policy,
) -> None:
    created = post(api_as(officer), BODY).json()
    client = api_as(request.getfixturevalue(persona))
    for response in (post(client, BODY), client.get(f"/api/v1/incidents/{created['id']}")):
        assert response.status_code == 403
        assert response.json()["error"] == {
            "code": "forbidden",
            "message": "Only the privacy officer may handle incidents",
        }


def test_an_unknown_incident_is_404(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    response = api_as(officer).get("/api/v1/incidents/inc_aaaaaaaaaaaaaaaa")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_without_a_token_it_is_401(client: Client) -> None:
    assert post(client, BODY).status_code == 401


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"summary": ""}, 422, "body.body.summary: String should have at least 1 character"),
        ({"people_estimate": -1}, 422, "body.body.people_estimate: Input should be greater"),
        ({"special_care": "perhaps"}, 422, "body.body.special_care: Input should be a valid"),
        ({"categories": [""]}, 422, "body.body.categories.0: String should have at least 1"),
        ({"discovered_at": "2026-01-31T23:30:00"}, 400, "discovered_at: needs a time zone"),
        ({"summary": "   "}, 400, "summary: must not be empty"),
        ({"categories": ["email", "email"]}, 400, "categories: names a category twice"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    change: dict[str, object],
    status: int,
    message: str,
    officer: User,
    api_as: Callable[[User], Client],
    active_policy: Policy,
) -> None:
    response = post(api_as(officer), {**BODY, **change})
    assert response.status_code == status, response.content
    assert response.json()["error"]["message"].startswith(message)


def test_a_discovery_in_the_future_is_refused(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    later = (timezone.now() + timedelta(hours=1)).isoformat()
    response = post(api_as(officer), {**BODY, "discovered_at": later})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "discovered_at: is in the future"
    assert later not in response.content.decode()


def test_the_preliminary_clock_follows_the_policy(
    officer: User, api_as: Callable[[User], Client], db: None
) -> None:
    policy_load(text=reference_text() + "\n[incidents]\npreliminary_report_days = 3\n", note="t")
    out = post(api_as(officer), BODY).json()
    assert out["preliminary_due"] == "2026-02-02T23:59:59+09:00"
    assert Incident.objects.get(ref=out["id"]).preliminary_days == 3
