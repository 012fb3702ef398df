"""Couples on a form: the member's own field and a partner's field, each with a given name
("Member: Shota Ito ... Emergency contact: husband, Daisuke Ito", "member Kenta Takahashi,
partner Naoto Sasaki" on a household application, 「会員：木村 美穂、配偶者：木村 玲奈」).

The member is the form's subject; a husband or wife field is their spouse whatever the rest
says, a partner or spouse field only in a text that makes the two a household (a business
partner is none). Genders come from the words and from ``couples.given_names`` and
``couples.ja_name_gender``; unknown or different genders are no finding.
"""

import re

from hogo.detect.couples import COUPLE_RE, JA_COUPLE_RE, given_names, ja_name_gender

_EN_HOLDER_RE = re.compile(
    r"\b(?:[Mm]ember|[Aa]pplicant|[Rr]egistrant|[Nn]ame)[ \t]*:?[ \t]+([A-Z][a-z]+)\b"
)
_EN_PARTNER_RE = re.compile(
    r"\b((?i:husband|wife|partner|spouse))[ \t]*[:,]?[ \t]+([A-Z][a-z]+)\b(?![ \t]*(?:&|and)\b)"
)
_EN_WORD_GENDER = {"husband": "m", "wife": "f"}
_EN_HOUSEHOLD_RE = re.compile(
    r"\b(?:family membership|household|same address|live together|living together)\b",
    re.IGNORECASE,
)
_JA_FULL = r"[一-龥々]{1,4}[ 　][一-龥々]{1,3}"
_JA_HOLDER_RE = re.compile(rf"(?:会員|本人|申込者|氏名)[ 　]*[:：][ 　]*({_JA_FULL})")
_JA_PARTNER_RE = re.compile(rf"(配偶者|パートナー|夫|妻)[ 　]*[:：][ 　]*({_JA_FULL})")
_JA_WORD_GENDER = {"夫": "m", "妻": "f"}


def _one_gender(genders: set[str | None]) -> str | None:
    """The members' gender when every member field gives the same known one."""
    return next(iter(genders)) if len(genders) == 1 else None


def en_form_couples(original: str) -> list[tuple[int, int, str]]:
    holder = _one_gender({given_names().get(m.group(1)) for m in _EN_HOLDER_RE.finditer(original)})
    if holder is None:
        return []
    household = COUPLE_RE.search(original) or _EN_HOUSEHOLD_RE.search(original)
    found = []
    for m in _EN_PARTNER_RE.finditer(original):
        word = m.group(1).lower()
        if word not in _EN_WORD_GENDER and not household:
            continue
        partner = _EN_WORD_GENDER.get(word) or given_names().get(m.group(2))
        if partner == holder:
            found.append((m.start(1), m.end(1), holder))
    return found


def ja_form_couples(original: str) -> list[tuple[int, int, str]]:
    holder = _one_gender({ja_name_gender(m.group(1)) for m in _JA_HOLDER_RE.finditer(original)})
    if holder is None:
        return []
    found = []
    for m in _JA_PARTNER_RE.finditer(original):
        word = m.group(1)
        if word == "パートナー" and JA_COUPLE_RE.search(original) is None:
            continue
        partner = _JA_WORD_GENDER.get(word) or ja_name_gender(m.group(2))
        if partner == holder:
            found.append((m.start(1), m.end(1), holder))
    return found
