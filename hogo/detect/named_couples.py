"""Couples of two named people, neither of whom needs to be the writer: "his husband", "Emma's
wife", two titled women in "our household", "she is in a relationship with a woman",
「高橋直樹さんと彼氏の伊藤誠さん」,
「山口正樹様と岡本翔太様（ご同居のパートナー）」. Each gender comes from a word, a title or a
given name (``couples.ja_name_gender``, ``couples.given_names``); unknown genders are no finding.
"""

import re
from collections.abc import Callable

from hogo.detect.couples import (
    COUPLE_RE,
    EN_SIGNOFF_RE,
    JA_COUPLE_RE,
    SCORE,
    given_names,
    ja_name_gender,
    writer_genders,
)
from hogo.detect.form_couples import en_form_couples, ja_form_couples
from hogo.detect.result import Finding

# Couples of two other people, both genders given by the text: "his husband", "her wife",
# "Emma's wife", "his spouse, Mr. Samuel Grant", 「高橋直樹さんと彼氏の伊藤誠さん」,
# 「鈴木花子さんの奥さん」.
_EN_PARTNER_WORDS = {
    "husband": "m",
    "boyfriend": "m",
    "fiance": "m",
    "wife": "f",
    "girlfriend": "f",
    "fiancee": "f",
    "partner": None,
    "spouse": None,
}
_EN_TITLES = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
# "my brother's husband": a relative's gender is the word's.
_EN_RELATIVES = {
    **dict.fromkeys(("brother", "son", "dad", "father", "uncle", "nephew", "grandson"), "m"),
    **dict.fromkeys(("grandpa",), "m"),
    **dict.fromkeys(("sister", "daughter", "mum", "mom", "mother", "aunt", "niece"), "f"),
    **dict.fromkeys(("granddaughter", "grandma"), "f"),
}
_EN_HOLDER_RE = re.compile(
    r"\b(his|her|His|Her|(?:(?:Mr|Mrs|Ms|Miss)\.?[ \t]+(?:[A-Z]\.[ \t]*)?)?[A-Z][a-z]+'s"
    r"|(?:[Mm]y[ \t]+)?(?:brother|son|dad|father|uncle|nephew"
    r"|grandson|grandpa|sister|daughter|mum|mom|mother|aunt|niece|granddaughter|grandma)'s)"
    r"[ \t]+(?:(?:new|future|late|longtime|long-time|long-term|lovely|live-in|live in|domestic)"
    r"[ \t]+)?(?:ex-)?(husband|boyfriend|fiancee?|wife|girlfriend|partner|spouse)\b"
    # "ask her wife or husband to sign": either spouse of anyone, no couple
    r"(?![ \t]*(?:or|/)[ \t]*(?:husband|wife|partner|spouse)\b)"
    r"(?:,?[ \t]+(?:(Mr|Mrs|Ms|Miss)\.?[ \t]+)?([A-Z][a-z]+)"
    # "his partner, a man he has lived with for 12 years"
    r"|,[ \t]+(?:a|another)[ \t]+(man|woman|guy|lady)\b)?"
)
# Form fields: "Member: Ms. Aiko Mori. Partner: Ms. Yuki Mori."
_EN_FIELD_RE = re.compile(
    r"\b(Member|Name|Applicant|Guest|Registrant|Attendee|Partner|Spouse)[ \t]*:[ \t]*"
    r"(Mr|Mrs|Ms|Miss)\b"
)


def _en_named_gender(title: str | None, name: str | None) -> str | None:
    if title:
        return _EN_TITLES[title]
    return given_names().get(name) if name else None


