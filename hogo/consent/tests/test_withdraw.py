import pytest

from hogo.audit.models import AuditEvent
from hogo.consent.models import Consent, ConsentKind
from hogo.consent.services import consent_give, consent_withdraw
from hogo.errors import NotFound
from hogo.policy.schema import Policy
from hogo.tests.consent import ACTOR, CAMPAIGN, register
from hogo.vault.access import subjects_access
from hogo.vault.models import Suspension
from hogo.vault.records import ItemIn, RefusalReason
from hogo.vault.services import subject_suspend


def give(subject_id: str, policy: Policy, kind: ConsentKind, target: str) -> Consent:
    return consent_give(
        actor=ACTOR,
        subject_id=subject_id,
        kind=kind,
        target=target,
        policy_version=policy.version or 0,
        evidence={"method": "form_checkbox"},
    )


def registered_with_health_needs(policy: Policy) -> tuple[str, Consent]:
    subject = register().subject_id
    consent = give(subject, policy, ConsentKind.SPECIAL_CARE, "health")
    register(items=(ItemIn("special_requirements", "health", "Gluten-free meals", consent.ref),))
    return subject, consent


def test_it_marks_the_consent_withdrawn_and_records_who_and_when(policy: Policy) -> None:
    subject = register().subject_id
    consent = give(subject, policy, ConsentKind.RECIPIENT, "rcp_1")
    withdrawn = consent_withdraw(actor="user:7", consent_id=consent.ref)
    assert not withdrawn.active
    assert withdrawn.withdrawn_by == "user:7"
    assert withdrawn.withdrawn_at is not None


def test_it_is_idempotent(policy: Policy) -> None:
    subject = register().subject_id
    consent = give(subject, policy, ConsentKind.RECIPIENT, "rcp_1")
    first = consent_withdraw(actor=ACTOR, consent_id=consent.ref)
    events = AuditEvent.objects.filter(action="consent.withdraw").count()
    again = consent_withdraw(actor="user:9", consent_id=consent.ref)
    assert again.withdrawn_at == first.withdrawn_at
    assert again.withdrawn_by == ACTOR
    assert AuditEvent.objects.filter(action="consent.withdraw").count() == events == 1


def test_it_withholds_special_care_values_once_their_consent_is_withdrawn(
    policy: Policy,
) -> None:
    subject, consent = registered_with_health_needs(policy)
    before = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject])
    assert before.items[0].data["special_requirements"] == "Gluten-free meals"

    consent_withdraw(actor=ACTOR, consent_id=consent.ref)

    after = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject])
    assert "special_requirements" not in after.items[0].data
    assert after.items[0].data["organization"] == "Mitsuboshi Denki"
    assert [r.reason for r in after.refused] == [RefusalReason.SPECIAL_CARE_WITHOUT_CONSENT]
    event = AuditEvent.objects.filter(action="consent.withdraw").get()
    assert event.detail["items_withheld"] == 1


def test_it_suspends_the_purpose_when_its_consent_is_withdrawn(policy: Policy) -> None:
    subject = register().subject_id
    consent = give(subject, policy, ConsentKind.PURPOSE, CAMPAIGN)
    consent_withdraw(actor=ACTOR, consent_id=consent.ref)
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject])
    assert [r.reason for r in result.refused] == [RefusalReason.SUSPENDED]
    assert Suspension.objects.get().request_ref == consent.ref


def test_it_lifts_that_suspension_when_the_person_consents_again(policy: Policy) -> None:
    subject = register().subject_id
    consent = give(subject, policy, ConsentKind.PURPOSE, CAMPAIGN)
    consent_withdraw(actor=ACTOR, consent_id=consent.ref)
    give(subject, policy, ConsentKind.PURPOSE, CAMPAIGN)
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject])
    assert result.refused == []


def test_it_keeps_a_suspension_the_person_asked_the_desk_for(policy: Policy) -> None:
    subject = register().subject_id
    subject_suspend(actor=ACTOR, subject_id=subject, purposes=[CAMPAIGN], request_ref="req_1")
    give(subject, policy, ConsentKind.PURPOSE, CAMPAIGN)
    result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject])
    assert [r.reason for r in result.refused] == [RefusalReason.SUSPENDED]


def test_it_refuses_an_unknown_consent(policy: Policy) -> None:
    with pytest.raises(NotFound, match="consent con_nothing does not exist"):
        consent_withdraw(actor=ACTOR, consent_id="con_nothing")
