"""Identifier recognizers: a regular expression proposes a span, a validator confirms it.

Each recognizer works on the folded text (full-width digits are ASCII there) except English
person names, which need the capital letters of the original text.
"""

import ipaddress
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from hogo.detect.cards import card_number_valid
from hogo.detect.context import Cue
from hogo.detect.names import find_person_names
from hogo.detect.normalize import Normalized
from hogo.detect.phones import DEFAULT_REGIONS, phone_region
from hogo.detect.result import Finding, new_finding

_DASH = r"[\-‐‑–—−ー]"


class Candidate(NamedTuple):
    """A span a pattern proposes (a tuple: cheaper to make than a dataclass)."""

    label: str
    start: int  # in the folded text
    end: int
    score: float
    rule: str


def my_number_valid(digits: str) -> bool:
    """The Individual Number check digit (Ministerial Ordinance, Art. 5)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    body = [int(d) for d in digits[:11]]
    total = 0
    for n in range(1, 12):
        q = n + 1 if n <= 6 else n - 5
        total += body[11 - n] * q
    remainder = total % 11
    check = 0 if remainder <= 1 else 11 - remainder
    return check == int(digits[11])


_EMAIL_RE = re.compile(
    r"[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9\-]+)*\.[a-z]{2,}"
)
_MY_NUMBER_RE = re.compile(r"(?<![\d\-])(\d{4})[ \-]?(\d{4})[ \-]?(\d{4})(?![\d\-])")
_CARD_RE = re.compile(r"(?<![\d\-])\d{4}(?:[ \-]?\d){8,15}(?![\d\-])")
_CARD_GROUPED_RE = re.compile(
    r"^\d{4}(?:([ \-])\d{4})+(?:\1\d{1,4})?$|^\d{4}([ \-])\d{6}\2\d{4,5}$"
)
_IPV4_RE = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]|\.\d)")
_IPV6_RE = re.compile(r"(?<![0-9a-f:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-f:])")
_POSTAL_RE = re.compile(
    r"(?:〒|郵便番号|postal code|post code|postcode|zip code|zip)[ :：は]*"
    rf"\d{{3}}{_DASH}?\d{{4}}(?!\d)"
)

_PREFECTURES = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
]
_CITIES = [
    "札幌",
    "仙台",
    "さいたま",
    "千葉",
    "横浜",
    "川崎",
    "相模原",
    "新潟",
    "静岡",
    "浜松",
    "名古屋",
    "京都",
    "大阪",
    "堺",
    "神戸",
    "岡山",
    "広島",
    "北九州",
    "福岡",
    "熊本",
]
_WARDS = [
    "千代田",
    "中央",
    "港",
    "新宿",
    "文京",
    "台東",
    "墨田",
    "江東",
    "品川",
    "目黒",
    "大田",
    "世田谷",
    "渋谷",
    "中野",
    "杉並",
    "豊島",
    "北",
    "荒川",
    "板橋",
    "練馬",
    "足立",
    "葛飾",
    "江戸川",
]
_PLACE = r"[一-龥々ぁ-ゖヶ]"
_STREET = rf"(?:{_PLACE}{{0,8}}?\d+(?:(?:丁目|番地|番|号|の|{_DASH})\d*)*(?:号)?)?"
_ADDRESS_RE = re.compile(
    rf"(?:(?:{'|'.join(_PREFECTURES)})(?:{_PLACE}{{1,6}}?郡)?{_PLACE}{{1,6}}?[市区町村]"
    rf"(?:{_PLACE}{{1,4}}?区)?"
    rf"|(?:{'|'.join(_CITIES)})市(?:{_PLACE}{{1,4}}?区)?"
    rf"|(?:{'|'.join(_WARDS)})区(?={_PLACE}{{1,8}}?\d)){_STREET}"
)
_ROMAJI_PREFS = (
    "hokkaido|aomori|iwate|miyagi|akita|yamagata|fukushima|ibaraki|tochigi|gunma|saitama|chiba|"
    "tokyo|kanagawa|niigata|toyama|ishikawa|fukui|yamanashi|nagano|gifu|shizuoka|aichi|mie|shiga|"
    "kyoto|osaka|hyogo|nara|wakayama|tottori|shimane|okayama|hiroshima|yamaguchi|tokushima|"
    "kagawa|ehime|kochi|fukuoka|saga|nagasaki|kumamoto|oita|miyazaki|kagoshima|okinawa"
)
_ADDRESS_EN_RE = re.compile(
    rf"(?:\d+(?:-\d+){{0,3}},? )?(?:[a-z]+(?:-[a-z]+)*(?: \d-chome)?,? )?"
    rf"[a-z]+-(?:ku|shi|cho|machi|mura|gun),? (?:{_ROMAJI_PREFS})(?:-(?:to|fu|ken))?\b"
)


def _digits(text: str) -> str:
    return "".join(filter(str.isdigit, text))  # C-level: no Python step per character


_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")  # ``_EMAIL_RE``'s
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _emails(text: str) -> Iterator[Candidate]:
    """What ``_EMAIL_RE.finditer`` finds, tried only at each "@": the pattern is matched from
    the first letter or digit of the run of local-part characters before it (the leftmost
    start a search would find), instead of a search that starts an attempt at every letter
    of the text and scans its word for an "@"."""
    done = 0  # where the last match ended: the next one starts no earlier
    at = text.find("@")
    while at >= 0:
        start = at
        while start > done and text[start - 1] in _LOCAL_CHARS:
            start -= 1
        while start < at and text[start] not in _ALNUM:
            start += 1
        m = _EMAIL_RE.match(text, start) if start < at else None
        if m is not None:
            done = m.end()
            yield Candidate("email", m.start(), m.end(), 0.95, "email.pattern")
        at = text.find("@", max(at + 1, done))


def _numbers(text: str, cues: dict[str, list[Cue]], regions: Sequence[str]) -> Iterator[Candidate]:
    """Number-shaped identifiers, looked for only inside runs of digits and separators (plus
    a little room before a run for 〒, + or 郵便番号), and only those a run can hold."""
    phone_cues = cues.get("@id_phone", ())
    card_cues = cues.get("@id_card", ())
    for chunk in _NUMBER_RUN_RE.finditer(text):
        digits = sum(map(str.isdigit, chunk.group()))
        if digits < 6:
            continue
        start, end = chunk.span()
        # (Most texts have no cue of either kind: no call then.)
        card_cued = bool(card_cues) and _near(card_cues, start, end)
        yield from _numbers_in(text, max(0, start - 12), end, digits, card_cued)
        if digits >= 7:
            yield from _phones(chunk, bool(phone_cues) and _near(phone_cues, start, end), regions)


def _near(cues: Sequence[Cue], start: int, end: int) -> bool:
    """A cue shortly before the run (its label) or after it (「〜までお電話ください」)."""
    return any(
        start - _CUE_BEFORE <= c_end and c_start <= end + _CUE_AFTER for c_start, c_end in cues
    )


def _phones(chunk: re.Match[str], cued: bool, regions: Sequence[str]) -> Iterator[Candidate]:
    run = chunk.group().translate(_DASHES)
    if run.endswith(")") and "(" not in run:
        run = run[:-1]
    region = phone_region(run, cued=cued, regions=regions)
    if region is not None:
        end = chunk.start() + len(run)
        yield Candidate("phone", chunk.start(), end, 0.9, f"phone.{region}")


def _numbers_in(
    text: str, pos: int, endpos: int, digits: int, card_cued: bool
) -> Iterator[Candidate]:
    if digits >= 12:
        for m in _MY_NUMBER_RE.finditer(text, pos, endpos):
            if my_number_valid("".join(m.groups())):
                yield Candidate("my_number", m.start(), m.end(), 0.95, "my_number.check_digit")
        for m in _CARD_RE.finditer(text, pos, endpos):
            grouped = _CARD_GROUPED_RE.match(m.group()) is not None
            if card_number_valid(_digits(m.group()), cued=card_cued, grouped=grouped):
                yield Candidate("credit_card", m.start(), m.end(), 0.95, "credit_card.luhn")
    if digits >= 7:
        for m in _POSTAL_RE.finditer(text, pos, endpos):
            yield Candidate("postal_code", m.start(), m.end(), 0.95, "postal_code.marker")
    if "." in text[pos:endpos]:
        for m in _IPV4_RE.finditer(text, pos, endpos):
            if not _ipv4_valid(m.group()):
                continue
            yield Candidate("ip_address", m.start(), m.end(), 0.9, "ip_address.v4")


def _ipv4_valid(address: str) -> bool:
    """What ``ipaddress.IPv4Address`` accepts of what ``_IPV4_RE`` matches (four dotted runs of
    one to three digits), without building the object: ASCII digits, no octet above 255, no
    leading zero. (``tests/test_identifiers.py`` checks it against the library.)"""
    if not address.isascii():
        return False
    for octet in address.split("."):
        if int(octet) > 255 or (octet[0] == "0" and len(octet) > 1):
            return False
    return True


def _ipv6(text: str) -> Iterator[Candidate]:
    for m in _IPV6_RE.finditer(text):
        try:
            ipaddress.IPv6Address(m.group())
        except ValueError:
            continue
        yield Candidate("ip_address", m.start(), m.end(), 0.9, "ip_address.v6")


def _addresses(text: str, places: list[Cue]) -> Iterator[Candidate]:
    """Japanese addresses start where the lexicon pass saw a prefecture, a designated city
    or a Tokyo ward, so the expensive pattern only runs at those places."""
    end = -1
    for place in places:
        if place[0] < end:
            continue
        m = _ADDRESS_RE.match(text, place[0])
        if m is not None:
            end = m.end()
            yield Candidate("address", m.start(), m.end(), 0.85, "address.municipality")
    if _ROMAJI_HINT_RE.search(text):
        for m in _ADDRESS_EN_RE.finditer(text):
            yield Candidate("address", m.start(), m.end(), 0.8, "address.romaji")


# Every number-shaped identifier has at least six digits, possibly with separators between.
_NUMBER_HINT_RE = re.compile(r"\d(?:[ \-‐‑–—−ー().+:/]{0,2}\d){5}")
# The same for ASCII text, where \d is 0-9 either way and the ASCII test is cheaper.
_NUMBER_HINT_ASCII_RE = re.compile(_NUMBER_HINT_RE.pattern, re.ASCII)
_ASCII_DIGITS = b"0123456789"


def _number_hint(text: str) -> bool:
    """Whether the text may hold a number-shaped identifier. An ASCII text needs six digits
    first: deleting its digits from a copy is one C loop, a quarter of the cost of the pattern."""
    if not text.isascii():
        return _NUMBER_HINT_RE.search(text) is not None
    if len(text) - len(text.encode().translate(None, _ASCII_DIGITS)) < 6:
        return False
    return _NUMBER_HINT_ASCII_RE.search(text) is not None


# Runs of digits and separators: ``[(+]?\d(?:[ \-‐‑–—−ー().:/]{0,2}\d)+\)?``, written so that a
# match starts with one character class (the engine skips ahead with a fast membership test
# instead of trying the optional prefix at every position).
_NUMBER_RUN_RE = re.compile(r"[(+\d](?:(?<=[(+])\d|(?<=\d))(?:[ \-‐‑–—−ー().:/]{0,2}\d)+\)?")
_DASHES = str.maketrans("‐‑–—−ー", "------")
_CUE_BEFORE, _CUE_AFTER = 40, 16
_ROMAJI_HINT_RE = re.compile(r"-(?:ku|shi|cho|machi|mura|gun)\b")
_PRIORITY = {
    "email": 0,
    "credit_card": 1,
    "my_number": 2,
    "ip_address": 3,
    "postal_code": 4,
    "phone": 5,
    "address": 6,
    "person_name": 7,
}


def find_identifiers(
    norm: Normalized,
    original: str,
    *,
    ja: bool,
    cues: dict[str, list[Cue]],
    phone_regions: Sequence[str] = DEFAULT_REGIONS,
) -> list[Finding]:
    """Identifiers in the original text, without overlaps (the validated, longer one wins)."""
    text = norm.text
    candidates: list[Candidate] = []
    if "@" in text:
        candidates.extend(_emails(text))
    if _number_hint(text):
        candidates.extend(_numbers(text, cues, phone_regions))
    if text.count(":") >= 2:
        candidates.extend(_ipv6(text))
    places = cues.get("@place")
    if places or "-" in text:
        candidates.extend(_addresses(text, places or []))
    findings = [
        new_finding("identifier", c.label, *norm.original_span(c.start, c.end), c.score, c.rule)
        for c in candidates
    ]
    findings.extend(find_person_names(norm, original, ja=ja, cues=cues))
    return _without_overlaps(findings) if len(findings) > 1 else findings


def _without_overlaps(findings: list[Finding]) -> list[Finding]:
    chosen: list[Finding] = []
    ranked = sorted(findings, key=lambda f: (_PRIORITY[f.label], -(f.end - f.start), f.start))
    for f in ranked:
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: (f.start, f.end))
