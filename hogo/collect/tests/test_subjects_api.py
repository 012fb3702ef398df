"""`POST /api/v1/subjects` under the acquisition rules (consents stated and recorded), and what
registration and search tell staff about people they may not read (nothing)."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.consent.models import Consent
from hogo.policy.schema import Policy
from hogo.vault.models import Subject

ApiAs = Callable[[User], Client]
URL = "/api/v1/subjects"
CAMPAIGN = "campaign-invitations-surveys"
INQUIRY = "inquiry-response"
EMAIL = "hanako.yamada@example.jp"
EVENT: dict[str, Any] = {
    "channel": "event-registration",
    "purposes": [CAMPAIGN],
    "identifiers": {"email": EMAIL, "name": "山田 花子"},
    "data": {"organization": "Mitsuboshi Denki"},
}
ASKED = {
    "channel": "inquiry",
    "purposes": [INQUIRY],
    "identifiers": {"email": EMAIL, "name": "山田 花子"},
    "data": {"message": "認証試験の費用を教えてください。"},
}


def post(client: Client, url: str, body: dict[str, Any], purpose: str | None = None) -> Any:
    headers = {"X-Hogo-Purpose": purpose} if purpose else None
    return client.post(url, body, content_type="application/json", headers=headers)


def test_it_refuses_a_purpose_needing_consent_and_keeps_nothing_readable(
    policy: Policy, marketing_user: User, api_as: ApiAs
) -> None:
    client = api_as(marketing_user)
    response = post(client, URL, EVENT)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "consent_missing"
    assert EMAIL not in response.content.decode()
    found = post(client, f"{URL}/search", {"email": EMAIL}, CAMPAIGN).json()
    assert found == {"items": [], "refused": [{"subject_id": None, "reason": "not_found"}]}


def test_it_records_the_consents_stated_and_then_returns_the_values(
    policy: Policy, marketing_user: User, api_as: ApiAs
) -> None:
    client = api_as(marketing_user)
    response = post(client, URL, {**EVENT, "consents": [{"purpose": CAMPAIGN}]})
    assert response.status_code == 201
    [consent] = Consent.objects.all()
    assert (consent.kind, consent.target, consent.ref) == (
        "purpose",
        CAMPAIGN,
        response.json()["consents"][0],
    )
    assert consent.evidence["method"] == "api_caller"
    [item] = post(client, f"{URL}/search", {"email": EMAIL}, CAMPAIGN).json()["items"]
    assert item["identifiers"]["email"] == EMAIL


def test_it_forbids_outsiders_and_auditors(
    policy: Policy, outsider: User, auditor: User, api_as: ApiAs
) -> None:
    for user in (outsider, auditor):
        response = post(api_as(user), URL, {**EVENT, "consents": [{"purpose": CAMPAIGN}]})
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "forbidden"
    assert not Subject.objects.exists()


@pytest.mark.parametrize(
    ("consents", "status", "message"),
    [
        ([{"purpose": CAMPAIGN, "special_care": "health"}], 400, "consents[0]"),
        ([{}], 400, "consents[0]"),
        ([{"purpose": CAMPAIGN}, {"purpose": INQUIRY}], 400, "consents"),
        ([{"purpose": CAMPAIGN}, {"special_care": "health"}], 400, "consents"),
        ([{"purpose": "x" * 81}], 422, "purpose"),
        ("yes", 422, "consents"),
    ],
)
def test_it_rejects_bad_consents_and_stores_nothing(
    policy: Policy,
    officer: User,
    api_as: ApiAs,
    consents: object,
    status: int,
    message: str,
) -> None:
    response = post(api_as(officer), URL, {**EVENT, "consents": consents})
    assert response.status_code == status
    assert message in response.json()["error"]["message"]
    assert not Subject.objects.exists()
    assert not Consent.objects.exists()


def test_it_answers_registration_of_a_person_the_caller_cannot_read_as_a_new_one(
    policy: Policy, officer: User, marketing_user: User, api_as: ApiAs
) -> None:
    known = post(api_as(officer), URL, ASKED).json()["subject_id"]
    marketing = api_as(marketing_user)
    body = {**EVENT, "consents": [{"purpose": CAMPAIGN}]}
    first = post(marketing, URL, body).json()
    stranger = post(marketing, URL, {**body, "identifiers": {"email": "b@example.jp"}}).json()
    assert (first["created"], stranger["created"]) == (True, True)
    assert first["subject_id"] == known  # attached all the same: one person, one subject
    assert Subject.objects.count() == 2
    assert post(marketing, URL, body).json()["created"] is False  # now theirs to read
    assert post(api_as(officer), URL, ASKED).json()["created"] is False


def test_it_answers_search_for_a_person_the_caller_cannot_read_as_for_nobody(
    policy: Policy, officer: User, marketing_user: User, api_as: ApiAs
) -> None:
    known = post(api_as(officer), URL, ASKED).json()["subject_id"]
    marketing = api_as(marketing_user)
    hidden = post(marketing, f"{URL}/search", {"email": EMAIL}, CAMPAIGN)
    nobody = post(marketing, f"{URL}/search", {"email": "b@example.jp"}, CAMPAIGN)
    assert hidden.status_code == nobody.status_code == 200
    assert hidden.json() == nobody.json()
    assert nobody.json() == {"items": [], "refused": [{"subject_id": None, "reason": "not_found"}]}
    # The officer may read the person for their purpose: told why not for this one.
    seen = post(api_as(officer), f"{URL}/search", {"email": EMAIL}, CAMPAIGN).json()
    assert seen["refused"] == [{"subject_id": known, "reason": "purpose_not_allowed"}]
