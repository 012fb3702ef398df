"""Outsourcing supervision (policy 6.3, APPI Art. 25): an agreement needs the contractor's
selection assessment first (share refuses it otherwise), and `hogo safety tick` mails the
officer once per agreement and due day when a contractor's supervision is overdue."""

from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import User

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput
from hogo.policy.schema import Policy
from hogo.safety.clocks import JST
from hogo.safety.oversight_models import SupervisionReminder
from hogo.safety.oversight_tick import supervision_reminders_send
from hogo.safety.supervision import supervision_overdue
from hogo.share.models import Agreement, RecipientKind
from hogo.share.records import AgreementIn
from hogo.share.services import (
    CriterionResult,
    agreement_record,
    contractor_assess,
    supervision_record,
)
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.share import ACTOR, CAMPAIGN, agreement, assessed, recipient

pytestmark = pytest.mark.django_db
OFFICER_MAIL = "olivia@staff.example.jp"


def agreement_in(starts: date) -> AgreementIn:
    return AgreementIn(
        signed_on=starts,
        starts_on=starts,
        purposes=[CAMPAIGN],
        categories=["name", "email"],
        security_clauses="Confidentiality; access control.",
        subcontracting="forbidden",
        review_due=starts + timedelta(days=365),
    )


def test_an_agreement_is_refused_until_the_contractor_is_assessed_suitable(
    policy: Policy,
) -> None:
    contractor = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing KK")
    with pytest.raises(Conflict, match="has not been assessed against the selection criteria"):
        agreement_record(
            actor=ACTOR, recipient_id=contractor.ref, agreement=agreement_in(date(2026, 1, 5))
        )
    assessed(contractor, met=False)
    with pytest.raises(Conflict, match="criteria not met"):
        agreement_record(
            actor=ACTOR, recipient_id=contractor.ref, agreement=agreement_in(date(2026, 1, 5))
        )
    assert not Agreement.objects.exists()
    assessed(contractor)
    row = agreement_record(
        actor=ACTOR, recipient_id=contractor.ref, agreement=agreement_in(date(2026, 1, 5))
    )
    assert row.recipient == contractor
    event = AuditEvent.objects.filter(action="share.contractor.assess").last()
    assert event is not None
    assert event.detail["suitable"] is True


def test_the_assessment_covers_every_criterion_and_explains_each_one_not_met(
    policy: Policy,
) -> None:
    contractor = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing KK")
    criteria = policy.outsourcing.selection_criteria
    with pytest.raises(InvalidInput, match=f"one result for each of the {len(criteria)} criteria"):
        contractor_assess(
            actor=ACTOR,
            recipient_id=contractor.ref,
            assessed_on=date(2026, 1, 5),
            results=[CriterionResult(met=True)],
        )
    results = [CriterionResult(met=True) for _ in criteria]
    results[2] = CriterionResult(met=False)
    with pytest.raises(InvalidInput, match=r"results\.3\.note: say why criterion 3 is not met"):
        contractor_assess(
            actor=ACTOR, recipient_id=contractor.ref, assessed_on=date(2026, 1, 5), results=results
        )
    with pytest.raises(Conflict, match="not a contractor"):
        contractor_assess(
            actor=ACTOR,
            recipient_id=recipient().ref,
            assessed_on=date(2026, 1, 5),
            results=[CriterionResult(met=True) for _ in criteria],
        )
    assert not contractor.assessments.exists()


def test_overdue_supervision_is_reminded_to_the_officer_once(
    policy: Policy, inbox: Inbox, officer: User
) -> None:
    officer.email = OFFICER_MAIL
    officer.save()
    contractor = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing KK")
    row = agreement(contractor, starts_on=date(2025, 3, 1))
    Agreement.objects.filter(pk=row.pk).update(review_due=date(2027, 1, 1))
    # Yearly by default: never supervised, due a year after the agreement began.

    def tick(at: datetime) -> int:
        with committed():
            return supervision_reminders_send(now=at)

    assert tick(datetime(2026, 3, 1, 23, 59, tzinfo=JST)) == 0
    assert tick(datetime(2026, 3, 2, 0, 0, tzinfo=JST)) == 1
    assert tick(datetime(2026, 3, 3, tzinfo=JST)) == 0
    mail = inbox.last(OFFICER_MAIL)
    assert "Nagoya Mailing KK" in str(mail["Subject"])
    assert "2026年3月1日" in body(mail)
    assert "委託先における個人データの取扱状況を確認" in body(mail)
    assert "March 1, 2026" in body(mail)
    assert SupervisionReminder.objects.get().agreement == row.ref

    supervision_record(
        actor=ACTOR,
        agreement_id=row.ref,
        kind="questionnaire",
        performed_on=date(2026, 3, 3),
        outcome="satisfactory",
        next_review=date(2027, 6, 1),
    )
    assert supervision_overdue(now=datetime(2026, 3, 4, tzinfo=JST)) == []
    # A year after that supervision it is due again (before the recorded next review).
    due = supervision_overdue(now=datetime(2027, 3, 4, tzinfo=JST))
    assert [d.due_on for d in due] == [date(2027, 3, 3)]
