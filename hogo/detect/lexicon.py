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
  サーバー); ``exact`` forbids the plural ``s`` an ASCII term otherwise may take.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import ahocorasick_rs

from hogo.detect.normalize import fold
from hogo.detect.result import CATEGORY_LABELS

STRENGTHS = ("strong", "weak", "-")
KNOWN_FLAGS = ("stem", "kb", "exact")


class LexiconError(ValueError):
    """A lexicon file line is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    term: str  # folded
    kind: str  # category label, "-" or "@cue"
    strength: str
    lang: str
    ascii: bool
    stem: bool
    katakana_boundary: bool
    exact: bool
    unless: tuple[str, ...]
    source: str  # "health.tsv:12", so a finding can say where its term came from


def parse_line(line: str, *, source: str) -> Entry | None:
    stripped = line.rstrip("\n")
    if not stripped.strip() or stripped.lstrip().startswith("#"):
        return None
    cols = stripped.split("\t")
    if len(cols) < 4:
        raise LexiconError(f"{source}: expected term, kind, strength, lang[, flags]")
    term, kind, strength, lang = (c.strip() for c in cols[:4])
    flags = [f.strip() for f in cols[4].split(",")] if len(cols) > 4 and cols[4].strip() else []
    if kind != "-" and not kind.startswith("@") and kind not in CATEGORY_LABELS:
        raise LexiconError(f"{source}: unknown kind {kind!r}")
    if strength not in STRENGTHS:
        raise LexiconError(f"{source}: unknown strength {strength!r}")
    unless = tuple(f.removeprefix("unless=") for f in flags if f.startswith("unless="))
    unknown = [f for f in flags if not f.startswith("unless=") and f not in KNOWN_FLAGS]
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
        exact="exact" in flags,
        unless=unless,
        source=source,
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


@dataclass(frozen=True)
class Lexicon:
    """The automaton and, per pattern index, the entries that share that folded term."""

    automaton: ahocorasick_rs.AhoCorasick
    entries: tuple[tuple[Entry, ...], ...]

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> "Lexicon":
        by_term: dict[str, list[Entry]] = {}
        for entry in entries:
            by_term.setdefault(entry.term, []).append(entry)
        terms = list(by_term)
        automaton = ahocorasick_rs.AhoCorasick(terms, store_patterns=False)
        return cls(automaton=automaton, entries=tuple(tuple(by_term[t]) for t in terms))

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) for every occurrence, overlaps included."""
        result: list[tuple[int, int, int]] = self.automaton.find_matches_as_indexes(
            text, overlapping=True
        )
        return result
