"""The scanner: fold, one Aho-Corasick pass, boundary checks, context rules, identifiers."""

import re
import threading
from collections.abc import Sequence
from itertools import pairwise
from operator import attrgetter, itemgetter

from hogo.detect.context import Context, Cue, judge
from hogo.detect.couples import find_couples, find_title_couples, given_names
from hogo.detect.heritage import find_heritage
from hogo.detect.heritage import warm as warm_heritage
from hogo.detect.identifiers import find_identifiers
from hogo.detect.lexicon import Entry, Lexicon, Match
from hogo.detect.named_couples import find_named_couples
from hogo.detect.names import en_given_name_spans, ja_person_spans
from hogo.detect.normalize import Normalized, normalize, warm
from hogo.detect.origin import find_district_origin
from hogo.detect.phones import DEFAULT_REGIONS
from hogo.detect.result import Finding, ScanResult, new_finding, new_result
from hogo.detect.surnames import ja_surnames

# An unpaired surrogate (what JSON's "\ud800" decodes to) has no UTF-8 form, and the matchers
# take UTF-8: each becomes U+FFFD, one character for one, so offsets still index the caller's text.
SURROGATES = re.compile("[\ud800-\udfff]")

_JA_CHAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
_STRONG_SCORE = 0.85
_PERSON_BONUS = 0.1
_WEAK_SCORE = 0.75
# A category finding's score by (strong term, person evidence beyond the term itself).
_SCORES = {
    (strong, person): round((_STRONG_SCORE if strong else _WEAK_SCORE) + person * _PERSON_BONUS, 2)
    for strong in (True, False)
    for person in (True, False)
}


def _utf16_units(text: str) -> int | None:
    """How many UTF-16 code units the text takes, or None when it holds an unpaired surrogate
    (strict encoding fails exactly when ``SURROGATES`` would find one). One encoding answers
    both questions a non-ASCII scan asks: a surrogate to replace, and an astral character for
    ``normalize`` (more units than characters). "utf-16", not "utf-16-le", is one of the
    codecs Python finds without a registry look-up; its two-byte mark is not counted."""
    try:
        return len(text.encode("utf-16")) // 2 - 1
    except UnicodeEncodeError:
        return None


def detect_lang(text: str) -> str:
    return "ja" if not text.isascii() and _JA_CHAR_RE.search(text) else "en"


def _is_katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or ch == "ー" or "\uff66" <= ch <= "\uff9d"


# The same characters as a class: one search instead of a Python call per character.
_KATAKANA_RE = re.compile("[\u30a1-\u30fa\u30fc\uff66-\uff9d]")


