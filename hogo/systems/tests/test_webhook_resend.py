"""A webhook system that answers 202 and never calls back: the step waits until its retry time,
then the desk's sweep sends the request again (a new callback address; the old one is refused),
up to the attempts allowed; then the step fails where the desk sees it, and the person is never
told that the data was deleted. Time is moved forward by the sweep's `now`, never slept."""

import json
import time
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import LazySettings
from django.test import Client

from hogo.desk.models import Case, CaseStatus, StepStatus
from hogo.desk.services import case_retry
from hogo.desk.sweep import desk_sweep
from hogo.desk.webhook_steps import ATTEMPTS
from hogo.tests.mail import Inbox, committed
from hogo.tests.webhooks import (
    EMAIL,
    SECRET,
    STAFF,
    Accepting,
    Tls,
    approved,
    db_file,
    receiver,
    receiving,
    step_of,
    tls,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("master_key")]
__all__ = ["db_file", "tls"]  # the fixtures


def sweep_at(case: Case, minutes_after_retry: int = 1) -> None:
    """The desk's sweep, run just after the waiting step's retry time."""
    retry_at = step_of(case).retry_at
    assert retry_at is not None
    with committed():
        desk_sweep(now=retry_at + timedelta(minutes=minutes_after_retry))


def callback_post(request: dict[str, Any], answer: dict[str, Any]) -> int:
    body = json.dumps(answer).encode()
    stamp = int(time.time())
    headers = {
        "X-Hogo-Timestamp": str(stamp),
        "X-Hogo-Signature": receiver.sign(SECRET.encode(), stamp, body),
    }
    path = urlsplit(request["callback"]).path
    with committed():
        sent = Client().post(path, body, content_type="application/json", headers=headers)
    return sent.status_code


def deleted(request: dict[str, Any]) -> dict[str, Any]:
    check = {"table": "members", "key": 1, "column": None, "ok": True}
    changed = {"members": 1}
    return {"request": request["request"], "changed": changed, "checks": [check], "verified": True}


def test_a_missing_callback_is_asked_again_and_the_old_address_is_refused(
    tls: Tls, db_file: Path, inbox: Inbox, settings: LazySettings
) -> None:
    settings.SYSTEMS_CALLBACK_WAIT = 60
    Accepting.requests.clear()
    with receiving(Accepting, db_file, tls):
        case = approved(inbox, "correction", {"delete_all": True})
        step = step_of(case)
        assert (step.status, step.attempts) == (StepStatus.WAITING, 1)
        assert step.retry_at is not None
        with committed():
            desk_sweep(now=step.retry_at - timedelta(minutes=5))  # still within the wait
        assert len(Accepting.requests) == 1
        sweep_at(case)
        first, second = Accepting.requests
    step = step_of(case)
    assert (step.status, step.attempts) == (StepStatus.WAITING, 2)
    assert step.error == "no signed callback within 60 minutes"
    assert second["request"] == first["request"]  # the same request: not acted on twice
    assert second["callback"] != first["callback"]
    assert callback_post(first, deleted(first)) == 404  # the old address is refused
    assert step_of(case).status == StepStatus.WAITING
    assert callback_post(second, deleted(second)) == 204
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED


def test_after_the_last_attempt_the_step_fails_for_the_desk_and_nothing_says_deleted(
    tls: Tls, db_file: Path, inbox: Inbox
) -> None:
    Accepting.requests.clear()
    with receiving(Accepting, db_file, tls):
        case = approved(inbox, "correction", {"delete_all": True})
        for _ in range(ATTEMPTS - 1):
            sweep_at(case)
        assert len(Accepting.requests) == ATTEMPTS
        sweep_at(case)  # the fifth callback never came either
        step = step_of(case)
        assert (step.status, step.attempts, step.retry_at) == (StepStatus.FAILED, ATTEMPTS, None)
        gave_up = f"gave up after {ATTEMPTS} attempts: no signed callback within 60 minutes"
        assert step.error == f"system_failed: {gave_up}"
        with committed():
            desk_sweep(now=step.updated_at + timedelta(days=1))
        assert len(Accepting.requests) == ATTEMPTS  # no more by itself
        case.refresh_from_db()
        assert case.status == CaseStatus.IN_PROGRESS
        assert len(inbox.to(EMAIL)) == 1  # only the code: no answer, so nothing says deleted
        with committed():
            case_retry(actor=STAFF, case_ref=case.ref)
        assert len(Accepting.requests) == ATTEMPTS + 1  # the desk's retry: one more attempt
    assert step_of(case).status == StepStatus.WAITING
    assert callback_post(Accepting.requests[-2], deleted(Accepting.requests[-2])) == 404
