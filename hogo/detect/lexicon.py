"""Lexicon files: one entry per line, matched together in a single Aho-Corasick pass.

A ``lexicons/*.tsv`` line is ``term<TAB>kind<TAB>strength<TAB>lang<TAB>flags``:

- ``kind`` is a category label (``health``...), ``-`` for a neutral phrase that blocks any
  category term it overlaps (``システム障害``, ``pedal depression``), or ``@<cue>`` for a
  context cue the rules look at (``@self``, ``@neg_post``...).
- ``strength`` is ``strong`` (the term alone says something about a person unless the context
  takes it back) or ``weak`` (only with a person in the sentence); ``-`` for cues.
- ``flags`` (comma separated, optional): ``stem`` lets an ASCII term run on into a longer word
  (``diabet`` -> diabetes, diabetic); ``kb`` rejects a hit glued to more katakana (ゲイ in
  ゲイリー); ``unless=@cue`` drops the hit when that cue is in the same sentence (障害 near
  サーバー); ``needs=@cue`` drops it unless that cue follows in its clause ("allergic to"
  needs an allergen: "allergic to peanuts", not "allergic to long meetings"); ``exact``
  forbids the plural ``s`` an ASCII term otherwise may take.
"""

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

from hogo.detect.compiled import cached
from hogo.detect.normalize import fold, has_astral
from hogo.detect.result import CATEGORY_LABELS

STRENGTHS = ("strong", "weak", "-")
KNOWN_FLAGS = ("stem", "kb", "exact", "beside")
_KATAKANA_RE = re.compile("[\u30a1-\u30fa]")


class LexiconError(ValueError):
    """A lexicon file line is malformed; the message names the file and line."""


class Entry(NamedTuple):
    """One lexicon line. A tuple: about 23,000 are made at load (with the misspelling
    variants), and a frozen dataclass takes five times longer to build."""

    term: str  # folded
    kind: str  # category label, "-" or "@cue"
    strength: str
    lang: str
    ascii: bool
    stem: bool
    katakana_boundary: bool
    katakana_source: bool  # written in katakana: a hit must be katakana in the text too
    exact: bool
    unless: tuple[str, ...]
    needs: str  # a cue kind that must follow the term in its clause ("allergic to" + allergen)
    source: str  # "health.tsv:12", so a finding can say where its term came from
    # Stands beside a hit of another category on the same words instead of hiding or yielding
    # to it: 性別適合手術 is health as well as orientation, "spinal cord injury" health as well
    # as disability (every writer of the labelled sets marks both).
    beside: bool = False


def parse_line(line: str, *, source: str) -> Entry | None:
    stripped = line.rstrip("\n")
    if not stripped.strip() or stripped.lstrip().startswith("#"):
        return None
    cols = stripped.split("\t")
    if len(cols) < 4:
        raise LexiconError(f"{source}: expected term, kind, strength, lang[, flags]")
    term, kind, strength, lang = cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3].strip()
    if kind != "-" and kind[0] != "@" and kind not in CATEGORY_LABELS:
        raise LexiconError(f"{source}: unknown kind {kind!r}")
    if strength not in STRENGTHS:
        raise LexiconError(f"{source}: unknown strength {strength!r}")
    flags: list[str] = []
    unless: tuple[str, ...] = ()
    needs = ""
    if len(cols) > 4 and cols[4].strip():  # most lines have no flags
        flags = [f.strip() for f in cols[4].split(",")]
        unless = tuple(f.removeprefix("unless=") for f in flags if f.startswith("unless="))
        needs = next((f.removeprefix("needs=") for f in flags if f.startswith("needs=")), "")
        unknown = [
            f for f in flags if not f.startswith(("unless=", "needs=")) and f not in KNOWN_FLAGS
        ]
        if unknown:
            raise LexiconError(f"{source}: unknown flag {unknown[0]!r}")
    folded = fold(term)
    if not folded:
        raise LexiconError(f"{source}: empty term")
    return Entry(
        term=folded,
        kind=kind,
        strength=strength,
        lang=lang,
        ascii=folded.isascii(),
        stem="stem" in flags,
        katakana_boundary="kb" in flags,
        katakana_source=_KATAKANA_RE.search(term) is not None,
        exact="exact" in flags,
        unless=unless,
        needs=needs,
        source=source,
        beside="beside" in flags,
    )


def parse_lines(lines: Iterable[str], *, name: str) -> list[Entry]:
    entries = []
    for number, line in enumerate(lines, start=1):
        entry = parse_line(line, source=f"{name}:{number}")
        if entry is not None:
            entries.append(entry)
    return entries


