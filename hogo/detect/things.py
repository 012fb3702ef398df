"""Whether a term is said of a pet, a thing or an organisation acting as such rather than of a
person ("my cat is sick", 「この工程は癌です」, 「協賛企業として」; split from ``context.py``)."""

from typing import TYPE_CHECKING

from hogo.detect.phrasing import aid_animal, object_of_preposition
from hogo.detect.subjects import PERSON_CUES

if TYPE_CHECKING:
    from hogo.detect.context import Context
    from hogo.detect.lexicon import Entry

_OBJECT_GAPS = frozenset(("に", "へ", "を", "で", "には", "にも", "に、"))


def _org_after(ctx: "Context", start: int, end: int, c_lo: int) -> list[tuple[int, int]]:
    """「会員企業がプライドパレードに企業として協賛する」: an organisation acting as such after
    the term, in its clause, with no person before it there, is the one the term concerns; it
    counts as a subject that ends where the term starts."""
    _, c_hi = ctx.clause(start, end)
    # Only the term as the object of what the organisation does (「パレードに企業として」),
    # not a person word between (「ゲイの社員を会社として」).
    if not any(ctx.text[end:s] in _OBJECT_GAPS for s, _ in ctx.cues_in("@org_as", end, c_hi)):
        return []
    if any(ctx.has_cue(kind, c_lo, c_hi) for kind in PERSON_CUES) or any(
        c_lo <= s and e <= c_hi for s, e in ctx.person_spans
    ):
        return []
    return [(c_lo, start)]


def about_an_animal_or_thing(
    ctx: "Context", entry: "Entry", start: int, end: int, lo: int, c_lo: int
) -> bool:
    """ "My cat is sick": a pet before the term, in its sentence, is what the term is about
    (an allergy to cats is still the writer's). "Our PLCs are deaf after the update",
    「この工程は癌です」: a machine, a system or a budget before the term, in its clause, makes
    the term a figure of speech (a stolen laptop is still a theft suffered); so does an
    organisation acting as such (「協会として政治的立場を取るのか」, and after the term:
    「パレードに企業として協賛」)."""
    subjects = [c for c in ctx.cues_in("@pet", lo, start) if not aid_animal(ctx.text, c[0])]
    if entry.kind != "crime_victim":
        # A thing inside a person cue is the person's role ("our project lead").
        roles = ctx.cues_in("@third", c_lo, start)
        subjects += [
            (s, e)
            for s, e in [*ctx.cues_in("@thing", c_lo, start), *ctx.cues_in("@org_as", c_lo, start)]
            if not any(r_s <= s and e <= r_e for r_s, r_e in roles)
            and not object_of_preposition(ctx.text, s)
        ]
        if "@org_as" in ctx.cues:
            subjects += _org_after(ctx, start, end, c_lo)
    if not subjects:
        return False
    term = ctx.text[start:end]
    if "allerg" in term or "あれるぎー" in term:
        return False
    # The animal or thing stays the subject until a person is named after it (「猫が糖尿病で、
    # 毎日インスリン注射を」, but "my cat is sick and I have the flu").
    # 「物流担当の佐藤さんは義足なので」: a name after the thing is the subject.
    return any(
        not any(ctx.has_cue(kind, subject_end, end) for kind in PERSON_CUES)
        and not any(subject_end <= s and e <= start for s, e in ctx.person_spans)
        for _, subject_end in subjects
    )


# What may stand between a descent word and the business it names (マレー系企業, 中国系の商社).
_BUSINESS_GAPS = ("", "の", "・")


def business_apart(ctx: "Context", entry: "Entry", kind: str, end: int, *, ja: bool) -> bool:
    """A Japanese descent word (マレー系, 韓国系) names a business only when the business word
    is glued after it (マレー系企業, 韓国系の会社); 「マレー系でイスラム教徒の夫が、会社の忘年会で」
    is the husband's descent, whatever company the sentence names elsewhere."""
    if kind != "@business" or not ja or entry.kind != "race_ethnicity":
        return False
    return not any(
        ctx.text[end:s] in _BUSINESS_GAPS for s, _ in ctx.cues.get("@business", ()) if s >= end
    )
