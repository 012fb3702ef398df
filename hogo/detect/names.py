"""Person names: Japanese names with an honorific or a self-introduction, English names in
the frames people use in forms and letters ("My name is ...", "Mr. ...", "Regards, ...").

A bare capitalized word or kanji run is not a name: the frame is what makes it one, and the
Japanese side also wants the surname in a list of common surnames unless the frame is explicit.
A bare English given name from the given-name list (`en_given_name_spans`) is only
evidence that a sentence is about someone, never reported as a name.
"""

import re
from functools import cache
from importlib import resources

from hogo.detect.context import Cue
from hogo.detect.couples import given_names
from hogo.detect.normalize import Normalized
from hogo.detect.result import Finding, new_finding
from hogo.detect.surnames import ja_surnames

_KANJI = "一-龥々"
# A cleric's title after a surname is said as さん is (グレース教会の谷本牧師).
_LOOSE_HONORIFICS = frozenset(("様", "さま", "さん", "氏", "牧師", "神父", "住職"))
_KANJI_RUN_BEFORE = re.compile(rf"[{_KANJI}]{{1,6}}$")
_STOP_CHARS = frozenset(
    "者員社局客皆各方人家族達等業店所院部課長師手屋神仏王姫主奥様様先生医官士室会庁府省事警査"
)
_STOP_WORDS = frozenset(("旦那", "各位", "皆様", "御中", "貴殿", "患者", "利用", "上司", "大家"))
_INTRO_RE = re.compile(
    rf"([{_KANJI}]{{1,4}}(?:[ 　][{_KANJI}]{{1,4}})?|[ぁ-ゖー]{{2,8}})(?:と申します|ともうします)"
)
# Colleagues named without an honorific, as Japanese business writing does for one's own
# side: 「弊社代表の伊藤は」「当社の佐藤が」「弊社デザイナーの佐野は」 (the surname list confirms
# the name; a katakana role is hiragana in the folded text).
_OWN_SIDE_RE = re.compile(
    rf"(?:弊社|当社|弊所|当方|私ども|わたくしども|当会|弊会)(?:の?(?:[{_KANJI}ァ-ヶー]{{1,8}}?|[ぁ-ゖー]{{2,8}}?))?[の・]"
    rf"([{_KANJI}]{{1,4}})(?=[はがもにをより、])"
)
# The words these frames open with are lexicon cues (``@nf_own_side``, ``@nf_field`` in
# cues.tsv): the lexicon pass says whether a text holds one, and only then is a frame tried.
# (A cue list a neutral phrase emptied keeps its key, so ``in`` still sees the word.)
_OWN_SIDE_WORDS = ("弊社", "当社", "弊所", "当方", "私ども", "わたくしども", "当会", "弊会")
_FIELD_WORDS = ("氏名", "名前", "記入者", "申込者", "担当者")
_FIELD_RE = re.compile(
    rf"(?:氏名|お名前|名前|記入者|申込者|担当者)[ 　]*[:：は][ 　]*"
    rf"([{_KANJI}]{{1,4}}(?:[ 　]?[{_KANJI}]{{1,4}})?)"
    # 「名前は変更してもらえますか」: a verbal noun, not a name.
    rf"(?![{_KANJI}]|し|す|され|させ|でき)"
)

