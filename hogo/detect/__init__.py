"""Special-care information and identifiers in Japanese and English text.

Pure Python, no Django: ``scan(text)`` returns what was found with spans in the original text
and the rule that fired; ``redact(text)`` masks it. Lexicons live in ``lexicons/*.tsv``.
"""

from collections.abc import Callable, Sequence

from hogo.detect.redact import redact
from hogo.detect.result import CATEGORY_LABELS, IDENTIFIER_LABELS, Finding, ScanResult


def scan(
    text: str, *, lang: str | None = None, phone_regions: Sequence[str] = ("JP",)
) -> ScanResult:
    """Find special-care categories and identifiers; ``lang`` is "ja", "en" or None (auto).
    Phone numbers in national format are those of ``phone_regions`` (ISO 3166-1 codes, the
    policy's `[detector] phone_regions`), or of other common regions where grouped or cued."""
    global _scan
    if _scan is None:
        # Imported at the first scan (the engine loads the lexicons), then kept: an import
        # statement in every call costs a look-up in sys.modules and two attribute reads.
        from hogo.detect.engine import get_engine

        _scan = get_engine().scan
    return _scan(text, lang=lang, phone_regions=phone_regions)


_scan: Callable[..., ScanResult] | None = None


__all__ = ["CATEGORY_LABELS", "IDENTIFIER_LABELS", "Finding", "ScanResult", "redact", "scan"]
