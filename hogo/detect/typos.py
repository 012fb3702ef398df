"""Misspelt English key words: one letter dropped, doubled, or two neighbours swapped
("depresion", "epilespy", "diabettes", "shizophrenia" is not one: two edits).

Each single-word category term of at least eight letters gets these variants as extra lexicon
entries (six and seven letters: the plain edits only, see ``SHORT_MIN_LETTERS``), so the same
Aho-Corasick pass finds them at no cost per text. A variant is weak (it stands only with a
person in its sentence, as casual writing about oneself does), keeps the term's category and
flags, and names the term it came from in its rule (`health.tsv:45~typo`). The first letter is
never touched (people rarely get it wrong, and it keeps the variants few).

A variant that is itself a word of English would turn that word into the term ("disable" from
"disabled", "offended" near "offender"): variants that are any lexicon entry are dropped, and so
are those in `lexicons/typo-exclude.txt`, the variants that are common English words
(generated once with the `wordfreq` package at Zipf frequency 2.0 and above, reviewed by hand;
see the file's header for how to regenerate it).
"""

from collections.abc import Iterator
from importlib import resources

from hogo.detect.lexicon import Entry
from hogo.detect.result import CATEGORY_LABELS

MIN_LETTERS = 8
# Six- and seven-letter terms (cancer, prison, protest, welfare) get the plain edits only: a
# letter dropped, doubled or swapped with its neighbour ("protst", "autsim", "welfre"). Short
# words have more real words one edit away, so their variants were checked against wordfreq at a
# lower frequency (Zipf 1.5) than the long ones' (see typo-exclude.txt).
SHORT_MIN_LETTERS = 6


def variants(term: str, *, sounds: bool = True) -> Iterator[str]:
    """One letter dropped, doubled (or a double tripled), two neighbours swapped, a vowel
    written as another vowel, or a vowel or an "h" put in where it is said ("diabeties",
    "epilepsey", "chemotheraphy"); never the first letter."""
    for i in range(1, len(term)):
        ch = term[i]
        yield term[:i] + term[i + 1 :]
        if i + 1 == len(term) or ch != term[i + 1]:
            yield term[:i] + ch + term[i:]
        if i + 1 < len(term) and ch != term[i + 1]:
            yield term[:i] + term[i + 1] + ch + term[i + 2 :]
        for vowel in _SOUNDALIKE_VOWELS.get(ch, "") if sounds else "":
            yield term[:i] + vowel + term[i + 1 :]
    for i in range(2, len(term) + 1 if sounds else 0):
        before, after = term[i - 1], term[i : i + 1]
        if before in "cpt" and after != "h":
            yield term[:i] + "h" + term[i:]
        if after in _GLIDES and before not in _VOWELS:
            yield term[:i] + _GLIDES[after] + term[i:]


_VOWELS = "aeiouy"
# The vowels people write for one another (diabetis, dislexia, burglery, seperate).
# The vowel heard before another after a consonant ("diabeties", "epilepsey").
_GLIDES = {"e": "i", "a": "i", "y": "e", "i": "e"}
_SOUNDALIKE_VOWELS = {"a": "e", "e": "ai", "i": "ey", "y": "i", "o": "u", "u": "o"}


def typo_candidates(entries: list[Entry]) -> Iterator[Entry]:
    """The terms that get variants: single ASCII words of a category, six letters or more."""
    for e in entries:
        if (
            e.kind in CATEGORY_LABELS
            and e.ascii
            and not e.stem
            and len(e.term) >= SHORT_MIN_LETTERS
            and e.term.isalpha()
        ):
            yield e


def typo_entries(entries: list[Entry]) -> list[Entry]:
    known = {e.term for e in entries} | _excluded()
    made: dict[str, Entry] = {}
    for entry in typo_candidates(entries):
        source = f"{entry.source}~typo"
        for variant in variants(entry.term, sounds=len(entry.term) >= MIN_LETTERS):
            if variant not in known and variant not in made:
                # The constructor, not dataclasses.replace: 11,000 entries at every cold start.
                made[variant] = Entry(
                    variant,
                    entry.kind,
                    "weak",
                    entry.lang,
                    entry.ascii,
                    entry.stem,
                    entry.katakana_boundary,
                    entry.katakana_source,
                    True,  # exact
                    entry.unless,
                    entry.needs,
                    source,
                )
    return list(made.values())


def _excluded() -> set[str]:
    text = (resources.files("hogo.detect") / "lexicons" / "typo-exclude.txt").read_text("utf-8")
    return {line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"}