_CAP = r"[A-Z][a-zA-Z'\-]+"
_EN_NOT_NAMES = frozenset(
    [
        "A",
        "An",
        "The",
        "Not",
        "Very",
        "So",
        "Happy",
        "Sorry",
        "Glad",
        "Writing",
        "Looking",
        "Interested",
        "Unable",
        "Able",
        "From",
        "In",
        "On",
        "At",
        "With",
        "Available",
        "Here",
        "Roman",
        "Catholic",
        "Christian",
        "Muslim",
        "Jewish",
        "Buddhist",
        "Hindu",
        "Sikh",
        "Japanese",
        "American",
        "British",
        "Chinese",
        "Korean",
        "Black",
        "White",
        "Asian",
        "African",
        "Latino",
        "Hispanic",
        "Native",
        "Deaf",
        "Blind",
        "Gay",
        "Lesbian",
        "Bisexual",
        "Member",
        "Please",
        "Thank",
        "Thanks",
        "Hello",
        "Hi",
        "Dear",
        "Sir",
        "Madam",
        "Team",
        "Staff",
        "Association",
        "Committee",
        "Office",
        "Department",
        "Company",
        "Inc",
        "Ltd",
        "Co",
        "Corp",
    ]
)
_EN_TITLE_RE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \t]+({_CAP}(?:[ \t]+{_CAP})?)")
_EN_INTRO_RE = re.compile(
    rf"\b(?:[Mm]y name is|[Mm]y name's|[Nn]ame[ \t]*:|[Ff]ull name[ \t]*:|[Ss]igned[ \t]*:)"
    rf"[ \t]*({_CAP}(?:[ \t]+{_CAP}){{0,2}})"
)
_EN_SELF_RE = re.compile(rf"\b(?:I am|I'm|This is)[ \t]+({_CAP}[ \t]+{_CAP})\b")
_EN_SIGNOFF_RE = re.compile(
    r"\b(?:Best regards|Kind regards|Warm regards|Regards|Sincerely(?: yours)?|Yours sincerely"
    r"|Yours truly|Thanks|Thank you|Many thanks|Best wishes|Best|Cheers)[ \t]*[,.!]?"
    rf"[ \t]*\n?[ \t]*(?:-+[ \t]*)?({_CAP}(?:[ \t]+{_CAP}){{0,2}})[ \t.]*(?=\n|\Z)"
)
_EN_RELATIVE_RE = re.compile(
    r"\b[Mm]y (?:son|daughter|wife|husband|partner|mother|father|mom|dad|brother|sister|"
    rf"child|friend|colleague|grandmother|grandfather),?[ \t]+({_CAP})\b"
)
# A colleague by role and given name, as notes write them: "intern Siti", "Our engineer Takuya"
# (not "Employee Handbook": the word after the role must not be a common noun of forms).
# A record's "Employee K. Morita", "candidate K. Oda's": an initial before the surname, and
# then a few more roles (an initial makes the word after it a name).
_EN_ROLE_RE = re.compile(
    r"(?:(?:[Ii]ntern|[Tt]rainee|[Aa]pprentice|[Ee]mployee|[Cc]o-?worker|[Cc]olleague|[Ee]ngineer"
    r"|[Tt]echnician)[ \t]+(?:[A-Z]\.[ \t]*)?"
    r"|(?:[Cc]andidate|[Aa]pplicant|[Ww]orker|[Mm]ember|[Ss]taff)[ \t]+[A-Z]\.[ \t]*)"
    rf"({_CAP})\b"
)
# "Our Perth member Sarah is Deafblind": a member or volunteer named by a given name alone
# (one the given-name list holds: "member States" is no one).
_EN_MEMBER_RE = re.compile(rf"(?:[Mm]ember|[Vv]olunteer)[ \t]+({_CAP})\b")
# Each frame: the cue kind where it is tried, its pattern, score and rule (one tuple, not one
# built at every call).
_EN_FRAMES = (
    ("@nf_title", _EN_TITLE_RE, 0.85, "person_name.title"),
    ("@nf_intro", _EN_INTRO_RE, 0.85, "person_name.introduction"),
    ("@nf_self", _EN_SELF_RE, 0.7, "person_name.self_introduction"),
    ("@nf_signoff", _EN_SIGNOFF_RE, 0.75, "person_name.sign_off"),
    ("@nf_relative", _EN_RELATIVE_RE, 0.7, "person_name.relative"),
    ("@nf_role", _EN_ROLE_RE, 0.7, "person_name.role"),
    ("@nf_role", _EN_MEMBER_RE, 0.7, "person_name.member"),
)
_EN_SAN_RE = re.compile(r"\b([A-Z][a-z]+)-(?:san|sama|sensei|kun|chan)\b")


@cache
def role_words(lang: str) -> tuple[str, ...]:
    """Words after a role that name no one (``lexicons/role-words.txt``), by language."""
    text = (resources.files("hogo.detect") / "lexicons" / "role-words.txt").read_text("utf-8")
    for line in text.splitlines():
        key, _, words = line.partition("\t")
        if key == lang:
            return tuple(words.split())
    return ()


def _surname_start(run: str) -> int | None:
    """Index in ``run`` where a known surname begins (earliest, so the full name is kept)."""
    surnames = ja_surnames()
    size = len(run)
    for k in range(size):
        if (
            (k + 3 <= size and run[k : k + 3] in surnames)
            or (k + 2 <= size and run[k : k + 2] in surnames)
            or run[k] in surnames
        ):
            return k
    return None


