import pytest

from hogo.audit.models import AuditEvent
from hogo.consent.models import Consent, ConsentKind
from hogo.consent.selectors import consent_active, consents_for
from hogo.consent.services import consent_give
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.schema import Policy
from hogo.tests.consent import ACTOR, CAMPAIGN, register
from hogo.vault.erasure import subject_erase

NOTICE = "a" * 64


def give(subject_id: str, policy: Policy, **changes: object) -> Consent:
    arguments: dict[str, object] = {
        "actor": ACTOR,
        "subject_id": subject_id,
        "kind": ConsentKind.PURPOSE,
        "target": CAMPAIGN,
        "policy_version": policy.version,
        "notice_sha256": NOTICE,
        "evidence": {"channel": "event-registration", "method": "form_checkbox"},
    }
    arguments.update(changes)
    return consent_give(**arguments)  # type: ignore[arg-type]


def test_it_records_a_consent_with_its_notice_and_evidence(policy: Policy) -> None:
    subject = register().subject_id
    consent = give(subject, policy)
    assert consent.ref.startswith("con_")
    assert consent.active
    assert (consent.kind, consent.target) == (ConsentKind.PURPOSE, CAMPAIGN)
    assert (consent.policy_version, consent.notice_sha256) == (policy.version, NOTICE)
    assert consent.evidence == {"channel": "event-registration", "method": "form_checkbox"}
    assert consent_active(subject_id=subject, kind=ConsentKind.PURPOSE, target=CAMPAIGN) == consent


def test_it_records_one_audit_event_naming_only_ids(policy: Policy) -> None:
    subject = register().subject_id
    before = AuditEvent.objects.count()
    consent = give(subject, policy)
    [event] = AuditEvent.objects.filter(seq__gt=before)
    assert event.action == "consent.give"
    assert event.subjects == [subject]
    assert event.detail["consent"] == consent.ref
    assert "hanako" not in str(event.detail).lower()


def test_it_returns_the_active_record_when_given_again_under_the_same_notice(
    policy: Policy,
) -> None:
    subject = register().subject_id
    first = give(subject, policy)
    before = AuditEvent.objects.count()
    assert give(subject, policy) == first
    assert Consent.objects.count() == 1
    assert AuditEvent.objects.count() == before


def test_it_supersedes_the_record_when_given_under_another_notice(policy: Policy) -> None:
    subject = register().subject_id
    first = give(subject, policy)
    second = give(subject, policy, notice_sha256="b" * 64)
    first.refresh_from_db()
    assert not first.active
    assert first.superseded_by == second
    assert second.active
    assert [c.ref for c in consents_for(subject_id=subject)] == [first.ref, second.ref]


def test_it_truncates_a_network_given_as_evidence(policy: Policy) -> None:
    subject = register().subject_id
    consent = give(subject, policy, evidence={"network": "203.0.113.77"})
    assert consent.evidence == {"network": "203.0.113.0"}


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"note": "called on Monday"}, "evidence: unknown key"),
        ({"channel": "Hanako Yamada"}, "evidence.channel: must be a short id"),
        ({"document": "x" * 129}, "evidence.document: must be a short id"),
    ],
)
def test_it_refuses_evidence_that_could_carry_personal_values(
    policy: Policy, evidence: dict[str, object], message: str
) -> None:
    subject = register().subject_id
    with pytest.raises(InvalidInput, match=message) as caught:
        give(subject, policy, evidence=evidence)
    assert "Hanako" not in caught.value.message
    assert Consent.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target": "no-such-purpose"}, "is not a purpose of policy version"),
        ({"kind": ConsentKind.SPECIAL_CARE, "target": "email"}, "not a special-care category"),
        ({"kind": "marketing"}, "kind: must be one of"),
        ({"policy_version": 999}, "policy_version: version 999 does not exist"),
        ({"notice_sha256": "XYZ"}, "notice_sha256"),
        ({"kind": ConsentKind.RECIPIENT, "target": "a recipient with spaces"}, "target: must be"),
    ],
)
def test_it_refuses_invalid_input(policy: Policy, changes: dict[str, object], message: str) -> None:
    subject = register().subject_id
    with pytest.raises(InvalidInput, match=message):
        give(subject, policy, **changes)


def test_it_accepts_special_care_recipient_and_foreign_transfer_consents(policy: Policy) -> None:
    subject = register().subject_id
    health = give(subject, policy, kind=ConsentKind.SPECIAL_CARE, target="health")
    recipient = give(subject, policy, kind=ConsentKind.RECIPIENT, target="rcp_42")
    abroad = give(subject, policy, kind=ConsentKind.FOREIGN_TRANSFER, target="rcp_42")
    assert {c.kind for c in consents_for(subject_id=subject)} == {
        health.kind,
        recipient.kind,
        abroad.kind,
    }


def test_it_refuses_an_unknown_or_erased_subject(policy: Policy) -> None:
    with pytest.raises(NotFound, match="subject sub_nobody does not exist"):
        give("sub_nobody", policy)
    subject = register().subject_id
    subject_erase(actor=ACTOR, subject_id=subject)
    with pytest.raises(Conflict, match="nothing is held"):
        give(subject, policy)
