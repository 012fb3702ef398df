"""Context rules: whether a lexicon hit reveals something about a real, identifiable person.

A hit stands unless its sentence takes it back. In order, a hit is dropped when:
1. a homograph cue named by the entry is in the sentence (障害 near サーバー);
2. it is negated ("no allergies", 「前科はありません」);
3. it is glued to a generic or topic word ("people with ...", 「車椅子の方」, "cancer research"),
   or said of a pet or a machine ("my cat is sick", "our PLC went deaf");
4. the sentence is fiction (a novel, a screenplay); or it is news, hypothetical, about the
   association's handling of data, or about a topic, and names no person (no I/my/私/母/he/
   山田様 ...);
5. it is a weak term and the sentence names no person.
Japanese often leaves the writer unsaid, so personal predicates (「〜ています」「〜のため」)
count as a person there.
"""

import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import NamedTuple

from hogo.detect.attached import attached, counted_in
from hogo.detect.cases import case_later_in_clause, firm_role_person, quoted_theme
from hogo.detect.clauses import ClauseEnds
from hogo.detect.lexicon import Entry
from hogo.detect.phrasing import (
    around_unless_label,
    bought_into,
    case_after,
    faq_entry,
    heard_or_recorded,
    if_it_happens,
    in_company_name,
    in_title,
    news_report,
    offence_charged,
    offender_before,
    own_entry,
    said_to_someone,
    stem_negated,
    suffered,
    topic_or_title,
)
from hogo.detect.subjects import (
    PERSON_CUES,
    WORD_RE,
    anyone_in_role,
    implied_subject,
    note_subject,
    own_role,
)
from hogo.detect.surnames import surname_named_at
from hogo.detect.things import about_an_animal_or_thing, business_apart

_EN_NEG_FILLER_RE = re.compile(
    r"^(?:\s|,|any|a|an|the|been|had|have|has|ever|known|previous|prior|particular|specific|"
    r"belong|belonged|to|use|using|take|taking|need|needing|suffer|suffering|from|practice|"
    r"practise|follow|following|support|hold|carry|wear|member|members|in|am|identify|as|"
    r"part|of|affiliated|with|involved|get|got|received|receiving|on|under|"
    r"special|such|other|serious|major|food|medical|dietary|history|of|diagnosed|with|real|"
    r"current|currently|chronic|physical|mental|significant|health|religious|political|"
    r"criminal|type|kind|form|sort|record|records|formal|signs?|symptoms?|issues?|"
    r"or|nor|and|disabilit(?:y|ies)|allerg(?:y|ies)|illness(?:es)?|conditions?|injur(?:y|ies)|"
    r"restrictions?|needs|impairments?|problems?)*$"
)
_EN_POST_FILLER_RE = re.compile(r"^[\s:：\-–=]*$")
_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "'": "'", "‘": "’"}
# What may stand between a Japanese term and the negation that takes it back: particles,
# a few adverbs and the verb that carries the term (「車椅子は使っていません」).
_JA_NEG_GAP_RE = re.compile(
    r"^[はがもをにのでと、\s]*(?:特に|とくに|今のところ|現在|今は|これまで|過去に|一度も|全く|まったく"
    r"|何も|なにも|一切|別に)?[はがもをにのでと、\s]*(?:使用|利用|服用|通院|使用して|利用して|服用して"
    r"|使って|持って|受けて|して|通って|かかって|なって|診断されて|経験|歴|の経験"
    r"|[一-龥]{1,3}(?:して|しており|されて|されており)|[ぁ-ゖ]{0,2}って|[ぁ-ゖ]{0,2}んで"
    r"|(?:の|が)ある(?:人|方|者)?(?:は|が|も)?)?"
    r"(?:[のな][一-龥ァ-ヶぁ-ゖー]{1,6}?)?[はがもをにのでと\s]*$"
)
# 「持病もアレルギーもありません」「車椅子等の配慮も不要」: も ... も and 等 list as や does.
_JA_LIST_RE = re.compile(
    r"^(?:(?:や|・|とか|および|及び|も|等)[一-龥ァ-ヶぁ-ゖー]{1,8}?)+(?=[はもがな])"
)
_STATS_RE = re.compile(
    r"\d\s*(?:%|percent|per cent|割|人に|人中| out of \d| in \d+\b)"
    r"|\b(?:half|most|majority|many|a third|a quarter|two thirds|a fraction|share) of"
    r" (?:our|the|all|their|its|them|members|employees|staff|workers)\b"
    r"|半数|大半|過半数|大多数|何割|割合|統計|(?:年代|年齢|男女|業種)別"
    r"|(?<![\dがはもをにでとの])\d{1,3}件(?:[、。]|$)"  # a tally: 車上荒らし3件、けが人なし
    # "about 340,000 people in Japan are on dialysis": a count of people is no one of them.
    r"|\d\s*(?:million |thousand )?(?:people|patients|adults|children)\b|\d\s*万人"
    # 「300人が特殊詐欺の被害に」: a count of people as the subject (not 「出展者3人が」, a few in
    # one incident).
    r"|\d\d\s*[人名]が"
)
# Every match of _STATS_RE holds a digit, " of " or one of 半, 割, 大: a cheap test first (an
# alternative added to _STATS_RE without any of them must add its own character here).
_STATS_HINT_RE = re.compile(r"[\d半割大統別]")