def load_entries(directory: Path | None = None) -> list[Entry]:
    """Every entry of every ``*.tsv`` in the lexicon directory (the packaged one by default)."""
    entries: list[Entry] = []
    if directory is not None:
        for path in sorted(directory.glob("*.tsv")):
            entries.extend(parse_lines(path.read_text("utf-8").splitlines(), name=path.name))
        return entries
    package = resources.files("hogo.detect") / "lexicons"
    for item in sorted(package.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".tsv"):
            entries.extend(parse_lines(item.read_text("utf-8").splitlines(), name=item.name))
    return entries


# English words are matched on a copy of the folded text where everything but ASCII letters,
# digits and ' + & is a space, with the terms stored the same way between spaces: " i " can
# then only hit the word "i", not the i in "like", and "non-binary" also hits "non binary".
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'+&")
# Every word character is ASCII, so the marking is a byte table over an ASCII copy of the text
# in which each other character is one "?" (a byte translation is a plain C loop, a str
# translation a look-up per character). A character beyond the BMP is left as it is (the str
# table stops at U+FFFF): no word edge, so such a text keeps the str table.
_MARK_BYTES = bytes(b if chr(b) in _WORD_CHARS else ord(" ") for b in range(256))
_MARK_TABLE = [chr(cp) if chr(cp) in _WORD_CHARS else " " for cp in range(0x10000)]


def word_marked(text: str) -> str:
    """The text as the English automaton sees it (same length, plus one space each side).
    A possessive 's is its own word, so "our union's" holds "our union"; an apostrophe at a
    word's edge is a single quotation mark, so "'from the buraku'" holds "buraku"."""
    if text.isascii() or not has_astral(text):
        letters = text.encode("ascii", "replace").translate(_MARK_BYTES).decode("ascii")
    else:
        letters = text.translate(_MARK_TABLE)
    marked = (" " + letters + " ").replace("'s ", " s ")
    if "' " in marked or " '" in marked:
        marked = marked.replace(" '", "  ").replace("' ", "  ")
    return marked


def _latin_patterns(entry: Entry) -> list[str]:
    core = word_marked(entry.term).strip()
    if not core:
        return []
    if entry.stem:
        return [f" {core}"]
    patterns = [f" {core} "]
    # The plural of a person noun is a class of people ("wheelchair users"), not someone.
    if not entry.exact and core[-1].isalpha() and core[-1] != "s" and not core.endswith(_PEOPLE):
        patterns.append(f" {core}s ")
    return patterns


_PEOPLE = (" user", " patient", " sufferer", " survivor", " veteran", " member", " victim")


# A lexicon hit: (entry, start, end), offsets in the folded text. A plain tuple, as ``Cue`` is:
# a named tuple's constructor (a tuple subclass, copied and tracked) and its field reads cost
# about 2,200 and 240 instructions, a plain tuple's about a twentieth; a scan makes three.
Match = tuple[Entry, int, int]


# What one automaton is built from: its patterns and, per pattern, the indexes of the category
# and neutral entries that share it and its cue kinds (a plain string when it is one cue kind
# and no term, the scan's fast path). Plain data, so that it can be kept in the load cache.
Plan = tuple[list[str], list[tuple[int, ...]], list[str | tuple[str, ...]]]


def _plan(entries: list[Entry], chosen: list[int], *, latin: bool) -> Plan:
    by_pattern: dict[str, list[int]] = {}
    for i in chosen:
        entry = entries[i]
        if entry.ascii == latin:
            for pattern in _latin_patterns(entry) if latin else (entry.term,):
                by_pattern.setdefault(pattern, []).append(i)
    patterns = list(by_pattern) or [" \x00 " if latin else "\x00"]
    terms: list[tuple[int, ...]] = []
    kinds: list[str | tuple[str, ...]] = []
    for pattern in patterns:
        group = by_pattern.get(pattern, [])
        term_indexes = tuple(i for i in group if entries[i].kind[0] != "@")
        cue_kinds = tuple(
            dict.fromkeys(entries[i].kind for i in group if entries[i].kind[0] == "@")
        )
        terms.append(term_indexes)
        kinds.append(cue_kinds[0] if len(cue_kinds) == 1 and not term_indexes else cue_kinds)
    return patterns, terms, kinds


