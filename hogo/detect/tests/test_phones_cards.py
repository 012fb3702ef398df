"""Phone numbers by libphonenumber's rules and card numbers of every major network: found in
English and in Japanese text without spaces, with full-width digits, and not in the numbers
forms are full of (orders, dates, amounts, accounts)."""

import pytest

from hogo.detect import scan


def labels(text: str, **kwargs: object) -> dict[str, str]:
    return {f.label: text[f.start : f.end] for f in scan(text, **kwargs).identifiers}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # Japan, the default region: landline, mobile, free dial, with and without separators.
        ("携帯は090-1234-5678です。", "090-1234-5678"),
        ("代表03(1234)5678まで", "03(1234)5678"),
        ("0120-123-456（フリーダイヤル）", "0120-123-456"),
        ("電話０９０１２３４５６７８にください", "０９０１２３４５６７８"),
        ("my cell: 08012345678", "08012345678"),
        # Other regions, in their national formats (grouped, or near a phone cue).
        ("Call me on (201) 555-0123 tonight.", "(201) 555-0123"),
        ("Office: 0121 234 5678, ask for Ann.", "0121 234 5678"),
        ("Handy 01512 3456789 bitte", "01512 3456789"),
        ("Appelez le 06 12 34 56 78 svp", "06 12 34 56 78"),
        ("Phone 02 1234 5678 (Milano)", "02 1234 5678"),
        ("Tel. (11) 96123-4567", "(11) 96123-4567"),
        ("bel 06 12345678 na vijf uur", "06 12345678"),
        ("mobile 0412 345 678", "0412 345 678"),
        ("phone 081234 56789", "081234 56789"),
        ("연락처 010-2000-0000 입니다, phone", "010-2000-0000"),
        # Written internationally: any country.
        ("UK office: +44 20 7946 0958", "+44 20 7946 0958"),
        ("Reach us at +65 6123 4567.", "+65 6123 4567"),
        ("本社：+86 10 1234 5678（北京）", "+86 10 1234 5678"),
        ("海外からは+81-3-1234-5678へ", "+81-3-1234-5678"),
        ("WhatsApp 0044 7400 123456", "0044 7400 123456"),
    ],
)
def test_it_finds_phone_numbers_of_many_regions(text: str, number: str) -> None:
    assert labels(text).get("phone") == number


@pytest.mark.parametrize(
    "text",
    [
        "The meeting is on 2026-12-01 at 10:30.",
        "Order number 12345678 shipped.",
        "受付番号8009982961、2026-11-03開催。",
        "ticket 7062873187 for the seminar",
        "請求額は1,234,567円です。",
        "ISBN 978-3-16-148410-0",
        "Invoice 0012345678 covers 12 items.",
        "口座番号1234567へお振込みください。",
        "We met 12 times between 2019-2023.",
        "Version 10.2.33 was released on 03/11/2026.",
    ],
)
def test_it_leaves_other_numbers_alone(text: str) -> None:
    assert "phone" not in labels(text)


def test_the_caller_names_other_default_regions() -> None:
    text = "Number 2015550123 for the US office"
    assert "phone" not in labels(text)
    assert labels(text, phone_regions=("JP", "US"))["phone"] == "2015550123"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Card: 4111 1111 1111 1111", "4111 1111 1111 1111"),  # Visa
        ("Visa 4222222222222 exp 01/28", "4222222222222"),  # Visa, 13 digits
        ("カード番号は5555-5555-5555-4444です。", "5555-5555-5555-4444"),  # Mastercard
        ("card 2223 0000 4841 0010", "2223 0000 4841 0010"),  # Mastercard 2-series
        ("Amex 3782 822463 10005 exp 12/29", "3782 822463 10005"),  # American Express
        ("Discover 6011 1111 1111 1117", "6011 1111 1111 1117"),
        ("JCBカード3530111333300000で決済", "3530111333300000"),
        ("Diners 3056 9309 0259 04", "3056 9309 0259 04"),  # 14 digits
        ("UnionPay 6212 3456 7890 1232", "6212 3456 7890 1232"),
        ("Maestro card 6759 6498 2643 8453", "6759 6498 2643 8453"),
        ("maestro 675964982648", "675964982648"),  # 12 digits, near a card cue
        ("クレジットカード：４１１１１１１１１１１１１１１１", "４１１１１１１１１１１１１１１１"),
    ],
)
def test_it_finds_card_numbers_of_every_major_network(text: str, number: str) -> None:
    assert labels(text).get("credit_card") == number


@pytest.mark.parametrize(
    "text",
    [
        "Card: 4111 1111 1111 1112",  # Luhn fails
        "Tracking 1234 5678 9012 3456",  # no network starts with 1234
        "Order 675964982648 shipped",  # 12 digits passing Luhn, but no card cue and no grouping
        "口座番号9876543210987654",  # Luhn fails
    ],
)
def test_it_leaves_numbers_that_are_no_card_alone(text: str) -> None:
    assert "credit_card" not in labels(text)
