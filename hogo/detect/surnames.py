"""Common Japanese surnames (``lexicons/ja-surnames.txt``), and a role's member named by one:
「社員の川口は」「職員の吉川が」 is that member of staff, not staff in general."""

import re
from functools import cache
from importlib import resources

# A surname of two kanji or more between a role's の and a particle (one kanji is too often a
# word: 社員の金は is the staff's money).
_NAMED_RE = re.compile(r"[一-龥々]{2,3}(?=[はがもにの、]|には|とは)")


@cache
def ja_surnames() -> frozenset[str]:
    text = (resources.files("hogo.detect") / "lexicons" / "ja-surnames.txt").read_text("utf-8")
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


def surname_named_at(text: str, pos: int) -> bool:
    """Whether a known surname, alone before a particle, follows a role's の at ``pos``."""
    if not text.startswith("の", pos - 1):
        return False
    m = _NAMED_RE.match(text, pos)
    return m is not None and m.group() in ja_surnames()
