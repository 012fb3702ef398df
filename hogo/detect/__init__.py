"""Special-care information and identifiers in Japanese and English text.

Pure Python, no Django: ``scan(text)`` returns what was found with spans in the original text
and the rule that fired; ``redact(text)`` masks it. Lexicons live in ``lexicons/*.tsv``.
"""

from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from hogo.detect.redact import redact
from hogo.detect.result import CATEGORY_LABELS, IDENTIFIER_LABELS, Finding, ScanResult

if TYPE_CHECKING:
    from hogo.detect.engine import Engine

AddSpaced = Callable[[ScanResult, str, Callable[[str], ScanResult]], ScanResult]


def scan(
    text: str, *, lang: str | None = None, phone_regions: Sequence[str] = ("JP",)
) -> ScanResult:
    """Find special-care categories and identifiers; ``lang`` is "ja", "en" or None (auto).
    Phone numbers in national format are those of ``phone_regions`` (ISO 3166-1 codes, the
    policy's `[detector] phone_regions`), or of other common regions where grouped or cued."""
    engine, add_spaced = _loaded()
    result = engine.scan(text, lang=lang, phone_regions=phone_regions)
    if result.lang != "ja" or (" " not in text and "\u3000" not in text):
        return result
    return add_spaced(
        result, text, lambda t: engine.scan(t, lang="ja", phone_regions=phone_regions)
    )


@cache
def _loaded() -> tuple["Engine", AddSpaced]:
    """The engine and the pass over spaced-out text, imported at the first scan (importing
    hogo.detect stays light) and then kept: two import statements cost a scan more than this
    call."""
    from hogo.detect.engine import get_engine
    from hogo.detect.spaced import add_spaced

    return get_engine(), add_spaced


__all__ = ["CATEGORY_LABELS", "IDENTIFIER_LABELS", "Finding", "ScanResult", "redact", "scan"]
