"""Normalization of identifiers before they are blind-indexed (exact match on the normal form).

NFKC folds full-width Latin and half-width katakana; hiragana folds to katakana; case folds.
Phone numbers become E.164 by libphonenumber's rules, Japanese by default. Errors never repeat
the value.
"""

import functools
import re
import unicodedata

import jaconv
import phonenumbers
from jaconv.jaconv import H2K_TABLE

_SPACE = re.compile(r"\s+")
_PHONE_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―ー−().・/]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_NAME_SEPARATORS = re.compile(r"[\s・･.,]+")
# Every character `jaconv.hira2kata` translates (its table's keys).
_KANA_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(H2K_TABLE)) + "]")
# A Japanese number written nationally: the trunk 0, then a digit other than 0 (not 00 or 010,
# which start international numbers), then digits.
_JAPANESE_NATIONAL = re.compile(r"0[1-9][0-9]{7,11}")


def text_fold(value: str) -> str:
    """Width, kana and case folding shared by every identifier kind."""
    folded = unicodedata.normalize("NFKC", value)
    if _KANA_FOLDED.search(folded):  # else hira2kata's `str.translate` changes nothing
        folded = jaconv.hira2kata(folded)
    return folded.casefold().strip()


def email_normalize(value: str) -> str:
    email = unicodedata.normalize("NFKC", value).strip().casefold()
    if len(email) > 254 or not _EMAIL.fullmatch(email):
        raise ValueError("is not an e-mail address")
    return email


def phone_normalize(value: str) -> str:
    """E.164 (`+81312345678`) by libphonenumber's rules (`phonenumbers`, which the detector
    uses too). A number with a leading 0 is Japanese (valid in Japan's numbering plan); `+`,
    `00` and Japan's `010` introduce an international number (of a length possible there)."""
    phone = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    if phone.startswith(("00", "010")):
        phone = "+" + phone[3 if phone.startswith("010") else 2 :]
    if not phone.startswith(("+", "0")):
        raise ValueError("needs a leading 0 or an international +country code")
    # The common case, without `phonenumbers.parse` (three quarters of this function's time at
    # ingest): for such a number parse strips the trunk 0 (Japan's prefix for parsing matches
    # only "0" here) whenever the rest is a valid number, so a valid rest is exactly what parse
    # would give. Anything else takes the general path below.
    if _JAPANESE_NATIONAL.fullmatch(phone) and _japanese_valid(phone[1:]):
        return f"+81{phone[1:]}"
    return phone_parsed(phone)


def _japanese_valid(national: str) -> bool:
    """`phonenumbers.is_valid_number` for a Japanese national significant number without a
    leading 0, with its patterns joined once: valid when the general pattern matches and so
    does the pattern of some number type whose lengths allow this one (libphonenumber tries
    the eleven types one by one, each through a cache lookup of its compiled pattern)."""
    general, by_length = _japanese_patterns()
    of_length = by_length.get(len(national))
    return of_length is not None and bool(
        general.fullmatch(national) and of_length.fullmatch(national)
    )


@functools.cache
def _japanese_patterns() -> tuple[re.Pattern[str], dict[int, re.Pattern[str]]]:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region("JP")
    assert metadata is not None
    general = metadata.general_desc
    assert general is not None
    types = [
        desc
        for name in _NUMBER_TYPES
        if (desc := getattr(metadata, name)) is not None and desc.national_number_pattern
    ]
    by_length: dict[int, re.Pattern[str]] = {}
    for length in general.possible_length:
        patterns = [
            f"(?:{desc.national_number_pattern})"
            for desc in types
            if not desc.possible_length or length in desc.possible_length
        ]
        if patterns:
            by_length[length] = re.compile("|".join(patterns))
    return re.compile(str(general.national_number_pattern)), by_length


# The types `phonenumbers` checks for validity (`_number_type_helper`).
_NUMBER_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)


def phone_parsed(phone: str) -> str:
    """`phone_normalize`'s general path, for a number already cleaned of separators."""
    try:
        number = phonenumbers.parse(phone, "JP")
    except phonenumbers.NumberParseException:
        raise ValueError("is not a phone number") from None
    international = phone.startswith("+")
    if not (
        phonenumbers.is_possible_number(number)
        if international
        else phonenumbers.is_valid_number(number)
    ):
        raise ValueError("is not a phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def name_normalize(value: str) -> str:
    name = _NAME_SEPARATORS.sub("", text_fold(value))
    if not name:
        raise ValueError("is empty")
    return name


def member_number_normalize(value: str) -> str:
    number = re.sub(r"[\s\-]", "", text_fold(value))
    if not number:
        raise ValueError("is empty")
    return number
