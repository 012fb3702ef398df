"""`hogo safety tick` mails the officer before each deadline and when one passes, once each,
through the desk's outbox to a real SMTP server on loopback."""

import io
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from hogo.desk.models import OutboundMail
from hogo.policy.schema import Policy
from hogo.safety.clocks import JST
from hogo.safety.models import IncidentReminder, ReportStage
from hogo.safety.reminders import incident_reminders_send
from hogo.safety.services import incident_file, incident_override
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.safety import OFFICER, reported

pytestmark = pytest.mark.django_db
AWARE = datetime(2026, 1, 31, 23, 30, tzinfo=JST)
ADDRESS = "olivia@staff.example.jp"


@pytest.fixture
def officer_mail(officer: User) -> str:
    officer.email = ADDRESS
    officer.save()
    return ADDRESS


def tick(at: datetime) -> int:
    with committed():
        return incident_reminders_send(now=at)


def test_each_reminder_goes_once_before_and_after_each_deadline(
    active_policy: Policy, inbox: Inbox, officer_mail: str
) -> None:
    incident = reported(AWARE, special_care=True)
    assert tick(datetime(2026, 2, 3, 9, tzinfo=JST)) == 0  # 1 day 15 hours before
    assert tick(datetime(2026, 2, 4, 9, tzinfo=JST)) == 1  # within a day of the deadline
    assert tick(datetime(2026, 2, 4, 9, 5, tzinfo=JST)) == 0  # once
    mail = inbox.last(officer_mail)
    assert incident.ref in str(mail["Subject"])
    assert "2026年2月4日 23:59（JST）" in body(mail)
    assert "February 4, 2026, 23:59 JST" in body(mail)
    assert "速報" in body(mail)
    assert "preliminary report" in body(mail)
    assert "laptop" not in body(mail)  # what happened stays in the console
    assert tick(datetime(2026, 2, 5, 0, 0, tzinfo=JST)) == 1  # passed, at JST midnight
    assert "overdue" in str(inbox.last(officer_mail)["Subject"])
    assert tick(datetime(2026, 2, 6, tzinfo=JST)) == 0
    assert len(inbox.to(officer_mail)) == 2
    # The final report: 30 days, reminded five days before, then when passed.
    assert tick(datetime(2026, 2, 24, 23, 59, tzinfo=JST)) == 0  # a minute too early
    assert tick(datetime(2026, 2, 25, 0, 0, tzinfo=JST)) == 1
    assert tick(datetime(2026, 3, 2, 0, 0, 1, tzinfo=JST)) == 1
    kinds = sorted(IncidentReminder.objects.values_list("stage", "kind"))
    assert kinds == [
        ("final", "before"),
        ("final", "passed"),
        ("preliminary", "before"),
        ("preliminary", "passed"),
    ]
    assert incident.steps.filter(kind="reminded").count() == 4


def test_a_filed_report_and_an_incident_not_reportable_are_not_reminded(
    active_policy: Policy, inbox: Inbox, officer_mail: str
) -> None:
    filed = reported(AWARE, special_care=True)
    incident_file(actor=OFFICER, ref=filed.ref, stage=ReportStage.PRELIMINARY)
    reported(AWARE)  # every trigger ruled out
    overridden = reported(AWARE, people_estimate=None)
    incident_override(actor=OFFICER, ref=overridden.ref, reportable=False, reason="encrypted")
    assert tick(datetime(2026, 2, 10, tzinfo=JST)) == 0
    assert inbox.to(officer_mail) == []


def test_a_late_tick_sends_only_the_news_that_the_deadline_passed(
    active_policy: Policy, inbox: Inbox, officer_mail: str
) -> None:
    reported(AWARE, property_damage=True)
    assert tick(datetime(2026, 2, 8, tzinfo=JST)) == 1
    assert "overdue" in str(inbox.last(officer_mail)["Subject"])


def test_without_an_officer_address_it_goes_to_the_policys_contact(
    active_policy: Policy, inbox: Inbox, officer: User
) -> None:
    reported(AWARE, property_damage=True)
    assert tick(datetime(2026, 2, 8, tzinfo=JST)) == 1
    assert inbox.to(active_policy.organization.contact.email)


def test_undelivered_reminders_stay_in_the_outbox_and_the_tick_does_not_repeat_them(
    active_policy: Policy, inbox: Inbox, officer_mail: str
) -> None:
    reported(AWARE, property_damage=True)
    inbox.stop()
    assert tick(datetime(2026, 2, 8, tzinfo=JST)) == 1
    queued = OutboundMail.objects.get(to=officer_mail)
    assert queued.status == "queued"
    assert queued.attempts == 1
    assert tick(datetime(2026, 2, 8, 1, tzinfo=JST)) == 0
    assert OutboundMail.objects.filter(to=officer_mail).count() == 1


def test_the_command_runs_the_tick(active_policy: Policy, inbox: Inbox, officer_mail: str) -> None:
    reported(datetime.now(JST) - timedelta(days=10), property_damage=True)
    out = io.StringIO()
    with committed():
        call_command("safety", "tick", stdout=out)
    assert out.getvalue().strip() == (
        "incident_reminders 1, training_reminders 0, action_reminders 0, "
        "supervision_reminders 0, evidence_disposed 0"
    )
    assert len(inbox.to(officer_mail)) == 1