def _statistics(text: str, lo: int, hi: int) -> bool:
    if _STATS_HINT_RE.search(text, lo, hi) is None and text.find(" of ", lo, hi) < 0:
        return False
    return _STATS_RE.search(text, lo, hi) is not None


# "Ms. Walker", "Ms. Faith Okafor": a word after a title is a name, even when it is a term.
_TITLES = ("mr. ", "ms. ", "mrs. ", "dr. ", "mr ", "ms ", "mrs ", "miss ", "mx. ", "mx ")
NONE, LOOSE, ATTACHED, STRICT = 0, 1, 2, 3


# A cue is the (start, end) span of a cue word in the folded text; plain tuples, because a
# scan sees many cues.
Cue = tuple[int, int]


class Context:
    """Everything the rules need about one text, computed once per scan. (A plain class with
    slots: one is made for every text with a hit, and a dataclass costs more to build.)"""

    __slots__ = ("_person_spans", "clause", "cues", "find_person_spans", "sentence", "text")

    def __init__(
        self,
        text: str,
        cues: dict[str, list[Cue]],
        find_person_spans: Callable[[], Sequence[tuple[int, int]]],
    ) -> None:
        self.text = text  # folded
        self.cues = cues
        self.find_person_spans = find_person_spans  # names, in folded offsets
        self._person_spans: Sequence[tuple[int, int]] | None = None
        # Sentence ends are a subset of clause ends: one pass finds both. ``sentence(start,
        # end)`` and ``clause(start, end)`` give the (lo, hi) span around a hit; bound here, as
        # the rules call them a few times per hit.
        ends = ClauseEnds(text)
        self.sentence: Callable[[int, int], tuple[int, int]] = ends.sentence
        self.clause: Callable[[int, int], tuple[int, int]] = ends.clause

    @property
    def person_spans(self) -> Sequence[tuple[int, int]]:
        if self._person_spans is None:
            self._person_spans = self.find_person_spans()
        return self._person_spans

    # The three look-ups below run a few dozen times per hit: plain loops, which cost less
    # than ``any()`` over a generator for the few spans a kind has.
    def has_cue(self, kind: str, lo: int, hi: int) -> bool:
        found = self.cues.get(kind)
        if found:
            for s, e in found:
                if s >= lo and e <= hi:
                    return True
        return False

    def has_cue_around(self, kind: str, lo: int, hi: int, start: int, end: int) -> bool:
        """A cue of the kind in [lo, hi) but not inside the term [start, end) itself (the
        キャンペーン of 「再選キャンペーン」 is not a topic of that term)."""
        found = self.cues.get(kind)
        if found:
            for s, e in found:
                if s >= lo and e <= hi and (e <= start or s >= end):
                    return True
        return False

    def cues_in(self, kind: str, lo: int, hi: int) -> list[Cue]:
        found = self.cues.get(kind)
        if not found:
            return []
        return [c for c in found if c[0] >= lo and c[1] <= hi]

    def person(self, start: int, end: int, lo: int, hi: int, *, ja: bool) -> tuple[int, str]:
        """How surely the sentence [lo, hi) is about a person, and the evidence.

        3: a person is named or referred to (I, my, 母, he, 山田様); 2: a personal predicate
        is glued to the term (「透析中のため」, "diagnosed with"); 1: the Japanese sentence
        has a personal predicate somewhere; 0: nothing.
        """
        for kind in PERSON_CUES:
            # Inside the term the writer counts ("cloned my card", "my honseki"), and another
            # person only where the term opens with them, not as its head noun ("partner" in
            # "same-sex partners").
            found = self.cues.get(kind)
            if found:
                for s, e in found:
                    if (
                        s >= lo
                        and e <= hi
                        and (e <= start or s >= end or s == start or kind == "@self")
                    ):
                        return STRICT, kind[1:]
        for s, e in self.person_spans:
            # A surname that is a term itself (Ms. Walker) is no evidence for that term.
            if s >= lo and e <= hi and (e <= start or s >= end):
                return STRICT, "name"
        if self._field_answer(start, lo):
            return ATTACHED, "field"
        if not ja and implied_subject(self.text, lo, hi):
            return ATTACHED, "implied"
        if not ja and (note_subject(self.text, lo, hi) or own_role(self.text, start, end, lo, hi)):
            # As sure as "our member": a generic cue elsewhere in the clause does not undo it.
            return STRICT, "note"
        if self._under_profile(start):
            return ATTACHED, "profile"
        c_lo, c_hi = self.clause(start, end)
        for cue in self.cues_in("@personal", c_lo, c_hi):
            if self.has_cue("@org_as", cue[0] - 8, cue[1]):
                continue  # 「協賛企業として」: an organisation acts, no person
            gap = self.text[end : cue[0]] if cue[0] >= end else self.text[cue[1] : start]
            if (gap.isascii() and _words(gap) <= 3) or (not gap.isascii() and len(gap) <= 6):
                return ATTACHED, "personal"
        if ja and self.has_cue("@personal", lo, hi):
            return LOOSE, "personal"
        return NONE, "term"

    def _under_profile(self, start: int) -> bool:
        """After a profile heading ("About me:", 「自己紹介：」) everything is about the writer."""
        for _, cue_end in self.cues.get("@profile", ()):
            if cue_end <= start and ":" in self.text[cue_end - 1 : cue_end + 2]:
                return True
        return False

    def _field_answer(self, start: int, lo: int) -> bool:
        """The term answers a form field about the person ("Allergies: peanuts",
        「備考：透析中」): a field label, a colon, then the term."""
        for cue in self.cues_in("@field", lo, start):
            colon = self.text.find(":", cue[1], start)
            label_tail = self.text[cue[1] : colon]
            if label_tail.startswith("("):  # 「アンケート（京都支部・女性）：」
                label_tail = label_tail[label_tail.find(")") + 1 :]
            if colon >= 0 and not label_tail.strip(" )）"):
                # The answer opens with the term, give or take a few words ("Dietary: kosher
                # meals", not "Feedback: the case study on a plant that was a victim...").
                answer = self.text[colon + 1 : start]
                return _words(answer) <= 3 if answer.isascii() else len(answer.strip()) <= 10
        return False


