import pytest

from hogo.vault.normalize import (
    email_normalize,
    member_number_normalize,
    name_normalize,
    phone_normalize,
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
