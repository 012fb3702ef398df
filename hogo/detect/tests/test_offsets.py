"""Offsets point into the original text, whatever the width, script or composition."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hogo.detect import scan
from hogo.detect.normalize import fold, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("私はＡＤＨＤです。", "ＡＤＨＤ"),
        ("ｸﾘｽﾁｬﾝです。", "ｸﾘｽﾁｬﾝ"),
        ("㈱テストの山田様、ｶﾞﾝの治療中です。", "ｶﾞﾝの治療中"),
        ("ß and Straße: I'm on DIALYSIS.", "on DIALYSIS"),
        ("😀 I am DEAF.", "DEAF"),
        ("か\u3099ん治療中です", "か\u3099ん治療中"),
        ("電話：０９０－１２３４－５６７８", "０９０－１２３４－５６７８"),
    ],
)
def test_it_maps_spans_back_to_the_original_characters(text: str, expected: str) -> None:
    spans = [text[f.start : f.end] for f in scan(text).findings]
    assert expected in spans


def test_it_folds_width_kana_and_case() -> None:
    assert fold("ＡＤＨＤ") == "adhd"
    assert fold("ハラール") == "はらーる"
    assert fold("ｶﾞﾝ") == "がん"
    assert fold("Straße") == "strasse"


text_strategy = st.text(
    alphabet=st.sampled_from(
        list("abcXYZ 0123。、がんカタカナｶﾞﾝﾊﾟＡＢＣ１２３㈱ßİ\u3099\u309a😀漢字")
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_it_keeps_the_offset_map_monotonic_and_in_bounds(text: str) -> None:
    norm = normalize(text)
    if norm.starts is None:
        assert len(norm.text) == len(text)
        return
    assert len(norm.starts) == len(norm.text) == len(norm.ends or ())
    assert list(norm.starts) == sorted(norm.starts)
    assert all(0 <= s < e <= len(text) for s, e in zip(norm.starts, norm.ends or (), strict=True))


@settings(max_examples=200, deadline=None)
@given(text_strategy, st.data())
def test_it_maps_any_folded_span_to_a_valid_original_span(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    o_start, o_end = norm.original_span(start, end)
    assert 0 <= o_start <= o_end <= len(text)


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_it_folds_like_nfkc_casefold(text: str) -> None:
    """Folding a text equals folding its NFKC form: the per-character shortcut loses nothing."""
    assert fold(text) == fold(unicodedata.normalize("NFKC", text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_it_never_fails_and_spans_stay_inside_the_text(text: str) -> None:
    for finding in scan(text).findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert 0 <= finding.score <= 1


def test_it_skips_only_blocks_that_fold_to_themselves() -> None:
    """Loading skips whole blocks of CJK and Hangul; none of their characters may change."""
    from hogo.detect.normalize import _IDENTITY_BLOCKS

    for block in _IDENTITY_BLOCKS:
        for cp in range(block << 8, (block + 1) << 8):
            if 0xD800 <= cp < 0xE000:
                continue
            char = chr(cp)
            assert fold(char) == char, hex(cp)
            assert not unicodedata.combining(char), hex(cp)


def test_it_scans_text_with_an_unpaired_surrogate_and_keeps_offsets() -> None:
    """JSON's "\\ud800" decodes to a string that has no UTF-8 form; the detector still answers,
    and its offsets index the caller's text."""
    text = "\ud800 I am a practising Buddhist, mail hanako@example.jp"
    result = scan(text, lang="en")
    assert result.categories == ("religion",)
    email = next(f for f in result.findings if f.label == "email")
    assert text[email.start : email.end] == "hanako@example.jp"
