"""Phone numbers by Google's libphonenumber rules (the `phonenumbers` package), the library the
vault's normal form uses too.

A cheap scan (`identifiers._numbers`) hands over runs of at least seven digits; each run is
parsed, not searched, so the library's cost (tens of microseconds a parse) is paid only there:
- written with `+` and a country code (`+44 20 ...`): a number of a possible length there
  (the plus and the code are the evidence); after `00` or `010`, a valid one where the
  number is grouped or cued;
- in national format: a valid number of the default regions (Japan unless the caller names
  others), else, when the run starts with a trunk 0, is grouped like a phone number
  (`(06850) 65905`, `05 61 48 56 28`) or a phone cue (phone, call, 電話, 携帯, TEL) is near,
  a valid number of a common region;
- near a phone cue, a number of the default regions' possible lengths is enough, and of a
  common region's when it is grouped too: forms are full of numbers that follow the shape but
  not the allocation plan.
"""

import importlib
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from types import ModuleType

DEFAULT_REGIONS = ("JP",)
# The regions whose national formats are tried after the default ones (ISO 3166-1 alpha-2).
COMMON_REGIONS = (
    "US", "GB", "DE", "FR", "IT", "ES", "NL", "BR", "AU", "IN", "KR", "CN", "TW", "HK", "SG",
    "TH", "VN", "PH", "ID", "MY", "CA", "MX", "CH", "AT", "BE", "SE", "PL", "PT", "IE", "NZ",
)  # fmt: skip
MIN_DIGITS, MAX_DIGITS = 7, 15

# What a run may not be: a date (2026-11-03, 03/11/2026, 2026.11.03), a time, a dotted IPv4.
_NOT_PHONE_RE = re.compile(
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$|:|^\d{1,3}(?:\.\d{1,3}){3}$"
)
_GROUPED_RE = re.compile(r"^\(?0\d{1,5}\)?[ \-.]\d|^\(\d{2,4}\)|^\d{2,5}(?:[ .\-]\d{2,5}){2,}$")


@cache
def _library() -> ModuleType:
    """Imported at the first run of digits: it costs about 0.1 s, which a scan of text without
    numbers should not pay."""
    return importlib.import_module("phonenumbers")


def phone_region(run: str, *, cued: bool, regions: Sequence[str] = DEFAULT_REGIONS) -> str | None:
    """Where `run` (digits and separators) is a phone number: its region's code in lower case,
    or "international" when written with its country code; None when it is none."""
    body = run
    digits = sum(map(str.isdigit, body))
    if not MIN_DIGITS <= digits <= MAX_DIGITS or _NOT_PHONE_RE.search(body):
        return None
    if body.startswith("+"):
        return "international" if _fits(body, None, cued=True) else None
    grouped = _GROUPED_RE.search(body) is not None
    if (
        (cued or grouped)
        and body.startswith(("00", "010"))
        and _fits("+" + body[3 if body.startswith("010") else 2 :], None, cued=cued)
    ):
        return "international"
    for region in regions:
        if _fits(body, region, cued=cued):
            return region.lower()
    if not (cued or grouped or body.startswith(("0", "(0"))):
        return None
    for region in COMMON_REGIONS:
        if region not in regions and _fits(body, region, cued=cued and grouped):
            return region.lower()
    return None


@lru_cache(maxsize=4096)
def _fits(text: str, region: str | None, *, cued: bool) -> bool:
    """A valid number of `region`, or near a cue a possible one; in national format, written
    as the region writes it (with its trunk prefix: 090..., not 90...). Remembered: a parse
    costs tens of microseconds, and a form's own numbers (an office, a desk) come back."""
    lib = _library()
    try:
        number = lib.parse(text, region)
    except lib.NumberParseException:
        return False
    if not (lib.is_valid_number(number) or (cued and lib.is_possible_number(number))):
        return False
    if region is None:
        return True
    national = lib.format_number(number, lib.PhoneNumberFormat.NATIONAL)
    return _digits_only(national) == _digits_only(text)


def _digits_only(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
