"""Retention periods read in the unit people use; lists and asides punctuated per language."""

import pytest

from hogo.policy.wording import list_join, parenthesized, retention_period


@pytest.mark.parametrize(
    ("days", "ja", "en"),
    [
        (1095, "3年", "3 years"),
        (1825, "5年", "5 years"),
        (3650, "10年", "10 years"),
        (365, "1年", "1 year"),
        (730, "2年", "2 years"),
        (30, "1か月", "1 month"),
        (180, "6か月", "6 months"),
        (360, "12か月", "12 months"),  # not a whole number of 365-day years
        (1, "1日", "1 day"),
        (45, "45日", "45 days"),
        (366, "366日", "366 days"),
        (1000, "1,000日", "1,000 days"),
    ],
)
def test_it_reads_retention_in_years_months_or_days(days: int, ja: str, en: str) -> None:
    assert retention_period(days, "ja") == ja
    assert retention_period(days, "en") == en
    assert retention_period(days, "en-us") == en


@pytest.mark.parametrize("days", [0, -365])
def test_it_refuses_a_period_that_is_not_positive(days: int) -> None:
    with pytest.raises(ValueError, match="positive number of days"):
        retention_period(days, "en")


def test_it_joins_lists_and_asides_per_language() -> None:
    assert list_join(["氏名", "メールアドレス"], "ja") == "氏名、メールアドレス"
    assert list_join(["Name", "E-mail address"], "en") == "Name, E-mail address"
    assert parenthesized("現行版", "ja") == "（現行版）"
    assert parenthesized("current", "en") == " (current)"
