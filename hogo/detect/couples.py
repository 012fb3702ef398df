"""Same-sex couples: "my husband" says nothing alone, but "my husband" from a man does.

The partner's gender comes from the word (husband, 妻, 彼氏) or from a pronoun right after a
neutral "my partner (he)"; the writer's gender from what they say of themselves ("I'm a
man", "(she/her)", 「私（男）」「（女性・42歳）」, 僕) or from their given name in a self-naming
frame ("I'm Ellen", "I (Jake)", "- Linda Park", 「申込者：鈴木花子」) looked up in a short list
of given names whose gender is unambiguous. Only when both are known and equal is the text a
finding; a text that names neither gender, or opposite ones, is not.
"""

import re
from functools import cache
from importlib import resources

from hogo.detect.context import Cue
from hogo.detect.normalize import Normalized
from hogo.detect.result import Finding
from hogo.detect.surnames import ja_surnames

PARTNER_CUES = ("@partner_m", "@partner_f", "@partner")
_SELF_GENDERS = (("@gender_m", "m"), ("@gender_f", "f"))  # "I'm a man", 「私も女性」
_TAG_GENDERS = (("@gtag_m", "m"), ("@gtag_f", "f"))  # "(he/him)", 「（男性・42歳）」
SCORE = 0.8

_EN_NAME = r"([A-Z][a-z]+)"
# Self-naming frames, each with a substring that must be in the text for it to be tried.
_EN_SELF_NAME_RES = (
    ("", re.compile(rf"\b(?:I'm|I am|Im|im|i'm|i am|this is|This is|It's|it's)[ \t]+{_EN_NAME}\b")),
    ("(", re.compile(rf"\b(?:I|me|Me|myself)[ \t]*\({_EN_NAME}")),
    # A sender line: "From Emma Clarke: ..."
    ("From ", re.compile(rf"\bFrom[ \t]+{_EN_NAME}(?:[ \t]+[A-Z][a-z'\-]+)?[ \t]*:")),
    # "Mark here", "Mark Fujimoto here" (a surname may follow the given name)
    (
        " here",
        re.compile(rf"(?:^|[.!?,;:(\-–—][ \t]*){_EN_NAME}(?:[ \t]+[A-Z][a-z'\-]+)?[ \t]+here\b"),
    ),
    # "Hi, Takeshi from Pixelworks here"
    (
        " from ",
        re.compile(
            rf"(?:^|[.!?,;:(\-–—][ \t]*){_EN_NAME}[ \t]+from"
            r"[ \t]+[A-Z][\w&.\-]*(?:[ \t]+[A-Z][\w&.\-]*)?[ \t]+here\b"
        ),
    ),
    (
        ":",
        re.compile(
            rf"\b(?:[Rr]egistrant|[Rr]egistration|[Aa]pplicant|[Aa]ttendee|[Pp]articipant"
            rf"|[Bb]ooking|[Nn]ame|[Ff]rom|[Ss]igned|[Mm]ember)[ \t]*:[ \t]*{_EN_NAME}"
        ),
    ),
)
_EN_SELF_TITLE_RE = re.compile(r"\b(?:I'm|I am|Im|this is|This is)[ \t]+(Mr|Mrs|Ms|Miss)\b")
# A sign-off at the very end: "- Linda Park", "Thanks, Priya", "Jake" (tried on the tail only).
EN_SIGNOFF_RE = re.compile(rf"(?:^|[\n\-–—,.!][ \t]*){_EN_NAME}(?:[ \t]+[A-Z][a-z'\-]+)?[ \t.!]*\Z")
_JA_SELF_NAME_WORDS = (
    "本人",
    "申込者",
    "申し込み者",
    "記入者",
    "参加者",
    "代表者",
    "登録者",
    "氏名",
    "名前",
    "私",
    "わたし",
    "あたし",
    "僕",
    "ぼく",
)
# A name as forms write it: 「鈴木花子」, 「鈴木 花子」 (a space between surname and given name).
_JA_FULL_NAME = (
    # 「申込者は本田めぐみです」: a kana given name may run into です.
    r"[一-龥々]{1,4}[ 　](?:[一-龥々]{1,3}|[ぁ-ん]{2,4}(?![ぁ-ん]|です|と申))"
    r"|[一-龥々]{1,3}[ぁ-ん]{2,3}(?:(?![ぁ-ん])|(?=です|と申))|[一-龥々]{2,6}"
)
# Also a form's 「本人 田中花子／パートナー …」.
_JA_SELF_NAME_RE = re.compile(
    r"(?:(?:申込者|申し込み者|記入者|参加者|代表者|登録者|氏名|お名前|名前|私|わたし|あたし|僕|ぼく)"
    r"[ 　]*[:：（(は、]|本人[ 　]*[:：]|(?<![一-龥々ぁ-んァ-ヶ])本人[ 　])[ 　]*"
    rf"({_JA_FULL_NAME})"
)
# The writer opening with their full name, written with a space: 「堀 雄介です。」
_JA_OPENING_NAME_RE = re.compile(r"[ 　]*([一-龥々]{1,4}[ 　][一-龥々]{1,3})(?:です|と申します)")
# A sign-off at the very end: 「― 佐藤恵子」, or a full name alone on the last line or after a
# space: 「…お願いします。　村上 拓海」 (then its surname must be a known one).
_JA_SIGNOFF_RE = re.compile(
    r"(?:[―\-－—][ 　]*|[（(](?:会員|記入者|投稿者|申込者|送信者)[・:：、][ 　]*)"
    r"([一-龥々]{1,4}[ 　]?[一-龥々]{1,3})[）)]?[ 　。]*\Z"
)
_JA_BARE_SIGNOFF_RE = re.compile(
    r"(?:^|[　\n！!。）)])[ 　]*([一-龥々]{1,4})[ 　]([一-龥々]{1,3}|[ぁ-ん]{2,4})[ 　。]*\Z"
)
# 「（森花子、会員番号2231）」: the writer's name in brackets with their member number.
_JA_MEMBER_SIGNOFF_RE = re.compile(
    r"[（(]([一-龥々]{1,4}[ 　]?[一-龥々]{1,3})[、,][ 　]*会員(?:番号|no)[^）)]{0,12}[）)]"
    r"[ 　。]*\Z"
)
_HAS_CAPITAL_RE = re.compile(r"[A-Z]")
_JA_FEMALE_ENDINGS = frozenset("子美恵香奈代江菜乃花里理沙紀穂絵佳華織帆葉咲綾")
_JA_MALE_ENDINGS = frozenset("郎男夫雄彦介助太也樹輔平吾志哉人斗翔大蔵治司朗一二三之浩健隆剛")
_PRONOUN_AFTER_PARTNER_RE = re.compile(r"[^.!?。]{0,40}?\b(he|him|his|he's|she|her|she's)\b")


