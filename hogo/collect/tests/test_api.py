from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.policy.schema import Policy
from hogo.tests.collect import EVENT, INQUIRY
from hogo.vault.models import Item, Subject

ApiAs = Callable[[User], Client]
CAMPAIGN = "campaign-invitations-surveys"
EVENT_OPERATION = "event-operation"


def submit(client: Client, channel: str, body: dict[str, object]) -> object:
    return client.post(
        f"/api/v1/collect/channels/{channel}/submissions", body, content_type="application/json"
    )


def test_it_accepts_a_submission_and_lists_the_acquisition(
    policy: Policy, marketing_user: User, desk_operator: User, api_as: ApiAs
) -> None:
    response = submit(
        api_as(marketing_user),
        "event-registration",
        {"values": EVENT, "lang": "en", "purposes_consented": [CAMPAIGN]},
    )
    assert response.status_code == 201  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["created"] is True
    assert len(body["consents"]) == 1

    listed = api_as(desk_operator).get(f"/api/v1/collect/acquisitions?subject={body['subject_id']}")
    assert listed.status_code == 200
    [item] = listed.json()["items"]
    assert item["channel"] == "event-registration"
    assert item["source"] == "api"
    assert item["purposes"] == [EVENT_OPERATION, CAMPAIGN]
    assert item["record"]["ref"] == body["record_id"]
    assert item["record"]["fields"] == ["email", "event", "name", "organization"]
    consents = api_as(desk_operator).get(f"/api/v1/consents?subject={body['subject_id']}")
    assert [c["ref"] for c in consents.json()["items"]] == body["consents"]


def test_the_guard_applies_to_api_writes(
    policy: Policy, marketing_user: User, api_as: ApiAs
) -> None:
    values = {**INQUIRY, "message": "I am HIV positive; is the seminar room accessible?"}
    response = submit(api_as(marketing_user), "inquiry", {"values": values})
    assert response.status_code == 403  # type: ignore[attr-defined]
    error = response.json()["error"]  # type: ignore[attr-defined]
    assert error["code"] == "special_care_found"
    assert "message: seems to include special-care information (health)" in error["message"]
    assert "HIV" not in error["message"]
    assert Subject.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="collect.").exists()


def test_it_stores_special_care_sent_with_explicit_consent(
    policy: Policy, marketing_user: User, api_as: ApiAs
) -> None:
    values = {**EVENT, "special_requirements": "I have a hearing impairment; captions, please."}
    response = submit(
        api_as(marketing_user),
        "event-registration",
        {
            "values": values,
            "purposes_consented": [CAMPAIGN],
            "special_care_consented": ["disability"],
        },
    )
    assert response.status_code == 201  # type: ignore[attr-defined]
    item = Item.objects.get(field="special_requirements")
    assert (item.special_care, item.category) == (True, "disability")


def test_it_refuses_outsiders(policy: Policy, outsider: User, api_as: ApiAs) -> None:
    client = api_as(outsider)
    assert submit(client, "inquiry", {"values": INQUIRY}).status_code == 403  # type: ignore[attr-defined]
    assert client.get("/api/v1/collect/acquisitions?subject=sub_x").status_code == 403
    assert Subject.objects.count() == 0


def test_it_answers_404_for_unknown_channels_and_subjects(
    policy: Policy, officer: User, api_as: ApiAs
) -> None:
    client = api_as(officer)
    for channel in ("no-such-channel", "directory-import"):
        response = submit(client, channel, {"values": INQUIRY})
        assert response.status_code == 404  # type: ignore[attr-defined]
    assert client.get("/api/v1/collect/acquisitions?subject=sub_nobody").status_code == 404


def test_it_rejects_bad_input_naming_the_field(
    policy: Policy, officer: User, api_as: ApiAs
) -> None:
    client = api_as(officer)
    response = submit(client, "inquiry", {"values": {**INQUIRY, "email": "no-at-sign"}})
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert response.json()["error"]["message"] == "values.email: is not an e-mail address"  # type: ignore[attr-defined]
    response = submit(client, "inquiry", {"values": INQUIRY, "lang": "fr"})
    assert response.status_code == 422  # type: ignore[attr-defined]
    response = submit(client, "inquiry", {"values": {**INQUIRY, "shoe_size": "27"}})
    assert "values.shoe_size: is not a field of this channel" in response.json()["error"]["message"]  # type: ignore[attr-defined]
