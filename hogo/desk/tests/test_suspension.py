"""Suspension of use and of provision (7.1(d)), applied through the vault."""

import pytest

from hogo.consent.models import ConsentKind
from hogo.consent.services import consent_give
from hogo.desk.models import CaseStatus
from hogo.desk.services import case_approve
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.records import ProvisionRefusalReason, RecipientIn
from hogo.share.services import recipient_register
from hogo.tests.desk import CAMPAIGN, HANAKO, HANDLE, person, verified
from hogo.tests.mail import Inbox, body, committed
from hogo.vault.access import subjects_access
from hogo.vault.models import ProvisionStop, Suspension
from hogo.vault.records import RefusalReason

pytestmark = pytest.mark.django_db


def test_it_suspends_use_for_a_purpose_and_stops_provision(policy: Policy, inbox: Inbox) -> None:
    subject_id = person()
    details = {"purposes": [CAMPAIGN], "stop_provision": True, "understood": True}
    case = verified(inbox, "suspension", details=details)
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    case.refresh_from_db()
    assert case.status == CaseStatus.COMPLETED
    assert Suspension.objects.get(subject__ref=subject_id).request_ref == case.ref
    assert ProvisionStop.objects.get(subject__ref=subject_id).request_ref == case.ref
    refused = subjects_access(actor=HANDLE, purpose=CAMPAIGN, subject_ids=[subject_id]).refused
    assert [r.reason for r in refused] == [RefusalReason.SUSPENDED]
    text = body(inbox.last(HANAKO))
    assert "キャンペーン・イベントのご案内およびアンケートの実施" in text
    assert "第三者への提供を停止しました" in text


def test_it_suspends_all_use(policy: Policy, inbox: Inbox) -> None:
    subject_id = person()
    case = verified(
        inbox, "suspension", details={"all_purposes": True, "understood": True}, language="en"
    )
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    assert Suspension.objects.get(subject__ref=subject_id).purpose is None
    assert "We have stopped all use of your personal information." in body(inbox.last(HANAKO))


def test_it_needs_the_person_to_understand_what_stops(policy: Policy, inbox: Inbox) -> None:
    with pytest.raises(InvalidInput, match="understood: confirm"):
        verified(inbox, "suspension", details={"all_purposes": True})


def test_it_makes_the_share_app_refuse_provision_after_a_stop(policy: Policy, inbox: Inbox) -> None:
    """Stopping third-party provision reaches every later provision, even with consent."""
    subject_id = person()
    recipient = recipient_register(
        actor=HANDLE,
        recipient=RecipientIn(
            kind="third_party_with_consent",
            name="Kansai Events KK",
            address="1-1 Umeda, Kita-ku, Osaka",
            representative="Representative Director",
        ),
    )
    consent_give(
        actor=HANDLE,
        subject_id=subject_id,
        kind=ConsentKind.RECIPIENT,
        target=recipient.ref,
        policy_version=1,
    )
    case = verified(inbox, "suspension", details={"stop_provision": True, "understood": True})
    with committed():
        case_approve(actor=HANDLE, case_ref=case.ref)
    result = provision_make(
        actor=HANDLE,
        recipient_id=recipient.ref,
        purpose=CAMPAIGN,
        subject_ids=[subject_id],
        categories=["email"],
    )
    assert result.provided == []
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (subject_id, ProvisionRefusalReason.PROVISION_STOPPED)
    ]
