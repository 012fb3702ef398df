"""`/api/v1/policy/`: the active policy and its versions for any staff token."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.policy.schema import Policy
from hogo.policy.services import policy_load
from hogo.policy.tests.helpers import by_id, in_days, reference_data, toml_dumps


def test_it_returns_the_active_policy_as_json(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    response = api_as(officer).get("/api/v1/policy/")
    assert response.status_code == 200
    body = response.json()
    assert body["number"] == 1
    assert len(body["sha256"]) == 64
    policy = body["policy"]
    assert list(policy["purposes"]) == list(active_policy.purposes)
    assert policy["purposes"]["inquiry-response"]["retention_days"] == 1095
    assert policy["categories"]["health"] == {
        "id": "health",
        "title": {"ja": "健康・病歴", "en": "Health and medical history"},
        "description": {
            "ja": "病歴、健康診断等の結果、診療・調剤等の保健医療に関する事項",
            "en": "Medical history, results of health checks, and medical treatment or dispensing",
        },
        "special_care": True,
        "basis": "statutory",
        "identifier": None,
        "policy_items": None,
    }
    assert policy["categories"]["social_status"]["policy_items"] == {
        "ja": "門地および所在都道府県以外の本籍地の情報",
        "en": "Family lineage, and domicile of origin other than the prefecture",
    }
    assert policy["categories"]["email"]["identifier"] == "email"
    assert policy["channels"]["inquiry"]["follow_up"] == "inquiry_case"
    assert policy["channels"]["directory-import"]["imported"] is True
    assert policy["staff"]["purposes"]["desk_operator"] == ["inquiry-response"]
    assert policy["records"]["request_cases"] == "inquiry-response"
    survey = policy["channels"]["survey"]
    assert [f["id"] for f in survey["fields"]] == ["email", "organization", "interest", "answer"]
    assert policy["requests"]["kinds"]["disclosure"]["default_delivery"] == "email_attachment"
    assert policy["cookies"]["version"] == 2


def test_any_staff_member_may_read_the_public_policy(
    outsider: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    """The policy is the published notice, so a staff token without a role may read it too."""
    assert api_as(outsider).get("/api/v1/policy/").status_code == 200


def test_it_lists_versions_and_returns_an_earlier_one(
    desk_operator: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    data = reference_data()
    in_days(by_id(data["purposes"], "inquiry-response"), 730)
    policy_load(text=toml_dumps(data), note="shorter retention")
    client = api_as(desk_operator)

    listed = client.get("/api/v1/policy/versions").json()
    assert [(v["number"], v["note"]) for v in listed] == [(1, "test"), (2, "shorter retention")]
    assert set(listed[0]) == {"number", "sha256", "loaded_at", "note"}

    first = client.get("/api/v1/policy/versions/1").json()
    assert first["policy"]["purposes"]["inquiry-response"]["retention_days"] == 1095
    active = client.get("/api/v1/policy/").json()
    assert active["number"] == 2


def test_an_unknown_version_is_a_404_in_the_error_format(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy
) -> None:
    response = api_as(officer).get("/api/v1/policy/versions/7")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "policy version 7 does not exist"}
    }


@pytest.mark.parametrize("number", ["0", "-1", "abc"])
def test_a_version_number_must_be_a_positive_integer(
    officer: User, api_as: Callable[[User], Client], active_policy: Policy, number: str
) -> None:
    response = api_as(officer).get(f"/api/v1/policy/versions/{number}")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


@pytest.mark.django_db
def test_it_needs_a_token(client: Client) -> None:
    for url in ("/api/v1/policy/", "/api/v1/policy/versions", "/api/v1/policy/versions/1"):
        response = client.get(url)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"


def test_it_says_when_no_policy_is_loaded(officer: User, api_as: Callable[[User], Client]) -> None:
    response = api_as(officer).get("/api/v1/policy/")
    assert response.status_code == 503
    assert response.json() == {
        "error": {
            "code": "policy_not_loaded",
            "message": "No policy is loaded yet: run `hogo policy load` first",
        }
    }
