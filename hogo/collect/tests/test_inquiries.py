import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from hogo.audit.models import AuditEvent
from hogo.collect.inquiries import inquiry_reply
from hogo.collect.models import CaseStatus, Delivery, InquiryCase, InquiryReply
from hogo.collect.services import SubmissionIn, submission_accept
from hogo.collect.tests.conftest import INQUIRY
from hogo.errors import Conflict, Refused
from hogo.policy.schema import Policy
from hogo.vault.erasure import subject_erase
from hogo.vault.services import subject_suspend

Capture = Callable[..., Any]
ANSWER = "Dear Ms Yamada,\nthe conformance test costs JPY 300,000."


def inquire() -> InquiryCase:
    accepted = submission_accept(
        actor="system:forms",
        submission=SubmissionIn(channel="inquiry", values=INQUIRY, source="api"),  # type: ignore[arg-type]
    )
    return InquiryCase.objects.get(ref=accepted.case_id)


def test_an_inquiry_becomes_an_open_case(policy: Policy) -> None:
    case = inquire()
    assert case.status == CaseStatus.OPEN
    assert case.record.channel == "inquiry"
    assert case.record.purposes == ["inquiry-response"]


def test_the_desk_answers_by_email_and_the_reply_is_kept(
    policy: Policy, desk_operator: User, django_capture_on_commit_callbacks: Capture
) -> None:
    case = inquire()
    with django_capture_on_commit_callbacks(execute=True):
        reply = inquiry_reply(
            actor=f"user:{desk_operator.pk}",
            case_id=case.ref,
            subject_line="Your inquiry about conformance testing",
            body=ANSWER,
        )
    [sent] = mail.outbox
    assert sent.to == [INQUIRY["email"]]
    assert sent.body == ANSWER
    reply.refresh_from_db()
    assert reply.delivery == Delivery.SENT
    assert reply.body_sha256 == hashlib.sha256(ANSWER.encode()).hexdigest()
    assert b"300,000" not in bytes(reply.body_sealed)  # kept sealed, with the person's key
    case.refresh_from_db()
    assert case.status == CaseStatus.ANSWERED
    event = AuditEvent.objects.get(action="collect.inquiry.reply")
    assert event.purpose == "inquiry-response"
    assert event.detail == {"case": case.ref, "reply": str(reply.pk)}


def test_it_refuses_to_answer_when_use_for_inquiries_is_suspended(policy: Policy) -> None:
    case = inquire()
    subject_suspend(actor="system:test", subject_id=case.subject.ref, purposes=["inquiry-response"])
    with pytest.raises(Refused, match="may not be used to answer \\(suspended\\)"):
        inquiry_reply(actor="system:test", case_id=case.ref, subject_line="Re", body="Hi")
    assert InquiryReply.objects.count() == 0
    assert mail.outbox == []


def test_it_refuses_to_answer_an_erased_person(policy: Policy) -> None:
    case = inquire()
    subject_erase(actor="system:test", subject_id=case.subject.ref)
    with pytest.raises(Refused, match="erased"):
        inquiry_reply(actor="system:test", case_id=case.ref, subject_line="Re", body="Hi")


def test_the_console_shows_the_inquiry_and_sends_the_reply(
    policy: Policy, desk_operator: User, django_capture_on_commit_callbacks: Capture
) -> None:
    case = inquire()
    client = Client()
    client.force_login(desk_operator)
    url = f"/console/admin/collect/inquirycase/{case.pk}/answer/"
    page = client.get(url)
    assert page.status_code == 200
    assert INQUIRY["message"] in page.content.decode()
    assert AuditEvent.objects.filter(action="vault.access", purpose="inquiry-response").exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"subject_line": "Re: your inquiry", "body": ANSWER})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[INQUIRY["email"]]]


def test_the_console_refuses_people_without_the_desk_role(
    policy: Policy, marketing_user: User, outsider: User
) -> None:
    case = inquire()
    for user in (marketing_user, outsider):
        client = Client()
        client.force_login(user)
        response = client.get(f"/console/admin/collect/inquirycase/{case.pk}/answer/")
        assert response.status_code == 403


def test_a_closed_case_takes_no_more_replies(policy: Policy, desk_operator: User) -> None:
    case = inquire()
    client = Client()
    client.force_login(desk_operator)
    client.post(f"/console/admin/collect/inquirycase/{case.pk}/answer/", {"close": "1"})
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    with pytest.raises(Conflict, match="is closed"):
        inquiry_reply(actor="system:test", case_id=case.ref, subject_line="Re", body="Hi")
