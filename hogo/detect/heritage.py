"""A parent or grandparent from abroad: "my mother is Ghanaian", 「父がガーナ出身」.

Nationality alone is not race, but a parent's origin abroad is the writer's heritage (mixed
roots), which the policy treats as race and ethnicity. A parent from a place in Japan is not
(「母は大阪出身」), so the place must be a country outside Japan: an English name from
``lexicons/origins.txt`` or, in Japanese, a kanji country name from that file or a katakana
name (ガーナ, フィリピン), followed by 出身, 人 or 系.
"""

import re
from functools import cache
from importlib import resources

from hogo.detect.result import Finding

_SCORE = 0.8
_EN_RE = re.compile(
    r"\b[Mm]y (?:mother|father|mom|mum|dad|parents|grandmother|grandfather|grandma|grandpa"
    r"|grandparents)(?:'s family)? (?:is|are|was|were|came|come)(?: originally)?(?: from)?"
    r"(?: the)? ([A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)
# Every match of _EN_RE holds one of these (a relative word after "my "): plain substring tests
# are a tenth of the cost of the pattern, which has no literal to skip ahead to. A relative
# added to _EN_RE must be added here.
_EN_RELATIVES = ("y mother", "y father", "y mom", "y mum", "y dad", "y parents", "y grand")
_JA_RE = re.compile(
    r"(?:父|母|父親|母親|祖父|祖母|両親)(?:が|は|も|とも)(?:もともと)?([ァ-ヶー]{2,}|[一-龥]{1,3})"
    r"(?:の)?(?:出身|人|系|国籍)"
)


@cache
def _origins() -> tuple[frozenset[str], frozenset[str]]:
    text = (resources.files("hogo.detect") / "lexicons" / "origins.txt").read_text("utf-8")
    en: set[str] = set()
    ja: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, _, words = line.partition("\t")
        (en if lang == "en" else ja).update(words.split())
    return frozenset(en), frozenset(ja)


def warm() -> None:
    _origins()


def find_heritage(original: str, *, ja: bool) -> list[Finding]:
    """Findings for each parent or grandparent said to come from a country abroad."""
    en_names, ja_names = _origins()
    findings = []
    if ja:
        for m in _JA_RE.finditer(original):
            place = m.group(1)
            if place in ja_names or "ァ" <= place[0] <= "ヶ":
                findings.append(_finding(m))
    elif any(word in original for word in _EN_RELATIVES):
        for m in _EN_RE.finditer(original):
            words = m.group(1).split()
            if m.group(1) in en_names or words[0] in en_names:
                findings.append(_finding(m))
    return findings


def _finding(m: re.Match[str]) -> Finding:
    return Finding(
        "category", "race_ethnicity", m.start(), m.end(), _SCORE, "race_ethnicity.parent_origin"
    )
