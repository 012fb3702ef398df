"""Phrasings that settle whose a hit is, beyond the cues of its sentence (split from
``context.py``): a crime suffered told in the Japanese passive past (「痴漢にあいました」,
「だまし取られました」), a topic word after a cause (「インフルで熱があって今日のセミナー欠席し
ます」: the seminar is what is missed, not what the flu is about), and a term inside the quoted
title of an article or a law (「『妊娠・出産と労務管理』の記事」, 「犯罪被害者等基本法」)."""

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hogo.detect.context import Context

# The term, or what follows it, ends in a passive or "ran into" said in the past or with て:
# 痴漢にあいました, 詐欺に遭って, 財布を盗まれた。 (not 遭ったら, not 遭っても).
_SUFFERED_RE = re.compile(
    r"(?:にあ|に遭|れ)(?:い|っ)?(?:ました|た(?=[。、．,.!！\nが]|$)|て(?![もは]))"
)
# A cause ends its clause in all but punctuation: what follows is the main clause's
# (熱が出たので / あって / 寝込んでいて / ひどくて; not について, にとって, 入ってる; から is
# also "from").
_CAUSE_RE = re.compile(r"ので|ため|(?<!と)って(?![いるた])|んで(?![いるた])|[てで]いて|くて|て、")
_OPENING = {"「": "」", "『": "』", "“": "”", '"': '"'}
_OPENING_RE = re.compile('[「『“"]')
_LAW_ENDS = ("法", "法案", "条例", " act", " law")
# The term as the first word of a dotted katakana company name (folded to hiragana):
# プライド・ロジスティクス株式会社, レインボー・フーズ様.
_COMPANY_TAIL_RE = re.compile(r"・[ぁ-ゖー]{2,12}(?:株式会社|有限会社|合同会社|様|御中)")


def suffered(text: str, start: int, end: int) -> bool:
    """The Japanese term, with what follows, says it happened to someone: the one it
    happened to is the unsaid writer or the person named."""
    m = _SUFFERED_RE.search(text, max(start, end - 4), end + 6)
    return m is not None and m.start() < end


def in_company_name(text: str, end: int) -> bool:
    """The Japanese term opens a dotted katakana company name: a business, not a person."""
    return text.startswith("・", end) and _COMPANY_TAIL_RE.match(text, end) is not None


def topic_applies(ctx: "Context", c_lo: int, c_hi: int, start: int, end: int, *, ja: bool) -> bool:
    """A topic cue in the clause, not inside the term, and (in Japanese) not after a cause
    that closes the term's own clause."""
    for s, e in ctx.cues_in("@topic", c_lo, c_hi):
        if (s < end and e > start) or _post_header(ctx, s, e):
            continue
        if ja and s >= end and _CAUSE_RE.search(ctx.text, end, s):
            continue
        return True
    return False


def _post_header(ctx: "Context", s: int, e: int) -> bool:
    """The label that opens a post ("forum:", 「フォーラム：」) says where the writer speaks,
    not what the post is about."""
    return s == 0 and ctx.text.startswith(":", e) and ctx.has_cue("@post", s, e)


def in_title(ctx: "Context", start: int, end: int, s_lo: int, s_hi: int) -> bool:
    """The term is inside a quoted title: 「…」の記事, "…" article, or a law's name (asked
    only of a text with a topic word in it)."""
    text = ctx.text
    if _OPENING_RE.search(text, s_lo, start) is None:
        return False  # most sentences: no opening mark before the term
    for opening, closing in _OPENING.items():
        o = text.rfind(opening, s_lo, start)
        if o < 0 or (opening != closing and text.find(closing, o, start) >= 0):
            continue
        c = text.find(closing, end, s_hi)
        if c < 0:
            continue
        if text.endswith(_LAW_ENDS, o, c):
            return True
        # A topic right after it (の記事, をテーマに) or right before it (特集「…」), not just
        # any noun: 「父が入院中です」協会から… quotes a message.
        if ctx.has_cue("@topic", c + 1, c + 8) or _topic_ends_at(ctx, s_lo, o):
            return True
    return False


def _topic_ends_at(ctx: "Context", s_lo: int, opening: int) -> bool:
    """A topic word right before the opening mark (特集「, the feature: "), not a verb's object
    (身元調査して「…」って: what was said)."""
    return any(
        e == opening or (e == opening - 1 and ctx.text[e] in "の:： ")
        for _, e in ctx.cues_in("@topic", max(s_lo, opening - 12), opening)
    )
