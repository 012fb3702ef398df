"""The confirmation mail is owed by the submission and sent by a task, never by the request:
a real SMTP server on loopback that is slow or down does not hold the form, the mail is retried
until the server takes it, and the owed row holds no address and no text."""

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hogo.audit.models import AuditEvent
from hogo.collect.models import InquiryCase, ReceiptMail, ReceiptMailStatus
from hogo.collect.receipt import receipt_mail_deliver, receipt_mails_send_due
from hogo.collect.tasks import receipt_mail_send
from hogo.policy.schema import Policy
from hogo.tests.collect import INQUIRY, form_post
from hogo.tests.mail import Inbox, body
from hogo.vault.erasure import subject_erase

Capture = Callable[..., Any]


class SlowInbox(Inbox):
    """A mail server that takes its time over every message (a distant relay)."""

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        await asyncio.sleep(0.5)
        return await super().handle_DATA(server, session, envelope)


def posted(client: Client, capture: Capture) -> str:
    """Sends the inquiry form as a browser would, commits, and returns the thanks page."""
    with capture(execute=True):
        response = form_post(client, "inquiry", INQUIRY, lang="en")
    assert response.status_code == 302
    return str(client.get(response["Location"]).content.decode())


def test_the_form_answers_without_the_mail_server_and_a_worker_sends_the_mail(
    policy: Policy, inbox: Inbox, settings: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    inbox.stop()
    slow = SlowInbox(port=inbox.port)
    slow.start()
    try:
        html = posted(Client(), django_capture_on_commit_callbacks)
        assert "confirmation e-mail" in html  # the page promises the mail that is owed
        assert slow.messages == []  # the request never spoke to the mail server
        mail = ReceiptMail.objects.get()
        assert mail.status == ReceiptMailStatus.QUEUED
        task = DBTaskResult.objects.get()
        assert task.task_path == "hogo.collect.tasks.receipt_mail_send"
        assert task.args_kwargs["args"] == [mail.ref]

        assert receipt_mail_send.call(mail.ref) is True  # what `hogo db_worker` runs
    finally:
        slow.stop()
    [message] = slow.to(INQUIRY["email"])
    assert InquiryCase.objects.get().ref in str(message["Subject"])
    assert INQUIRY["message"] not in body(message)
    assert ReceiptMail.objects.get().status == ReceiptMailStatus.SENT


def test_the_owed_mail_holds_no_address_and_no_text(
    policy: Policy, inbox: Inbox, settings: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    posted(Client(), django_capture_on_commit_callbacks)
    row = repr(model_to_dict(ReceiptMail.objects.get()))
    for value in INQUIRY.values():
        assert value not in row
    assert "hanako" not in row.lower()
    assert InquiryCase.objects.get().ref in row  # only the reference the mail will quote


def test_a_mail_server_that_is_down_leaves_the_mail_owed_until_it_takes_it(
    policy: Policy, inbox: Inbox, django_capture_on_commit_callbacks: Capture
) -> None:
    inbox.stop()
    html = posted(Client(), django_capture_on_commit_callbacks)  # the in-process runner tries
    assert InquiryCase.objects.get().ref in html  # the submission stands, with its number
    mail = ReceiptMail.objects.get()
    assert mail.status == ReceiptMailStatus.QUEUED
    assert mail.attempts == 1
    assert mail.last_error.startswith("ConnectionRefusedError")
    assert "example.jp" not in mail.last_error
    assert mail.next_attempt_at > timezone.now()

    assert receipt_mails_send_due() == 0  # not due yet: no retry before its time
    inbox.start()
    later = timezone.now() + timedelta(minutes=2)
    assert receipt_mails_send_due(now=later) == 1
    assert len(inbox.to(INQUIRY["email"])) == 1
    assert receipt_mails_send_due(now=later + timedelta(hours=7)) == 0  # sent once
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.last_error) == (ReceiptMailStatus.SENT, 2, "")


def test_the_address_is_read_from_the_vault_for_the_inquiry_purpose_and_audited(
    policy: Policy, inbox: Inbox, django_capture_on_commit_callbacks: Capture
) -> None:
    posted(Client(), django_capture_on_commit_callbacks)
    reading = AuditEvent.objects.filter(action="vault.access").get()
    assert reading.purpose == "inquiry-response"
    assert reading.detail["via"] == "receipt-mail"
    assert reading.subjects == [InquiryCase.objects.get().subject.ref]


def test_a_person_erased_before_the_mail_went_gets_no_mail(
    policy: Policy, inbox: Inbox, settings: Any, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    posted(Client(), django_capture_on_commit_callbacks)
    subject_erase(actor="system:test", subject_id=InquiryCase.objects.get().subject.ref)
    mail = ReceiptMail.objects.get()
    assert receipt_mail_deliver(mail_ref=mail.ref) is False
    mail.refresh_from_db()
    assert mail.status == ReceiptMailStatus.DROPPED
    assert mail.last_error == "erased"
    assert inbox.messages == []


def test_the_tick_command_sends_what_is_due(
    policy: Policy,
    inbox: Inbox,
    settings: Any,
    django_capture_on_commit_callbacks: Capture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    posted(Client(), django_capture_on_commit_callbacks)
    call_command("collect", "tick")
    assert "confirmation mails sent 1" in capsys.readouterr().out
    assert len(inbox.to(INQUIRY["email"])) == 1
