"""Normalization of identifiers before they are blind-indexed (exact match on the normal form).

NFKC folds full-width Latin and half-width katakana; hiragana folds to katakana; case folds.
Phone numbers become E.164, Japanese by default. Errors never repeat the value.
"""

import re
import unicodedata

import jaconv

_SPACE = re.compile(r"\s+")
_PHONE_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―ー−().・/]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_NAME_SEPARATORS = re.compile(r"[\s・･.,]+")


def text_fold(value: str) -> str:
    """Width, kana and case folding shared by every identifier kind."""
    return jaconv.hira2kata(unicodedata.normalize("NFKC", value)).casefold().strip()


def email_normalize(value: str) -> str:
    email = unicodedata.normalize("NFKC", value).strip().casefold()
    if len(email) > 254 or not _EMAIL.fullmatch(email):
        raise ValueError("is not an e-mail address")
    return email


def phone_normalize(value: str, *, country_code: str = "81") -> str:
    """E.164 (`+81312345678`). A leading 0 is the national trunk prefix of `country_code`;
    `+`, `00` and Japan's `010` introduce an international number."""
    phone = _PHONE_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    if phone.startswith("+"):
        digits = phone[1:]
    elif phone.startswith("010"):
        digits = phone[3:]
    elif phone.startswith("00"):
        digits = phone[2:]
    elif phone.startswith("0"):
        digits = country_code + phone[1:]
        if country_code == "81" and len(phone) not in (10, 11):
            raise ValueError("is not a Japanese phone number (10 or 11 digits with the 0)")
    else:
        raise ValueError("needs a leading 0 or an international +country code")
    if not digits.isdigit() or not 8 <= len(digits) <= 15 or digits.startswith("0"):
        raise ValueError("is not a phone number")
    return "+" + digits


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