@cache
def given_names() -> dict[str, str]:
    """English given names with an unambiguous gender: name -> "m" or "f"."""
    text = (resources.files("hogo.detect") / "lexicons" / "given-names.txt").read_text("utf-8")
    names: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        gender, _, words = line.partition("\t")
        for word in words.split():
            names[word] = gender
    return names


def writer_genders(
    original: str, cues: dict[str, list[Cue]], partners: list[tuple[Cue, str]]
) -> set[str]:
    genders = {gender for kind, gender in _SELF_GENDERS if cues.get(kind)}
    for kind, gender in _TAG_GENDERS:
        # A tag right after the partner word is the partner's: "my partner (he/him)",
        # 「パートナー（男性）」; elsewhere it is the writer's: "Tom here (he/him)".
        if any(
            not any(p_start <= start <= p_end + 3 for (p_start, p_end), _ in partners)
            for start, _ in cues.get(kind, ())
        ):
            genders.add(gender)
    if not original.isascii() and any(word in original for word in _JA_SELF_NAME_WORDS):
        for m in _JA_SELF_NAME_RE.finditer(original):
            named = ja_name_gender(m.group(1))
            if named:
                genders.add(named)
    if not original.isascii() and (opening := _JA_OPENING_NAME_RE.match(original)):
        named = ja_name_gender(opening.group(1))  # 「堀 雄介です。」 opening the text
        if named:
            genders.add(named)
    if not original.isascii():
        named = _ja_signoff_gender(original)
        if named:
            genders.add(named)
    if _HAS_CAPITAL_RE.search(original) is None:
        return genders
    names = given_names()
    matches = [
        m
        for needle, pattern in _EN_SELF_NAME_RES
        if needle in original
        for m in pattern.finditer(original)
    ]
    tail = EN_SIGNOFF_RE.search(original, max(0, len(original) - 60))
    for m in [*matches, tail] if tail is not None else matches:
        named = names.get(m.group(1))
        if named:
            genders.add(named)
    if "M" in original:
        for m in _EN_SELF_TITLE_RE.finditer(original):  # "I'm Ms. Megumi Honda"
            genders.add("m" if m.group(1) == "Mr" else "f")
    return genders


