"""The Subjects API: each endpoint's success, outsider 403, 404 and bad input."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.consent.models import Consent as ConsentRecord
from hogo.policy.schema import Policy
from hogo.tests.vault import CAMPAIGN, INQUIRY
from hogo.vault.models import Subject

ApiAs = Callable[[User], Client]
URL = "/api/v1/subjects"

EVENT = {
    "channel": "event-registration",
    "purposes": [CAMPAIGN],
    "identifiers": {"email": "hanako.yamada@example.jp", "name": "山田 花子"},
    "data": {"organization": "Mitsuboshi Denki", "event": "CC-Link IE TSN セミナー"},
    "consents": [{"purpose": CAMPAIGN}],
}


def post(
    client: Client, url: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> Any:
    return client.post(url, body, content_type="application/json", headers=headers)


def search(client: Client, body: dict[str, Any], headers: dict[str, str] | None = None) -> Any:
    return post(client, f"{URL}/search", body, headers)


def error_code(response: Any) -> str:
    return str(response.json()["error"]["code"])


@pytest.fixture
def subject_id(policy: Policy, api_as: ApiAs, officer: User) -> str:
    response = post(api_as(officer), URL, EVENT)
    assert response.status_code == 201
    return str(response.json()["subject_id"])


class TestRegister:
    def test_it_registers_a_subject_and_attaches_a_known_email(
        self, policy: Policy, api_as: ApiAs, marketing_user: User
    ) -> None:
        client = api_as(marketing_user)
        first = post(client, URL, EVENT)
        again = post(client, URL, {**EVENT, "identifiers": {"email": "HANAKO.yamada@example.jp"}})
        assert first.status_code == again.status_code == 201
        assert first.json()["created"] is True
        assert again.json()["created"] is False
        assert again.json()["subject_id"] == first.json()["subject_id"]
        assert first.json()["subject_id"].startswith("sub_")

    def test_it_forbids_an_outsider_and_an_auditor(
        self, policy: Policy, api_as: ApiAs, outsider: User, auditor: User
    ) -> None:
        for user in (outsider, auditor):
            response = post(api_as(user), URL, EVENT)
            assert response.status_code == 403
            assert error_code(response) == "forbidden"

    @pytest.mark.parametrize(
        ("change", "status", "message"),
        [
            ({"channel": "telemarketing"}, 404, "channel"),
            ({"purposes": [INQUIRY]}, 400, "purposes"),
            ({"identifiers": {}}, 400, "identifiers"),
            ({"data": {"hobby": "x"}}, 400, "items[0](hobby)"),
            ({"identifiers": {"email": "not-an-address"}}, 400, "identifiers.email"),
            ({"purposes": []}, 422, "purposes"),
            ({"notice_sha256": "abc"}, 422, "notice_sha256"),
        ],
    )
    def test_it_rejects_bad_input_naming_the_field(
        self,
        policy: Policy,
        api_as: ApiAs,
        officer: User,
        change: dict[str, Any],
        status: int,
        message: str,
    ) -> None:
        response = post(api_as(officer), URL, {**EVENT, **change})
        assert response.status_code == status
        assert message in response.json()["error"]["message"]
        assert "not-an-address" not in response.json()["error"]["message"]

    def test_it_stores_special_care_information_only_with_consent(
        self, policy: Policy, api_as: ApiAs, officer: User
    ) -> None:
        needs = {"data": {"special_requirements": "車椅子を使用します"}}
        declared = {"special_requirements": {"category": "disability"}}
        response = post(api_as(officer), URL, {**EVENT, **needs, "special_care": declared})
        assert response.status_code == 403
        assert error_code(response) == "special_care_found"
        assert not Subject.objects.exists()
        consents = [{"purpose": CAMPAIGN}, {"special_care": "disability"}]
        consented = {**needs, "special_care": declared, "consents": consents}
        response = post(api_as(officer), URL, {**EVENT, **consented})
        assert response.status_code == 201
        [special] = ConsentRecord.objects.filter(kind="special_care")
        assert special.ref in response.json()["consents"]

    def test_it_refuses_special_care_information_where_the_channel_takes_no_consent(
        self, policy: Policy, api_as: ApiAs, officer: User
    ) -> None:
        body = {
            "channel": "inquiry",
            "purposes": [INQUIRY],
            "identifiers": {"email": "hanako.yamada@example.jp"},
            "data": {"message": "持病について相談したい"},
            "special_care": {"message": {"category": "health"}},
            "consents": [{"special_care": "health"}],
        }
        response = post(api_as(officer), URL, body)
        assert response.status_code == 403
        assert error_code(response) == "special_care_found"
        assert "持病" not in response.json()["error"]["message"]

    def test_it_runs_undeclared_free_text_through_the_detector_and_stores_nothing(
        self, policy: Policy, api_as: ApiAs, officer: User
    ) -> None:
        body = {
            "channel": "inquiry",
            "purposes": [INQUIRY],
            "identifiers": {"email": "hanako.yamada@example.jp"},
            "data": {"message": "来週は透析の日なので、説明会は別の日にしてください。"},
        }
        response = post(api_as(officer), URL, body)
        assert response.status_code == 403
        assert error_code(response) == "special_care_found"
        assert "health" in response.json()["error"]["message"]
        assert "透析" not in response.json()["error"]["message"]
        assert not Subject.objects.exists()
        plain = {**body, "data": {"message": "説明会の資料を送ってください。"}}
        assert post(api_as(officer), URL, plain).status_code == 201


class TestLookup:
    def test_it_returns_values_for_the_stated_purpose(
        self, subject_id: str, api_as: ApiAs, marketing_user: User
    ) -> None:
        response = post(
            api_as(marketing_user),
            f"{URL}/search",
            {"email": "hanako.yamada@example.jp"},
            headers={"X-Hogo-Purpose": CAMPAIGN},
        )
        assert response.status_code == 200
        assert response.json() == {
            "items": [
                {
                    "subject_id": subject_id,
                    "identifiers": {"email": "hanako.yamada@example.jp", "name": "山田 花子"},
                    "data": {
                        "organization": "Mitsuboshi Denki",
                        "event": "CC-Link IE TSN セミナー",
                    },
                }
            ],
            "refused": [],
        }

    def test_it_searches_with_the_identifier_in_the_body(
        self, subject_id: str, api_as: ApiAs, officer: User
    ) -> None:
        response = post(
            api_as(officer),
            f"{URL}/search",
            {"email": "hanako.yamada@example.jp"},
            headers={"X-Hogo-Purpose": INQUIRY},
        )
        assert response.status_code == 200
        assert response.json() == {
            "items": [],
            "refused": [{"subject_id": subject_id, "reason": "purpose_not_allowed"}],
        }

    def test_it_answers_not_found_as_a_refusal(
        self, policy: Policy, api_as: ApiAs, officer: User
    ) -> None:
        response = post(
            api_as(officer),
            f"{URL}/search",
            {"phone": "03-1234-5678"},
            headers={"X-Hogo-Purpose": CAMPAIGN},
        )
        assert response.status_code == 200
        assert response.json() == {
            "items": [],
            "refused": [{"subject_id": None, "reason": "not_found"}],
        }

    def test_it_requires_the_purpose_header(
        self, subject_id: str, api_as: ApiAs, officer: User
    ) -> None:
        response = search(api_as(officer), {"email": "hanako.yamada@example.jp"})
        assert response.status_code == 400
        assert error_code(response) == "purpose_required"

    def test_it_forbids_purposes_outside_the_role_and_outsiders(
        self, subject_id: str, api_as: ApiAs, marketing_user: User, outsider: User
    ) -> None:
        query = {"email": "hanako.yamada@example.jp"}
        response = post(
            api_as(marketing_user), f"{URL}/search", query, headers={"X-Hogo-Purpose": INQUIRY}
        )
        assert response.status_code == 403
        assert "inquiry-response" in response.json()["error"]["message"]
        response = post(
            api_as(outsider), f"{URL}/search", query, headers={"X-Hogo-Purpose": CAMPAIGN}
        )
        assert response.status_code == 403
        assert AuditEvent.objects.filter(action="vault.access").count() == 0

    @pytest.mark.parametrize(
        "query",
        [{}, {"email": "a@example.jp", "phone": "03-1234-5678"}, {"email": "no-at-sign"}],
    )
    def test_it_rejects_bad_lookups(
        self, policy: Policy, api_as: ApiAs, officer: User, query: dict[str, str]
    ) -> None:
        response = post(
            api_as(officer), f"{URL}/search", query, headers={"X-Hogo-Purpose": CAMPAIGN}
        )
        assert response.status_code == 400
        assert "no-at-sign" not in response.json()["error"]["message"]

    def test_it_rejects_an_unknown_purpose(
        self, policy: Policy, api_as: ApiAs, officer: User
    ) -> None:
        response = post(
            api_as(officer),
            f"{URL}/search",
            {"email": "a@example.jp"},
            headers={"X-Hogo-Purpose": "ads"},
        )
        assert response.status_code == 400
        assert error_code(response) == "unknown_purpose"


class TestRead:
    def test_it_reads_one_subject(self, subject_id: str, api_as: ApiAs, officer: User) -> None:
        response = api_as(officer).get(f"{URL}/{subject_id}", headers={"X-Hogo-Purpose": CAMPAIGN})
        assert response.status_code == 200
        assert response.json()["data"]["organization"] == "Mitsuboshi Denki"

    def test_it_refuses_with_the_reason_as_error_code(
        self, subject_id: str, api_as: ApiAs, officer: User
    ) -> None:
        response = api_as(officer).get(f"{URL}/{subject_id}", headers={"X-Hogo-Purpose": INQUIRY})
        assert response.status_code == 403
        assert error_code(response) == "purpose_not_allowed"

    def test_it_answers_404_for_an_unknown_and_422_for_a_malformed_id(
        self, policy: Policy, api_as: ApiAs, officer: User
    ) -> None:
        response = api_as(officer).get(
            f"{URL}/sub_aaaaaaaaaaaaaaaa", headers={"X-Hogo-Purpose": CAMPAIGN}
        )
        assert response.status_code == 404
        assert error_code(response) == "not_found"
        response = api_as(officer).get(f"{URL}/42", headers={"X-Hogo-Purpose": CAMPAIGN})
        assert response.status_code == 422

    def test_it_forbids_an_outsider(self, subject_id: str, api_as: ApiAs, outsider: User) -> None:
        response = api_as(outsider).get(f"{URL}/{subject_id}", headers={"X-Hogo-Purpose": CAMPAIGN})
        assert response.status_code == 403


class TestSuspension:
    def test_it_suspends_and_lifts(
        self, subject_id: str, api_as: ApiAs, desk_operator: User, officer: User
    ) -> None:
        client = api_as(desk_operator)
        response = post(client, f"{URL}/{subject_id}/suspension", {"purposes": [CAMPAIGN]})
        assert response.status_code == 200
        assert response.json() == {
            "subject_id": subject_id,
            "all_purposes": False,
            "purposes": [CAMPAIGN],
            "changed": True,
        }
        read = api_as(officer).get(f"{URL}/{subject_id}", headers={"X-Hogo-Purpose": CAMPAIGN})
        assert (read.status_code, error_code(read)) == (403, "suspended")
        response = client.delete(f"{URL}/{subject_id}/suspension")
        assert response.status_code == 200
        assert response.json()["purposes"] == []
        read = api_as(officer).get(f"{URL}/{subject_id}", headers={"X-Hogo-Purpose": CAMPAIGN})
        assert read.status_code == 200

    def test_it_suspends_for_all_purposes(
        self, subject_id: str, api_as: ApiAs, officer: User
    ) -> None:
        response = post(api_as(officer), f"{URL}/{subject_id}/suspension", {"all": True})
        assert response.status_code == 200
        assert response.json()["all_purposes"] is True

    def test_it_forbids_outsiders_and_marketing(
        self, subject_id: str, api_as: ApiAs, outsider: User, marketing_user: User
    ) -> None:
        for user in (outsider, marketing_user):
            client = api_as(user)
            response = post(client, f"{URL}/{subject_id}/suspension", {"all": True})
            assert response.status_code == 403
            assert client.delete(f"{URL}/{subject_id}/suspension").status_code == 403

    def test_it_answers_404_for_an_unknown_subject(
        self, policy: Policy, api_as: ApiAs, officer: User
    ) -> None:
        unknown = f"{URL}/sub_aaaaaaaaaaaaaaaa/suspension"
        assert post(api_as(officer), unknown, {"all": True}).status_code == 404
        assert api_as(officer).delete(unknown).status_code == 404

    @pytest.mark.parametrize(
        "body", [{}, {"all": True, "purposes": [CAMPAIGN]}, {"purposes": ["ads"]}]
    )
    def test_it_rejects_bad_input(
        self, subject_id: str, api_as: ApiAs, officer: User, body: dict[str, Any]
    ) -> None:
        response = post(api_as(officer), f"{URL}/{subject_id}/suspension", body)
        assert response.status_code == 400


class TestErase:
    def test_it_erases_a_subject(self, subject_id: str, api_as: ApiAs, desk_operator: User) -> None:
        response = api_as(desk_operator).delete(f"{URL}/{subject_id}?request_ref=case-3")
        assert response.status_code == 204
        read = api_as(desk_operator).get(f"{URL}/{subject_id}", headers={"X-Hogo-Purpose": INQUIRY})
        assert (read.status_code, error_code(read)) == (410, "erased")
        again = api_as(desk_operator).delete(f"{URL}/{subject_id}")
        assert again.status_code == 409

    def test_it_forbids_an_outsider(self, subject_id: str, api_as: ApiAs, outsider: User) -> None:
        assert api_as(outsider).delete(f"{URL}/{subject_id}").status_code == 403

    def test_it_answers_404_and_rejects_bad_reasons(
        self, subject_id: str, api_as: ApiAs, officer: User
    ) -> None:
        client = api_as(officer)
        assert client.delete(f"{URL}/sub_aaaaaaaaaaaaaaaa").status_code == 404
        assert client.delete(f"{URL}/{subject_id}?reason=boredom").status_code == 422


def test_it_documents_the_endpoints_in_openapi(db: None, api_as: ApiAs, officer: User) -> None:
    schema = api_as(officer).get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/subjects",
        "/api/v1/subjects/search",
        "/api/v1/subjects/{subject_id}",
        "/api/v1/subjects/{subject_id}/suspension",
    } <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/subjects"]) == {"post"}  # no address in a URL
    parameters = schema["paths"]["/api/v1/subjects/search"]["post"]["parameters"]
    assert any(p["name"] == "X-Hogo-Purpose" and p["in"] == "header" for p in parameters)
