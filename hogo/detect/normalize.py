"""Text normalization for matching, with a map from normalized offsets back to the original.

Matching runs on a folded copy of the text (NFKC, casefold, katakana -> hiragana, Latin
diacritics dropped) so that
"ＡＤＨＤ", "ａｄｈｄ" and "ADHD", or "ハラール" and "はらーる", hit the same lexicon entry.
Findings must point into the ORIGINAL text, so every normalized character remembers the
original span it came from.

Most characters fold to exactly one character; for them a translation keeps offsets
identical and needs no map (the fast path): one regular expression finds the runs of
characters that fold to something else (katakana, full-width letters, capitals), and only those
runs are translated, since a per-character ``str.translate`` of a whole Japanese text costs more
than the few runs it holds. Characters that fold to several characters, or combining marks that
compose with their neighbour (half-width ｶﾞ -> が), translate to nothing there, so a change of
length tells that a text needs the slow path, which builds the map cluster by cluster.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, partial
from typing import NamedTuple

from hogo.detect.compiled import cached

_KATAKANA_FIRST, _KATAKANA_LAST = 0x30A1, 0x30F6  # ァ..ヶ, shifted by 0x60 to ぁ..ゖ
_VOICED_MARKS = "\u3099\u309a\uff9e\uff9f\u309b\u309c"


def _fold_char(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(_fold_one(c) for c in folded)


def _fold_one(c: str) -> str:
    """Katakana to hiragana; a Latin letter with diacritics to its bare letter (Māori and
    Maori, Horváth and Horvath match the same terms), one character for one."""
    cp = ord(c)
    if _KATAKANA_FIRST <= cp <= _KATAKANA_LAST:
        return chr(cp - 0x60)
    if 0xC0 <= cp < 0x2000 and c.isalpha():
        base = unicodedata.normalize("NFD", c)
        if len(base) > 1 and base[0].isascii() and all(unicodedata.combining(m) for m in base[1:]):
            return base[0]
    return c


# 256-code-point blocks that fold to themselves entirely (CJK ideographs, Hangul syllables,
# Yi, surrogates, private use): skipping them makes loading faster. A test checks the claim.
_IDENTITY_BLOCKS = {
    block: True
    for lo, hi in ((0x34, 0x4D), (0x4E, 0x9F), (0xA0, 0xA3), (0xAC, 0xD6), (0xD8, 0xF8))
    for block in range(lo, hi + 1)
}


@dataclass(frozen=True)
class _Tables:
    simple: list[str]  # indexed by code point; a list translates about 3x faster than a dict
    complex_re: re.Pattern[str]
    # Runs of characters that do not fold to themselves, as a group: ``split`` keeps them.
    runs_re: re.Pattern[str]
    fast: list[str]  # as ``simple``, with every complex character translated to nothing

    def fold_runs(self, text: str) -> str:
        """The text with its runs translated: the runs joined by a character no run holds and
        translated in one call, instead of a Python call per run."""
        parts = self.runs_re.split(text)
        if len(parts) > 1:
            parts[1::2] = "\0".join(parts[1::2]).translate(self.fast).split("\0")
        return "".join(parts)


def _ranges_class(codepoints: list[int]) -> str:
    parts: list[str] = []
    start = prev = codepoints[0]
    for cp in [*codepoints[1:], -1]:
        if cp == prev + 1:
            prev = cp
            continue
        parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = cp
    return "[" + "".join(parts) + "]"


@cache
def _tables() -> _Tables:
    # The folding of every code point depends on the Unicode database only: built once, then
    # read from the cache (see compiled.py).
    simple_chars, complex_cps = cached("fold", ("normalize.py",), _fold_table)
    simple = list(simple_chars)
    fast = list(simple)
    for cp in complex_cps:
        fast[cp] = ""
    changing = sorted([cp for cp in range(0x10000) if simple[cp] != chr(cp)] + complex_cps)
    # Astral characters (emoji, rare kanji) are left as they are except for the check below.
    return _Tables(
        simple=simple,
        complex_re=re.compile(_ranges_class(complex_cps) + "|[^\0-\uffff]"),
        # ``CC*`` rather than ``C+``: a pattern led by a character class gets the regular
        # expression engine's fast skip to the next candidate; a repeat is tried at every
        # position instead.
        runs_re=re.compile("(" + _ranges_class(changing) * 2 + "*)"),
        fast=fast,
    )


def _fold_table() -> tuple[str, list[int]]:
    """What each code point of the BMP folds to when one character for one (a string of
    65,536 characters), and the code points that need the slow path."""
    simple = [chr(cp) for cp in range(0x10000)]
    complex_cps: list[int] = []
    for cp in range(0x10000):
        if _IDENTITY_BLOCKS.get(cp >> 8):
            continue
        char = chr(cp)
        folded = _fold_char(char)
        composes = unicodedata.combining(char) or any(unicodedata.combining(c) for c in folded)
        if composes or char in _VOICED_MARKS:
            complex_cps.append(cp)
        elif folded != char:
            if len(folded) == 1:
                simple[cp] = folded
            else:
                complex_cps.append(cp)
    return "".join(simple), complex_cps


class Normalized(NamedTuple):
    """The folded text and, when lengths differ, where each folded character came from.
    (A tuple: one is made per scan, and a frozen dataclass is slower to build.)"""

    text: str
    starts: tuple[int, ...] | None = None  # original start of folded char i; None = identity
    ends: tuple[int, ...] | None = None  # original end of folded char i

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the folded text to the original text."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return pos, pos
        return self.starts[start], self.ends[end - 1]


# Normalized((text, None, None)) without the Python-level __new__ of a named tuple (the same
# object, built by the C constructor): every scan makes one, most of them one for one.
_one_for_one = partial(tuple.__new__, Normalized)


_CLUSTER_RE = re.compile(r".[\u0300-\u036f\u3099\u309a\uff9e\uff9f\u309b\u309c]*", re.DOTALL)


def normalize(text: str, *, astral: bool | None = None) -> Normalized:
    """Fold text for matching; the result maps back to offsets in ``text``. ``astral``, when
    the caller knows it, says whether the text holds a character beyond the BMP (the scan
    learns it from the encoding that looks for surrogates, and one encoding is enough)."""
    tables = _tables()
    if text.isascii():
        return _one_for_one((text.lower(), None, None))
    folded = tables.fold_runs(text)
    if astral is None:
        astral = has_astral(text)
    if len(folded) == len(text) and not astral:
        return _one_for_one((folded, None, None))
    return _normalize_clusters(text, tables)


def has_astral(text: str) -> bool:
    """Whether the text holds a character beyond the BMP: one that takes two UTF-16 units. (An
    encoding is a plain copy for most texts, cheaper than a search of every character; "utf-16"
    adds a two-byte mark but, unlike "utf-16-le", needs no codec registry look-up.)"""
    return len(text.encode("utf-16", "surrogatepass")) != 2 * len(text) + 2


def _normalize_clusters(text: str, tables: _Tables) -> Normalized:
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in _CLUSTER_RE.finditer(text):
        cluster = match.group()
        if len(cluster) == 1 and tables.complex_re.match(cluster) is None:
            folded = cluster.translate(tables.simple)
        else:
            folded = _fold_char(cluster)
        if not folded:
            continue
        pieces.append(folded)
        starts.extend([match.start()] * len(folded))
        ends.extend([match.end()] * len(folded))
    return Normalized("".join(pieces), tuple(starts), tuple(ends))


def fold(text: str) -> str:
    """The folded form alone, as lexicon terms are stored."""
    return normalize(text).text


def warm() -> None:
    """Build the translation tables now (the engine calls this when it loads)."""
    _tables()
