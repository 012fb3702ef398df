"""The optional `[incidents]` table: the preliminary report's days, with key-path errors."""

import pytest

from hogo.policy.schema import Incidents, PolicyInvalid, policy_parse
from hogo.policy.tests.helpers import reference_data, toml_dumps


def test_without_the_table_the_preliminary_report_is_due_within_five_days() -> None:
    assert policy_parse(toml_dumps(reference_data())).incidents == Incidents(
        preliminary_report_days=5
    )


def test_the_policy_sets_the_preliminary_days() -> None:
    data = reference_data()
    data["incidents"] = {"preliminary_report_days": 3}
    assert policy_parse(toml_dumps(data)).incidents.preliminary_report_days == 3


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (0, "must be 1 to 5, not 0"),
        (6, "must be 1 to 5, not 6"),
        ("5", "must be a whole number (days from awareness to the preliminary report)"),
        (True, "must be a whole number (days from awareness to the preliminary report)"),
    ],
)
def test_a_bad_value_is_refused_with_its_key_path(value: object, reason: str) -> None:
    data = reference_data()
    data["incidents"] = {"preliminary_report_days": value}
    with pytest.raises(PolicyInvalid) as caught:
        policy_parse(toml_dumps(data))
    assert [(e.path, e.reason) for e in caught.value.errors] == [
        ("incidents.preliminary_report_days", reason)
    ]


def test_an_unknown_key_in_the_table_is_named() -> None:
    data = reference_data()
    data["incidents"] = {"preliminary_days": 3}
    with pytest.raises(PolicyInvalid) as caught:
        policy_parse(toml_dumps(data))
    assert [str(e) for e in caught.value.errors] == [
        "incidents.preliminary_days: unknown key (did you mean 'preliminary_report_days'?)"
    ]


def test_the_handling_rules_are_optional_and_need_both_languages() -> None:
    assert policy_parse(toml_dumps(reference_data())).handling_rules is None
    data = reference_data()
    data["handling_rules"] = {"text": {"ja": "取扱規程", "en": "Handling rules"}}
    rules = policy_parse(toml_dumps(data)).handling_rules
    assert rules is not None
    assert rules.en == "Handling rules"
    data["handling_rules"] = {"text": {"ja": "取扱規程"}}
    with pytest.raises(PolicyInvalid) as caught:
        policy_parse(toml_dumps(data))
    assert [str(e) for e in caught.value.errors] == [
        "handling_rules.text.en: missing (English text)"
    ]
