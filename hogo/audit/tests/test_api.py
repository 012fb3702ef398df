from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.audit.services import audit_record

ApiAs = Callable[[User], Client]


@pytest.fixture
def events(record_events: Callable[[int], list[AuditEvent]]) -> list[AuditEvent]:
    return record_events(9)


def test_the_officer_lists_events_in_order(
    events: list[AuditEvent], officer: User, api_as: ApiAs
) -> None:
    response = api_as(officer).get("/api/v1/audit/events")
    assert response.status_code == 200
    body = response.json()
    assert [item["seq"] for item in body["items"]] == list(range(1, 10))
    assert body["next_after"] is None
    first = body["items"][0]
    assert first["actor"] == "user:1"
    assert first["action"] == "vault.access"
    assert first["subjects"] == ["sub_0000", "sub_shared"]
    assert first["detail"] == {"count": 0, "reason": "日本語の理由", "ids": [0, 1]}
    assert first["hash"] == events[0].hash
    assert first["prev_hash"] == "0" * 64


def test_an_auditor_pages_through_events(
    events: list[AuditEvent], auditor: User, api_as: ApiAs
) -> None:
    client = api_as(auditor)
    page = client.get("/api/v1/audit/events", {"limit": 4}).json()
    assert [item["seq"] for item in page["items"]] == [1, 2, 3, 4]
    assert page["next_after"] == 4
    page = client.get("/api/v1/audit/events", {"limit": 4, "after": 4}).json()
    assert [item["seq"] for item in page["items"]] == [5, 6, 7, 8]
    page = client.get("/api/v1/audit/events", {"limit": 4, "after": 8}).json()
    assert [item["seq"] for item in page["items"]] == [9]
    assert page["next_after"] is None


def test_it_filters_by_action_and_subject(
    events: list[AuditEvent], officer: User, api_as: ApiAs
) -> None:
    audit_record(actor="system", action="vault.access.batch", subjects=["sub_0004"])
    client = api_as(officer)

    def seqs(**params: Any) -> list[int]:
        return [item["seq"] for item in client.get("/api/v1/audit/events", params).json()["items"]]

    assert seqs(action="vault.erase") == [2, 5, 8]
    assert seqs(action="vault.*") == [1, 2, 4, 5, 7, 8, 10]
    assert seqs(subject="sub_0004") == [5, 10]
    assert seqs(subject="sub_shared", action="vault.access") == [1, 4, 7]
    assert seqs(subject="sub_9999") == []


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 501},
        {"after": -1},
        {"after": 2**64},
        {"limit": "many"},
        {"action": "DROP TABLE"},
        {"subject": "taro@example.jp"},
    ],
)
def test_it_rejects_bad_filters(officer: User, api_as: ApiAs, params: dict[str, Any]) -> None:
    response = api_as(officer).get("/api/v1/audit/events", params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


def test_it_shows_one_event(events: list[AuditEvent], auditor: User, api_as: ApiAs) -> None:
    response = api_as(auditor).get("/api/v1/audit/events/3")
    assert response.status_code == 200
    assert response.json()["hash"] == events[2].hash


def test_it_answers_404_for_an_unknown_event(
    events: list[AuditEvent], auditor: User, api_as: ApiAs
) -> None:
    response = api_as(auditor).get("/api/v1/audit/events/99")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "not_found", "message": "No audit event 99"}}
    assert api_as(auditor).get(f"/api/v1/audit/events/{2**64}").status_code == 422


@pytest.mark.parametrize(
    "path", ["/api/v1/audit/events", "/api/v1/audit/events/1", "/api/v1/audit/verify"]
)
@pytest.mark.parametrize("persona", ["outsider", "desk_operator", "marketing_user"])
def test_other_staff_are_forbidden(
    events: list[AuditEvent], api_as: ApiAs, path: str, persona: str, request: pytest.FixtureRequest
) -> None:
    response = api_as(request.getfixturevalue(persona)).get(path)
    assert response.status_code == 403
    assert response.json() == {
        "error": {
            "code": "forbidden",
            "message": "Only the privacy officer and auditors may read the audit log",
        }
    }


@pytest.mark.django_db
def test_it_needs_a_token(client: Client) -> None:
    assert client.get("/api/v1/audit/events").status_code == 401
    assert client.get("/api/v1/audit/verify").status_code == 401


def test_verify_reports_an_intact_chain(
    events: list[AuditEvent], auditor: User, api_as: ApiAs
) -> None:
    response = api_as(auditor).get("/api/v1/audit/verify")
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "events": 9,
        "head": events[-1].hash,
        "bad_seq": None,
        "reason": None,
        "message": f"ok: 9 events, head {events[-1].hash}",
    }


def test_verify_reports_the_first_bad_event(
    events: list[AuditEvent],
    officer: User,
    api_as: ApiAs,
    tampering: Callable[[], AbstractContextManager[None]],
) -> None:
    with tampering(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = 3")
    body = api_as(officer).get("/api/v1/audit/verify").json()
    assert body["ok"] is False
    assert body["bad_seq"] == 4
    assert body["message"] == "event 4: seq gap after 2 (deleted)"
