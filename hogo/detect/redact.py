"""Masking findings in the original text without moving anything else."""

from collections.abc import Iterable

from hogo.detect.result import Finding


def redact(text: str, findings: Iterable[Finding] | None = None, *, mask: str = "█") -> str:
    """Replace every character of each finding's span by ``mask``, so offsets still hold.

    With no findings given, the text is scanned first and everything found is masked.
    """
    if len(mask) != 1:
        raise ValueError("mask must be exactly one character, so offsets stay the same")
    if findings is None:
        from hogo.detect import scan  # the package's scan: spaced Japanese included

        findings = scan(text).findings
    chars = list(text)
    for f in findings:
        for i in range(max(0, f.start), min(len(chars), f.end)):
            chars[i] = mask
    return "".join(chars)