class Engine:
    """Holds the lexicon automaton; read-only after construction, so threads can share it."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def _stem_end(self, text: str, end: int) -> int:
        while end < len(text) and "a" <= text[end] <= "z":
            end += 1
        return end

    def _katakana_ok(self, norm: Normalized, original: str, s: int, e: int, entry: Entry) -> bool:
        """A katakana term must be katakana in the text too (デモ, not the でも of 「職場でも」);
        a ``kb`` term must not run on into more katakana (ゲイ in ゲイリー, がん in ヴィーガン)."""
        o_start, o_end = norm.original_span(s, e)
        if entry.katakana_source and _KATAKANA_RE.search(original, o_start, o_end) is None:
            return False
        return not entry.katakana_boundary or not (
            (o_start > 0 and _is_katakana(original[o_start - 1]))
            or (o_end < len(original) and _is_katakana(original[o_end]))
        )

    def _hits(
        self, norm: Normalized, original: str, *, ja: bool = True
    ) -> tuple[list[Match], dict[str, list[Cue]]]:
        """Category terms (overlaps resolved) and cue spans by kind. A Japanese entry written
        in Latin letters (DV, ALS, LD) is for Japanese texts only."""
        text = norm.text
        found, cues = self.lexicon.scan(text)
        if not found:
            return [], cues
        terms: list[Match] = []
        blockers: list[Match] = []
        homographs = False
        for m in found:
            entry, start, end = m
            if not ja and entry.lang == "ja":
                continue
            if entry.stem:
                m = (entry, start, self._stem_end(text, end))
            elif (entry.katakana_source or entry.katakana_boundary) and not self._katakana_ok(
                norm, original, start, end, entry
            ):
                continue
            if entry.kind == "-":
                blockers.append(m)
            else:
                terms.append(m)
                homographs = homographs or bool(entry.unless or entry.needs)
        if homographs:
            cues.update(self.lexicon.homograph_cues(text))
        if blockers:
            # A neutral phrase touching a cue means the cue word is part of another word
            # (もし in かもしれ, 方への in 遠方への); a longer cue that holds the whole phrase is
            # a word of its own (方法 in 申請方法).
            lo, hi = min(b[1] for b in blockers), max(b[2] for b in blockers)
            for kind, pairs in cues.items():
                if any(s < hi and lo < e for s, e in pairs):
                    cues[kind] = [
                        (s, e)
                        for s, e in pairs
                        if not any(
                            b_start < e and s < b_end and not (s <= b_start and b_end <= e)
                            for _, b_start, b_end in blockers
                        )
                    ]
        return (_longest_first(terms, blockers) if terms else []), cues

    def scan(
        self, text: str, *, lang: str | None = None, phone_regions: Sequence[str] = DEFAULT_REGIONS
    ) -> ScanResult:
        ascii = text.isascii()  # constant time: CPython marks ASCII strings
        astral = False
        if not ascii:
            units = _utf16_units(text)
            if units is None:
                text = SURROGATES.sub("\ufffd", text)
                units = _utf16_units(text)
            astral = units != len(text)
        lang = lang or ("en" if ascii else detect_lang(text))
        ja = lang == "ja"
        norm = normalize(text, astral=astral)
        terms, cues = self._hits(norm, text, ja=ja)
        identifiers = find_identifiers(norm, text, ja=ja, cues=cues, phone_regions=phone_regions)
        findings: list[Finding] = list(identifiers)
        if terms:
            findings.extend(self._judge(norm, terms, cues, identifiers, text, ja=ja))
        if "@partner_m" in cues or "@partner_f" in cues or "@partner" in cues:
            findings.extend(find_couples(norm, text, cues))
        if "@nf_title" in cues:
            findings.extend(find_title_couples(text))
        if "@family" in cues or "@heritage" in cues:
            findings.extend(find_heritage(text, ja=ja))
        if "@origin_bias" in cues and not any(f.label == "social_status" for f in findings):
            findings.extend(find_district_origin(text, cues, ja=ja))
        if ("@family" in cues or "@wed" in cues or "@household" in cues) and not any(
            f.label == "sexual_orientation" for f in findings
        ):
            findings.extend(find_named_couples(text, ja=ja))
        if len(findings) > 1:
            findings.sort(key=_POSITION)
        return new_result(tuple(findings), lang)

    def _judge(
        self,
        norm: Normalized,
        terms: list[Match],
        cues: dict[str, list[Cue]],
        identifiers: list[Finding],
        original: str,
        *,
        ja: bool,
    ) -> list[Finding]:
        def person_spans() -> list[tuple[int, int]]:
            # Names, and katakana names, are looked for only when a hit has no person cue.
            names = [(f.start, f.end) for f in identifiers if f.label == "person_name"]
            if not ja:
                return _folded_spans(norm, names + en_given_name_spans(original))
            honorifics = [norm.original_span(s, e)[0] for s, e in cues.get("@nf_honorific", ())]
            own_side = "@nf_own_side" in cues
            return _folded_spans(
                norm, names + ja_person_spans(original, honorifics, own_side=own_side)
            )

        ctx = Context(norm.text, cues, person_spans)
        accepted: list[tuple[Entry, int, int, str]] = []
        for entry, start, end in terms:
            verdict = judge(ctx, entry, start, end, ja=ja or not entry.ascii)
            if verdict.accepted:
                accepted.append((entry, start, end, verdict.reason))
        # Sentences are looked up only when a weak hit may yield to a strong one (so never
        # for a single hit).
        weak = len(accepted) > 1 and any(a[0].strength == "weak" for a in accepted)
        strong_at = {
            (entry.kind, ctx.sentence(start, end))
            for entry, start, end, _ in accepted
            if weak and entry.strength == "strong"
        }
        found: list[Finding] = []
        for entry, start, end, reason in accepted:
            if (
                strong_at
                and entry.strength == "weak"
                and (_SIBLINGS.get(entry.kind), ctx.sentence(start, end)) in strong_at
            ):
                continue
            o_start, o_end = norm.original_span(start, end)
            score = _SCORES[entry.strength == "strong", reason != "term"]
            rule = f"{entry.kind}.{entry.strength}:{entry.source}+{reason}"
            found.append(new_finding("category", entry.kind, o_start, o_end, score, rule))
        return found


# The order of findings: by span, a category before an identifier at the same span.
_POSITION = attrgetter("start", "end", "kind")


def _longest_first(terms: list[Match], blockers: list[Match]) -> list[Match]:
    """Resolve overlaps: touching or overlapping hits of one category merge into one span
    that keeps the strongest entry; between categories (and neutral phrases) a hit inside a
    longer one is hidden."""
    if len(terms) == 1 and not blockers:
        return terms
    ordered = _by_start_longest(terms)
    if not blockers:
        # The common case: hits that neither overlap nor touch one of their own category
        # stand as they are, in order (what the general path below returns for them).
        for (a_entry, _, a_end), (b_entry, b_start, _) in pairwise(ordered):
            if b_start < a_end or (b_start == a_end and b_entry.kind == a_entry.kind):
                break
        else:
            return ordered
    merged: list[Match] = []
    for hit in ordered:
        last = merged[-1] if merged else None
        if last is not None and last[0].kind == hit[0].kind and hit[1] <= last[2]:
            entry = last[0] if _rank(last) >= _rank(hit) else hit[0]
            merged[-1] = (entry, last[1], max(last[2], hit[2]))
        else:
            merged.append(hit)
    # Longest first, then by start: sorts are stable, so sorting by start and then by length
    # orders as the key (start - end, start) would, without a Python call per hit. ``merged``
    # is in start order already (a merge keeps the first hit's start).
    ranked = sorted([*merged, *blockers], key=_START) if blockers else merged
    ranked.sort(key=_length)
    kept: list[Match] = []
    for hit in ranked:
        # Two terms that merely share one character, a particle (「デモで」「で逮捕され」),
        # both stand; otherwise the longer hit (or neutral phrase) hides the other.
        entry, start, end = hit
        neutral, beside = entry.kind == "-", entry.beside
        for k_entry, k_start, k_end in kept:
            overlap = min(end, k_end) - max(start, k_start)
            if overlap > 1 or (overlap == 1 and (neutral or k_entry.kind == "-")):
                if (beside or k_entry.beside) and not neutral and k_entry.kind != "-":
                    continue
                break
        else:
            kept.append(hit)
    return sorted((h for h in kept if h[0].kind != "-"), key=_START)


_START = itemgetter(1)  # a Match's start
_END = itemgetter(2)


def _by_start_longest(hits: list[Match]) -> list[Match]:
    """By start, and the longer first at one start: what the key (start, -end) gives, by two
    stable sorts with C-level keys instead of a Python call per hit."""
    ordered = sorted(hits, key=_END, reverse=True)
    ordered.sort(key=_START)
    return ordered


def _length(hit: Match) -> int:
    return hit[1] - hit[2]


def _rank(hit: Match) -> tuple[bool, int]:
    entry, start, end = hit
    return (entry.strength == "strong", end - start)


# Categories that share words: a weak hit yields to a strong hit of its sibling in the same
# sentence ("theft" next to "criminal record" is the offence, not a theft suffered).
_SIBLINGS = {
    "crime_victim": "criminal_record",
    "criminal_record": "crime_victim",
    "disability": "health",
    "race_ethnicity": "social_status",
    "social_status": "race_ethnicity",
}


def _folded_spans(norm: Normalized, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Original-text spans in folded-text offsets."""
    if norm.starts is None:
        return spans
    folded = []
    for start, end in spans:
        lo = next((i for i, s in enumerate(norm.starts) if s >= start), len(norm.starts))
        hi = next((i for i, s in enumerate(norm.starts) if s >= end), len(norm.starts))
        folded.append((lo, hi))
    return folded


_engine: Engine | None = None
_lock = threading.Lock()


def get_engine() -> Engine:
    """The shared engine, built on first use (lexicons are read once per process)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                warm()
                ja_surnames()
                given_names()
                warm_heritage()
                _engine = Engine(Lexicon.compiled())
    return _engine
