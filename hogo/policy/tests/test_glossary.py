"""The Japanese the organization publishes keeps to docs/glossary.md and to the house rules of
issue 21: the APPI's own terms and none of their variants (the policy texts and every Japanese
UI catalogue); and, in the policy texts, full-width punctuation inside Japanese, no 保有個人情報,
no period in days that divides into years, no ISO date. Each check has a test proving it
catches a violation."""

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hogo.policy.tests.helpers import reference_data, reference_text
from hogo.policy.wording import MONTH_DAYS, YEAR_DAYS

ROOT = Path(__file__).resolve().parents[3]
GLOSSARY = ROOT / "docs" / "glossary.md"
CATALOGUES = "hogo/*/locale/ja/LC_MESSAGES/django.po"
_VARIANT = re.compile(r"`([^`]+)`")
_JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_HALF_WIDTH = re.compile(r"[();:]")
_DAYS = re.compile(r"(\d[\d,]*)\s*(?:日|days?\b)")
_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")


def glossary_variants(text: str) -> dict[str, str]:
    """Variant -> the term to use, from the "not" column of every table row of the glossary."""
    variants: dict[str, str] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 4 or set(cells[0]) <= {"-", ":"}:
            continue
        for variant in _VARIANT.findall(cells[-1]):
            variants[variant] = cells[0]
    return variants


