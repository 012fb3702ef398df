"""Every trigger of PPC Rule 7 and every combination: a trigger that applies or may apply (an
unknown answer) makes the incident reportable; only facts that rule all four out clear it."""

import itertools

import pytest

from hogo.safety.classify import Basis, Facts, incident_classify, reportable
from hogo.safety.models import Trigger, TriggerState

ANSWERS = (True, False, None)
COUNTS = (None, 1000, 1001)  # unknown, exactly 1,000 (not "more than"), more than 1,000
SPECIAL = frozenset({"health", "religion"})


def expected_state(answer: bool | None) -> TriggerState:
    return {True: TriggerState.YES, False: TriggerState.NO, None: TriggerState.POSSIBLE}[answer]


def count_state(count: int | None) -> TriggerState:
    if count is None:
        return TriggerState.POSSIBLE
    return TriggerState.YES if count > 1000 else TriggerState.NO


@pytest.mark.parametrize(
    ("special_care", "property_damage", "unjust_purpose", "people"),
    list(itertools.product(ANSWERS, ANSWERS, ANSWERS, COUNTS)),
)
def test_each_combination_is_classified_and_reportable_when_any_trigger_may_apply(
    special_care: bool | None,
    property_damage: bool | None,
    unjust_purpose: bool | None,
    people: int | None,
) -> None:
    facts = Facts(("email",), people, special_care, property_damage, unjust_purpose)
    findings = incident_classify(facts, special_care_ids=SPECIAL)
    states = {f.trigger: f.state for f in findings}
    assert states == {
        Trigger.SPECIAL_CARE: expected_state(special_care),
        Trigger.PROPERTY_DAMAGE: expected_state(property_damage),
        Trigger.UNJUST_PURPOSE: expected_state(unjust_purpose),
        Trigger.OVER_1000: count_state(people),
    }
    assert [f.trigger for f in findings] == list(Trigger)  # Rule 7's order
    assert reportable(findings) == any(s != TriggerState.NO for s in states.values())


def test_nothing_applies_only_when_every_trigger_is_ruled_out() -> None:
    findings = incident_classify(Facts(("email",), 1000, False, False, False), special_care_ids=())
    assert not reportable(findings)
    assert [f.basis for f in findings] == [
        Basis.STATED_NO,
        Basis.STATED_NO,
        Basis.STATED_NO,
        Basis.COUNT_WITHIN,
    ]


def test_a_special_care_category_of_the_policy_applies_whatever_was_stated() -> None:
    findings = incident_classify(
        Facts(("email", "health"), 1, False, False, False), special_care_ids=SPECIAL
    )
    care = findings[0]
    assert (care.trigger, care.state, care.basis) == (
        Trigger.SPECIAL_CARE,
        TriggerState.YES,
        Basis.SPECIAL_CARE_CATEGORY,
    )
    assert care.as_json()["categories"] == ["health"]
    assert reportable(findings)


def test_one_person_is_enough_for_the_first_three_triggers() -> None:
    for index, trigger in enumerate((Trigger.SPECIAL_CARE, Trigger.PROPERTY_DAMAGE)):
        answers: list[bool | None] = [False, False, False]
        answers[index] = True
        findings = incident_classify(Facts((), 1, *answers), special_care_ids=())
        assert reportable(findings), trigger