class Verdict(NamedTuple):
    """A tuple: one is made per hit."""

    accepted: bool
    reason: str  # why it was kept ("self") or dropped ("negated")


# Verdict((accepted, reason)) without the Python-level __new__ of a named tuple, as
# ``normalize._one_for_one``: one is made per hit.
_verdict = partial(tuple.__new__, Verdict)


def _words(gap: str) -> int:
    return len(WORD_RE.findall(gap))


def _negated(ctx: Context, start: int, end: int, lo: int, hi: int) -> bool:
    if stem_negated(ctx.text, end):
        return True
    for cue in ctx.cues_in("@neg_pre", lo, start):
        gap = ctx.text[cue[1] : start]
        if gap.isascii() and _EN_NEG_FILLER_RE.match(gap):
            return True
    # A term that ends in a particle (「支持政党は」) shares it with the negation (「はない」).
    for cue in ctx.cues_in("@neg_post", end - 1 if ctx.text[end - 1] in "はがも" else end, hi):
        # A list negated as one (「持病や障害はありません」): the other items are no gap.
        gap = _JA_LIST_RE.sub("", ctx.text[end : max(end, cue[0])], count=1)
        if _contrast(ctx.text, cue[0]) and gap.strip(_JA_PARTICLES):
            continue  # 「在日三世の社員が通名ではなく本名で」: what ではなく sets aside is 通名
        if _EN_POST_FILLER_RE.match(gap) or (
            # 「ラマダン中なので弁当は不要」: after a cause, the negation is of another thing.
            _JA_NEG_GAP_RE.match(gap) and "ので" not in gap and "ため" not in gap
        ):
            return True
    return False


