"""A parent or grandparent from abroad: "my mother is Ghanaian", 「父がガーナ出身」.

Nationality alone is not race, but a parent's origin abroad is the writer's heritage (mixed
roots), which the policy treats as race and ethnicity. A parent from a place in Japan is not
(「母は大阪出身」), so the place must be a country outside Japan: an English name from
``lexicons/origins.txt`` or, in Japanese, a kanji country name from that file or a katakana
name (ガーナ, フィリピン), followed by 出身, 人 or 系, or that they came or fled from
("my grandparents fled Poland", 「祖父母が台湾から来た」); English also takes "born to Indian
parents" and "the son of Korean immigrants".
"""

import re
from functools import cache
from importlib import resources

from hogo.detect.result import Finding

_SCORE = 0.8
# The writer's parents, or a third person's ("his dad's Irish", "Jamal's mum is Somali").
_EN_RE = re.compile(
    # "Dad's Filipino, mum's Japanese", "My father is Japanese and mother is Filipino": both
    # parents by nationality, said with "'s" or "is" (tried first: either may be from abroad)
    r"\b(?:[Mm]y )?(?:[Mm]um|[Mm]om|[Mm]other|[Dd]ad|[Ff]ather)(?:'s| is) ([A-Z][a-z]+)"
    r"(?:,| and| &|;) ?(?:my )?(?:mum|mom|mother|dad|father)(?:'s| is) ([A-Z][a-z]+)"
    r"|\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Ww]hose|[A-Z][a-z]+'s|[Tt]he [a-z]+'s"
    # a desk's note names the person by role without "the" ("caller's grandfather was Russian")
    r"|(?:caller|client|member|employee|applicant|trainee|intern)'s)"
    r" (?:mother|father|mom|mum|dad"
    r"|parents|grandmother|grandfather|grandma|grandpa|grandparents)(?:'s family)?"
    r"(?: (?:is|are|was|were|came|come|fled|emigrated|immigrated|moved)|'s)(?: originally)?"
    # "my father came to Britain from Trinidad": where they came to, then from where
    r"(?: to [A-Z][a-z]+(?= from))?"
    # "my mother is Jewish (Israeli)": a nationality in brackets after another word
    # "my father is Gurung from Nepal": a people, then the country it is from
    r"(?: over)?(?: from)?(?: the)? (?:[A-Z][a-z]+ \(|[A-Z][a-z]+ from )?"
    r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    # "born in Yokohama to Indian parents", "the son of Korean immigrants"
    r"|\b(?:[Bb]orn\b[^.;!?]{0,40}? to|(?:son|daughter|child) of) ([A-Z][a-z]+)"
    r" (?:parents|immigrants|refugees)\b"
    # "i'm mixed (japanese/ghanaian)"; "I'm mixed, Japanese and Ghanaian." (the comma only where
    # the pair ends the sentence: not "Mixed, Japanese and English menus")
    r"|\b[Mm]ixed(?:,(?= [A-Za-z]+ and [A-Za-z]+(?:[.!?;]|$)))?"
    r" \(?(?:[A-Za-z]+[/&,] ?|[A-Za-z]+ and )([A-Za-z]+)\b"
    # "I'm a quarter Filipino", "she's one-quarter Korean"
    r"|\b(?:I'm|I am|Im|[Hh]e's|[Hh]e is|[Ss]he's|[Ss]he is) (?:a |one[- ])?quarter[- ]"
    r"([A-Z][a-z]+)"
    # "quarter Russian (grandma)", "half Ghanaian (dad's side)": the relative in brackets
    r"|\b(?:quarter|half)[- ]([A-Z][a-z]+) \((?:my )?(?:grandma|grandpa|grandmother"
    r"|grandfather|mum|mom|mother|dad|father)\b"
    # "Japanese mum, Ghanaian dad": both parents by nationality, either one from abroad
    # "to a Japanese father and a Korean mother": each with its article
    r"|\b(?:an? )?([A-Z][a-z]+) (?:mum|mom|mother|dad|father)(?:,| and| &|;) ?(?:an? )?"
    r"([A-Z][a-z]+) (?:mum|mom|mother|dad|father)\b"
)
# Casual writing with no capitals at all ("my grandmother was filipino so im a quarter").
_EN_CASUAL_RE = re.compile(_EN_RE.pattern, re.IGNORECASE)
# Every match of _EN_RE holds one of these words, in lower case (the casual pattern ignores
# case, but it only runs on text with no capitals): a cheap test first, since the pattern has
# no literal prefix and runs for every text with a family word (an alternative added to _EN_RE
# without any of them must add its own word here).
_EN_HINT_RE = re.compile(r"mother|father|mom|mum|dad|parent|grand|immigrants|refugees|ixed|quarter")
_CASUAL_END_RE = re.compile(r"$|[^\w ]| (?:so|and|but|too|though|originally|side|lol|btw|haha)\b")
_JA_RE = re.compile(
    r"(?:父|母|父親|母親|祖父|祖母|祖父母|両親|お父さん|お母さん|おじいさん|おばあさん"
    r"|おじいちゃん|おばあちゃん)(?:が|は|も|とも|、)(?:もともと|[一-龥]{1,3}に)?"
    # 「父はインドのバラモンの家系」: a family line from the country
    r"([ァ-ヶー]{2,}|[一-龥]{1,3})(?:の)?(?:出身|人|方|系|国籍|[^。、]{0,8}?の家系"
    # 「祖父母が台湾から来た」「祖父が朝鮮半島から渡ってきた」
    r"|(?:半島)?から(?:来|き|渡|移住|移民|亡命|逃れ|引き揚げ))"
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
    elif not original.isascii() or _EN_HINT_RE.search(original):
        casual = original.islower()
        for m in (_EN_CASUAL_RE if casual else _EN_RE).finditer(original):
            group = next(g for g in range(1, 10) if m.group(g))
            place = m.group(group) if group != 5 else m.group(5).capitalize()
            if casual:
                # "my dad is turkey hunting": the word must end its phrase.
                word = place.split()[0]
                if not _CASUAL_END_RE.match(original, m.start(group) + len(word)):
                    continue
                place = word.title()
            if group in (1, 8) and place not in en_names:
                # "Japanese mum, Ghanaian dad": the other parent's
                place = m.group(group + 1).title() if casual else m.group(group + 1)
            if place in en_names or place.split()[0] in en_names:
                findings.append(_finding(m))
    return findings


def _finding(m: re.Match[str]) -> Finding:
    return Finding(
        "category", "race_ethnicity", m.start(), m.end(), _SCORE, "race_ethnicity.parent_origin"
    )
