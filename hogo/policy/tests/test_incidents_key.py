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


def test_the_oversight_keys_have_defaults_and_bounds() -> None:
    parsed = policy_parse(toml_dumps(reference_data()))
    assert parsed.incidents.retention_years == 5
    assert parsed.internal_review.cadence_months == 12
    assert parsed.outsourcing.supervision_months == 12
    assert len(parsed.outsourcing.selection_criteria) == 6
    data = reference_data()
    data["incidents"] = {"retention_years": 3}
    data["internal_review"] = {"cadence_months": 6}
    data["outsourcing"] = {
        "supervision_months": 24,
        "selection_criteria": [
            {"ja": "プライバシーマークを取得していること", "en": "Holds the PrivacyMark"}
        ],
    }
    parsed = policy_parse(toml_dumps(data))
    assert parsed.incidents.retention_years == 3
    assert parsed.internal_review.cadence_months == 6
    assert parsed.outsourcing.supervision_months == 24
    assert [c.en for c in parsed.outsourcing.selection_criteria] == ["Holds the PrivacyMark"]


@pytest.mark.parametrize(
    ("table", "value", "error"),
    [
        ("incidents", {"retention_years": 0}, "incidents.retention_years: must be 1 to 30, not 0"),
        (
            "internal_review",
            {"cadence_months": 40},
            "internal_review.cadence_months: must be 1 to 36, not 40",
        ),
        (
            "outsourcing",
            {"selection_criteria": []},
            'outsourcing.selection_criteria: must be a list of { ja = "...", en = "..." } texts',
        ),
        (
            "outsourcing",
            {"selection_criteria": [{"ja": "基準"}]},
            "outsourcing.selection_criteria.0.en: missing (English text)",
        ),
    ],
)
def test_a_bad_oversight_value_is_refused_with_its_key_path(
    table: str, value: dict[str, object], error: str
) -> None:
    data = reference_data()
    data[table] = value
    with pytest.raises(PolicyInvalid) as caught:
        policy_parse(toml_dumps(data))
    assert [str(e) for e in caught.value.errors] == [error]
