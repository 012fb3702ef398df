"""Japanese written with a space between words (for learners, or read aloud by a screen
reader): 「わたし の むすこ は ちてき しょうがい が あります」.

The lexicon's readings and kana terms are written without spaces, so such a text is scanned a
second time with the spaces between Japanese characters taken out, and the categories found
only there are added, their spans mapped back to the original text. Ordinary Japanese, which
has at most a space between a surname and a given name (the couples rule needs it), is left
alone: it takes at least three such spaces, one for every twelve characters or fewer.
"""

import re
from collections.abc import Callable

from hogo.detect.result import Finding, ScanResult

_JA = "\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f\u3001\u3002"
# A run of spaces between Japanese characters: ``(?<=J)[ 　]+(?=J)`` written to open with the
# space, so that the regular expression engine skips ahead to the next space instead of trying
# the look-behind at every character.
_WORD_SPACE_RE = re.compile(f"[ \u3000](?<=[{_JA}][ \u3000])[ \u3000]*(?=[{_JA}])")
_MIN_SPACES = 3
_CHARS_PER_SPACE = 12


def compact(text: str) -> tuple[str, list[int]] | None:
    """The text without its word spaces and, for each of its characters, the offset in the
    original; None when the text is not written with word spaces."""
    # Each run holds at least one space: too few spaces in the whole text settle it first (a
    # count is one C loop; most texts with a space have one or two).
    most = text.count(" ") + text.count("\u3000")
    if most < _MIN_SPACES or len(text) > _CHARS_PER_SPACE * most:
        return None
    spaces = _WORD_SPACE_RE.findall(text)
    if len(spaces) < _MIN_SPACES or len(text) > _CHARS_PER_SPACE * len(spaces):
        return None
    kept: list[int] = []
    last = 0
    for m in _WORD_SPACE_RE.finditer(text):
        kept.extend(range(last, m.start()))
        last = m.end()
    kept.extend(range(last, len(text)))
    return "".join(text[i] for i in kept), kept


def add_spaced(result: ScanResult, text: str, scan: Callable[[str], ScanResult]) -> ScanResult:
    """``result`` plus the categories a scan of the compacted text finds that it lacks."""
    packed = compact(text)
    if packed is None:
        return result
    compacted, offsets = packed
    extra = [
        Finding(
            f.kind, f.label, offsets[f.start], offsets[f.end - 1] + 1, f.score, f.rule + "+spaced"
        )
        for f in scan(compacted).findings
        if f.kind == "category" and f.label not in result.categories
    ]
    if not extra:
        return result
    findings = sorted((*result.findings, *extra), key=lambda f: (f.start, f.end, f.kind))
    return ScanResult(tuple(findings), lang=result.lang)
