"""Origin from a district that faces discrimination, said without naming it: "we're from 'that'
part of town", "the community she was born in" after a marriage investigator, 「あの川沿いの
地区の出だから」, 「うちの出身地で（興信所を使われて）反対された」.

Buraku origin is social status (policy 3.3). Writers rarely name it; they say where someone
comes from and, in the same breath, how that place is treated: marriage checks and private
investigators, the illegal lists of place names, "across the river", a place people whisper
about, abuse "because of the district". A birthplace alone is no finding (「出身地は大阪」), and
neither is a talk about discrimination that names no one: the rule needs three things near one
another, a person's origin in a district (``_EN_ORIGIN_RE``, ``_JA_ORIGIN_RE``), a sign of the
bias (``_EN_BIAS_RE``, ``_JA_BIAS_RE``; the lexicon's ``@origin_bias`` cue lets the rule look
at all), and a person in the text (a person cue, or the writer's own home in Japanese).
"""

import re

from hogo.detect.result import Finding

_SCORE = 0.7
_PLACE_EN = (
    r"(?:district|area|neighbou?rhood"
    r"|(?:part|side|end) of (?:the )?(?:old )?(?:[a-z]+ )?(?:town|city)"
    r"|village|community|quarter|settlement|home ?town)s?"
)
_EN_ORIGIN_RE = re.compile(
    # "we're from 'that' part of town", "my family is from a district", "comes from that
    # neighbourhood", "where Mr. C's family is from — that area"
    r"\b(?:i'?m|i am|we'?re|we are|(?:he|she|they)(?:'s| is| are)|family (?:is|was|were|are)"
    r"|comes|come|came|born|grew up|raised)\b[^.!?;]{0,12}?\b(?:from|in)\b[^.!?;]{0,25}?\b"
    + _PLACE_EN
    # "the district I'm from", "the community she was born in"
    + r"|\b"
    + _PLACE_EN
    + r" (?:that |which )?(?:i|we|he|she|they|(?:my|his|her|our|their) [a-z]+)"
    r"(?:'m|'re|'s| am| are| is| was| were)?"
    r"(?: born| raised| come| came| comes| lived| live| grew up)? (?:from|in)\b"
    # "where i'm from ... my grandparents' village", "is from — that area"
    r"|\bwhere (?:i'?m|we'?re|(?:he|she)'?s|[^.!?;]{0,20}famil(?:y|y's|y is)) from\b"
    # "because of where I grew up", "anyone from our district"
    r"|\bwhere (?:i|we|he|she|they) (?:grew up|was born|were born|come from|came from)\b"
    r"|\bfrom (?:our|my|his|her|their) (?:district|area|neighbou?rhood|village|community)\b"
    r"|\b(?:my|his|her|their) (?:[a-z]+s?' |[a-z]+'s )?(?:home ?town|village)\b",
    re.IGNORECASE,
)
_EN_BIAS_RE = re.compile(
    r"(?:hired|paid|used|had|sent|got) (?:an? |a private )?(?:investigator|detective)"
    r"|investigator to (?:look|check|dig)|background check|'check'|check\w* before (?:the |a )?"
    r"wedding|whisper\w* about|lists? of place names|place[- ]name lists?|not to play with"
    r"|(?:area|district|side|part|neighbou?rhood|community|village|town) (?:across|by) the river"
    r"|['‘\"“]that['’\"”]|look\w* down on|discriminat|because of the (?:district|area"
    r"|neighbou?rhood|village|community)|engagement (?:was )?(?:called off|fell through|broken"
    r" off)|rumou?r|everyone knows what|you know what i mean|marry (?:into|anyone from|someone"
    r" from)|(?:objected to|opposed) (?:the|our|my|his|her) (?:marriage|engagement|wedding)",
    re.IGNORECASE,
)
_JA_ORIGIN_RE = re.compile(
    r"(?:地区|地域|集落|部落|村|土地|辺り|あたり)(?:名)?の出(?![席張演発口品身来])|出身地"
    r"|出身の(?:地区|地域|集落|村)|生まれた(?:地区|地域|集落|所|ところ|土地|町|村)"
    r"|育った(?:地区|地域|集落|町|村)|地元の地区|(?:うちの|私の|実家の)(?:地元|集落|地区|地域|村)"
)
_JA_BIAS_RE = re.compile(
    r"興信所|探偵|身元調査|身元を調べ|地名リスト|地名総鑑|部落リスト|川向こう"
    r"|川沿いの(?:あの)?(?:地区|地域|集落|辺り|あたり)|「あ(?:そこ|の|っち)|避けられ"
    r"|反対され|差別され|陰口|ささや|気をつけろ|(?:地区|地域|地名|出身地?|地元)(?:名)?"
    r"(?:を理由に|のせいで|だからって|ってだけで)|(?:出身地?|地元|住所|本籍)を調べ"
)
# The writer's own home, or the writer as the one it was done to (調べられて, 反対された).
_JA_HOME_RE = re.compile(r"うち|地元|家(?:なんで|なので|です|だ)|[らさ]れ(?:て|た|ました)")
_PERSON_CUES = ("@self", "@family", "@third", "@nf_honorific", "@nf_title", "@nf_relative")
_REACH = {False: 200, True: 80}


def find_district_origin(
    original: str, cues: dict[str, list[tuple[int, int]]], *, ja: bool
) -> list[Finding]:
    """A finding for a person's origin in a district that the text says faces bias."""
    person = any(k in cues for k in _PERSON_CUES) or bool(ja and _JA_HOME_RE.search(original))
    if not person:
        return []
    origin_re, bias_re = (_JA_ORIGIN_RE, _JA_BIAS_RE) if ja else (_EN_ORIGIN_RE, _EN_BIAS_RE)
    reach = _REACH[ja]
    biases = [m.start() for m in bias_re.finditer(original)]
    for m in origin_re.finditer(original) if biases else ():
        if any(m.start() - reach <= b <= m.end() + reach for b in biases):
            rule = "social_status.district_origin"
            return [Finding("category", "social_status", m.start(), m.end(), _SCORE, rule)]
    return []
