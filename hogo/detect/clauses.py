"""Where the clauses and sentences of a text end: the marks the context rules judge a hit
within (`context.Context` finds each hit's clause and sentence from these offsets)."""

import re

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


def clause_ends(text: str) -> list[int]:
    """Where each clause of the text ends (the offset of its closing mark)."""
    if " - " in text or "but" in text:
        pattern = _CLAUSE_END_RE
    else:
        pattern = _PUNCTUATION_END_ASCII_RE if text.isascii() else _PUNCTUATION_END_RE
    return [m.start() for m in pattern.finditer(text)]
