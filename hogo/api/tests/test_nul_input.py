"""NUL characters in API input are refused as bad input, never stored or passed to the
database (PostgreSQL cannot hold them in text; found by the API fuzz test as a 500)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.api.services import token_create
from hogo.policy.schema import Policy
from hogo.share.models import Recipient

RECIPIENT = {
    "kind": "third_party_with_consent",
    "name": "Kansai Events KK",
    "address": "1-1 Umeda, Kita-ku, Osaka",
    "representative": "Representative Director",
}


@pytest.fixture
def client(officer: User) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_create(actor='system:test', user=officer)}")


@pytest.mark.parametrize(
    "body",
    [
        {**RECIPIENT, "name": "Kansai\x00Events"},
        {**RECIPIENT, "category": ["\x00"]},
        {**RECIPIENT, "extra\x00key": "x"},
    ],
)
def test_it_refuses_nul_in_a_json_body(
    body: dict[str, object], client: Client, active_policy: Policy
) -> None:
    response = client.post("/api/v1/share/recipients", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "error": {"code": "invalid", "message": "Text may not contain NUL characters"}
    }
    assert not Recipient.objects.exists()


def test_it_refuses_nul_in_a_query(client: Client, active_policy: Policy) -> None:
    response = client.get("/api/v1/requests", {"status": "open\x00"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_it_still_reports_a_body_that_is_not_json(client: Client, active_policy: Policy) -> None:
    response = client.post("/api/v1/share/recipients", "{", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Cannot parse request body"