def _en_named_couples(original: str) -> list[tuple[int, int, str]]:
    found = []
    for m in _EN_HOLDER_RE.finditer(original):
        holder_word, word = m.group(1), m.group(2)
        holder: str | None
        if holder_word.lower() in ("his", "her"):
            holder = "m" if holder_word.lower() == "his" else "f"
        elif (relative := holder_word.split()[-1][:-2].lower()) in _EN_RELATIVES:
            holder = _EN_RELATIVES[relative]
        elif (title := holder_word.split(".")[0].split()[0]) in _EN_TITLES:
            holder = _EN_TITLES[title]  # "Mr. J. Rivera's husband"
        else:
            holder = given_names().get(holder_word[:-2])
        partner = _EN_PARTNER_WORDS[word] or _en_named_gender(m.group(3), m.group(4))
        if partner is None and m.group(5):
            partner = _EN_NOUN_GENDERS[m.group(5)]
        if word == "partner" and COUPLE_RE.search(original) is None:
            continue  # "his partner, Mr. Reed, founded the firm"
        if holder is not None and holder == partner:
            found.append((m.start(2), m.end(2), holder))
    fields = [(m.group(1), _EN_TITLES[m.group(2)], m) for m in _EN_FIELD_RE.finditer(original)]
    partners = [(g, m) for label, g, m in fields if label in ("Partner", "Spouse")]
    holders = {g for label, g, _ in fields if label not in ("Partner", "Spouse")}
    for gender, m in partners:
        if holders == {gender}:
            found.append((m.start(), m.end(), gender))
    found.extend(_en_bracketed_spouse(original))
    if COUPLE_RE.search(original):
        found.extend(_same_gender_pairs(_EN_PLUS_PARTNER_RE, original, _EN_TITLES.get))
    found.extend(_en_signed_couple(original))
    found.extend(_en_married_pair(original))
    found.extend(_en_pronoun_partners(original))
    found.extend(_en_plural_weds(original))
    if ":" in original or "member" in original.lower():
        found.extend(en_form_couples(original))
    return found


# "Mrs. Claire Dubois + partner Ms. Léa Martin (same room)": a guest and the partner they bring.
_EN_PLUS_PARTNER_RE = re.compile(
    r"\b(Mr|Mrs|Ms|Miss)\.?[ \t]+[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+)?[ \t]*(?:\+|&|and)[ \t]*"
    r"partner[ \t]*,?[ \t]*(Mr|Mrs|Ms|Miss)\b"
)


# "Emergency contact: Yuki Honda (wife). ... I'm Ms. Megumi Honda": a spouse named in a field
# with the word in brackets, and the writer's gender from how they name themselves.
_EN_BRACKETED_SPOUSE_RE = re.compile(r"[A-Z][a-z]+[ \t]*\((wife|husband)\)")


def _en_bracketed_spouse(original: str) -> list[tuple[int, int, str]]:
    if "(wife)" not in original and "(husband)" not in original:
        return []
    spouses = list(_EN_BRACKETED_SPOUSE_RE.finditer(original))
    writer = writer_genders(original, {}, []) if spouses else set()
    if len(writer) != 1:
        return []
    (gender,) = writer
    return [
        (m.start(1), m.end(1), gender) for m in spouses if _EN_PARTNER_WORDS[m.group(1)] == gender
    ]


# "she is in a relationship with a woman", "he's been dating another man": the subject's
# pronoun and the partner's noun of one gender.
_EN_PRONOUN_PARTNER_RE = re.compile(
    r"\b(she|he)\b[^.!?\n]{0,25}?\b(?:in a relationship with|dating|married to|engaged to"
    r"|(?:been )?seeing)[ \t]+(?:a|another)[ \t]+(woman|girl|lady|man|guy)\b(?![ \t]+about)",
    re.IGNORECASE,
)
_EN_NOUN_GENDERS = {"woman": "f", "girl": "f", "lady": "f", "man": "m", "guy": "m"}
# "The grooms, Daisuke and Marco, have asked...": two grooms or two brides named.
_EN_PLURAL_WEDS_RE = re.compile(
    r"\b[Tt]he[ \t]+(grooms|brides),?[ \t]+([A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+)\b"
)


def _en_plural_weds(original: str) -> list[tuple[int, int, str]]:
    """The plural says both genders, unless a name says otherwise ("the grooms, Ken and Mary"
    is a slip of the pen)."""
    found = []
    for m in _EN_PLURAL_WEDS_RE.finditer(original):
        gender = "m" if m.group(1) == "grooms" else "f"
        named = {given_names().get(m.group(2)), given_names().get(m.group(3))} - {None}
        if named <= {gender}:
            found.append((m.start(), m.end(), gender))
    return found


