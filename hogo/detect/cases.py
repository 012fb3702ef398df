"""A case asked about rather than someone's: a generic person in a clause that ends in 場合
(「社員が宗教上の理由で食事を取れない場合、」), a quoted question or theme about a kind of person
(「『宗教上の理由で残業を断る社員への対応』について質問が出て」); and a role in one's own firm
named as a person (「弊社の事務の方が」), which is someone, not the firm."""

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hogo.detect.context import Context

# 場合 later in the clause, not 場合が/場合も (「〜する場合があります」: it does happen).
_LATER_CASE_RE = re.compile(r"[^。、]*?場合(?![がもは])")
# What follows a quotation that is a question's or a theme's wording.
_THEME_AFTER = (
    "について",
    "という質問",
    "というテーマ",
    "がテーマ",
    "という相談",
    "という議題",
    "という論題",
)
_OPENERS = {"『": "』", "「": "」"}
# A quotation in someone's own words (「『私は施設育ちです』について話した」) is no theme.
_OWN_RE = re.compile(r"私|僕|自分|わたし|うちの|俺")
# 「弊社の事務の方が」「当社の経理の方は」: the firm's role, then の方 or さん: a person.
_FIRM_ROLE_RE = re.compile(r"の[一-龥ァ-ヶー]{1,5}(?:の方|さん|担当者)")


def case_later_in_clause(ctx: "Context", end: int, c_hi: int) -> bool:
    """The clause after the term ends in 場合 (the caller asks for a generic person before it)."""
    return _LATER_CASE_RE.match(ctx.text, end, c_hi) is not None


def quoted_theme(ctx: "Context", start: int, end: int, s_lo: int, s_hi: int) -> bool:
    """The term sits in a 『』 or 「」 quotation, not in anyone's own words, that is followed
    by について or the like: a question's or a theme's wording."""
    text = ctx.text
    opened = max(text.rfind(o, s_lo, start) for o in _OPENERS)
    if opened < 0:
        return False
    closing = _OPENERS[text[opened]]
    if text.find(closing, opened, start) >= 0:
        return False
    closed = text.find(closing, end, s_hi)
    if closed < 0 or not text.startswith(_THEME_AFTER, closed + 1):
        return False
    return _OWN_RE.search(text, opened, closed) is None


def firm_role_person(text: str, cue_end: int) -> bool:
    """A generic firm word (弊社, 当社) followed by its own role named as a person."""
    return _FIRM_ROLE_RE.match(text, cue_end) is not None
