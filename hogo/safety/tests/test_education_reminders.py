"""`hogo safety tick` mails each overdue staff member once per due day, through the desk's
outbox to a real SMTP server on loopback."""

import io
from datetime import date, datetime

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from hogo.safety.clocks import JST
from hogo.safety.models import TrainingReminder
from hogo.safety.reminders import training_reminders_send
from hogo.safety.services import completion_record
from hogo.tests.education import OFFICER, course
from hogo.tests.mail import Inbox, body, committed

pytestmark = pytest.mark.django_db
CREATED = datetime(2025, 1, 10, 9, tzinfo=JST)
ADDRESS = "daniel@staff.example.jp"


@pytest.fixture
def operator_mail(desk_operator: User) -> str:
    desk_operator.email = ADDRESS
    desk_operator.save()
    return ADDRESS


def tick(at: datetime) -> int:
    with committed():
        return training_reminders_send(now=at)


def test_once_per_due_day_and_again_for_the_next_period(
    inbox: Inbox, operator_mail: str, desk_operator: User, marketing_user: User
) -> None:
    c = course(CREATED, cadence=12)
    assert tick(datetime(2025, 1, 11, tzinfo=JST)) == 1  # never taken
    assert tick(datetime(2025, 1, 12, tzinfo=JST)) == 0  # once
    mail = inbox.last(operator_mail)
    assert "Handling personal information" in str(mail["Subject"])
    assert "まだ受講していません" in body(mail)
    assert "You have not yet taken the course" in body(mail)
    with committed():
        completion_record(
            actor=OFFICER,
            course=c,
            user=desk_operator,
            completed_on=date(2025, 1, 31),
            acknowledged=True,
        )
    assert tick(datetime(2026, 1, 31, 23, 59, tzinfo=JST)) == 0  # due day: not overdue yet
    assert tick(datetime(2026, 2, 1, 0, 0, tzinfo=JST)) == 1
    assert tick(datetime(2026, 2, 2, tzinfo=JST)) == 0
    again = inbox.last(operator_mail)
    assert "2026年1月31日" in body(again)
    assert "January 31, 2026" in body(again)
    assert len(inbox.to(operator_mail)) == 2
    dues = sorted(TrainingReminder.objects.values_list("due_on", flat=True))
    assert dues == [date(2025, 1, 10), date(2026, 1, 31)]


def test_no_address_sends_nothing_and_records_nothing(inbox: Inbox, desk_operator: User) -> None:
    course(CREATED)
    assert tick(datetime(2025, 2, 1, tzinfo=JST)) == 0
    assert not TrainingReminder.objects.exists()


def test_the_command_counts_training_reminders(inbox: Inbox, operator_mail: str) -> None:
    course(CREATED)
    out = io.StringIO()
    with committed():
        call_command("safety", "tick", stdout=out)
    assert out.getvalue().strip() == (
        "incident_reminders 0, training_reminders 1, action_reminders 0, "
        "supervision_reminders 0, evidence_disposed 0"
    )
    assert len(inbox.to(operator_mail)) == 1
