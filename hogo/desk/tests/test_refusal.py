"""Refusals carry a ground from the Art. 36 list, explained to the person, and are audited."""

import pytest

from hogo.audit.models import AuditEvent
from hogo.desk.models import CaseStatus, Decision, StepName, StepStatus
from hogo.desk.services import case_refuse
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, person, verified
from hogo.tests.mail import Inbox, body, committed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ja", "開示することにより、当協会の業務の適正な実施に著しい支障を及ぼすおそれがあるため"),
        (
            "en",
            "Disclosure could seriously hinder the proper conduct of the Association's business",
        ),
    ],
)
def test_it_tells_the_person_why_in_their_language(
    policy: Policy, inbox: Inbox, lang: str, expected: str
) -> None:
    person()
    case = verified(inbox, "disclosure", language=lang)
    with committed():
        case_refuse(
            actor=HANDLE, case_ref=case.ref, reason="business", explanation="See our letter."
        )
    case.refresh_from_db()
    assert (case.status, case.decision) == (CaseStatus.REFUSED, Decision.REFUSED)
    assert [s.name for s in case.steps.all()] == [StepName.REFUSAL_NOTIFY]
    text = body(inbox.last(HANAKO))
    assert expected in text
    assert "See our letter." in text
    event = AuditEvent.objects.get(action="desk.case.refuse")
    assert event.detail == {"case": case.ref, "kind": "disclosure", "reason": "business"}
    assert event.actor == HANDLE


def test_it_needs_a_listed_reason(policy: Policy, inbox: Inbox) -> None:
    case = verified(inbox, "purpose_notification")
    with pytest.raises(InvalidInput, match="reason: must be one of"):
        case_refuse(actor=HANDLE, case_ref=case.ref, reason="we do not want to")
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    assert not case.steps.filter(status=StepStatus.SUCCEEDED).exists()
