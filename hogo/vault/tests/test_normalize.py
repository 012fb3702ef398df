import random
from collections.abc import Callable

import pytest

from hogo.vault.normalize import (
    email_normalize,
    member_number_normalize,
    name_normalize,
    phone_normalize,
    phone_parsed,
)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Hanako.Yamada@Example.JP", "hanako.yamada@example.jp"),
        ("  hanako@example.jp ", "hanako@example.jp"),
        ("ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ", "hanako@example.jp"),
    ],
)
def test_it_folds_emails_to_one_form(raw: str, normal: str) -> None:
    assert email_normalize(raw) == normal


@pytest.mark.parametrize("raw", ["hanako", "hanako@", "@example.jp", "a b@example.jp", "a@b"])
def test_it_rejects_what_is_not_an_email(raw: str) -> None:
    with pytest.raises(ValueError, match="is not an e-mail address"):
        email_normalize(raw)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("03-1234-5678", "+81312345678"),
        ("(03) 1234 5678", "+81312345678"),
        ("０３－１２３４－５６７８", "+81312345678"),
        ("090-1234-5678", "+819012345678"),
        ("+81 90 1234 5678", "+819012345678"),
        ("010-1-212-555-0100", "+12125550100"),
        ("0049 30 1234567", "+49301234567"),
    ],
)
def test_it_writes_phone_numbers_in_e164_with_japan_as_default(raw: str, normal: str) -> None:
    assert phone_normalize(raw) == normal


@pytest.mark.parametrize("raw", ["1234-5678", "03-1234", "090-1234-5678-9", "+81 abc", "内線12"])
def test_it_rejects_what_is_not_a_phone_number(raw: str) -> None:
    with pytest.raises(ValueError, match=r"phone number|leading 0"):
        phone_normalize(raw)


def test_its_short_path_for_japanese_numbers_gives_what_libphonenumber_gives() -> None:
    """Japanese numbers skip `phonenumbers.parse` when valid; over numbers of every prefix and
    length around Japan's (valid, invalid, too short, too long), the answer is the parse's."""
    rng = random.Random(20)
    numbers = [
        f"0{rng.randrange(1, 10)}{rng.randrange(10**length):0{length}d}"
        for length in range(6, 12)
        for _ in range(1500)
    ] + [f"0{p}{rng.randrange(10**8):08d}" for p in ("70", "80", "90", "50", "20", "120", "570")]
    numbers = [n for n in numbers if not n.startswith("010")]  # international (Japan's 010)

    def outcome(run: Callable[[str], str], phone: str) -> str:
        try:
            return run(phone)
        except ValueError as exc:
            return f"refused: {exc}"

    differing = [n for n in numbers if outcome(phone_normalize, n) != outcome(phone_parsed, n)]
    assert differing == []
    assert sum(not outcome(phone_normalize, n).startswith("refused") for n in numbers) > 1000


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("山田 花子", "山田花子"),
        ("やまだ はなこ", "ヤマダ ハナコ"),
        ("ﾔﾏﾀﾞ ﾊﾅｺ", "ヤマダ・ハナコ"),
        ("Hanako YAMADA", "hanako yamada"),
    ],
)
def test_it_matches_names_across_width_kana_case_and_spacing(a: str, b: str) -> None:
    assert name_normalize(a) == name_normalize(b)


def test_it_matches_member_numbers_across_width_and_hyphens() -> None:
    assert member_number_normalize("ＣＬ－００４２") == member_number_normalize("cl0042")


def test_its_kana_folding_is_jaconvs_whether_or_not_the_text_has_kana() -> None:
    """`text_fold` skips jaconv's translation when no character of its table occurs."""
    import unicodedata

    import jaconv

    from hogo.vault.normalize import text_fold

    rng = random.Random(7)
    chars = [chr(c) for c in range(0x20, 0x3100)] + list("佐藤花子ﾔﾏﾀﾞ")
    for _ in range(20000):
        value = "".join(rng.choice(chars) for _ in range(rng.randrange(1, 12)))
        expected = jaconv.hira2kata(unicodedata.normalize("NFKC", value)).casefold().strip()
        assert text_fold(value) == expected


def test_its_japanese_validity_is_libphonenumbers() -> None:
    """`_japanese_valid` joins libphonenumber's patterns once; it must answer as the library."""
    import phonenumbers

    from hogo.vault.normalize import _japanese_valid

    rng = random.Random(81)
    prefixes = ["90", "80", "70", "50", "120", "800", "3", "6", "11", "45", "99", "20", "570"]
    numbers = [
        rng.choice([*prefixes, str(rng.randrange(1, 10))])
        + "".join(rng.choice("0123456789") for _ in range(rng.randrange(5, 12)))
        for _ in range(20000)
    ]
    answers = set()
    for national in numbers:
        number = phonenumbers.PhoneNumber(country_code=81, national_number=int(national))
        assert _japanese_valid(national) == phonenumbers.is_valid_number(number), national
        answers.add(_japanese_valid(national))
    assert answers == {True, False}  # both kinds of number were tried
