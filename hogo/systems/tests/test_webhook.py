"""Each request reaches a webhook system, the reference receiver on loopback over real TLS: a
disclosure carries the rows it sent, a deletion is done only once the receiver's signed answer
reads every change back, a timeout is retried and then succeeds, the step gives up after its
attempts and waits for the desk, and a redirect, an untrusted certificate or a forged answer
is refused in words that never hold the secret or the person's data."""

import json
import logging
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.utils import translation

from hogo.audit.models import AuditEvent
from hogo.desk.casewords import step_in_words
from hogo.desk.fulfilment import case_advance
from hogo.desk.models import CaseStatus, StepStatus
from hogo.desk.package import package_open
from hogo.desk.services import case_retry
from hogo.policy.selectors import policy_active
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.webhooks import (
    ALICE,
    EMAIL,
    SECRET,
    SYSTEM,
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
STAFF = "user:1"
TITLE = "イベント受付システム（イベント担当）"


class Slow(receiver.Receiver):  # type: ignore[name-defined,misc]
    """Answers the first request too late (after hogo's timeout), the next ones at once."""

    calls = 0

    def answer(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        type(self).calls += 1
        if type(self).calls == 1:
            time.sleep(1.5)
        return super().answer(request)  # type: ignore[no-any-return]


class Unavailable(receiver.Receiver):  # type: ignore[name-defined,misc]
    def answer(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return 503, {"request": request["request"]}


class Unconfirmed(receiver.Receiver):  # type: ignore[name-defined,misc]
    """Says it deleted the member but its read-back found the address still there."""

    def answer(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        check = {"table": "members", "key": 1, "column": "email", "ok": False}
        return 200, {
            "request": request["request"],
            "changed": {"members": 1},
            "checks": [check],
            "verified": False,
        }


class Unstated(receiver.Receiver):  # type: ignore[name-defined,misc]
    """Says it changed a row and gives no read-back."""

    def answer(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return 200, {"request": request["request"], "changed": {"members": 1}, "verified": True}


class Redirecting(receiver.Receiver):  # type: ignore[name-defined,misc]
    def answer(self, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return 302, {"request": request["request"]}


class Forger(receiver.Receiver):  # type: ignore[name-defined,misc]
    """Signs its answers with a secret other than the system's."""

    def accept(self, timestamp: str, signature: str, body: bytes) -> bool:
        return True


def test_a_disclosure_carries_the_rows_the_receiver_sent(
    tls: Tls, db_file: Path, inbox: Inbox
) -> None:
    with receiving(receiver.Receiver, db_file, tls):
        case = approved(inbox, "disclosure")
    assert case.status == CaseStatus.COMPLETED
    step = step_of(case)
    assert (step.result["rows"], step.result["tables"]) == (1, {"members": 1})
    assert EMAIL not in json.dumps(step.result)  # the rows are sealed, not on the step
    files = package_open(case.packages.get())
    found = json.loads(files[f"system-{SYSTEM}.json"])
    assert [row["email"] for row in found["tables"]["members"]] == [EMAIL]
    assert EMAIL in files[f"system-{SYSTEM}-members.csv"].decode("utf-8-sig")
    read = AuditEvent.objects.get(action="systems.read")
    assert read.detail["rows"] == {"members": 1}
    assert read.detail["via"] == "webhook"


def test_a_deletion_is_done_once_the_receiver_reads_it_back(
    tls: Tls, db_file: Path, inbox: Inbox
) -> None:
    with receiving(receiver.Receiver, db_file, tls):
        case = approved(inbox, "correction", {"delete_all": True})
    assert case.status == CaseStatus.COMPLETED
    step = step_of(case)
    assert (step.status, step.result["verified"]) == (StepStatus.SUCCEEDED, True)
    assert step.result["changed"] == {"members": 1}
    assert members(db_file) == ["bob@example.jp"]
    assert TITLE in body(inbox.last(EMAIL))
    erase = AuditEvent.objects.get(action="systems.erase")
    assert (erase.detail["verified"], erase.detail["checked"]) == (True, 1)


@pytest.mark.parametrize(
    ("cls", "error"),
    [
        (Unconfirmed, "not verified: 1 field(s) did not read back as changed"),
        (Unstated, "not verified: the system did not confirm its read-back"),
    ],
)
def test_a_deletion_not_confirmed_leaves_the_step_failed_and_the_person_unanswered(
    tls: Tls, db_file: Path, inbox: Inbox, cls: Any, error: str
) -> None:
    with receiving(cls, db_file, tls):
        case = approved(inbox, "correction", {"delete_all": True})
    assert case.status == CaseStatus.IN_PROGRESS
    step = step_of(case)
    assert (step.status, step.error, step.result["verified"]) == (StepStatus.FAILED, error, False)
    assert step.retry_at is not None  # retried with back-off, like a SQL system's
    assert len(inbox.to(EMAIL)) == 1  # only the verification code: nothing says "deleted"
    assert AuditEvent.objects.get(action="systems.erase").detail["verified"] is False


def test_a_timeout_is_retried_and_then_succeeds(tls: Tls, db_file: Path, inbox: Inbox) -> None:
    Slow.calls = 0
    with receiving(Slow, db_file, tls):
        case = approved(inbox, "disclosure")
        step = step_of(case)
        assert (step.status, step.attempts) == (StepStatus.FAILED, 1)
        assert step.error == f"system_failed: system {SYSTEM}: no answer within 1 s"
        assert step.retry_at is not None
        with committed():
            case_advance(case_ref=case.ref, now=step.retry_at + timedelta(seconds=1))
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert (step_of(case).attempts, step_of(case).result["rows"]) == (2, 1)
    assert Slow.calls == 2


def test_it_gives_up_after_five_attempts_and_waits_for_the_desk(
    tls: Tls, db_file: Path, inbox: Inbox
) -> None:
    with receiving(Unavailable, db_file, tls):
        case = approved(inbox, "disclosure")
        for _ in range(4):
            retry_at = step_of(case).retry_at
            assert retry_at is not None
            case_advance(case_ref=case.ref, now=retry_at + timedelta(seconds=1))
        step = step_of(case)
        assert (step.status, step.attempts, step.retry_at) == (StepStatus.FAILED, 5, None)
        assert step.error == (
            f"system_failed: gave up after 5 attempts: system {SYSTEM}: unavailable (HTTP 503)"
        )
        with translation.override("ja"):
            words = step_in_words(step, policy_active())
        assert "自動での再試行は行いません" in words
        case_advance(case_ref=case.ref, now=step.finished_at or step.updated_at + timedelta(days=1))
        assert step_of(case).attempts == 5  # no automatic attempt any more
        with committed():
            case_retry(actor=STAFF, case_ref=case.ref)  # the desk's retry: one more attempt
        assert step_of(case).attempts == 6


@pytest.mark.parametrize(
    ("cls", "secret", "error"),
    [
        (Redirecting, SECRET, "redirect refused (HTTP 302)"),
        (receiver.Receiver, "another-secret-0123456789", "the request was refused (HTTP 401)"),
        (Forger, "another-secret-0123456789", "system event-system: answer: signature does not"),
    ],
)
def test_a_redirect_a_refused_signature_and_a_forged_answer_fail_the_step(
    tls: Tls, db_file: Path, inbox: Inbox, cls: Any, secret: str, error: str
) -> None:
    with receiving(cls, db_file, tls, secret):
        case = approved(inbox, "correction", {"delete_all": True})
    step = step_of(case)
    assert step.status == StepStatus.FAILED
    assert error in step.error
    assert members(db_file)[0] == EMAIL or cls is Forger


def test_an_untrusted_certificate_is_refused(
    tls: Tls, db_file: Path, inbox: Inbox, settings: LazySettings
) -> None:
    settings.SYSTEMS_CA_FILE = ""
    with receiving(receiver.Receiver, db_file, tls):
        case = approved(inbox, "disclosure")
    assert step_of(case).error.endswith("its certificate is not trusted")


def test_the_secret_and_the_persons_data_stay_out_of_logs_errors_and_the_audit_log(
    tls: Tls, db_file: Path, inbox: Inbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with receiving(Forger, db_file, tls, "another-secret-0123456789"):
        failed = approved(inbox, "disclosure")
    with receiving(receiver.Receiver, db_file, tls):
        done = approved(inbox, "correction", {"delete_all": True})
    assert done.status == CaseStatus.COMPLETED
    # hogo's and Django's log lines (the test's SMTP server logs the addresses it receives).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name != "mail.log")
    texts = [
        logged,
        step_of(failed).error,
        json.dumps(list(AuditEvent.objects.values_list("detail", flat=True))),
        json.dumps([step_of(failed).result, step_of(done).result]),
    ]
    for text in texts:
        assert SECRET not in text
        assert EMAIL not in text
        assert ALICE[1] not in text
