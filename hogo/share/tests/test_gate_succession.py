"""Succession (policy 5.3, APPI Arts. 27(5)(ii) and 18(2)): a successor may take all or part
of the data, without consent, bound to the purposes it was acquired for."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.errors import Conflict, InvalidInput, Refused
from hogo.policy.schema import Policy
from hogo.share.gate import provision_make
from hogo.share.models import Recipient, RecipientKind, Succession
from hogo.share.records import ProvisionRefusalReason, SuccessionIn
from hogo.share.services import succession_record
from hogo.tests.share import ACTOR, CAMPAIGN, INQUIRY, MEMBER, person, recipient, unpack
from hogo.vault.provision import subject_provision_stop
from hogo.vault.records import ItemIn


def successor(*, purposes: tuple[str, ...], categories: tuple[str, ...]) -> Recipient:
    heir = recipient(RecipientKind.SUCCESSOR, "CLPA Successor Foundation")
    succession_record(
        actor=ACTOR,
        recipient_id=heir.ref,
        succession=SuccessionIn(
            kind="business_transfer",
            effective_on=timezone.localdate(),
            purposes=list(purposes),
            categories=list(categories),
            document_ref="Business transfer agreement 2026-11",
        ),
    )
    return heir


def test_it_hands_the_successor_the_part_it_takes_bound_to_its_purposes(policy: Policy) -> None:
    """The events business goes to the successor; inquiries and membership stay."""
    heir = successor(purposes=(CAMPAIGN,), categories=("name", "email", "organization"))
    attendee = person("attendee@example.jp")
    inquirer = person("inquirer@example.jp", channel="inquiry", purposes=(INQUIRY,), items=())
    subject_provision_stop(actor=ACTOR, subject_id=attendee)  # not a third party's use

    result = provision_make(
        actor=ACTOR,
        recipient_id=heir.ref,
        purpose=CAMPAIGN,
        subject_ids=[attendee, inquirer],
        categories=["name", "email", "organization"],
    )

    assert result.basis == "succession"
    assert result.provided == [attendee]
    assert [(r.subject_id, r.reason) for r in result.refused] == [
        (inquirer, ProvisionRefusalReason.PURPOSE_NOT_ALLOWED)
    ]
    assert result.package is not None
    manifest, data = unpack(result.package)
    assert manifest["bound_purposes"] == [CAMPAIGN]
    assert "attendee@example.jp" in data
    assert "inquirer@example.jp" not in data


def test_it_refuses_purposes_and_items_outside_the_succession(policy: Policy) -> None:
    heir = successor(purposes=(CAMPAIGN,), categories=("name", "email"))
    member = person(channel="member-registration", purposes=(MEMBER,), items=())
    with pytest.raises(Refused, match="outside the succession") as caught:
        provision_make(
            actor=ACTOR,
            recipient_id=heir.ref,
            purpose=MEMBER,
            subject_ids=[member],
            categories=["email"],
        )
    assert caught.value.code == "outside_succession"
    with pytest.raises(Refused, match="organization"):
        provision_make(
            actor=ACTOR,
            recipient_id=heir.ref,
            purpose=CAMPAIGN,
            subject_ids=[person("a@example.jp")],
            categories=["email", "organization"],
        )


def test_it_refuses_before_the_succession_takes_effect(policy: Policy) -> None:
    heir = recipient(RecipientKind.SUCCESSOR, "Later Foundation")
    succession_record(
        actor=ACTOR,
        recipient_id=heir.ref,
        succession=SuccessionIn(
            kind="merger",
            effective_on=timezone.localdate() + timedelta(days=30),
            purposes=[CAMPAIGN],
            categories=["email"],
        ),
    )
    with pytest.raises(Refused) as caught:
        provision_make(
            actor=ACTOR,
            recipient_id=heir.ref,
            purpose=CAMPAIGN,
            subject_ids=[person()],
            categories=["email"],
        )
    assert caught.value.code == "no_succession"


def test_it_takes_special_care_data_only_when_the_succession_lists_it(policy: Policy) -> None:
    heir = successor(purposes=(CAMPAIGN,), categories=("email", "special_requirements"))
    subject_id = person(items=(ItemIn("special_requirements", None, "車椅子で参加します"),))
    result = provision_make(
        actor=ACTOR,
        recipient_id=heir.ref,
        purpose=CAMPAIGN,
        subject_ids=[subject_id],
        categories=["email", "special_requirements"],
    )
    assert result.provided == [subject_id]
    with pytest.raises(Refused) as caught:
        provision_make(
            actor=ACTOR,
            recipient_id=heir.ref,
            purpose=CAMPAIGN,
            subject_ids=[subject_id],
            categories=["email", "disability"],
        )
    assert caught.value.code == "special_care_without_basis"


def test_it_records_a_succession_only_for_a_successor_with_known_ids(policy: Policy) -> None:
    third_party = recipient()
    terms = SuccessionIn("merger", timezone.localdate(), [CAMPAIGN], ["email"])
    with pytest.raises(Conflict, match="not a successor"):
        succession_record(actor=ACTOR, recipient_id=third_party.ref, succession=terms)
    heir = recipient(RecipientKind.SUCCESSOR, "Heir KK")
    with pytest.raises(InvalidInput, match="purposes"):
        succession_record(
            actor=ACTOR,
            recipient_id=heir.ref,
            succession=SuccessionIn("merger", timezone.localdate(), ["everything"], ["email"]),
        )
    assert not Succession.objects.exists()