def _ja_signoff_gender(original: str) -> str | None:
    """The gender of a name signed at the end: after a dash, in brackets with a member number,
    or a known surname and a space."""
    tail = _JA_SIGNOFF_RE.search(original, max(0, len(original) - 20))
    if tail is None:
        tail = _JA_MEMBER_SIGNOFF_RE.search(original, max(0, len(original) - 24))
    if tail is not None:
        return ja_name_gender(tail.group(1))
    bare = _JA_BARE_SIGNOFF_RE.search(original, max(0, len(original) - 20))
    if bare is not None and bare.group(1) in ja_surnames():
        return ja_name_gender(f"{bare.group(1)} {bare.group(2)}")
    return None


def _own_partner(text: str, start: int, end: int) -> bool:
    """夫 in 夫婦 or 夫妻, 妻 in 夫妻 or 人妻, ご主人: a couple or someone else's spouse."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if text[max(0, start - 2) : start] in ("んの", "様の", "氏の"):  # 田中さんの奥さん
        return False
    return before not in _NOT_OWN_BEFORE and after not in _NOT_OWN_AFTER


_NOT_OWN_BEFORE = frozenset("ご御人夫花")
_NOT_OWN_AFTER = frozenset("婦妻人公")


# 「彼女の美穂と」: 彼女の is "her" unless a woman's given name follows it.
_NAME_AFTER_RE = re.compile(r"([一-龥々]{1,3}|[ぁ-ん]{2,4})(?:さん|ちゃん)?(?:と|も|を|が|は|に)")


def _her_named(text: str, end: int) -> bool:
    m = _NAME_AFTER_RE.match(text, end)
    return m is not None and ja_name_gender(m.group(1)) == "f"


def _partners(norm: Normalized, original: str, cues: dict[str, list[Cue]]) -> list[tuple[Cue, str]]:
    text = norm.text
    found = [(c, "m") for c in cues.get("@partner_m", ()) if _own_partner(text, *c)]
    found += [
        (c, "f")
        for c in cues.get("@partner_f", ())
        if _own_partner(text, *c) and (text[c[0] : c[1]] != "彼女の" or _her_named(text, c[1]))
    ]
    for cue in cues.get("@partner", ()):
        m = _PRONOUN_AFTER_PARTNER_RE.match(norm.text, cue[1])
        if m is not None:
            found.append((cue, "m" if m.group(1).startswith(("he", "hi")) else "f"))
        elif (named := _partner_named(norm, original, cue)) is not None:
            found.append((cue, named))
    return found


# "my partner Olivia and I have been together six years": the name after a neutral partner
# word gives the partner's gender where the text calls them a couple (a business partner
# named after the word is none).
_NAME_AFTER_PARTNER_RE = re.compile(r",?[ \t]+([A-Z][a-z]+)\b")
_TOGETHER_RE = re.compile(r"\btogether\b", re.IGNORECASE)


_JA_NAME_AFTER_PARTNER_RE = re.compile(r"[ 　]*([一-龥々]{1,4}[ 　]?[一-龥々]{1,3})")


def _partner_named(norm: Normalized, original: str, cue: Cue) -> str | None:
    start, end = norm.original_span(*cue)
    if not original[start:end].isascii():  # 「パートナーの山口 徹（同居中）」
        ja = _JA_NAME_AFTER_PARTNER_RE.match(original, end)
        if ja is None or JA_COUPLE_RE.search(original) is None:
            return None
        return ja_name_gender(ja.group(1))
    m = _NAME_AFTER_PARTNER_RE.match(original, end)
    if m is None or not (COUPLE_RE.search(original) or _TOGETHER_RE.search(original)):
        return None
    return given_names().get(m.group(1))


def find_couples(norm: Normalized, original: str, cues: dict[str, list[Cue]]) -> list[Finding]:
    """A finding on the partner word when the writer and the partner share a gender."""
    partners = _partners(norm, original, cues)
    if not partners:
        return []
    writer = writer_genders(original, cues, partners)
    if len(writer) != 1:  # unknown, or contradictory
        return []
    (gender,) = writer
    findings = []
    for (start, end), partner_gender in partners:
        if partner_gender == gender:
            o_start, o_end = norm.original_span(start, end)
            rule = f"sexual_orientation.couple:partner_{partner_gender}+writer_{gender}"
            findings.append(Finding("category", "sexual_orientation", o_start, o_end, SCORE, rule))
    return findings


# "Mr. and Mr. Tanaka", "Mrs Ito & Mrs Ono": two titles of one gender joined as a pair, in a
# text that says they are a couple (married, a couple, their wedding).
_TITLE_PAIR_RE = re.compile(
    r"\b(Mr|Mrs|Ms|Miss)\.?(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:and|&)[ \t]+(Mr|Mrs|Ms|Miss)\b\.?"
)
COUPLE_RE = re.compile(
    r"\b(?:married|couples?|spouses?|husbands|wives|wedding|honeymoon|anniversary|newlyweds"
    r"|live together|living together|lived together|moved in together|engaged|double bed|lives with"
    r"|domestic partner(?:s|ship)?"
    r"|(?:has|have|had) lived with|(?:sharing|share|shares) a (?:room|bed)|same room"
    r"|(?:our|their|one|same|joint) household(?! budget| survey| goods| items| waste| chores)"
    r"|joint (?:listing|membership|entry in the (?:members'? )?directory)"
    # "so which one of you is the woman?": the taunt a same-sex couple hears
    r"|which one of you is the (?:woman|man|wife|husband)"
    # "They've been together 12 years", "can't legally marry": a couple's own words.
    r"|(?:been|are|were) together|legally marry)\b",
    re.IGNORECASE,
)
_TITLE_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}


# "Mr. and Mr. Hendricks": two bare titles sharing one surname address a married couple.
_SHARED_SURNAME_RE = re.compile(
    r"(?:Mr|Mrs|Ms|Miss)\.?[ \t]+(?:and|&)[ \t]+(?:Mr|Mrs|Ms|Miss)\.?[ \t]+[A-Z][a-z]+"
)


def find_title_couples(original: str) -> list[Finding]:
    """A finding on a same-gender pair of titles in a text that calls them a couple, or that
    addresses them by one surname ("Mr. and Mr. Hendricks")."""
    pairs = list(_TITLE_PAIR_RE.finditer(original))
    if not pairs:
        return []
    couple = COUPLE_RE.search(original) is not None
    findings = []
    for m in pairs:
        first, second = _TITLE_GENDER[m.group(1)], _TITLE_GENDER[m.group(2)]
        if first == second and (couple or _SHARED_SURNAME_RE.match(original, m.start())):
            rule = f"sexual_orientation.couple:titles_{first}+{second}"
            findings.append(
                Finding("category", "sexual_orientation", m.start(), m.end(), SCORE, rule)
            )
    return findings


JA_COUPLE_RE = re.compile(
    r"同棲|結婚|入籍|夫婦|一緒に住|一緒に暮ら|と暮らして|交際|恋人|同居|挙式|同性婚|カップル"
    r"|家族会員|配偶者|同室"
)


def ja_name_gender(name: str | None) -> str | None:
    """A Japanese name's gender from its given name: a listed one, else its last character."""
    if name:
        name = name.removesuffix("様").removesuffix("氏")  # the name run takes 様, a kanji
    if not name:
        return None
    surnames = ja_surnames()
    given: str | None
    spaced = name.replace("　", " ").split(" ")
    if len(spaced) == 2:  # 「鈴木 花子」: the space says where the given name starts
        name = given = spaced[1]
    else:
        given = next((name[n:] for n in (3, 2, 1) if name[:n] in surnames and len(name) > n), None)
    listed = given_names()
    for candidate in (given, name, name[2:] if len(name) > 3 else None):
        if candidate and candidate in listed:
            return listed[candidate]
    last = (given or name)[-1]
    if last in _JA_FEMALE_ENDINGS:
        return "f"
    return "m" if last in _JA_MALE_ENDINGS else None
