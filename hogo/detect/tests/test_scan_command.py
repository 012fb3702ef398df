"""`hogo scan [FILE|-]`: JSON Lines in, one JSON line out per input line, in order."""

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

LINES = [
    {"id": 1, "text": "I use a wheelchair. Call 090-1234-5678."},
    {"id": "b", "text": "No allergies."},
    {"id": None, "text": "透析中のため欠席します。"},
]


def run_file(path: Path) -> list[dict[str, Any]]:
    out = io.StringIO()
    call_command("scan", str(path), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_it_scans_a_file_line_by_line_in_order(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n", "utf-8")
    results = run_file(path)
    assert [r["id"] for r in results] == [1, "b", None]
    assert results[0]["categories"] == ["disability"]
    assert results[1] == {"id": "b", "categories": [], "findings": []}
    assert results[2]["categories"] == ["health"]
    phone = next(f for f in results[0]["findings"] if f["label"] == "phone")
    assert phone == {
        "kind": "identifier",
        "label": "phone",
        "start": 25,
        "end": 38,
        "score": 0.9,
        "rule": "phone.jp",
    }


def test_it_answers_a_malformed_line_with_an_error_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": 1, "text": "ok"}\n'
        b"{not json\n"
        b"\n"
        b"[1, 2]\n"
        b'{"id": 5, "text": 5}\n'
        b'{"id": 6, "text": "x", "lang": "fr"}\n'
        b"\xff\xfe\n"
        b'{"id": 8, "text": "\\ud800 Buddhist"}\n'
        b'{"id": 9, "text": "Kosher meal please."}\n'
    )
    results = run_file(path)
    assert [r["id"] for r in results] == [1, None, None, 5, 6, None, 8, 9]
    errors = [r["error"] for r in results if "error" in r]
    assert [e["code"] for e in errors] == [
        "invalid_json",
        "invalid_input",
        "invalid_input",
        "invalid_input",
        "invalid_encoding",
        "invalid_text",
    ]
    assert errors[0]["message"].startswith("line 2: ")
    assert errors[-1]["message"] == 'line 8: "text" holds an unpaired surrogate'
    assert results[-1]["categories"] == ["religion"]


def test_it_reads_stdin_and_writes_nothing_personal_to_stderr() -> None:
    lines = [json.dumps(x, ensure_ascii=False) for x in LINES] + ["{broken"]
    done = subprocess.run(
        [sys.executable, "-m", "hogo.manage", "scan", "-"],
        input="\n".join(lines).encode(),
        capture_output=True,
        check=True,
        timeout=120,
    )
    results = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(results) == 4
    assert results[2]["categories"] == ["health"]
    assert results[3]["error"]["code"] == "invalid_json"
    assert b"wheelchair" not in done.stderr
    assert "透析".encode() not in done.stderr


def test_it_fails_clearly_on_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command("scan", str(tmp_path / "missing.jsonl"))


def test_it_reads_the_phone_formats_of_the_regions_it_is_given(tmp_path: Path) -> None:
    # A US number in one run of digits, with no phone word: only a US reading finds it.
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "Sam Lee 4155552671 San Francisco"}) + "\n")

    def phones(*regions: str) -> list[str]:
        out = io.StringIO()
        call_command("scan", str(path), *regions, stdout=out)
        findings = json.loads(out.getvalue())["findings"]
        return [f["rule"] for f in findings if f["label"] == "phone"]

    assert phones("--phone-regions", "JP,US") == ["phone.us"]
    assert phones("--phone-regions", "us") == ["phone.us"]
    assert phones() == []  # JP by default


def test_it_refuses_an_unknown_phone_region(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 1, "text": "hello"}) + "\n")
    with pytest.raises(CommandError, match="--phone-regions: XX"):
        call_command("scan", str(path), "--phone-regions", "JP,XX")
