"""Outsourcing (policy 5.2 and 6.3, APPI Arts. 25 and 27(5)(i)): a contractor receives data
without the person's consent, but only within the purposes the data was collected for, the
items and purposes of an agreement in force, and never special-care data the agreement does not
cover."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.errors import Refused
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.models import Provision, RecipientKind
from hogo.share.records import ProvisionRefusalReason, ProvisionResult
from hogo.share.services import agreement_terminate
from hogo.tests.share import ACTOR, CAMPAIGN, INQUIRY, agreement, person, recipient, unpack
from hogo.vault.provision import subject_provision_stop
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_suspend


def provide(
    recipient_id: str,
    subject_ids: list[str],
    *,
    purpose: str = CAMPAIGN,
    categories: tuple[str, ...] = ("name", "email"),
) -> ProvisionResult:
    return provision_make(
        actor=ACTOR,
        recipient_id=recipient_id,
        purpose=purpose,
        subject_ids=subject_ids,
        categories=list(categories),
    )


def test_it_provides_to_a_contractor_under_an_agreement_in_force(policy: Policy) -> None:
    mailer = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing Service KK")
    contract = agreement(mailer)
    subject_id = person()
    result = provide(mailer.ref, [subject_id])
    assert result.provided == [subject_id]
    assert result.basis == "outsourcing"
    assert Provision.objects.get().agreement == contract
    assert result.package is not None
    manifest, data = unpack(result.package)
    assert manifest["bound_purposes"] == [CAMPAIGN]
    assert "hanako.yamada@example.jp" in data


def test_it_refuses_when_the_agreement_has_expired(policy: Policy) -> None:
    mailer = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing Service KK")
    today = timezone.localdate()
    agreement(mailer, starts_on=today - timedelta(days=400), ends_on=today - timedelta(days=1))
    with pytest.raises(Refused, match="no outsourcing agreement") as caught:
        provide(mailer.ref, [person()])
    assert caught.value.code == "no_agreement_in_force"
    assert not Provision.objects.exists()


def test_it_refuses_when_the_agreement_was_terminated_or_has_not_started(policy: Policy) -> None:
    today = timezone.localdate()
    ended = recipient(RecipientKind.CONTRACTOR, "Ended KK")
    agreement_terminate(actor=ACTOR, agreement_id=agreement(ended).ref, on=today)
    future = recipient(RecipientKind.CONTRACTOR, "Future KK")
    agreement(future, starts_on=today + timedelta(days=1))
    subject_id = person()
    for contractor in (ended, future):
        with pytest.raises(Refused) as caught:
            provide(contractor.ref, [subject_id])
        assert caught.value.code == "no_agreement_in_force"


def test_it_refuses_a_purpose_or_items_outside_the_agreement(policy: Policy) -> None:
    mailer = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing Service KK")
    agreement(mailer, categories=("name", "email"))
    subject_id = person(channel="inquiry", purposes=(INQUIRY,), items=())
    with pytest.raises(Refused, match="outside the agreement") as caught:
        provide(mailer.ref, [subject_id], purpose=INQUIRY)
    assert caught.value.code == "outside_agreement"
    with pytest.raises(Refused, match="organization") as caught:
        provide(mailer.ref, [person("b@example.jp")], categories=("email", "organization"))
    assert caught.value.code == "outside_agreement"


def test_it_refuses_data_collected_for_other_purposes(policy: Policy) -> None:
    """Outsourcing is within the purposes of the data: a contractor for campaigns does not get
    people who only made an inquiry."""
    mailer = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing Service KK")
    agreement(mailer)
    inquirer = person(channel="inquiry", purposes=(INQUIRY,), items=())
    result = provide(mailer.ref, [inquirer])
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (inquirer, ProvisionRefusalReason.PURPOSE_NOT_ALLOWED)
    ]


def test_it_refuses_special_care_data_the_agreement_does_not_cover(policy: Policy) -> None:
    mailer = recipient(RecipientKind.CONTRACTOR, "Event Catering KK")
    agreement(mailer, categories=("name", "email", "special_requirements"))
    subject_id = person(items=(ItemIn("special_requirements", None, "卵アレルギー"),))
    with pytest.raises(Refused, match="special-care items health") as caught:
        provide(mailer.ref, [subject_id], categories=("name", "special_requirements", "health"))
    assert caught.value.code == "special_care_without_basis"


def test_it_still_provides_after_a_stop_of_provision_but_not_after_suspension(
    policy: Policy,
) -> None:
    """A contractor handles data for us: the person's stop of third-party provision does not
    reach it, but suspension of use for the purpose does."""
    mailer = recipient(RecipientKind.CONTRACTOR, "Nagoya Mailing Service KK")
    agreement(mailer)
    stopped = person("stopped@example.jp")
    suspended = person("suspended@example.jp")
    subject_provision_stop(actor=ACTOR, subject_id=stopped)
    subject_suspend(actor=ACTOR, subject_id=suspended, purposes=[CAMPAIGN])
    result = provide(mailer.ref, [stopped, suspended])
    assert result.provided == [stopped]
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (suspended, ProvisionRefusalReason.SUSPENDED)
    ]
