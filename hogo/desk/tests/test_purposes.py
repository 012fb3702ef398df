"""Notification of purposes (7.1(a)): from the person's acquisitions and policy versions."""

import pytest

from hogo.desk.models import CaseStatus
from hogo.desk.services import case_approve
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, person, verified
from hogo.tests.mail import Inbox, body, committed
from hogo.vault.services import subject_ingest

pytestmark = pytest.mark.django_db


def test_it_lists_the_purposes_of_each_acquisition_with_its_policy_version(
    policy: Policy, inbox: Inbox
) -> None:
    person()
    subject_ingest(
        actor="system:test",
        channel="inquiry",
        purposes=["inquiry-response"],
        identifiers={"email": HANAKO},
        items=[],
    )
    case = verified(inbox, "purpose_notification", language="en")
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    text = body(inbox.last(HANAKO))
    assert "Event and seminar registration (policy published then: version 1)" in text
    assert "Invitations and surveys for campaigns and events" in text
    assert "Responding to inquiries about our certified products and services" in text
    assert "Member registration for the members-only site" not in text
    assert text.count("Kept for 3 years from acquisition.") == 2  # retention as the notice reads it
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert case.steps.get().result["purposes"] == [
        "campaign-invitations-surveys",
        "inquiry-response",
    ]