# "Mr Bright had a boyfriend", "she's got a girlfriend": the nearest subject before has one.
_EN_HAS_PARTNER_RE = re.compile(
    r"\b(she|he|Mr|Mrs|Ms|Miss)\b(?:(?!\b(?:she|he|I|you|they|we)\b)[^.!?\n]){0,25}?"
    r"\b(?:has|had|'s got|has got)[ \t]+a[ \t]+(boyfriend|girlfriend)\b"
)
_EN_SUBJECT_GENDERS = {"she": "f", "he": "m", "mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def _en_pronoun_partners(original: str) -> list[tuple[int, int, str]]:
    found = []
    for m in _EN_PRONOUN_PARTNER_RE.finditer(original):
        subject = "f" if m.group(1).lower() == "she" else "m"
        if _EN_NOUN_GENDERS[m.group(2).lower()] == subject:
            found.append((m.start(), m.end(), subject))
    if "boyfriend" not in original and "girlfriend" not in original:
        return found
    for m in _EN_HAS_PARTNER_RE.finditer(original):
        subject = _EN_SUBJECT_GENDERS[m.group(1).lower()]
        if _EN_PARTNER_WORDS[m.group(2)] == subject:
            found.append((m.start(2), m.end(2), subject))
    return found


# "did u know Mark and Steven got married last summer??": two given names of one gender wed.
_EN_WED_PAIR_RE = re.compile(
    r"\b([A-Z][a-z]+) and ([A-Z][a-z]+)\b[^.!?\n]{0,25}?\b(?:got married|are married"
    r"|are getting married|got engaged|are engaged(?![ \t]+(?:in|with|on)\b)|tied the knot)\b"
)


def _en_married_pair(original: str) -> list[tuple[int, int, str]]:
    return _same_gender_pairs(_EN_WED_PAIR_RE, original, given_names().get)


def _same_gender_pairs(
    pattern: re.Pattern[str], original: str, gender_of: Callable[[str], str | None]
) -> list[tuple[int, int, str]]:
    """Each match of ``pattern`` whose two names (its groups 1 and 2) are of one known gender."""
    found = []
    for m in pattern.finditer(original):
        first, second = gender_of(m.group(1)), gender_of(m.group(2))
        if first is not None and first == second:
            found.append((m.start(), m.end(), first))
    return found


# "Margaret and I were at last able to marry ... Yours sincerely, Dorothy Fenwick": a named
# person and the writer married or together, in one sentence, the writer named by the sign-off.
_AND_I_RE = re.compile(r"\b([A-Z][a-z]+) and I\b|\b[Mm]e and ([A-Z][a-z]+)\b")
_MARRIED_RE = re.compile(
    r"\b(?:married|marry|marriage|couple|engaged|years together|together for)\b", re.IGNORECASE
)


def _en_signed_couple(original: str) -> list[tuple[int, int, str]]:
    tail = EN_SIGNOFF_RE.search(original, max(0, len(original) - 60))
    writer = given_names().get(tail.group(1)) if tail is not None else None
    if writer is None:
        return []
    found = []
    for m in _AND_I_RE.finditer(original):
        ends = [i for i in (original.find(c, m.end()) for c in ".!?") if i >= 0]
        sentence = original[original.rfind(".", 0, m.start()) + 1 : min(ends, default=None)]
        partner = given_names().get(m.group(1) or m.group(2))
        if partner == writer and _MARRIED_RE.search(sentence):
            found.append((m.start(), m.end(), writer))
    return found


_JA_PARTNER_WORDS = {
    "ご主人": "m",
    "旦那さん": "m",
    "旦那様": "m",
    "夫": "m",
    "彼氏": "m",
    "奥さん": "f",
    "奥様": "f",
    "妻": "f",
    "嫁": "f",
    "彼女": "f",
    "パートナー": None,
    "配偶者": None,
}
_JA_NAME = (
    r"[一-龥々]{1,3}(?!さん|さま|くん|ちゃん)[ぁ-ん]{2,3}(?=さん|様|と|の)|[一-龥々]{2,7}"
    r"|(?<![一-龥々])[一-龥々](?=さん|くん)"  # 「健さんと旦那さんの太郎さん」
    r"|(?<![ァ-ヶー])[ァ-ヶー]{2,5}(?=くん)"  # 「ケンタくんと彼氏」
)
# 「パートナーの中村 由美様」: a full name with a space, its given name last.
_JA_SPACED = r"[一-龥々]{1,4}[ 　][一-龥々]{1,3}(?=さん|様|氏)"
_JA_HOLDER_RE = re.compile(
    rf"(私|僕|わたし|{_JA_NAME})(さん|様|氏|くん|君|ちゃん)?"
    rf"(?:[（(][^）)]{{1,12}}[）)])?(?:と|の|は、|(?:(?<=さん)|(?<=くん)|(?<=様))、"
    # 「健二さんは彼氏と」: は right before a word that can only mean a partner.
    rf"|(?<=さん)は(?=彼氏)|(?:(?<=くん)|(?<=君))[はが](?=彼氏))"
    rf"[ 　、]*(?:その)?"
    rf"({'|'.join(_JA_PARTNER_WORDS)})(?![婦妻人])(?:[の・：:、 　]*({_JA_SPACED}|{_JA_NAME}))?"
)
# What every match of _JA_HOLDER_RE holds (keep its joining words in step): a cheap search
# that opens with one class, run first because the holder pattern tries a name at every kanji.
_JA_HOLDER_CUE_RE = re.compile(rf"[との、はが][ 　、]*(?:その)?(?:{'|'.join(_JA_PARTNER_WORDS)})")
# A child by birth order is no given name (「夫の長男は、夫が」: its 男 names no man).
_JA_BIRTH_ORDER = ("長男", "次男", "三男", "四男", "長女", "次女", "三女", "四女")
# Nor a kin or a pupil word in 子 (「息子の嫁さんが」: the son's wife, not a woman 息子's).
_JA_NOT_GIVEN = (*_JA_BIRTH_ORDER, "息子", "養子", "双子", "弟子", "教え子", "っ子", "末子")


# 「田中様ご夫妻（田中 誠様・田中 亮様）」: a couple word with both names after it.
_JA_PAIR_RE = re.compile(
    r"(?:夫妻|夫婦|カップル)[（(]([^）)・、]{1,9}?)(?:様|さん)?[・、と]"
    r"([^）)・、]{1,9}?)(?:様|さん)?[）)]"
)


def _ja_named_pairs(original: str) -> list[tuple[int, int, str]]:
    return _same_gender_pairs(_JA_PAIR_RE, original, ja_name_gender)


# 「山口正樹様と岡本翔太様（ご同居のパートナー）」「高橋健一さんと李俊浩さんから、お二人で家族会員
# として」: two names of one gender joined by と, in a text that makes them a household.
_JA_AND_PAIR_RE = re.compile(
    r"([一-龥々]{2,7}|[一-龥々]{1,4}[ 　][一-龥々]{1,3})(?:様|さん|氏)と"
    r"([一-龥々]{2,7}|[一-龥々]{1,4}[ 　][一-龥々]{1,3})(?:様|さん|氏)"
)
_JA_HOUSEHOLD_RE = re.compile(
    r"家族会員|家族割|家族として|カップル|同室|同居(?!して(?:い)?(?:ない|ません))|同棲|入籍|ご夫婦"
    r"|(?:さん|様)が(?:[^。、]{1,6}で)?結婚(?:され|しました)"
)


def _ja_household_pairs(original: str) -> list[tuple[int, int, str]]:
    if _JA_HOUSEHOLD_RE.search(original) is None:
        return []
    return _same_gender_pairs(_JA_AND_PAIR_RE, original, ja_name_gender)


# 「会員プロフィール：佐藤由美子さん。妻の美香さん」: a profile's subject, then their partner.
_JA_PROFILE_PARTNER_RE = re.compile(
    rf"(?:プロフィール|会員|紹介)[:：][ 　]*({_JA_NAME})(?:さん|様|氏)?。[ 　]*"
    rf"({'|'.join(_JA_PARTNER_WORDS)})(?![婦妻人])(?:[の・：:、 　]*({_JA_NAME}))?"
)


def _ja_profile_couples(original: str) -> list[tuple[int, int, str]]:
    found = []
    for m in _JA_PROFILE_PARTNER_RE.finditer(original):
        holder = ja_name_gender(m.group(1))
        partner = _JA_PARTNER_WORDS[m.group(2)] or ja_name_gender(m.group(3))
        if holder is not None and holder == partner:
            found.append((m.start(2), m.end(2), holder))
    return found


# 「原 健太さんは、…療養中の夫・原 直樹さんに付き添って」: a full name, then later in its
# sentence the spouse word and a full name with the same surname.
_JA_SAME_SURNAME_RE = re.compile(
    r"([一-龥々]{1,4})[ 　]([一-龥々]{1,3})(?:さん|様)は[^。]{0,30}?(夫|妻)[・の：:、 　]*"
    r"\1[ 　][一-龥々]{1,3}(?:さん|様)"
)


def _ja_same_surname_spouses(original: str) -> list[tuple[int, int, str]]:
    found = []
    for m in _JA_SAME_SURNAME_RE.finditer(original):
        holder = ja_name_gender(m.group(2))
        if holder is not None and holder == _JA_PARTNER_WORDS[m.group(3)]:
            found.append((m.start(3), m.end(3), holder))
    return found


# 「兄が彼氏連れてきた」「姉の奥さん」: a relative's gender is the kin word's.
_JA_KIN_PARTNER_RES = (
    (
        re.compile(
            r"(?:兄|弟|兄貴|息子|叔父|伯父|甥)(?:ちゃん|さん)?(?:の(?:彼氏|旦那|夫(?![婦妻]))|[がに]彼氏)"
        ),
        "m",
    ),
    (
        re.compile(
            r"(?:姉|妹|娘|叔母|伯母|姪)(?:ちゃん|さん)?"
            r"(?:の(?:奥さん|妻(?!子)|嫁(?![ぎい]))|[がに]彼女(?=を|と|連れ|が?いる|が?でき))"
        ),
        "f",
    ),
)


_JA_KIN_FIRST = "兄弟息叔伯甥姉妹娘姪"


def _ja_kin_partners(original: str) -> list[tuple[int, int, str]]:
    if not any(kin in original for kin in _JA_KIN_FIRST):
        return []
    return [
        (m.start(), m.end(), gender)
        for pattern, gender in _JA_KIN_PARTNER_RES
        for m in pattern.finditer(original)
    ]


def _ja_named_couples(original: str) -> list[tuple[int, int, str]]:
    found = _ja_named_pairs(original) if "夫" in original or "カップル" in original else []
    found += _ja_kin_partners(original)
    found += _ja_same_surname_spouses(original)
    found += _ja_household_pairs(original)
    if "。" in original:
        found += _ja_profile_couples(original)
    if "：" in original or ":" in original:
        found += ja_form_couples(original)
    if _JA_HOLDER_CUE_RE.search(original) is None:
        return found
    for m in _JA_HOLDER_RE.finditer(original):
        holder_name, honorific, word = m.group(1), m.group(2), m.group(3)
        if holder_name.endswith(_JA_NOT_GIVEN):
            continue
        if honorific is None and len(holder_name) > 2 and holder_name.endswith("君"):
            holder_name, honorific = holder_name[:-1], "君"  # 「山本君が彼氏と」
        if holder_name in ("私", "僕", "わたし"):
            writer = writer_genders(original, {}, [])
            holder = next(iter(writer)) if len(writer) == 1 else None
        else:
            # 「佐藤くん、彼氏と同棲してる」: くん after a bare surname says a man.
            holder = ja_name_gender(holder_name) or ("m" if honorific in ("くん", "君") else None)
        partner = _JA_PARTNER_WORDS[word] or ja_name_gender(m.group(4))
        if word == "パートナー" and JA_COUPLE_RE.search(original) is None:
            continue  # a business partner
        if holder is not None and holder == partner:
            found.append((m.start(3), m.end(3), holder))
    return found


def find_named_couples(original: str, *, ja: bool) -> list[Finding]:
    """Two people of one gender called partners, neither of whom needs to be the writer."""
    if ja:
        if not any(word in original for word in _JA_PARTNER_WORDS) and (
            _JA_HOUSEHOLD_RE.search(original) is None
        ):
            return []
        spans = _ja_named_couples(original)
    else:
        lowered = original.lower()
        if not any(word in lowered for word in _EN_PARTNER_WORDS) and not (
            "marr" in lowered
            or "engaged" in lowered
            or "knot" in lowered
            or "relationship" in lowered
            or "dating" in lowered
            or "grooms" in lowered
            or "brides" in lowered
        ):
            # "she has been seeing a girl": only the pronoun pattern can hold a couple.
            return _findings(_en_pronoun_partners(original)) if "seeing" in lowered else []
        spans = _en_named_couples(original)
    return _findings(spans)


def _findings(spans: list[tuple[int, int, str]]) -> list[Finding]:
    rule = "sexual_orientation.couple:named_{0}+{0}"
    return [
        Finding("category", "sexual_orientation", s, e, SCORE, rule.format(g)) for s, e, g in spans
    ]
