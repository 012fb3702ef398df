"""The same refused acquisitions through every entry point that stores personal data: the
public form, the collect API, the Subjects API and the directory import. (No console or staff
intake path stores a person's data: the desk's intake records requests, not subjects.)"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.collect.importer import directory_import
from hogo.collect.tests.test_import import HEADER, PROVIDER, write_csv
from hogo.consent.models import Consent
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.collect import EVENT, form_post
from hogo.vault.models import Subject

ApiAs = Callable[[User], Client]
CAMPAIGN = "campaign-invitations-surveys"
INQUIRY = "inquiry-response"
NEEDS = "I have a hearing impairment; captions, please."  # disability
SURVEY = {"email": "hanako.yamada@example.jp", "answer": "Very useful, thank you."}


def collect_api(client: Client, channel: str, body: dict[str, object]) -> Any:
    url = f"/api/v1/collect/channels/{channel}/submissions"
    return client.post(url, body, content_type="application/json")


def subjects_api(client: Client, body: dict[str, object]) -> Any:
    return client.post("/api/v1/subjects", body, content_type="application/json")


def registration(**change: object) -> dict[str, object]:
    return {
        "channel": "event-registration",
        "purposes": [CAMPAIGN],
        "identifiers": {"email": EVENT["email"], "name": EVENT["name"]},
        "data": {"organization": EVENT["organization"], "event": EVENT["event"]},
        **change,
    }


def code(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def test_it_refuses_a_purpose_that_needs_consent_without_it_everywhere(
    policy: Policy, marketing_user: User, api_as: ApiAs
) -> None:
    client = api_as(marketing_user)
    # The survey's only purpose needs consent (event registration has one that does not).
    form = form_post(Client(), "survey", SURVEY)
    assert form.status_code == 200  # the form again, asking for the consent
    assert code(collect_api(client, "survey", {"values": SURVEY})) == (403, "consent_missing")
    assert code(subjects_api(client, registration())) == (403, "consent_missing")
    assert not Subject.objects.exists()
    assert not Consent.objects.exists()


def test_it_refuses_special_care_information_without_explicit_consent_everywhere(
    policy: Policy, marketing_user: User, api_as: ApiAs, tmp_path: Path
) -> None:
    client = api_as(marketing_user)
    values = {**EVENT, "special_requirements": NEEDS}
    form = form_post(Client(), "event-registration", values, consent_purpose=CAMPAIGN)
    assert form.status_code == 200
    body: dict[str, object] = {"values": values, "purposes_consented": [CAMPAIGN]}
    response = collect_api(client, "event-registration", body)
    assert code(response) == (403, "special_care_found")
    registered = registration(
        data={"organization": "Acme", "special_requirements": NEEDS},
        consents=[{"purpose": CAMPAIGN}],
    )
    response = subjects_api(client, registered)
    assert code(response) == (403, "special_care_found")
    assert "hearing" not in response.json()["error"]["message"]
    rows = [HEADER, ["田中 一郎", "がん患者会", "事務局", "tanaka@example.jp", ""]]
    summary = directory_import(
        actor="system:test", path=write_csv(tmp_path / "list.csv", rows), provider=PROVIDER
    )
    assert (summary.imported, summary.special_care) == (0, 1)
    assert not Subject.objects.exists()


def test_it_refuses_a_channel_that_does_not_take_data_from_that_path_everywhere(
    policy: Policy, marketing_user: User, api_as: ApiAs
) -> None:
    """The import channel (Art. 30 receipt records) takes data from imports only."""
    client = api_as(marketing_user)
    assert Client().get("/ja/forms/directory-import/").status_code == 404
    assert collect_api(client, "directory-import", {"values": EVENT}).status_code == 404
    body = registration(
        channel="directory-import",
        data={"organization": "Acme"},
        consents=[{"purpose": CAMPAIGN}],
    )
    assert code(subjects_api(client, body)) == (404, "not_found")
    assert not Subject.objects.exists()


def test_it_refuses_a_purpose_the_channel_does_not_have_where_one_can_be_named(
    policy: Policy, marketing_user: User, api_as: ApiAs, tmp_path: Path
) -> None:
    """Forms and the collect API take the channel's own purposes: only these two name any."""
    response = subjects_api(api_as(marketing_user), registration(purposes=[INQUIRY]))
    assert response.status_code == 400
    assert "purposes" in response.json()["error"]["message"]
    rows = [HEADER, ["田中 一郎", "北斗工業", "", "tanaka@example.jp", ""]]
    with pytest.raises(InvalidInput, match="is not a purpose of channel"):
        directory_import(
            actor="system:test",
            path=write_csv(tmp_path / "list.csv", rows),
            provider=PROVIDER,
            purposes=[INQUIRY],
        )
    assert not Subject.objects.exists()
