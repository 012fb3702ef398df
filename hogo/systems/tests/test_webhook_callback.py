"""Signatures both ways and the replay window: the reference receiver refuses a bad signature,
a stale timestamp and a message it has seen; a receiver that answers 202 completes the step
with a signed callback that hogo accepts once, and refuses when forged, stale or replayed."""

import http.client
import json
import ssl
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import LazySettings
from django.test import Client

from hogo.desk.models import CaseStatus, StepStatus
from hogo.desk.services import case_retry
from hogo.tests.mail import Inbox, committed
from hogo.tests.mail import body as mail_text
from hogo.tests.webhooks import (
    EMAIL,
    SECRET,
    STAFF,
    SYSTEM,
    Accepting,
    Tls,
    approved,
    db_file,
    members,
    receiver,
    receiving,
    step_of,
    tls,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("master_key")]
__all__ = ["db_file", "tls"]  # the fixtures


def post(port: int, ca: Path, body: bytes, headers: dict[str, str]) -> int:
    context = ssl.create_default_context(cafile=str(ca))
    connection = http.client.HTTPSConnection("localhost", port, context=context, timeout=5)
    try:
        connection.request("POST", "/hogo/requests", body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def signed(body: bytes, *, secret: str = SECRET, at: int | None = None) -> dict[str, str]:
    stamp = int(time.time()) if at is None else at
    return {
        "X-Hogo-Timestamp": str(stamp),
        "X-Hogo-Signature": receiver.sign(secret.encode(), stamp, body),
    }


def test_the_receiver_refuses_a_bad_signature_a_stale_timestamp_and_a_replay(
    tls: Tls, db_file: Path
) -> None:
    request = {"request": "req_x.1", "kind": "disclosure", "identity": {"email": [EMAIL]}}
    body = json.dumps(request).encode()
    with receiving(receiver.Receiver, db_file, tls) as server:
        port = server.server_address[1]
        assert post(port, tls.ca, body, signed(body, secret="wrong-secret-0123456789")) == 401
        assert post(port, tls.ca, body, signed(body, at=int(time.time()) - 301)) == 401
        good = signed(body)
        assert post(port, tls.ca, body, good) == 200
        assert post(port, tls.ca, body, good) == 401  # the same message again: a replay
        assert post(port, tls.ca, body, signed(body, at=int(time.time()) + 1)) == 200
        assert post(port, tls.ca, body + b" ", good) == 401  # a body changed under a signature


def callback_of(server: Any) -> tuple[str, str]:
    """The request id and the callback's path, as the receiver got them."""
    request = Accepting.requests[-1]
    return request["request"], urlsplit(request["callback"]).path


def test_a_202_then_a_signed_callback_completes_the_deletion(
    tls: Tls, db_file: Path, inbox: Inbox
) -> None:
    with receiving(Accepting, db_file, tls) as server:
        case = approved(inbox, "correction", {"delete_all": True})
        assert step_of(case).status == StepStatus.WAITING
        ident, path = callback_of(server)
    assert path.startswith("/api/v1/systems/callback/")
    assert path[-43:] not in json.dumps(step_of(case).result)  # only its digest is kept
    check = {"table": "members", "key": 1, "column": None, "ok": True}
    answer = {"request": ident, "changed": {"members": 1}, "checks": [check], "verified": True}
    body = json.dumps(answer).encode()
    client = Client()
    with committed():
        sent = client.post(path, body, content_type="application/json", headers=signed(body))
    assert sent.status_code == 204
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert step_of(case).result["verified"] is True
    assert "イベント受付システム" in mail_text(inbox.last(EMAIL))
    again = client.post(path, body, content_type="application/json", headers=signed(body))
    assert (again.status_code, again.json()["error"]["code"]) == (409, "callback_used")
    assert members(db_file)[0] == EMAIL  # (this receiver changed nothing; it only said so)


@pytest.mark.parametrize(
    ("how", "status", "code"),
    [
        ("forged", 401, "signature_refused"),
        ("stale", 401, "signature_refused"),
        ("unsigned", 401, "signature_refused"),
        ("another request", 409, "system_failed"),
        ("unknown token", 404, "not_found"),
    ],
)
def test_a_forged_stale_or_misdirected_callback_is_refused_and_the_step_waits(
    tls: Tls, db_file: Path, inbox: Inbox, how: str, status: int, code: str
) -> None:
    with receiving(Accepting, db_file, tls) as server:
        case = approved(inbox, "disclosure")
        ident, path = callback_of(server)
    answer = {"request": "req_other.1" if how == "another request" else ident, "tables": {}}
    body = json.dumps(answer).encode()
    headers = {
        "forged": signed(body, secret="wrong-secret-0123456789"),
        "stale": signed(body, at=int(time.time()) - 301),
        "unsigned": {},
    }.get(how, signed(body))
    if how == "unknown token":
        path = path[:-43] + "A" * 43
    sent = Client().post(path, body, content_type="application/json", headers=headers)
    assert (sent.status_code, sent.json()["error"]["code"]) == (status, code)
    assert SECRET not in sent.content.decode()
    step = step_of(case)
    assert (step.status, step.result.get("settled")) == (StepStatus.WAITING, None)
    assert case.status == CaseStatus.IN_PROGRESS


def test_a_callback_with_the_disclosure_rows_completes_the_package(
    tls: Tls, db_file: Path, inbox: Inbox, settings: LazySettings
) -> None:
    with receiving(Accepting, db_file, tls) as server:
        case = approved(inbox, "disclosure")
        ident, path = callback_of(server)
    rows = [{"id": 1, "name": "佐藤 アリス", "email": EMAIL}]
    body = json.dumps({"request": ident, "tables": {"members": rows}}).encode()
    with committed():
        Client().post(path, body, content_type="application/json", headers=signed(body))
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert step_of(case).result["rows"] == 1
    assert SYSTEM in json.dumps(case.packages.get().files)


def test_a_callback_without_a_read_back_fails_the_step_and_the_desk_retry_asks_again(
    tls: Tls, db_file: Path, inbox: Inbox
) -> None:
    Accepting.requests.clear()
    with receiving(Accepting, db_file, tls):
        case = approved(inbox, "correction", {"delete_all": True})
        ident, path = callback_of(None)
        answer = {"request": ident, "changed": {"members": 1}, "verified": True}
        body = json.dumps(answer).encode()
        with committed():
            sent = Client().post(path, body, content_type="application/json", headers=signed(body))
        assert sent.status_code == 204
        step = step_of(case)
        assert (step.status, step.result["verified"]) == (StepStatus.FAILED, False)
        assert step.error == "not verified: the system did not confirm its read-back"
        assert len(inbox.to(EMAIL)) == 1  # only the code: the person is told nothing yet
        with committed():
            case_retry(actor=STAFF, case_ref=case.ref)
    assert len(Accepting.requests) == 2
    assert Accepting.requests[1]["request"] == ident  # the same request, asked again
    assert step_of(case).status == StepStatus.WAITING