_JA_PARTICLES = "はがもをにのでと、 "


def _contrast(text: str, at: int) -> bool:
    """「AではなくB」 at ``at``: it negates the word right before it, not a term further back."""
    return text.startswith(("ではなく", "じゃなく"), at) or (
        text.startswith("はなく", at) and text[at - 1 : at] == "で"
    )


def _answered_no(ctx: Context, end: int, hi: int) -> bool:
    """A form field whose label holds the term and whose answer is no: "Medical conditions we
    should know about: no", 「持病の有無：無」."""
    colon = ctx.text.find(":", end, hi)
    if colon < 0:
        return False
    for cue in ctx.cues_in("@neg_answer", colon, hi):
        before = ctx.text[colon + 1 : cue[0]]
        after = ctx.text[cue[1] : hi]
        if not before.strip() and not after.strip(" 。.!！"):
            return True
    return False


def _quoted(text: str, start: int, end: int) -> bool:
    """A term in quotation marks is a word being talked about, not said of anyone."""
    if start == 0 or end >= len(text):
        return False
    closing = _QUOTES.get(text[start - 1])
    return closing is not None and text[end] == closing


def _quoted_word(ctx: Context, start: int, end: int, s_lo: int, s_hi: int) -> bool:
    """A term in quotation marks, unless it is a name someone is given or takes
    (「昔『部落』と呼ばれていた地区」「自身を『琉球人』と名乗って」, 「士族」ってあった) or a place
    someone came from ('came from "a certain district"'), or what a note said to someone
    (「殺すぞ」と書かれた紙); the person rules still apply."""
    return (
        _quoted(ctx.text, start, end)
        and not ctx.has_cue("@naming", end, min(end + 10, s_hi))
        and not ctx.has_cue("@worn", end, min(end + 10, s_hi))  # a 'Free Tibet' badge
        and not ctx.has_cue("@from", max(s_lo, start - 18), start)
        and not said_to_someone(ctx, start, s_lo)
    ) or ("@topic" in ctx.cues and in_title(ctx, start, end, s_lo, s_hi))


# "a client's case" names whose case; 「来場者からの問い合わせ：」「会員より：」 the one who asks,
# 「お客様からの電話：」 the one who calls.
_NOT_THE_SUBJECT = ("'s", "からの問い合わせ", "からの相談", "からのご相談", "より:", "からの電話")


def _generic(ctx: Context, entry: Entry, lo: int, hi: int, start: int, end: int) -> bool:
    """A generic word in [lo, hi) that could be the subject, not one that names whose case
    it is or who sent the message, nor one inside the term that is not its head noun (多発 of
    多発性硬化症, but 利用者 of 車いす利用者), nor the unknown offender of a crime suffered
    ("Someone keyed our car", 「誰かに自転車を盗まれ」), nor a role's の before a surname
    (社員の川口は)."""
    victim = entry.kind == "crime_victim"
    return any(
        not ctx.text.startswith(_NOT_THE_SUBJECT, e)
        and not start <= s < e < end
        and not (victim and offender_before(ctx.text, e, start, end))
        and not surname_named_at(ctx.text, e)
        and not firm_role_person(ctx.text, e)
        for s, e in ctx.cues_in("@generic", lo, hi)
    )


