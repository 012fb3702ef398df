"""Input no service could store is refused as bad input in the error shape, never a 500: NUL
characters (PostgreSQL cannot hold them in text; found by the API fuzz test), unpaired
surrogates (no UTF-8 encoding; found by the outside probe in the detector) and bodies over the
size limit."""

import json

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


@pytest.mark.parametrize("text", ["\\ud800", "a\\udfffb", "\\udc00\\ud800"])
def test_it_refuses_an_unpaired_surrogate_in_a_json_body(
    text: str, client: Client, active_policy: Policy
) -> None:
    body = json.dumps(RECIPIENT)[:-1] + f', "address": "{text}"}}'
    response = client.post("/api/v1/share/recipients", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert "surrogate" in response.json()["error"]["message"]
    assert not Recipient.objects.exists()


def test_it_keeps_a_paired_surrogate_escape_which_is_one_character(
    client: Client, active_policy: Policy
) -> None:
    body = json.dumps({**RECIPIENT, "name": "Kansai \U0001f600 Events"})  # escapes as \ud83d\ude00
    response = client.post("/api/v1/share/recipients", body, content_type="application/json")
    assert response.status_code == 201
    assert Recipient.objects.get().name == "Kansai \U0001f600 Events"


def test_it_answers_413_in_the_error_shape_for_a_body_over_the_limit(
    client: Client, active_policy: Policy, settings: object
) -> None:
    body = json.dumps({**RECIPIENT, "name": "x" * 3_000_000})
    response = client.post("/api/v1/share/recipients", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert not Recipient.objects.exists()
