"""Where the clauses and sentences of a text end: the marks the context rules judge a hit
within (`context.Context` finds each hit's clause and sentence from these offsets)."""

import re
from bisect import bisect_left
from collections.abc import Iterator

# A clause end is a sentence end when it is one of these (a "." counts only before a space
# or the end, which the clause pattern already requires).
SENTENCE_END_CHARS = frozenset("。！？!?\n.")
# Clause ends: a punctuation mark, a "." before a space or the end, " - ", "but". The "." of
# an initial ("applicant K. Morimoto"), a title ("a fictional applicant Mr. A") or "St." (Saint,
# Street: "an elder at St. Andrew's"), "Rev." or "Fr." ends nothing.
_NO_END_BEFORE_DOT = r"(?<![ \t][a-z])(?<!\bm[rs])(?<!\bmrs)(?<!\bdr)(?<!\bst)(?<!\brev)(?<!\bfr)"
# The marks that end a clause wherever they stand.
_END_MARKS = "。！？!?\n、，,;；()（）「」"
_CLAUSE_END_RE = re.compile(
    "[" + re.escape(_END_MARKS) + "]|" + _NO_END_BEFORE_DOT + r"\.(?=\s|$)| - |but |but$"
)


def _punctuation_end_re(marks: str) -> re.Pattern[str]:
    """The pattern above without " - " and "but", for the many texts that hold neither: led by
    one character class, so the regular expression engine skips ahead with a fast membership
    test (the pattern above tries four alternatives at every character, most of a Context's
    cost)."""
    dot = r"(?<=" + _NO_END_BEFORE_DOT + r"\.)(?=\s|$)"
    return re.compile("[" + re.escape(marks) + r".](?:(?<=[^.])|" + dot + ")")


_PUNCTUATION_END_RE = _punctuation_end_re(_END_MARKS)
# For ASCII text, the ASCII marks alone: a class of characters under 256 is one bitmap test
# per character, a wider one costs the engine more on such text.
_PUNCTUATION_END_ASCII_RE = _punctuation_end_re("".join(c for c in _END_MARKS if c.isascii()))


def _clause_end_re(text: str) -> re.Pattern[str]:
    if " - " in text or "but" in text:
        return _CLAUSE_END_RE
    return _PUNCTUATION_END_ASCII_RE if text.isascii() else _PUNCTUATION_END_RE


class ClauseEnds:
    """Where the clauses of a text end (the offsets of their closing marks), found only as far
    as a hit's clause and sentence ask: hits mostly sit early in a text, and a search step and
    a match object per end were most of the cost of finding every end."""

    __slots__ = ("_ends", "_more", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends: list[int] = []
        self._more: Iterator[re.Match[str]] | None = _clause_end_re(text).finditer(text)

    def _through(self, pos: int) -> list[int]:
        """The ends found so far, extended to the first at or after ``pos`` (all if none)."""
        ends = self._ends
        if self._more is not None and (not ends or ends[-1] < pos):
            for m in self._more:
                ends.append(m.start())
                if ends[-1] >= pos:
                    break
            else:
                self._more = None
        return ends

    def clause(self, start: int, end: int) -> tuple[int, int]:
        ends = self._through(end)
        i = bisect_left(ends, start)
        lo = ends[i - 1] + 1 if i > 0 else 0
        j = bisect_left(ends, end)
        return lo, (ends[j] if j < len(ends) else len(self._text))

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """A sentence ends at a clause end that is one of ``SENTENCE_END_CHARS``."""
        ends, text = self._through(end), self._text
        i = bisect_left(ends, start) - 1
        while i >= 0 and text[ends[i]] not in SENTENCE_END_CHARS:
            i -= 1
        j = bisect_left(ends, end)
        while j < len(ends) and text[ends[j]] not in SENTENCE_END_CHARS:
            j += 1
            if j == len(ends):
                self._through(ends[-1] + 1)  # extends ``ends`` in place
        return (ends[i] + 1 if i >= 0 else 0), (ends[j] if j < len(ends) else len(text))
