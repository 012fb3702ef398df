"""Mail is never lost: with the mail server down, messages wait with their attempts and error
visible on the case, and the sweep delivers them once the server is back."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from hogo.desk.intake import case_confirm, case_start
from hogo.desk.models import Case, CaseStatus, MailKind, MailStatus, OutboundMail, StepStatus
from hogo.desk.services import case_approve
from hogo.desk.sweep import desk_sweep
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, ORIGIN, person, verified
from hogo.tests.mail import Inbox, body
from hogo.vault.models import Note as VaultNote

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_keeps_a_code_mail_until_the_server_is_back(policy: Policy, inbox: Inbox) -> None:
    inbox.stop()
    started = case_start(
        kind="purpose_notification", email=HANAKO, language="ja", details={}, origin=ORIGIN
    )
    mail = OutboundMail.objects.get()
    assert (mail.status, mail.attempts) == (MailStatus.QUEUED, 1)
    assert mail.last_error == "ConnectionRefusedError: errno 111"
    assert HANAKO not in mail.last_error
    assert mail.next_attempt_at > timezone.now()

    assert desk_sweep()["mail_delivered"] == 0  # not due yet, and the server is still down
    inbox.start()
    summary = desk_sweep(now=timezone.now() + timedelta(minutes=2))
    assert summary["mail_delivered"] == 1
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.last_error) == (MailStatus.SENT, 2, "")
    assert mail.content_note == ""  # a delivered code is forgotten
    assert not VaultNote.objects.filter(kind="mail").exists()
    case = case_confirm(verification_ref=started.verification_ref, code=inbox.code(HANAKO))
    assert case.status == CaseStatus.OPEN


def test_it_completes_a_request_only_once_its_answer_was_delivered(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    person()
    case = verified(inbox, "purpose_notification")
    inbox.stop()
    case_approve(actor=HANDLE, case_ref=case.ref)
    case.refresh_from_db()
    [step] = case.steps.all()
    assert (case.status, step.status) == (CaseStatus.IN_PROGRESS, StepStatus.WAITING)
    answer = case.mails.get(kind=MailKind.ANSWER)
    assert answer.attempts == 1

    # Visible to the desk in the console, on the case and in the queue.
    client = Client()
    client.force_login(desk_operator)
    page = client.get(f"/console/desk/{case.ref}/").content.decode()
    assert "ConnectionRefusedError: errno 111" in page
    queue = client.get("/console/desk/").content.decode()
    assert "1 mail not delivered" in queue

    inbox.start()
    desk_sweep(now=timezone.now() + timedelta(minutes=5))
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert "キャンペーン・イベントのご案内およびアンケートの実施" in body(inbox.last(HANAKO))


def test_it_backs_off_between_attempts(policy: Policy, inbox: Inbox) -> None:
    inbox.stop()
    case_start(kind="purpose_notification", email=HANAKO, language="en", details={}, origin=ORIGIN)
    now = timezone.now()
    for minutes in (2, 2 + 3, 2 + 3 + 5):
        desk_sweep(now=now + timedelta(minutes=minutes))
    mail = OutboundMail.objects.get()
    assert mail.attempts == 4
    assert mail.next_attempt_at - (now + timedelta(minutes=10)) >= timedelta(minutes=7)
    assert Case.objects.get().status == CaseStatus.UNVERIFIED
