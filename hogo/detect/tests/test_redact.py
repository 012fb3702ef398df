"""Redaction masks exactly the findings and leaves every other character where it was."""

import pytest

from hogo.detect import Finding, redact, scan


@pytest.mark.parametrize(
    "text",
    [
        "I'm on dialysis; call me at 090-1234-5678 or mail hanako@example.com.",
        "山田様、透析中のため欠席します。連絡先は０９０－１２３４－５６７８です。",
        "ｶﾞﾝの治療中です。〒100-0001 東京都千代田区千代田1-1",
    ],
)
def test_it_keeps_length_and_masks_every_finding(text: str) -> None:
    findings = scan(text).findings
    masked = redact(text, findings)
    assert len(masked) == len(text)
    for f in findings:
        assert masked[f.start : f.end] == "█" * (f.end - f.start)
    covered = {i for f in findings for i in range(f.start, f.end)}
    assert all(masked[i] == text[i] for i in range(len(text)) if i not in covered)


def test_it_scans_first_when_no_findings_are_given() -> None:
    assert redact("Mail hanako@example.com", mask="*") == "Mail " + "*" * 18


def test_it_masks_what_a_scan_finds_in_japanese_written_with_word_spaces() -> None:
    text = "わたし の あに は けいさつ に つかまりました。"
    assert "criminal_record" in scan(text).categories
    assert redact(text) == redact(text, scan(text).findings) != text


def test_it_masks_only_the_findings_it_is_given() -> None:
    text = "Call 090-1234-5678, I'm on dialysis."
    phones = [f for f in scan(text).findings if f.label == "phone"]
    assert redact(text, phones) == "Call █████████████, I'm on dialysis."


def test_it_accepts_findings_made_by_hand() -> None:
    finding = Finding("identifier", "person_name", 0, 2, 1.0, "manual")
    assert redact("山田です", [finding]) == "██です"


def test_it_refuses_a_mask_that_would_move_offsets() -> None:
    with pytest.raises(ValueError, match="exactly one character"):
        redact("text", [], mask="[x]")