def policy_texts(data: Any, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(key path, language, text) of every { ja, en } text of a parsed policy file."""
    if isinstance(data, dict):
        if isinstance(data.get("ja"), str) and isinstance(data.get("en"), str):
            yield path, "ja", data["ja"]
            yield path, "en", data["en"]
            return
        for key, value in data.items():
            yield from policy_texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            ident = value.get("id", index) if isinstance(value, dict) else index
            yield from policy_texts(value, f"{path}.{ident}")


def po_msgstrs(text: str) -> Iterator[str]:
    """The translations (msgstr, msgstr[n]) of a gettext catalogue, continuation lines joined."""
    current: list[str] | None = None
    for line in [*text.splitlines(), ""]:
        line = line.strip()
        if current is not None and line.startswith('"'):
            current.append(ast.literal_eval(line))
            continue
        if current is not None:
            yield "".join(current)
            current = None
        if line.startswith("msgstr"):
            current = [ast.literal_eval(line.split(None, 1)[1])]


def variants_used(text: str, variants: dict[str, str]) -> list[str]:
    return [f"{v!r} (use {variants[v]})" for v in variants if v in text]


def half_width_in_japanese(text: str) -> list[str]:
    """Half-width ( ) ; : whose nearest neighbour on either side is Japanese."""
    found = []
    for match in _HALF_WIDTH.finditer(text):
        before = text[: match.start()].rstrip()[-1:]
        after = text[match.end() :].lstrip()[:1]
        if _JAPANESE.match(before) or _JAPANESE.match(after):
            found.append(text[max(0, match.start() - 8) : match.end() + 8])
    return found


def days_that_divide(text: str) -> list[str]:
    return [
        m.group(0)
        for m in _DAYS.finditer(text)
        if int(m.group(1).replace(",", "")) % YEAR_DAYS == 0
    ]


def retention_keys_in_days(data: Any, path: str = "") -> list[str]:
    """`retention_days` values that are whole years or months: the file says years or months."""
    found: list[str] = []
    if isinstance(data, dict):
        days = data.get("retention_days")
        if isinstance(days, int) and days > 0 and (days % YEAR_DAYS == 0 or days % MONTH_DAYS == 0):
            found.append(f"{path}.retention_days = {days}")
        for key, value in data.items():
            found += retention_keys_in_days(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            ident = value.get("id", index) if isinstance(value, dict) else index
            found += retention_keys_in_days(value, f"{path}.{ident}")
    return found


def policy_problems(data: dict[str, Any], variants: dict[str, str]) -> list[str]:
    problems = [f"retention: {p}" for p in retention_keys_in_days(data)]
    for path, lang, text in policy_texts(data):
        problems += [f"{path}.{lang}: variant {v}" for v in variants_used(text, variants)]
        problems += [f"{path}.{lang}: {d!r} divides into years" for d in days_that_divide(text)]
        if lang == "ja":
            problems += [f"{path}.ja: half-width in {s!r}" for s in half_width_in_japanese(text)]
            problems += [f"{path}.ja: ISO date {d}" for d in _ISO_DATE.findall(text)]
    return problems


@pytest.fixture(scope="module")
def variants() -> dict[str, str]:
    return glossary_variants(GLOSSARY.read_text(encoding="utf-8"))


def test_the_glossary_lists_the_variants_issue_21_names(variants: dict[str, str]) -> None:
    assert variants["保有個人情報"] == "保有個人データ"
    assert variants["認証試験"] == "コンフォーマンステスト"
    assert variants["個人情報お問合せ窓口"] == "個人情報に関するお問合せ窓口"
    assert variants["ご対応できません"] == "対応いたしかねます"
    assert variants["rational safety measures"] == "安全管理措置"
    # Every variant is wrong on its own: none is part of the term it stands for.
    assert [v for v, term in variants.items() if v in term] == []


def test_the_reference_policy_keeps_to_the_glossary_and_the_house_rules(
    variants: dict[str, str],
) -> None:
    assert policy_problems(reference_data(), variants) == []
    assert "保有個人情報" not in reference_text()


def test_the_japanese_ui_catalogues_use_no_variant(variants: dict[str, str]) -> None:
    """The UI's Japanese lives in Django catalogues; where none exists yet there is nothing to
    check (the policy texts are checked above either way)."""
    problems = [
        f"{path.relative_to(ROOT)}: {used}"
        for path in sorted(ROOT.glob(CATALOGUES))
        for msgstr in po_msgstrs(path.read_text(encoding="utf-8"))
        for used in variants_used(msgstr, variants)
    ]
    assert problems == []


def test_it_catches_a_variant_in_a_policy_text_and_in_a_catalogue(
    variants: dict[str, str],
) -> None:
    data = reference_data()
    data["requests"]["kinds"]["disclosure"]["title"]["ja"] = "保有個人情報の開示"
    assert policy_problems(data, variants) == [
        "requests.kinds.disclosure.title.ja: variant '保有個人情報' (use 保有個人データ)"
    ]
    catalogue = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Test"\nmsgstr ""\n"認証試験の"\n"お申込み"\n\n'
        'msgid "Fine"\nmsgstr "コンフォーマンステスト"\n'
    )
    msgstrs = list(po_msgstrs(catalogue))
    assert msgstrs[1:] == ["認証試験のお申込み", "コンフォーマンステスト"]
    assert [variants_used(m, variants) for m in msgstrs[1:]] == [
        ["'認証試験' (use コンフォーマンステスト)"],
        [],
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("取得から3年間保存します(ご本人の同意がある場合)", 2),
        ("保存期間: 3年", 1),
        ("利用します; ただし", 1),
        ("詳しくは (下記) をご覧ください", 2),
        ("保存期間：3年（ご同意の場合）。", 0),
        ("URLはhttps://www.cc-link.org/です。時間は9:00～17:00です。", 0),
    ],
)
def test_it_catches_half_width_punctuation_inside_japanese(text: str, found: int) -> None:
    assert len(half_width_in_japanese(text)) == found


def test_it_catches_retention_in_days_that_divide_into_years() -> None:
    assert days_that_divide("取得から1095日間保存します") == ["1095日"]
    assert days_that_divide("kept for 1,825 days") == ["1,825 days"]
    assert days_that_divide("14日以内に回答します。30日") == []
    data = reference_data()
    purpose = next(p for p in data["purposes"] if p["id"] == "inquiry-response")
    purpose.pop("retention_years")
    purpose["retention_days"] = 1095
    notice_own = {"notices": [{"id": "expo", "own_purposes": [{"id": "x", "retention_days": 180}]}]}
    assert retention_keys_in_days(data) == ["purposes.inquiry-response.retention_days = 1095"]
    assert retention_keys_in_days(notice_own) == [
        "notices.expo.own_purposes.x.retention_days = 180"
    ]
    assert retention_keys_in_days({"purposes": [{"id": "y", "retention_days": 1000}]}) == []


def test_it_catches_the_public_sector_term_and_an_iso_date_in_the_policy(
    variants: dict[str, str],
) -> None:
    data = reference_data()
    data["complaints"]["text"]["ja"] = "保有個人情報について（2026-04-01改定）"
    problems = policy_problems(data, variants)
    assert any("complaints.text.ja: variant '保有個人情報'" in p for p in problems)
    assert "complaints.text.ja: ISO date 2026-04-01" in problems


def test_the_policy_file_parses_as_toml_for_these_checks() -> None:
    assert tomllib.loads(reference_text()) == reference_data()
