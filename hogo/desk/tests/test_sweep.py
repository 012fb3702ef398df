"""The periodic sweep: deadline reminders, expiry of unconfirmed requests, forgetting."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from hogo.desk.intake import case_start, status_access_start
from hogo.desk.models import Case, CaseStatus, MailKind, Note, OutboundMail, Package
from hogo.desk.services import case_approve, case_assign, case_note_add
from hogo.desk.sweep import desk_sweep
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, ORIGIN, person, verified
from hogo.tests.mail import Inbox, body, committed
from hogo.vault.models import DataKey
from hogo.vault.models import Note as VaultNote

pytestmark = pytest.mark.django_db


def test_it_reminds_the_assignee_before_the_deadline_once_a_day(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    desk_operator.email = "daniel@staff.example.jp"
    desk_operator.save()
    case = verified(inbox, "purpose_notification")
    unassigned = verified(inbox, "purpose_notification", "b@example.jp")
    case_assign(actor=HANDLE, case_ref=case.ref, assignee=desk_operator)
    assert desk_sweep()["reminders"] == 0  # due in 14 days
    later = timezone.now() + timedelta(days=12, hours=1)
    with committed():
        assert desk_sweep(now=later)["reminders"] == 2
    reminder = inbox.last("daniel@staff.example.jp")
    assert case.ref in body(reminder)
    assert unassigned.ref not in body(reminder)
    assert unassigned.ref in body(
        inbox.last("privacy-desk@placeholder.invalid")
    )  # the desk's address
    assert HANAKO not in body(reminder)
    assert desk_sweep(now=later + timedelta(hours=2))["reminders"] == 0
    with committed():
        assert desk_sweep(now=later + timedelta(days=1))["reminders"] == 2


def test_it_expires_unconfirmed_requests_and_forgets_their_address(
    policy: Policy, inbox: Inbox
) -> None:
    """The case's key is destroyed: its address and details are gone for good."""
    with committed():
        case_start(
            kind="purpose_notification", email=HANAKO, language="ja", details={}, origin=ORIGIN
        )
    assert desk_sweep(now=timezone.now() + timedelta(hours=23))["expired"] == 0
    assert DataKey.objects.filter(subject_ref=Case.objects.get().ref).exists()
    assert desk_sweep(now=timezone.now() + timedelta(days=1, minutes=1))["expired"] == 1
    case = Case.objects.get()
    assert (case.status, case.contact_note, case.contact_digest) == (CaseStatus.EXPIRED, "", "")
    assert not OutboundMail.objects.exists()
    assert not DataKey.objects.filter(subject_ref=case.ref).exists()
    assert not VaultNote.objects.filter(owner=case.ref).exists()
    assert status_access_start(case_ref=case.ref, email=HANAKO) is None


def test_it_discards_packages_and_then_the_content_of_closed_cases(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    person()
    case = verified(inbox, "disclosure")
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    case_note_add(
        actor=HANDLE, author=desk_operator, case_ref=case.ref, text="spoke to 山田", reply=False
    )
    closed = Case.objects.get(pk=case.pk).closed_at
    assert closed is not None
    assert desk_sweep(now=closed + timedelta(days=31))["packages_discarded"] == 1
    assert Package.objects.get().content in (b"", memoryview(b""))
    assert desk_sweep(now=closed + timedelta(days=1096))["cases_purged"] == 1
    case.refresh_from_db()
    assert (case.contact_note, case.details_note, case.contact_digest) == ("", "", "")
    assert Note.objects.get().text_note == ""
    assert not DataKey.objects.filter(subject_ref=case.ref).exists()
    assert not VaultNote.objects.filter(owner=case.ref).exists()
    assert not OutboundMail.objects.exclude(content_note="").exists()
    assert OutboundMail.objects.filter(kind=MailKind.ANSWER).count() == 1  # the record stays
    client = Client()
    client.force_login(desk_operator)
    assert "disposed of" in client.get(f"/console/desk/{case.ref}/").content.decode()


def test_it_runs_the_sweep_from_the_command_line(policy: Policy, inbox: Inbox) -> None:
    out = io.StringIO()
    call_command("desk", "tick", stdout=out)
    assert out.getvalue().startswith("mail_delivered 0, cases_advanced 0, reminders 0")
    queued = io.StringIO()
    call_command("desk", "tick", "--enqueue", stdout=queued)
    assert "queued desk tick" in queued.getvalue()
