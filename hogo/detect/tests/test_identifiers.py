"""Identifiers: each recognizer's positive and negative table, and its validator."""

import ipaddress

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hogo.detect import scan
from hogo.detect.cards import luhn_valid
from hogo.detect.identifiers import _IPV4_RE, _ipv4_valid, my_number_valid
from hogo.detect.lexicon import load_entries
from hogo.detect.names import _FIELD_WORDS, _OWN_SIDE_WORDS


def with_check_digit(body: str) -> str:
    """A My Number built with the official check-digit formula, for the tables below."""
    total = sum(int(body[11 - n]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    remainder = total % 11
    return body + str(0 if remainder <= 1 else 11 - remainder)


MY_NUMBER = with_check_digit("12345678901")
WRONG_MY_NUMBER = MY_NUMBER[:11] + str((int(MY_NUMBER[11]) + 1) % 10)

POSITIVES = [
    ("email", "Please reply to hanako.sato@example.co.jp.", "hanako.sato@example.co.jp"),
    ("email", "連絡先は taro+events@example.com です。", "taro+events@example.com"),
    (
        "email",
        "メールは ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ です。",
        "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ",
    ),
    ("phone", "携帯は090-1234-5678です。", "090-1234-5678"),
    ("phone", "代表番号 03-1234-5678 までお電話ください。", "03-1234-5678"),
    ("phone", "Call me on +81 90 1234 5678.", "+81 90 1234 5678"),
    ("phone", "My US number is (415) 555-0100.", "(415) 555-0100"),
    ("phone", "電話：０９０－１２３４－５６７８", "０９０－１２３４－５６７８"),
    ("phone", "UK office: +44 20 7946 0958", "+44 20 7946 0958"),
    ("postal_code", "〒100-0001 東京都", "〒100-0001"),
    ("postal_code", "郵便番号：530-0001", "郵便番号：530-0001"),
    ("postal_code", "Zip code 150-0002, Tokyo", "Zip code 150-0002"),
    ("address", "住所は東京都千代田区丸の内1-2-3です。", "東京都千代田区丸の内1-2-3"),
    ("address", "大阪府堺市北区中百舌鳥町2丁目に住んでいます。", "大阪府堺市北区中百舌鳥町2丁目"),
    ("address", "横浜市中区山下町1番地へ送ってください。", "横浜市中区山下町1番地"),
    ("address", "I live at 1-2-3 Umeda, Kita-ku, Osaka.", "1-2-3 Umeda, Kita-ku, Osaka"),
    ("my_number", f"マイナンバーは{MY_NUMBER}です。", MY_NUMBER),
    (
        "my_number",
        f"My Number: {MY_NUMBER[:4]} {MY_NUMBER[4:8]} {MY_NUMBER[8:]}",
        f"{MY_NUMBER[:4]} {MY_NUMBER[4:8]} {MY_NUMBER[8:]}",
    ),
    ("credit_card", "Card: 4111 1111 1111 1111", "4111 1111 1111 1111"),
    ("credit_card", "カード番号は5555-5555-5555-4444です。", "5555-5555-5555-4444"),
    ("credit_card", "Amex 378282246310005 exp 12/29", "378282246310005"),
    ("ip_address", "I connected from 203.0.113.7 yesterday.", "203.0.113.7"),
    ("ip_address", "接続元IPは2001:db8::1でした。", "2001:db8::1"),
    ("person_name", "山田様、お世話になっております。", "山田"),
    ("person_name", "営業部の佐藤太郎と申します。", "佐藤太郎"),
    ("person_name", "氏名：鈴木 花子", "鈴木 花子"),
    ("person_name", "My name is Emily Clark.", "Emily Clark"),
    ("person_name", "Please ask Mr. Johnson.", "Johnson"),
    ("person_name", "Best regards,\nJane Doe", "Jane Doe"),
    ("person_name", "Thanks to Tanaka-san for the help.", "Tanaka"),
    ("person_name", "弊社営業部の山田より改めてご連絡します。", "山田"),
]

NEGATIVES = [
    ("email", "Email me at the address on file."),
    ("email", "Our handle is @hogo_jp on social media."),
    ("phone", "The meeting is on 2026-12-01 at 10:30."),
    ("phone", "Order number 12345."),
    ("phone", "会員番号は1234です。"),
    ("postal_code", "Room 100-0001 is on the first floor."),
    ("address", "東京都在住です。"),
    ("address", "The Tokyo office is near the station."),
    ("my_number", f"マイナンバーは{WRONG_MY_NUMBER}です。"),
    ("my_number", "注文番号 2026 1201 0001"),
    ("credit_card", "Card: 4111 1111 1111 1112"),
    ("credit_card", "Tracking 1234 5678 9012 3456"),
    ("ip_address", "Version 1.2.3 is out."),
    ("ip_address", "The value 999.1.1.1 is not an address."),
    ("ip_address", "We meet at 10:30:00."),
    ("person_name", "皆様、お世話になっております。"),
    ("person_name", "お客様各位"),
    ("person_name", "I am Roman Catholic."),
    ("person_name", "Thank you for the seminar."),
    ("person_name", "The mayor of Sapporo spoke."),
]


@pytest.mark.parametrize(("label", "text", "expected"), POSITIVES)
def test_it_finds_an_identifier_with_its_exact_span(label: str, text: str, expected: str) -> None:
    spans = [text[f.start : f.end] for f in scan(text).identifiers if f.label == label]
    assert expected in spans


@pytest.mark.parametrize(("label", "text"), NEGATIVES)
def test_it_ignores_look_alikes(label: str, text: str) -> None:
    assert [f for f in scan(text).identifiers if f.label == label] == []


def test_it_validates_the_my_number_check_digit() -> None:
    assert my_number_valid(MY_NUMBER)
    assert not my_number_valid(WRONG_MY_NUMBER)
    assert not my_number_valid("12345")


def test_it_validates_card_numbers_with_luhn() -> None:
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")


def test_it_names_the_validator_that_confirmed_a_number() -> None:
    rules = {f.label: f.rule for f in scan(f"{MY_NUMBER} / 4111111111111111").identifiers}
    assert rules == {"my_number": "my_number.check_digit", "credit_card": "credit_card.luhn"}


def test_it_lets_identifiers_and_categories_share_a_text() -> None:
    result = scan("田中様、車椅子で伺います。連絡先は090-1234-5678です。")
    assert result.categories == ("disability",)
    assert {f.label for f in result.identifiers} == {"person_name", "phone"}


_OCTET = st.text(alphabet="0123456789０１٣", min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(st.lists(_OCTET, min_size=4, max_size=4))
def test_ipv4_check_agrees_with_the_library(octets: list[str]) -> None:
    """The detector's own IPv4 check accepts exactly what ``ipaddress`` accepts among the
    strings its pattern proposes (leading zeros, octets above 255, non-ASCII digits)."""
    address = ".".join(octets)
    if _IPV4_RE.fullmatch(address) is None:
        return
    try:
        ipaddress.IPv4Address(address)
        expected = True
    except ValueError:
        expected = False
    assert _ipv4_valid(address) is expected


def test_it_finds_the_japanese_name_frames_words_by_their_lexicon_cues() -> None:
    """names.py tries a frame only where the lexicon pass saw its opening word: the cue lines
    must be exactly its words."""
    entries = load_entries()
    own_side = {e.term for e in entries if e.kind == "@nf_own_side"}
    field = {e.term for e in entries if e.kind == "@nf_field"}
    assert own_side == set(_OWN_SIDE_WORDS)
    assert field == set(_FIELD_WORDS)