def _ja_names(norm: Normalized, cues: dict[str, list[Cue]]) -> list[tuple[int, int, float, str]]:
    text = norm.text
    spans: list[tuple[int, int, float, str]] = []
    # Honorifics were located by the lexicon pass; the name is the kanji run before one.
    for h_start, h_end in cues.get("@nf_honorific", ()):
        run_match = _KANJI_RUN_BEFORE.search(text, max(0, h_start - 6), h_start)
        if run_match is None:
            continue
        run = run_match.group()
        k = _surname_start(run)
        if k is not None and len(run) - k <= 5:
            spans.append((run_match.start() + k, h_start, 0.85, "person_name.honorific"))
        elif (
            text[h_start:h_end] in _LOOSE_HONORIFICS
            and 2 <= len(run) <= 3
            and run not in _STOP_WORDS
            and not any(ch in _STOP_CHARS for ch in run)
        ):
            spans.append((run_match.start(), h_start, 0.6, "person_name.honorific_loose"))
    if "申します" in text or "もうします" in text:
        for m in _INTRO_RE.finditer(text):
            spans.append((m.start(1), m.end(1), 0.85, "person_name.self_introduction"))
    if "@nf_own_side" in cues:
        for m in _OWN_SIDE_RE.finditer(text):
            k = _surname_start(m.group(1))
            if k == 0:
                spans.append((m.start(1), m.end(1), 0.75, "person_name.own_side"))
    if "@nf_field" in cues:
        for m in _FIELD_RE.finditer(text):
            spans.append((m.start(1), m.end(1), 0.85, "person_name.field"))
    return spans


def _en_names(
    norm: Normalized, original: str, cues: dict[str, list[Cue]]
) -> list[tuple[int, int, float, str]]:
    """English frames, each tried only where the lexicon pass saw its keyword (Mr, my name,
    Regards...): anchored there, not searched through the whole text."""
    spans: list[tuple[int, int, float, str]] = []
    matches: list[tuple[re.Match[str], float, str]] = []
    for kind, pattern, score, rule in _EN_FRAMES:
        for start, end in cues.get(kind, ()):
            m = pattern.match(original, norm.original_span(start, end)[0])
            if m is not None:
                matches.append((m, score, rule))
    if "@nf_san" in cues:
        matches.extend((m, 0.8, "person_name.honorific") for m in _EN_SAN_RE.finditer(original))
    for m, score, rule in matches:
        words = m.group(1).split()
        while words and words[-1] in _EN_NOT_NAMES:
            words.pop()
        if not words or words[0] in _EN_NOT_NAMES:
            continue
        if rule == "person_name.role" and words[0] in role_words("en"):
            continue
        if rule == "person_name.member" and words[0] not in given_names():
            continue
        start = m.start(1)
        spans.append((start, _end_of(original, start, words), score, rule))
    return spans


def _end_of(text: str, start: int, words: list[str]) -> int:
    pos = start
    for word in words:
        pos = text.index(word, pos) + len(word)
    return pos


# People named in katakana, as Japanese writes foreign names: a full name with a middle dot
# (ラビンドラ・シャルマは) or a katakana name with an honorific (ラージさん). They are not
# reported as identifiers (a dotted katakana pair is often a product), only used as the
# person a sentence is about.
_JA_DOTTED_NAME_RE = re.compile(r"[ァ-ヶー]{2,}[・＝][ァ-ヶー]{2,}(?=は|が|も|さん|氏|君)")
_JA_OWN_SIDE_KATAKANA_RE = re.compile(
    r"(?:弊社|当社|弊所|私ども)の(?:[一-龥]{1,6}の)?([ァ-ヶー]{2,})(?=は|が|も)"
)


# A colleague named by role and bare surname, as a company's own notes do without 弊社:
# 「社員の渡部は」「実習生の堀が」. Only a whole known surname counts (not 社員の健康は).
_ROLE_SURNAME_RE = re.compile(
    r"(?:社員|職員|従業員|実習生|研修生|部下|同僚|スタッフ|派遣社員|新入社員)の([一-龥々]{1,3})(?=[はがも])"
)
# A record's heading or entry, role and surname apart: 「社員 矢野：」「社員 大島が」.
_ROLE_SPACE_SURNAME_RE = re.compile(
    r"(?:社員|職員|従業員|実習生|研修生|派遣社員|新入社員)[ \u3000]"
    r"([一-龥々]{1,3})(?=[はがも：:、])"
)
# 「社員 劉：」: before a record's colon a one- or two-kanji name that no list holds, but not
# a word for everyone.
_NOT_ROLE_NAMES = frozenset(("各位", "全員", "一同", "皆様", "一人", "有志"))
# 「実習生のグエンは」「社員のアンドレが」: a foreign colleague by a bare katakana given name;
# not a loanword said of staff in general (社員のスキルは, 実習生のビザが).
_ROLE_KATAKANA_RE = re.compile(
    r"(?:社員|職員|従業員|実習生|研修生|部下|同僚|派遣社員|新入社員)の([ァ-ヶー]{2,8})(?=[はがも])"
)
_ROLE_WORDS_RE = re.compile(
    r"(?:社員|職員|従業員|実習生|研修生|部下|同僚|スタッフ)(?:の|[ \u3000][一-龥々])"
)