def _hypothetical(ctx: Context, c_lo: int, start: int, end: int, c_hi: int) -> bool:
    """ "If a member is stalked by a colleague", 「もし会員が〜被害を受けた場合」,
    「社員が逮捕された場合の」: the one it would happen to is anyone; the colleague is not the
    subject. "A member's mother-in-law ... whether" is someone in particular.
    「体調を崩した人がいたら」: if there is anyone it happens to; 「盗まれたら、すぐに」「始まったら
    どうするか」: advice for if it does (not 「カミングアウトしたら、…になった」: when it did)."""
    if if_it_happens(ctx.text, end, c_hi):
        return True
    if not (
        ctx.has_cue("@hypo", c_lo, start)
        or case_after(ctx.text, end, c_hi)
        or case_later_in_clause(ctx, end, c_hi)
    ):
        return False
    # "If an applicant had a conviction": a role with "a" or "an" is anyone in that role.
    anyone = [c for c in ctx.cues_in("@third", c_lo, start) if anyone_in_role(ctx.text, c)]
    return any(
        not ctx.text.startswith("'s", e) for _, e in ctx.cues_in("@generic", c_lo, start) + anyone
    )


# Drops that only say no particular person was named; the writer's "I use one" undoes them.
_NO_PERSON_REASONS = frozenset(
    ("generic_or_topic", "generic", "hypo", "policy", "hypo_or_policy", "topic", "no_person")
)


_OBJECT_ME_RE = re.compile(r"\bme\b")
# "spat at him", "took her card": a crime suffered names its victim as its object.
_OBJECT_VICTIM_RE = re.compile(r"\b(?:me|him|her)\b")
# The sentence opens with the term's "as a", after nothing but a header's label.
_AS_A_OPENER_RE = re.compile(r"(?:[^.:!?]{0,30}:)?\s*(?=as an? )")


def _as_a_opener(text: str, start: int, lo: int) -> bool:
    """The term is "as a …" and opens its sentence, after at most a header's label."""
    m = _AS_A_OPENER_RE.match(text, lo, start + 6)
    return m is not None and m.end() == start


def _evidence(
    ctx: Context, entry: Entry, start: int, end: int, lo: int, hi: int, *, ja: bool
) -> tuple[int, str]:
    """``Context.person``; the writer as the object of an English term ("shoved me"); and a
    crime suffered told in the Japanese passive past (「痴漢にあいました」「だまし取られました」)
    as a predicate glued to the term."""
    level, evidence = ctx.person(start, end, lo, hi, ja=ja)
    if entry.ascii and level < STRICT and _OBJECT_ME_RE.search(ctx.text, start, end):
        # "has been following me", "shoved me": the writer is the term's object.
        return STRICT, "self"
    if (
        entry.ascii
        and level < STRICT
        and entry.kind == "crime_victim"
        and _OBJECT_VICTIM_RE.search(ctx.text, start, end)
    ):
        return STRICT, "third"
    if entry.ascii and level < STRICT and _as_a_opener(ctx.text, start, lo):
        # "Reply card: As a lesbian in manufacturing, …": an opening "as a" is the writer.
        return STRICT, "self"
    if (
        level < ATTACHED
        and entry.kind == "crime_victim"
        and ((ja and suffered(ctx.text, start, end)) or bought_into(ctx.text, lo, hi, start, end))
    ):
        return ATTACHED, "suffered"
    if ja and level < ATTACHED and own_entry(ctx.text, end, hi):
        # 「身障手帳2級の情報を申込書に書きましたが」: the writer wrote it on a form.
        return ATTACHED, "personal"
    if level < STRICT and ctx.text[hi : hi + 1] == "?" and ctx.has_cue("@me_too", lo, end):
        # "anyone else on dialysis doing the course?": the writer asks who else is.
        return STRICT, "me_too"
    return level, evidence


def judge(ctx: Context, entry: Entry, start: int, end: int, *, ja: bool) -> Verdict:
    verdict = _judge(ctx, entry, start, end, ja=ja)
    if verdict.accepted or verdict.reason not in _NO_PERSON_REASONS or "@anaphor" not in ctx.cues:
        return verdict
    # "Is the hall wheelchair accessible? I use one.", 「〜の方は受験できますか。私もそうです。」:
    # the writer claims the term in the same sentence or the next one.
    _, s_hi = ctx.sentence(start, end)
    next_hi = ctx.sentence(s_hi + 1, s_hi + 1)[1] if s_hi + 1 < len(ctx.text) else s_hi
    if ctx.has_cue("@anaphor", end, next_hi):
        return _verdict((True, "anaphor"))
    return verdict


