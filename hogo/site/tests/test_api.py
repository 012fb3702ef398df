"""/api/v1/site/consents: statistics for staff, and one visitor's history for the officer."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.tests.site import Post, choice

ApiAs = Callable[[User], Client]


@pytest.fixture
def consent_id(post_choice: Post) -> str:
    """One visitor accepts all, then rejects; another (with GPC) rejects; a third customizes."""
    first: str = post_choice().json()["consent_id"]
    post_choice(
        choice(
            consent_id=first,
            accepted=["necessary"],
            rejected=["analytics", "preferences"],
            method="reject_all",
        )
    )
    post_choice(
        choice(accepted=["necessary"], rejected=["analytics", "preferences"], method="reject_all"),
        headers={"Sec-GPC": "1"},
    )
    post_choice(
        choice(accepted=["necessary", "preferences"], rejected=["analytics"], method="custom")
    )
    return first


def test_the_officer_reads_the_statistics(consent_id: str, officer: User, api_as: ApiAs) -> None:
    response = api_as(officer).get("/api/v1/site/consents/stats")
    assert response.status_code == 200
    assert response.json() == {
        "records": 4,
        "visitors": 3,
        "gpc": 1,
        "by_method": {"accept_all": 1, "reject_all": 2, "custom": 1},
        "by_cookies_version": {"2": 4},
        "categories": [
            {"id": "necessary", "accepted": 4, "rejected": 0},
            {"id": "preferences", "accepted": 2, "rejected": 2},
            {"id": "analytics", "accepted": 1, "rejected": 3},
        ],
    }


def test_statistics_can_be_limited_to_a_period(
    consent_id: str, marketing_user: User, api_as: ApiAs
) -> None:
    client = api_as(marketing_user)
    later = client.get("/api/v1/site/consents/stats", {"since": "2999-01-01T00:00:00Z"})
    assert later.status_code == 200
    assert later.json()["records"] == 0
    bad = client.get(
        "/api/v1/site/consents/stats",
        {"since": "2030-01-02T00:00:00Z", "until": "2030-01-01T00:00:00Z"},
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["message"] == "since must be before until"


def test_statistics_take_any_offset_and_mixed_naive_and_aware_bounds(
    consent_id: str, officer: User, api_as: ApiAs
) -> None:
    """Found by the API fuzz test: an offset past +15:59 was a 500 on PostgreSQL, a naive
    bound beside an aware one could not be compared; both now count like any other bound."""
    client = api_as(officer)
    far_offset = client.get("/api/v1/site/consents/stats", {"until": "0241-11-05T09:30:20+17:23"})
    assert far_offset.status_code == 200
    assert far_offset.json()["records"] == 0
    mixed = client.get(
        "/api/v1/site/consents/stats",
        {"since": "2000-01-01T00:00:00", "until": "2999-01-01T00:00:00+18:00"},
    )
    assert mixed.status_code == 200
    assert mixed.json()["records"] == 4


def test_a_bound_outside_the_calendar_in_utc_is_bad_input(
    consent_id: str, officer: User, api_as: ApiAs
) -> None:
    response = api_as(officer).get(
        "/api/v1/site/consents/stats", {"since": "0001-01-01T00:00:00+01:00"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


@pytest.mark.parametrize("persona", ["outsider", "desk_operator"])
def test_others_may_not_read_statistics(
    consent_id: str, persona: str, request: pytest.FixtureRequest, api_as: ApiAs
) -> None:
    response = api_as(request.getfixturevalue(persona)).get("/api/v1/site/consents/stats")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_the_officer_looks_up_a_consent_id_and_the_lookup_is_audited(
    consent_id: str, officer: User, api_as: ApiAs
) -> None:
    response = api_as(officer).get(f"/api/v1/site/consents/{consent_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["consent_id"] == consent_id
    assert [c["method"] for c in body["choices"]] == ["accept_all", "reject_all"]
    assert body["choices"][1]["rejected"] == ["analytics", "preferences"]
    assert body["choices"][0]["network"] == "203.0.113.0"
    assert body["choices"][0]["origin"] == "https://www.example.jp"
    event = AuditEvent.objects.get(action="site.consent.lookup")
    assert event.actor == f"user:{officer.pk}"
    assert event.detail == {"choices": 2}
    assert consent_id not in str(event.detail) + str(event.subjects)


def test_the_desk_may_look_up_a_consent_id_a_visitor_quotes(
    consent_id: str, desk_operator: User, api_as: ApiAs
) -> None:
    assert api_as(desk_operator).get(f"/api/v1/site/consents/{consent_id}").status_code == 200


@pytest.mark.parametrize("persona", ["outsider", "marketing_user"])
def test_others_may_not_look_up_a_consent_id(
    consent_id: str, persona: str, request: pytest.FixtureRequest, api_as: ApiAs
) -> None:
    response = api_as(request.getfixturevalue(persona)).get(f"/api/v1/site/consents/{consent_id}")
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="site.consent.lookup").exists()


def test_an_unknown_consent_id_is_not_found(consent_id: str, officer: User, api_as: ApiAs) -> None:
    response = api_as(officer).get(f"/api/v1/site/consents/{'B' * 22}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_malformed_consent_id_is_bad_input(consent_id: str, officer: User, api_as: ApiAs) -> None:
    response = api_as(officer).get("/api/v1/site/consents/not-an-id")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


def test_the_api_needs_a_token(consent_id: str) -> None:
    assert Client().get("/api/v1/site/consents/stats").status_code == 401
