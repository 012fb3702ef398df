"""Proof that the code names no purpose or channel of the reference policy: the policy file
decides, so another organization's policy runs the same flows.

Scans hogo's code and templates (not tests, conftest files, migrations or the reference policy
itself, which may name them; not the READMEs, which describe the reference policy) for the
reference policy's purpose and channel ids. Ids that are ordinary words (`survey`, `inquiry`)
count only as a quoted or path token (`"inquiry"`, `/forms/inquiry/`); hyphenated ids count
anywhere.
"""

import re
import tomllib
from pathlib import Path

import hogo
from hogo.policy.tests.helpers import REFERENCE

ROOT = Path(hogo.__file__).parent
SCANNED = {".py", ".html", ".txt", ".js", ".css"}
SKIPPED_PARTS = {"tests", "migrations"}
# Same spelling, other meaning: a share record kind (contracts with the person as the record),
# not the reference policy's channel.
ALLOWED = {("share/models.py", "contract")}


def reference_ids() -> set[str]:
    data = tomllib.loads(REFERENCE.read_text(encoding="utf-8"))
    return {p["id"] for p in data["purposes"]} | {c["id"] for c in data["channels"]}


def id_pattern(ident: str) -> re.Pattern[str]:
    if "-" in ident:
        return re.compile(rf"(?<![\w-]){re.escape(ident)}(?![\w-])")
    return re.compile(rf"(?<=[\"'`/]){re.escape(ident)}(?=[\"'`/])")


def violations(relative: str, text: str, ids: set[str]) -> list[str]:
    found = []
    for ident in sorted(ids):
        if (relative, ident) in ALLOWED:
            continue
        for match in id_pattern(ident).finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{relative}:{line}: names {ident!r}")
    return found


def scanned_files() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.rglob("*"))
        if path.is_file()
        and path.suffix in SCANNED
        and not SKIPPED_PARTS & set(path.relative_to(ROOT).parts)
        and path.name != "conftest.py"
    ]


def test_it_finds_no_reference_purpose_or_channel_id_in_the_code() -> None:
    ids = reference_ids()
    # The scan knows what to look for.
    assert "directory-import" in ids
    assert len(ids) >= 8
    found = [
        problem
        for path in scanned_files()
        for problem in violations(
            path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"), ids
        )
    ]
    assert found == []


def test_it_scans_the_templates_and_the_code() -> None:
    relatives = {path.relative_to(ROOT).as_posix() for path in scanned_files()}
    assert "collect/services.py" in relatives
    assert "collect/templates/admin/collect/inquirycase/answer.html" in relatives
    assert not any("/tests/" in r or r.endswith("conftest.py") for r in relatives)


def test_it_catches_an_id_written_in_code() -> None:
    ids = {"inquiry-response", "inquiry"}
    source = 'PURPOSE = "inquiry-response"\nCHANNEL = "inquiry"\n# an inquiry in prose\n'
    assert violations("collect/x.py", source, ids) == [
        "collect/x.py:2: names 'inquiry'",
        "collect/x.py:1: names 'inquiry-response'",
    ]
    assert violations("collect/x.html", "<a href='/forms/inquiry/'>", ids) == [
        "collect/x.html:1: names 'inquiry'"
    ]
    assert violations("collect/x.py", "inquiry-reply, the inquiry form", ids) == []