class _Pass:
    """Two Aho-Corasick automata over a set of entries: pure-ASCII terms on the word-marked
    text, all other terms on the folded text. Per pattern, the category and neutral entries
    that share it, and the cue kinds it stands for (cues become plain spans, there are many)."""

    def __init__(self, entries: list[Entry], latin: Plan, other: Plan) -> None:
        self.latin = ahocorasick_rs.AhoCorasick(latin[0], store_patterns=False)
        # How much shorter a hit is in ``text`` than in the marked copy: the leading space,
        # and the trailing one of a closed pattern.
        self.latin_shrink = tuple(2 if t.endswith(" ") else 1 for t in latin[0])
        self.latin_terms = _entries_of(entries, latin[1])
        self.latin_cues = tuple(latin[2])
        self.other = ahocorasick_rs.AhoCorasick(other[0], store_patterns=False)
        self.other_shrink = (0,) * len(other[0])
        self.other_terms = _entries_of(entries, other[1])
        self.other_cues = tuple(other[2])

    def scan(self, text: str) -> tuple[list[Match], dict[str, list[tuple[int, int]]]]:
        """Term hits and cue spans by kind, all in offsets of ``text`` (the folded text)."""
        found: list[Match] = []
        cues: dict[str, list[tuple[int, int]]] = {}
        # A Japanese text needs the English pass only for Latin letters (ADHD, LGBT, DV);
        # digits alone (10時, 2名) hold no term.
        ascii = text.isascii()
        if ascii or _has_lowercase_latin(text):
            matches = self.latin.find_matches_as_indexes(word_marked(text), overlapping=True)
            # Offsets in the marked text are one more than in ``text``.
            self._collect(
                matches, self.latin_shrink, self.latin_terms, self.latin_cues, found, cues
            )
        if not ascii:
            matches = self.other.find_matches_as_indexes(text, overlapping=True)
            self._collect(
                matches, self.other_shrink, self.other_terms, self.other_cues, found, cues
            )
        return found, cues

    @staticmethod
    def _collect(
        matches: list[tuple[int, int, int]],
        shrink: tuple[int, ...],
        terms: tuple[tuple[Entry, ...], ...],
        kinds: tuple[str | tuple[str, ...], ...],
        found: list[Match],
        cues: dict[str, list[tuple[int, int]]],
    ) -> None:
        get = cues.get
        for index, start, end in matches:
            end -= shrink[index]
            kind = kinds[index]
            if kind.__class__ is str:  # the common case: one cue kind, no term
                spans = get(kind)  # type: ignore[arg-type]
                if spans is None:
                    cues[kind] = [(start, end)]  # type: ignore[index]
                else:
                    spans.append((start, end))
                continue
            for k in kind:
                cues.setdefault(k, []).append((start, end))
            for entry in terms[index]:
                found.append((entry, start, end))


class Lexicon:
    """Every entry in one pass, except the cues that only settle homographs (``unless=``
    contexts such as サーバー for 障害, ``needs=`` objects such as allergens): those are common
    words (メール, website, milk), so they get a second pass that runs only when a hit asks
    for it."""

    def __init__(self, entries: Iterable[Entry], plans: list[Plan] | None = None) -> None:
        entries = list(entries)
        if plans is None:
            plans = lexicon_plans(entries)
        self.main = _Pass(entries, plans[0], plans[1])
        self.homographs = _Pass(entries, plans[2], plans[3])

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> "Lexicon":
        return cls(entries)

    @classmethod
    def compiled(cls) -> "Lexicon":
        """The packaged lexicons and their misspelling variants (``typos.py``), with the plans of
        their automata, read from the load cache when no lexicon file and none of the code that
        builds them changed (see compiled.py)."""
        from hogo.detect.typos import typo_entries  # typos builds on this module

        def build() -> tuple[list[tuple[object, ...]], list[Plan]]:
            entries = load_entries()
            entries += typo_entries(entries)
            return [tuple(e) for e in entries], lexicon_plans(entries)

        inputs = ("lexicons", "lexicon.py", "typos.py", "normalize.py", "result.py")
        rows, plans = cached("lexicon", inputs, build)
        return cls([Entry._make(row) for row in rows], plans)

    def scan(self, text: str) -> tuple[list[Match], dict[str, list[tuple[int, int]]]]:
        return self.main.scan(text)

    def homograph_cues(self, text: str) -> dict[str, list[tuple[int, int]]]:
        return self.homographs.scan(text)[1]


def lexicon_plans(entries: list[Entry]) -> list[Plan]:
    """The plans of the main pass (English, other) and of the homograph pass (the same)."""
    homograph_kinds = {kind for e in entries for kind in e.unless}
    homograph_kinds.update(e.needs for e in entries if e.needs)
    main = [i for i, e in enumerate(entries) if e.kind not in homograph_kinds]
    homographs = [i for i, e in enumerate(entries) if e.kind in homograph_kinds]
    return [
        _plan(entries, main, latin=True),
        _plan(entries, main, latin=False),
        _plan(entries, homographs, latin=True),
        _plan(entries, homographs, latin=False),
    ]


def _entries_of(
    entries: list[Entry], indexes: list[tuple[int, ...]]
) -> tuple[tuple[Entry, ...], ...]:
    return tuple(tuple(entries[i] for i in group) if group else () for group in indexes)


def _has_lowercase_latin(text: str) -> bool:
    """Whether the text holds a-z: its ASCII characters copied out in one C loop, then
    upper-cased (a quarter of the time of searching a wide text for ``[a-z]``)."""
    letters = text.encode("ascii", "ignore")
    return letters.upper() != letters
