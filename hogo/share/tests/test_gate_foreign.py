"""Provision to a recipient abroad (APPI Art. 28): each person's consent after being shown the
country, its system and the recipient's measures — so nothing goes to a recipient whose Art. 28
information is missing — unless the country (Rule 15) or the recipient's checked measures
(Rule 16) make it unnecessary. Outsourcing does not avoid it."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hogo.consent.models import ConsentKind
from hogo.errors import InvalidInput, Refused
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.models import Provision, RecipientKind
from hogo.share.records import ProvisionRefusalReason, ProvisionResult, RecipientIn
from hogo.share.selectors import foreign_notice
from hogo.share.services import recipient_change, recipient_register
from hogo.tests.share import ACTOR, CAMPAIGN, agreement, consent, person, recipient

SYSTEM = "The United States has no comprehensive federal privacy law; sector laws apply."
MEASURES = "The recipient follows its published privacy program and our contract clauses."


def provide(recipient_id: str, subject_ids: list[str]) -> ProvisionResult:
    return provision_make(
        actor=ACTOR,
        recipient_id=recipient_id,
        purpose=CAMPAIGN,
        subject_ids=subject_ids,
        categories=["email"],
    )


def test_it_refuses_a_recipient_abroad_without_the_art28_information(policy: Policy) -> None:
    abroad = recipient(name="Automation Fair Inc.", country="US")
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, abroad.ref)
    consent(subject_id, ConsentKind.FOREIGN_TRANSFER, abroad.ref)
    with pytest.raises(Refused, match=r"Art\. 28 information") as caught:
        provide(abroad.ref, [subject_id])
    assert caught.value.code == "art28_information_missing"
    assert not Provision.objects.exists()


def test_it_needs_each_persons_consent_to_provision_abroad(policy: Policy) -> None:
    abroad = recipient(
        name="Automation Fair Inc.",
        country="US",
        country_system=SYSTEM,
        recipient_measures=MEASURES,
    )
    both = person("both@example.jp")
    domestic_only = person("domestic@example.jp")
    for subject_id in (both, domestic_only):
        consent(subject_id, ConsentKind.RECIPIENT, abroad.ref)
    foreign = consent(both, ConsentKind.FOREIGN_TRANSFER, abroad.ref)

    result = provide(abroad.ref, [both, domestic_only])

    assert result.provided == [both]
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (domestic_only, ProvisionRefusalReason.NO_FOREIGN_CONSENT)
    ]
    assert Provision.objects.get().lines.get(outcome="provided").foreign_consent_ref == foreign.ref


def test_it_needs_consent_abroad_for_a_contractor_too(policy: Policy) -> None:
    cloud = recipient(
        RecipientKind.CONTRACTOR,
        "Overseas Mailing Pte. Ltd.",
        country="SG",
        country_system="Singapore: Personal Data Protection Act 2012.",
        recipient_measures=MEASURES,
    )
    agreement(cloud, categories=("email",))
    subject_id = person()
    assert (
        provide(cloud.ref, [subject_id]).refused[0].reason
        == ProvisionRefusalReason.NO_FOREIGN_CONSENT
    )
    consent(subject_id, ConsentKind.FOREIGN_TRANSFER, cloud.ref)
    assert provide(cloud.ref, [subject_id]).provided == [subject_id]


def test_it_needs_no_foreign_consent_for_a_rule_15_country(policy: Policy) -> None:
    eu = recipient(name="Automatisierung GmbH", country="DE", foreign_basis="adequate_country")
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, eu.ref)
    assert provide(eu.ref, [subject_id]).provided == [subject_id]
    with pytest.raises(InvalidInput, match="Rule 15"):
        recipient(name="Elsewhere Inc.", country="US", foreign_basis="adequate_country")


def test_it_needs_a_recent_check_of_rule_16_measures(policy: Policy) -> None:
    today = timezone.localdate()

    def particulars(checked_on: date) -> RecipientIn:
        return RecipientIn(
            kind=RecipientKind.THIRD_PARTY,
            name="Certified Partner Inc.",
            address="San Jose, CA",
            representative="CEO",
            country="US",
            recipient_measures=MEASURES,
            foreign_basis="equivalent_measures",
            measures_checked_on=checked_on,
        )

    partner = recipient_register(actor=ACTOR, recipient=particulars(today - timedelta(days=400)))
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, partner.ref)
    with pytest.raises(Refused) as caught:
        provide(partner.ref, [subject_id])
    assert caught.value.code == "measures_check_overdue"
    recipient_change(actor=ACTOR, recipient_id=partner.ref, recipient=particulars(today))
    assert provide(partner.ref, [subject_id]).provided == [subject_id]


def test_it_gives_forms_the_notice_to_show_before_consent(policy: Policy) -> None:
    abroad = recipient(country="US", country_system=SYSTEM, recipient_measures=MEASURES)
    notice = foreign_notice(recipient_id=abroad.ref)
    assert (notice.country, notice.country_system, notice.recipient_measures) == (
        "US",
        SYSTEM,
        MEASURES,
    )
    assert len(notice.sha256) == 64
