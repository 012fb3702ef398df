"""Whether a term is glued to a topic, a generic class of people, a job or a product
("cancer research", 「障害者スポーツ大会」, "wheelchair users", "a parole officer",
「車椅子を使用している方」): then it describes no one (split from ``context.py``)."""

import re
from typing import TYPE_CHECKING

from hogo.detect.subjects import PERSON_CUES, WORD_RE

if TYPE_CHECKING:
    from hogo.detect.context import Context

Cue = tuple[int, int]
_PERSON_KINDS = ("@nf_honorific", *PERSON_CUES)

_EN_GLUE_RE = re.compile(r"^[\s\-/]*$")
_FUNCTION_WORDS = frozenset(
    "and or but for to with of in on at the a an my our your his her their is are was "  # noqa: SIM905
    "were be been am i we you he she they it this that so as by from after before during since "
    "until".split()
)
# Between a Japanese term and the topic noun it modifies: a particle, nothing else
# (「がん研究」「うつ病に関する講演」, not 「高熱を出して病院」).
_JA_NOUN_GAP_RE = re.compile(
    r"^(?:の|に関する|に関して|についての|関連の|関係の|向けの|向け|系の|系|用の|用|・)?$"
)
# 「難民や少数民族を支援する」「心療内科・精神科クリニック」: a term listed with other nouns
# before the topic word.
_JA_LISTED_GAP_RE = re.compile(r"^[やと・][\u4e00-\u9fff]{1,6}(?:の|向けの|向け|・)?$")
# 「車いすバスケットボール大会」: a loanword (katakana, folded to hiragana, with its long vowel
# mark) between the term and the topic noun, as "wheelchair basketball tournament" in English.
_JA_LOANWORD_GAP_RE = re.compile(r"^[ぁ-ゖ]*ー[ぁ-ゖー]*$")
_JA_BREAK_RE = re.compile(r"ので|から|ため|けど|けれど|て、|で、|が、|[。、！？!?,]")
_POSSESSIVE_BEFORE_RE = re.compile(r"\b(?:my|his|her|their)\s+$")
_ONE_OPENLY = (" is an openly", " was an openly", "'s an openly", " as an openly")
_TOLD_AFTER = ("に話", "に言", "に伝え", "に打ち明け", "に明かし", "に語")
_COPULA_AFTER = tuple(
    p + c for p in ("の方", "の人") for c in ("で", "だ", "らしい", "です", "みたい")
)
_CLASS_AFTER = ("向け", "用", "の", "対象", "たち", "等", "全員", "制度")


def _words(gap: str) -> int:
    return len(WORD_RE.findall(gap))


def _compound_gap(gap: str) -> bool:
    """Up to two content words between a term and the noun it modifies ("medication safety
    seminar"), but never a function word ("Democrat and campaign")."""
    if _EN_GLUE_RE.match(gap):
        return True
    if "'s" in gap:
        return False  # "Councilwoman Reyes's campaign": the noun is the name's, not the term's
    words = WORD_RE.findall(gap)
    return len(words) <= 2 and not any(w in _FUNCTION_WORDS for w in words) and "," not in gap


_PREPOSITIONS = (" with", " for", " of", " over", " on", " in")
_JA_CASE_PARTICLES = ("で", "に", "を", "へ")
_AGENT_ENDS = (" by", " by a", " by an", " by the")
# "as a suspect in the data leak": a term that ends in a preposition and its article.
_OBJECT_ENDS = (*_PREPOSITIONS, *(p + " the" for p in _PREPOSITIONS))
# The ends of a term that takes an object rather than modifying a noun (see ``attached``): one
# tuple, not one built at every call.
_TAKES_OBJECT_ENDS = ("'s", *_OBJECT_ENDS, *_JA_CASE_PARTICLES)


