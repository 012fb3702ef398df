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


def test_the_shared_wording_reads_the_same_everywhere_in_both_languages() -> None:
    from datetime import UTC, date, datetime

    from hogo.policy.wording import (
        colon,
        date_shown,
        delivery_method,
        fee,
        request_deadline,
        retention_text,
    )

    assert retention_text(1095, "ja") == "取得から3年（経過後は速やかに消去します）"
    assert retention_text(180, "en") == "6 months from acquisition (erased promptly afterwards)"
    assert request_deadline(14, "ja") == (
        "ご本人確認の完了（手数料が必要な場合はその受領）から、原則として14日以内に結果をご連絡します。"
    )
    assert "within 14 days of confirming your identity" in request_deadline(14, "en")
    assert date_shown(date(2026, 4, 1), "ja") == "2026年4月1日"
    assert date_shown(datetime(2026, 3, 31, 16, 0, tzinfo=UTC), "ja") == "2026年4月1日"  # Tokyo
    assert date_shown(date(2026, 4, 1), "en") == "April 1, 2026"
    assert delivery_method("postal_mail", "ja") == "書面の郵送"
    assert delivery_method("carrier_pigeon", "ja") == "carrier_pigeon"
    assert (fee(0, "ja"), fee(1000, "ja"), fee(0, "en"), fee(1000, "en")) == (
        "無料",
        "1,000円",
        "free",
        "JPY 1,000",
    )
    assert (colon("ja"), colon("en")) == ("：", ": ")


def test_without_a_language_the_wording_follows_the_request() -> None:
    from django.utils import translation

    with translation.override("en"):
        assert retention_period(1095) == "3 years"
        assert list_join(["a", "b"]) == "a, b"
    with translation.override("ja"):
        assert retention_period(1095) == "3年"
        assert parenthesized("現行版") == "（現行版）"
