"""Special-care data goes to a third party only with the person's explicit consent still in
force (policy 3.3): after a withdrawal, nothing of that person is provided."""

from hogo.consent.models import ConsentKind
from hogo.consent.services import consent_withdraw
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.records import ProvisionRefusalReason, ProvisionResult
from hogo.tests.share import ACTOR, CAMPAIGN, consent, person, recipient, unpack
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_ingest

NEED = "糖尿病のため食事の配慮をお願いします"


def with_health_need(subject_id: str) -> str:
    """Adds an event registration with a health need under a special-care consent."""
    given = consent(subject_id, ConsentKind.SPECIAL_CARE, "health")
    subject_ingest(
        actor=ACTOR,
        channel="event-registration",
        purposes=[CAMPAIGN],
        identifiers={"email": "hanako.yamada@example.jp"},
        items=[ItemIn("special_requirements", "health", NEED, special_care_consent=given.ref)],
    )
    return given.ref


def provide(recipient_id: str, subject_id: str) -> ProvisionResult:
    return provision_make(
        actor=ACTOR,
        recipient_id=recipient_id,
        purpose=CAMPAIGN,
        subject_ids=[subject_id],
        categories=["email", "health"],
    )


def test_it_provides_special_care_data_with_consent_to_recipient_and_data(
    policy: Policy,
) -> None:
    caterer = recipient(name="Event Catering KK")
    subject_id = person()
    with_health_need(subject_id)
    consent(subject_id, ConsentKind.RECIPIENT, caterer.ref)
    result = provide(caterer.ref, subject_id)
    assert result.provided == [subject_id]
    assert result.package is not None
    _, data = unpack(result.package)
    assert NEED in data


def test_it_refuses_the_whole_person_once_special_care_consent_is_withdrawn(
    policy: Policy,
) -> None:
    caterer = recipient(name="Event Catering KK")
    subject_id = person()
    consent_ref = with_health_need(subject_id)
    consent(subject_id, ConsentKind.RECIPIENT, caterer.ref)
    consent_withdraw(actor=ACTOR, consent_id=consent_ref)
    result = provide(caterer.ref, subject_id)
    assert result.provided == []
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (subject_id, ProvisionRefusalReason.SPECIAL_CARE_WITHOUT_CONSENT)
    ]
    assert result.package is None