def attached(ctx: "Context", start: int, end: int, lo: int, hi: int, kind: str = "") -> bool:
    """Whether the term [start, end) is glued to a topic, a class of people or a job in its
    clause [lo, hi). A party glued to its own post or material ("the Komeito ward secretary",
    "Reiwa Shinsengumi campaign stuff") is the affiliation of whoever holds or posts it."""
    if kind == "political" and _party_post(ctx, end, hi):
        return False
    for cue in ctx.cues_in("@attr_pre", lo, start):
        if ctx.text.endswith(("as ", "as a "), max(0, cue[0] - 5), cue[0]):
            continue  # "as someone with a stutter" describes the writer
        gap = ctx.text[cue[1] : start]
        if gap.isascii() and _words(gap) <= 3 and not re.search(r"\b(?:i|my|me)\b", gap):
            return True
        if not gap.isascii() and len(gap) <= 6 and not _JA_BREAK_RE.search(gap):
            return True
    # "our union's safety committee"; "charged with stealing association funds": a term that
    # ends in a preposition takes an object, it modifies no noun after it.
    # So does a Japanese term that ends in a case particle (「学生運動で大学を」).
    possessive = ctx.text.endswith(_TAKES_OBJECT_ENDS, start, end)
    # "was punched by a co-worker": what follows a passive's "by" is who did it, not a job or a
    # topic the term names.
    agent = ctx.text.endswith(_AGENT_ENDS, start, end)
    # "is an openly gay ward councillor": one person who holds the job, not a field or a topic.
    one_openly = ctx.text.endswith(_ONE_OPENLY, 0, start + 6)
    for cue in () if possessive or agent or one_openly else ctx.cues_in("@attr_post", end, hi):
        if _opens_person_word(ctx, cue) or _surname_after(ctx, cue):
            continue  # 「日系ブラジル人の研修生です」: 研修 opens 研修生, a person, no topic
        gap = ctx.text[end : cue[0]]
        if gap.isascii() and _compound_gap(gap):
            return True
        if _JA_NOUN_GAP_RE.match(gap) or _JA_LISTED_GAP_RE.match(gap):
            return True
        if _JA_LOANWORD_GAP_RE.match(gap):
            return True
    for cue in () if agent or one_openly else ctx.cues_in("@role_post", end, hi):
        # "a parole officer", 「透析看護師」: a job; "my parole officer" is the person's own.
        gap = ctx.text[end : cue[0]]
        job = (gap.isascii() and _compound_gap(gap)) or _JA_NOUN_GAP_RE.match(gap)
        # 「韓国系アメリカ人の担当者」: a person word before the role is who holds it;
        # 「妊娠中の担当者です」: a state of the one in the role, not a job.
        if job and gap == "の" and ctx.text[end - 1] in "人中":
            continue
        if job and not _POSSESSIVE_BEFORE_RE.search(ctx.text, max(lo, start - 8), start):
            return True
    for cue in ctx.cues_in("@person_post", end, hi):
        # 「車椅子を使用している方」: a class of people, however the verb phrase runs; but
        # 「金さんは朝鮮族の方で、」 says what the person named before is.
        gap = ctx.text[end : cue[0]]
        # 「署名をほかの受講者に求めていた」: others are the object, not who the term describes.
        if gap.endswith(("ほかの", "他の", "周りの", "周囲の")):
            continue
        # 「逮捕歴のあるOBの方で」「前科がある経理の人」: a role before the person word names one.
        # 「バイセクシャルなことを支部の人に」: こと makes the term a fact told to the person.
        # 「部落の出身だって取引先の人に」: a quoting って ends what was said; the person after
        # it is who heard it.
        if len(gap) > 8 or _JA_BREAK_RE.search(gap) or "こと" in gap or "って" in gap:
            continue
        # 「改宗したと受講者に話し」: a quoting と; the person after it heard what was said.
        if gap.endswith("と") and ctx.text.startswith(_TOLD_AFTER, cue[1]):
            continue
        if ctx.has_cue("@third", end, cue[1]):
            continue
        if not _named_is(ctx, lo, start, cue):
            return True
    return False


def _party_post(ctx: "Context", end: int, hi: int) -> bool:
    for s, _ in ctx.cues_in("@party_post", end, hi):
        gap = ctx.text[end:s]
        return (gap.isascii() and _compound_gap(gap)) or _JA_NOUN_GAP_RE.match(gap) is not None
    return False


def _named_is(ctx: "Context", lo: int, start: int, cue: Cue) -> bool:
    """「金さんは中国朝鮮族の方で、」: の方 as a copula's complement, with a person before."""
    # 「結婚相手が部落出身の人らしい」: の人 too, and hearsay or a polite copula.
    copula = ctx.text.startswith(_COPULA_AFTER, cue[0]) and not ctx.text.startswith(
        "の方でも", cue[0]
    )
    return copula and any(ctx.has_cue(k, lo, start) for k in _PERSON_KINDS)


def _opens_person_word(ctx: "Context", cue: Cue) -> bool:
    """The topic word is the first part of a longer person word (研修 of 研修生) that is no
    class of people itself (「研修生向けの資料」)."""
    return any(
        s == cue[0] and e > cue[1] and not ctx.text.startswith(_CLASS_AFTER, e)
        for s, e in ctx.cues.get("@third", ())
    )


_SURNAME_RE = re.compile(r"[\u4e00-\u9fff]{1,3}(?:さん|様|氏|君|くん)")


def _surname_after(ctx: "Context", cue: Cue) -> bool:
    """「療育手帳B2をお持ちの森さん」: a surname and an honorific right after the modifier name
    the one who holds it, not a class of people (not 皆さん)."""
    m = _SURNAME_RE.match(ctx.text, cue[1])
    return m is not None and ctx.text[cue[1]] not in "皆各"


def one_of_them_named(ctx: "Context", end: int, hi: int) -> bool:
    """After a class of people, one of them named ("Two wheelchair users registered (one is
    apprentice Ito)", 「車椅子の方が2名（うち1名は研修生の伊藤さん）」): the class holds someone."""
    for _, cue_end in ctx.cues_in("@one_of", end, hi):
        if any(ctx.has_cue(kind, cue_end, hi) for kind in _PERSON_KINDS):
            return True
        if any(s >= cue_end and e <= hi for s, e in ctx.person_spans):
            return True
    return False


def counted_in(ctx: "Context", end: int, s_lo: int, s_hi: int) -> bool:
    """A term glued to a class of people still names someone when the writer counts themselves
    in ("people with dyslexia like me") or one of the class is named after it ("Two wheelchair
    users registered (one is apprentice Ito)")."""
    return ctx.has_cue("@self_too", s_lo, s_hi) or one_of_them_named(ctx, end, s_hi)