def _is_katakana(ch: str) -> bool:
    return "ァ" <= ch <= "ヶ" or ch == "ー"


def ja_person_spans(
    original: str, honorifics: list[int], *, own_side: bool
) -> list[tuple[int, int]]:
    """Spans of the original text that name a person in katakana (see above); ``honorifics``
    are where the lexicon pass saw 様, さん, 氏 (original offsets), ``own_side`` whether it saw
    弊社, 当社... (each folds to itself, so the folded text holds every one the original does)."""
    spans: list[tuple[int, int]] = []
    if "・" in original or "＝" in original:
        spans.extend(m.span() for m in _JA_DOTTED_NAME_RE.finditer(original))
    if own_side:
        # 「弊社のマリアは」: one's own colleague, by given name.
        spans.extend(m.span(1) for m in _JA_OWN_SIDE_KATAKANA_RE.finditer(original))
    if _ROLE_WORDS_RE.search(original):
        surnames = ja_surnames()
        spans.extend(
            m.span(1) for m in _ROLE_SURNAME_RE.finditer(original) if m.group(1) in surnames
        )
        spans.extend(
            m.span(1)
            for m in _ROLE_SPACE_SURNAME_RE.finditer(original)
            if m.group(1) in surnames
            or (
                original[m.end(1)] in "：:"
                and len(m.group(1)) <= 2
                and m.group(1) not in _NOT_ROLE_NAMES
            )
        )
        spans.extend(
            m.span(1)
            for m in _ROLE_KATAKANA_RE.finditer(original)
            if not m.group(1).startswith(role_words("ja"))
        )
    for h in honorifics:
        start = h
        while start > 0 and _is_katakana(original[start - 1]):
            start -= 1
        if h - start >= 2:
            spans.append((start, h))
    return spans


# "Raymond got jumped", "Deb's been on dialysis": a person named by a bare given name (one
# the given-name list holds), as members write of each other. Not one greeted or addressed
# ("Hi Linda,", "Linda, could you"), nor a saint ("St. Mary's church"), nor a word cut by an
# apostrophe ("Don't"), nor at a sentence's start a name that is also a common word ("Will the
# hall", "Mark the box"). A comma after the name is an address unless a relative clause follows
# ("Sheila, who's partially sighted").
_EN_GIVEN_RE = re.compile(r"\b[A-Z][a-z]+\b(?!,(?! who)|['’](?!s\b))")
_EN_NOT_AFTER = ("hi ", "hello ", "dear ", "hey ", "thanks ", "thank you ", "st. ", "st ", "saint ")
_EN_WORD_NAMES = frozenset(
    "Will Mark Max Grace Joy Rose Penny Bill Jack Ray Don Rob Frank Holly Daisy Amber Carol "  # noqa: SIM905
    "Sally Art Ken Kim Jean Pete Sue Ruth Hana Dot".split()
)


def en_given_name_spans(original: str) -> list[tuple[int, int]]:
    """Spans of the original text that name someone by a bare given name (see above)."""
    names = given_names()
    spans: list[tuple[int, int]] = []
    for m in _EN_GIVEN_RE.finditer(original):
        word = m.group()
        if word not in names:
            continue
        before = original[max(0, m.start() - 10) : m.start()]
        opens = not before.strip() or before.rstrip()[-1:] in ".!?:\n"
        if before.lower().endswith(_EN_NOT_AFTER) or (opens and word in _EN_WORD_NAMES):
            continue
        spans.append(m.span())
    return spans


def find_person_names(
    norm: Normalized, original: str, *, ja: bool, cues: dict[str, list[Cue]]
) -> list[Finding]:
    findings: list[Finding] = []
    if ja:
        for start, end, score, rule in _ja_names(norm, cues):
            o_start, o_end = norm.original_span(start, end)
            findings.append(new_finding("identifier", "person_name", o_start, o_end, score, rule))
    # An ASCII text has a capital exactly when lower-casing (its folding) changed it; another
    # text when lower-casing its ASCII characters (copied out in one C loop) changes them.
    if original.isascii():
        no_capital = original == norm.text
    else:
        letters = original.encode("ascii", "ignore")
        no_capital = letters.lower() == letters
    if no_capital:
        return findings
    for start, end, score, rule in _en_names(norm, original, cues):
        findings.append(new_finding("identifier", "person_name", start, end, score, rule))
    return findings
