"""Corrections and additions on the person's request (Art. 34), and the desk's lookups."""

import pytest

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput, NotFound, Refused
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, register
from hogo.vault.access import subject_disclose
from hogo.vault.correction import Correction, items_correct
from hogo.vault.erasure import subject_erase
from hogo.vault.lookup import acquisitions_for, subject_find
from hogo.vault.models import BlindIndex
from hogo.vault.records import ItemIn


def values(subject_id: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in subject_disclose(actor=ACTOR, subject_id=subject_id, request_ref="t").items:
        found.setdefault(item.category, []).append(item.value)
    return found


def test_it_corrects_every_value_of_a_category_and_audits_it(policy: Policy) -> None:
    first = register().subject_id
    register(items=(ItemIn("organization", None, "Mitsuboshi"),))  # same person, again
    result = items_correct(
        actor=ACTOR,
        subject_id=first,
        corrections=[Correction("organization", "Hoshizora Denki")],
        request_ref="case_1",
    )
    assert (result.corrected, result.added) == (2, 0)
    assert values(first)["organization"] == ["Hoshizora Denki", "Hoshizora Denki"]
    [event] = AuditEvent.objects.filter(action="vault.items.correct")
    assert event.subjects == [first]
    assert event.detail == {
        "request_ref": "case_1",
        "categories": ["organization"],
        "corrected": 2,
        "added": 0,
    }


def test_it_adds_a_value_the_subject_did_not_have(policy: Policy) -> None:
    subject_id = register().subject_id
    result = items_correct(
        actor=ACTOR,
        subject_id=subject_id,
        corrections=[Correction("job_title", "Manager")],
        request_ref="case_2",
    )
    assert (result.corrected, result.added) == (0, 1)
    assert values(subject_id)["job_title"] == ["Manager"]


def test_it_moves_the_email_index_with_a_corrected_address(policy: Policy) -> None:
    subject_id = register("old@example.jp").subject_id
    items_correct(
        actor=ACTOR,
        subject_id=subject_id,
        corrections=[Correction("email", "New@Example.jp")],
        request_ref="case_3",
    )
    assert subject_find(email="new@example.jp") == subject_id
    assert subject_find(email="old@example.jp") is None
    assert BlindIndex.objects.filter(kind="email").count() == 1


def test_it_refuses_an_address_held_for_someone_else(policy: Policy) -> None:
    subject_id = register("a@example.jp").subject_id
    register("b@example.jp")
    with pytest.raises(Conflict, match="held for another person"):
        items_correct(
            actor=ACTOR,
            subject_id=subject_id,
            corrections=[Correction("email", "b@example.jp")],
            request_ref="case_4",
        )
    assert subject_find(email="a@example.jp") == subject_id


def test_it_refuses_special_care_information(policy: Policy) -> None:
    """Neither a special-care category nor a text that reveals one is taken as a correction."""
    subject_id = register().subject_id
    with pytest.raises(Refused, match="explicit consent"):
        items_correct(
            actor=ACTOR,
            subject_id=subject_id,
            corrections=[Correction("health", "diabetes")],
            request_ref="case_5",
        )
    with pytest.raises(Refused, match=r"looks like special-care information \(health\)"):
        items_correct(
            actor=ACTOR,
            subject_id=subject_id,
            corrections=[Correction("organization", "持病の糖尿病で通院しています")],
            request_ref="case_5",
        )
    assert values(subject_id)["organization"] == ["Mitsuboshi Denki"]


def test_it_refuses_an_addition_no_purpose_uses(policy: Policy) -> None:
    subject_id = register().subject_id  # campaign purpose only
    with pytest.raises(Refused, match="none of the purposes"):
        items_correct(
            actor=ACTOR,
            subject_id=subject_id,
            corrections=[Correction("contract_details", "A")],
            request_ref="case_6",
        )


def test_it_validates_input_and_the_subject(policy: Policy) -> None:
    subject_id = register().subject_id
    with pytest.raises(InvalidInput, match=r"corrections\[0\].value: is not an e-mail"):
        items_correct(
            actor=ACTOR,
            subject_id=subject_id,
            corrections=[Correction("email", "nope")],
            request_ref="c",
        )
    with pytest.raises(InvalidInput, match="category: not a category"):
        items_correct(
            actor=ACTOR, subject_id=subject_id, corrections=[Correction("x", "y")], request_ref="c"
        )
    name = [Correction("name", "y")]
    with pytest.raises(InvalidInput, match="request_ref"):
        items_correct(actor=ACTOR, subject_id=subject_id, corrections=name, request_ref="")
    with pytest.raises(NotFound):
        items_correct(actor=ACTOR, subject_id="sub_x", corrections=name, request_ref="c")
    subject_erase(actor=ACTOR, subject_id=subject_id)
    with pytest.raises(Conflict):
        items_correct(actor=ACTOR, subject_id=subject_id, corrections=name, request_ref="c")


def test_it_finds_a_subject_by_email_and_lists_its_acquisitions(policy: Policy) -> None:
    subject_id = register("Hanako@Example.jp").subject_id
    assert subject_find(email="hanako@example.jp") == subject_id
    assert subject_find(email="nobody@example.jp") is None
    [acquisition] = acquisitions_for(subject_id=subject_id)
    assert (acquisition.channel, acquisition.purposes) == ("event-registration", [CAMPAIGN])
    with pytest.raises(InvalidInput):
        subject_find(email="not an address")
    subject_erase(actor=ACTOR, subject_id=subject_id)
    assert subject_find(email="hanako@example.jp") is None