def _judge(ctx: Context, entry: Entry, start: int, end: int, *, ja: bool) -> Verdict:
    if entry.ascii and ctx.text.endswith(_TITLES, 0, start):
        return _verdict((False, "name"))
    if ja and in_company_name(ctx.text, end):
        return _verdict((False, "name"))
    s_lo, s_hi = ctx.sentence(start, end)
    for kind in entry.unless:
        if ctx.has_cue(kind, s_lo, s_hi) and not business_apart(ctx, entry, kind, end, ja=ja):
            return _verdict((False, f"homograph{kind}"))
    if _quoted_word(ctx, start, end, s_lo, s_hi):
        return _verdict((False, "quoted"))
    if ja and quoted_theme(ctx, start, end, s_lo, s_hi):
        return _verdict((False, "topic"))
    c_lo, c_hi = ctx.clause(start, end)
    if entry.needs and not ctx.has_cue(entry.needs, end, c_hi):
        return _verdict((False, f"without{entry.needs}"))
    if _negated(ctx, start, end, c_lo, c_hi) or _answered_no(ctx, end, s_hi):
        return _verdict((False, "negated"))
    if entry.kind == "crime_victim" and offence_charged(ctx.text, start, end, s_lo, ja=ja):
        return _verdict((False, "offence"))
    if attached(ctx, start, end, c_lo, c_hi, entry.kind) and not counted_in(ctx, end, s_lo, s_hi):
        return _verdict((False, "generic_or_topic"))
    if about_an_animal_or_thing(ctx, entry, start, end, s_lo, c_lo):
        return _verdict((False, "animal_or_thing"))
    if ctx.has_cue("@fiction", s_lo, s_hi):
        # A novel, screenplay or film scene: its characters are not real people, and the
        # writer's "I'm writing" does not make the term theirs.
        return _verdict((False, "fiction"))
    if _hypothetical(ctx, c_lo, start, end, c_hi):
        return _verdict((False, "hypothetical"))
    level, evidence = _evidence(ctx, entry, start, end, s_lo, s_hi, ja=ja)
    if evidence != "name" and faq_entry(ctx.text):
        return _verdict((False, "policy"))  # an FAQ's "I" is anyone who asks
    if news_report(ctx, s_lo, s_hi, start, end, named=level >= STRICT):
        return _verdict((False, "report"))
    if (
        level < STRICT
        # 「参加者アンケート：妊娠7か月です」: a generic word in a field's label is no answer.
        and _generic(ctx, entry, start if evidence == "field" else c_lo, c_hi, start, end)
        # 「会員の方が車上荒らしにあったそうです」: one past event heard of is someone's.
        and not heard_or_recorded(ctx, start, end, s_hi, ja=ja)
    ):
        return _verdict((False, "generic"))
    if level < STRICT and _statistics(ctx.text, c_lo, c_hi):
        # "3 out of 10 operators are hard of hearing", 「会員の3%が障害者手帳を」: a share of a
        # group, not someone.
        return _verdict((False, "statistics"))
    for kind in ("@hypo", "@policy"):
        if level < ATTACHED and around_unless_label(ctx, kind, s_lo, s_hi, start, end):
            return _verdict((False, kind[1:]))
    # In its own clause a hypothetical opener ("if someone", 「もし〜場合」) or a question
    # about a form or the law (「本籍地の記入欄」) outweighs a predicate glued to the term.
    if (
        level < STRICT
        and evidence != "field"
        and (
            ctx.has_cue("@hypo", c_lo, start) or ctx.has_cue_around("@form", c_lo, c_hi, start, end)
        )
    ):
        return _verdict((False, "hypo_or_policy"))
    if level < ATTACHED and topic_or_title(ctx, c_lo, c_hi, s_lo, s_hi, start, end, ja=ja):
        return _verdict((False, "topic"))
    if entry.strength == "weak" and (level < ATTACHED or evidence == "profile"):
        return _verdict((False, "no_person"))
    return _verdict((True, evidence))
