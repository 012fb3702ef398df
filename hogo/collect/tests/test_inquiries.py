import hashlib
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.collect.inquiries import inquiry_replies_read, inquiry_reply
from hogo.collect.models import Delivery, InquiryCase, InquiryReply, InquiryStatus
from hogo.collect.services import SubmissionIn, submission_accept
from hogo.errors import Conflict, Refused
from hogo.policy.schema import Policy
from hogo.tests.collect import INQUIRY
from hogo.vault.crypto import associated_data
from hogo.vault.erasure import subject_erase
from hogo.vault.keys import data_keys_load
from hogo.vault.models import Note as VaultNote
from hogo.vault.records import RefusalReason
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
    assert case.status == InquiryStatus.OPEN
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
    note = VaultNote.objects.get(pk=reply.body_note)  # kept in the vault, with the person's key
    assert note.owner == case.subject.ref
    assert b"300,000" not in bytes(note.sealed)
    case.refresh_from_db()
    assert case.status == InquiryStatus.ANSWERED
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
    url = f"/console/admin/collect/inquirycase/{case.pk}/answer/"
    closed = client.post(url, {"close": "1"}, follow=True)
    case.refresh_from_db()
    assert case.status == InquiryStatus.CLOSED
    assert f"案件{case.ref}を終了しました。" in closed.content.decode()
    with pytest.raises(Conflict, match="is closed"):
        inquiry_reply(actor="system:test", case_id=case.ref, subject_line="Re", body="Hi")


def test_the_console_shows_the_replies_kept_and_audits_the_reading(
    policy: Policy, desk_operator: User, django_capture_on_commit_callbacks: Capture
) -> None:
    case = inquire()
    with django_capture_on_commit_callbacks(execute=True):
        inquiry_reply(
            actor=f"user:{desk_operator.pk}",
            case_id=case.ref,
            subject_line="Your inquiry about conformance testing",
            body=ANSWER,
        )
    client = Client()
    client.force_login(desk_operator)
    page = client.get(f"/console/admin/collect/inquirycase/{case.pk}/answer/").content.decode()
    assert "Your inquiry about conformance testing" in page
    assert "the conformance test costs JPY 300,000." in page
    event = AuditEvent.objects.filter(action="vault.notes.open").latest("seq")
    assert (event.actor, event.purpose, event.subjects) == (
        f"user:{desk_operator.pk}",
        "inquiry-response",
        [case.subject.ref],
    )
    assert event.detail["notes"] == 2


def test_kept_replies_are_not_shown_once_use_for_inquiries_is_suspended(
    policy: Policy, desk_operator: User
) -> None:
    case = inquire()
    inquiry_reply(actor="system:test", case_id=case.ref, subject_line="Re", body=ANSWER)
    subject_suspend(actor="system:test", subject_id=case.subject.ref, purposes=["inquiry-response"])
    kept = inquiry_replies_read(actor="system:test", case_id=case.ref)
    assert kept.refused == RefusalReason.SUSPENDED
    assert [(k.subject_line, k.body) for k in kept.replies] == [("", "")]


def test_erasing_the_person_shreds_the_replies_kept(policy: Policy) -> None:
    case = inquire()
    reply = inquiry_reply(actor="system:test", case_id=case.ref, subject_line="Re", body=ANSWER)
    subject_erase(actor="system:test", subject_id=case.subject.ref)
    assert not VaultNote.objects.filter(pk__in=[reply.subject_line_note, reply.body_note]).exists()
    assert inquiry_replies_read(actor="system:test", case_id=case.ref).refused == (
        RefusalReason.ERASED
    )


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_moves_replies_sealed_in_this_app_into_the_vault(
    policy: Policy,
) -> None:
    """Replies kept before notes existed (sealed in collect's own columns, with the person's
    key) are moved into vault notes and read back; the old columns are gone."""
    case = inquire()
    subject = case.subject.ref
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("collect")
    before = ("collect", "0004_inquiryreply_note_refs")
    executor.migrate([before])
    try:
        old_reply = (
            MigrationExecutor(connection)
            .loader.project_state([before])
            .apps.get_model("collect", "InquiryReply")
        )
        cipher = data_keys_load([subject])[subject]
        reply_id = uuid.uuid4()

        def sealed(column: str, text: str) -> bytes:
            aad = associated_data(
                table="collect_inquiryreply", column=column, row=str(reply_id), subject=subject
            )
            return cipher.seal(text, aad=aad)

        old_reply.objects.create(
            id=reply_id,
            case_id=case.pk,
            sent_at=timezone.now(),
            sent_by="user:1",
            subject_line_sealed=sealed("subject_line_sealed", "Re: your inquiry"),
            body_sealed=sealed("body_sealed", ANSWER),
            body_sha256=hashlib.sha256(ANSWER.encode()).hexdigest(),
            delivery="sent",
        )
    finally:
        MigrationExecutor(connection).migrate(latest)

    [kept] = inquiry_replies_read(actor="system:test", case_id=case.ref).replies
    assert (kept.subject_line, kept.body) == ("Re: your inquiry", ANSWER)
    assert VaultNote.objects.get(pk=kept.reply.body_note).owner == subject
    columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), "collect_inquiryreply"
        )
    }
    assert not {"subject_line_sealed", "body_sealed"} & columns
