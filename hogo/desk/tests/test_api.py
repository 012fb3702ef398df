"""/api/v1/requests: an integrator's portal starts requests, relays codes, follows steps."""

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import User
from django.test import Client

from hogo.desk.models import Case, CaseStatus
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, person
from hogo.tests.mail import Inbox, committed

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

pytestmark = pytest.mark.django_db
URL = "/api/v1/requests"
ApiAs = Callable[[User], Client]


def post(client: Client, path: str, body: object = None) -> "TestResponse":
    """A JSON POST, and what the request scheduled for after its commit (mail, steps)."""
    with committed():
        return client.post(path, body or {}, content_type="application/json")


def test_it_runs_a_suspension_from_start_to_completion(
    policy: Policy, inbox: Inbox, api_as: ApiAs, desk_operator: User
) -> None:
    subject_id = person()
    client = api_as(desk_operator)
    created = post(
        client,
        URL,
        {
            "kind": "suspension",
            "email": HANAKO,
            "language": "en",
            "stop_provision": True,
            "understood": True,
        },
    )
    assert created.status_code == 201
    data = created.json()
    ref = data["request"]["id"]
    assert data["request"]["status"] == "unverified"
    assert data["request"]["subject_id"] is None  # nothing looked up before verification
    assert HANAKO not in created.content.decode()

    verified = post(
        client,
        f"{URL}/{ref}/verify",
        {"verification_id": data["verification_id"], "code": inbox.code(HANAKO)},
    )
    assert verified.status_code == 200
    assert verified.json()["subject_id"] == subject_id
    assert post(client, f"{URL}/{ref}/approve").status_code == 200
    approved = client.get(f"{URL}/{ref}")
    assert approved.json()["status"] == "completed"
    assert [s["status"] for s in approved.json()["steps"]] == ["succeeded", "succeeded"]
    listed = client.get(f"{URL}?status=completed").json()["items"]
    assert [r["id"] for r in listed] == [ref]


def test_it_reports_wrong_codes(policy: Policy, inbox: Inbox, api_as: ApiAs, officer: User) -> None:
    client = api_as(officer)
    data = post(client, URL, {"kind": "purpose_notification", "email": HANAKO}).json()
    ref, verification = data["request"]["id"], data["verification_id"]
    right = inbox.code(HANAKO)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    response = post(client, f"{URL}/{ref}/verify", {"verification_id": verification, "code": wrong})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "code_wrong"
    other = post(client, f"{URL}/{ref}/verify", {"verification_id": "ver_nothing", "code": right})
    assert other.json()["error"]["code"] == "code_expired"


def test_it_refuses_with_a_listed_reason(
    policy: Policy, inbox: Inbox, api_as: ApiAs, officer: User
) -> None:
    client = api_as(officer)
    reasons = client.get(f"{URL}/refusal-reasons").json()
    assert "harm" in [r["id"] for r in reasons]
    data = post(client, URL, {"kind": "purpose_notification", "email": HANAKO}).json()
    ref = data["request"]["id"]
    post(
        client,
        f"{URL}/{ref}/verify",
        {"verification_id": data["verification_id"], "code": inbox.code(HANAKO)},
    )
    bad = post(client, f"{URL}/{ref}/refuse", {"reason": "whim"})
    assert bad.status_code == 422
    assert post(client, f"{URL}/{ref}/refuse", {"reason": "identity"}).status_code == 200
    assert client.get(f"{URL}/{ref}").json()["status"] == "refused"


def test_it_rejects_bad_input(policy: Policy, api_as: ApiAs, desk_operator: User) -> None:
    client = api_as(desk_operator)
    for body, where in [
        ({"kind": "gossip", "email": HANAKO}, "kind"),
        ({"kind": "purpose_notification", "email": "no"}, "email"),
        ({"kind": "disclosure", "email": HANAKO, "delivery": "pigeon"}, "delivery"),
        ({"kind": "suspension", "email": HANAKO, "all_purposes": True}, "understood"),
    ]:
        response = post(client, URL, body)
        assert response.status_code in (400, 422), body
        assert where in response.json()["error"]["message"]
    assert not Case.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "marketing_user"])
def test_it_forbids_other_roles(
    policy: Policy, api_as: ApiAs, persona: str, request: pytest.FixtureRequest
) -> None:
    client = api_as(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    response = post(client, URL, {"kind": "purpose_notification", "email": HANAKO})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_it_lets_auditors_read_only(
    policy: Policy, inbox: Inbox, api_as: ApiAs, auditor: User, officer: User
) -> None:
    ref = post(api_as(officer), URL, {"kind": "purpose_notification", "email": HANAKO}).json()[
        "request"
    ]["id"]
    client = api_as(auditor)
    assert client.get(f"{URL}/{ref}").status_code == 200
    assert client.post(f"{URL}/{ref}/approve").status_code == 403


def test_it_answers_404_and_401(policy: Policy, api_as: ApiAs, officer: User) -> None:
    client = api_as(officer)
    response = client.get(f"{URL}/req_aaaaaaaaaaaaaaaa")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert client.post(f"{URL}/req_aaaaaaaaaaaaaaaa/approve").status_code == 404
    assert Client().get(URL).status_code == 401
    assert Case.objects.filter(status=CaseStatus.OPEN).count() == 0


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", ""),
        ("get", "/refusal-reasons"),
        ("get", "/{ref}"),
        ("post", "/{ref}/verify"),
        ("post", "/{ref}/approve"),
        ("post", "/{ref}/refuse"),
        ("post", "/{ref}/fee"),
    ],
)
def test_it_forbids_an_outsider_every_endpoint(
    policy: Policy,
    inbox: Inbox,
    api_as: ApiAs,
    officer: User,
    outsider: User,
    method: str,
    path: str,
) -> None:
    ref = post(api_as(officer), URL, {"kind": "disclosure", "email": HANAKO}).json()["request"][
        "id"
    ]
    client = api_as(outsider)
    url = URL + path.format(ref=ref)
    body = {
        "verification_id": "ver_x",
        "code": "123456",
        "reason": "harm",
        "amount_jpy": 1000,
        "received_on": "2026-01-05",
        "reference": "TR-1",
    }
    if method == "post":
        response = client.post(url, body, content_type="application/json")
    else:
        response = client.get(url)
    assert response.status_code == 403
