"""`hogo policy check|load|diff`: exit codes, one line per error, nothing written on error."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from hogo.policy.models import PolicyVersion
from hogo.policy.tests.helpers import (
    REFERENCE,
    by_id,
    reference_data,
    toml_dumps,
    without_retention,
)


def run(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("policy", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return int(str(exc.code)), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    data = reference_data()
    without_retention(by_id(data["purposes"], "inquiry-response"))
    by_id(data["channels"], "survey")["fields"][2]["category"] = "shoe_size"
    path = tmp_path / "broken.toml"
    path.write_text(toml_dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def widened(tmp_path: Path) -> Path:
    data = reference_data()
    by_id(data["purposes"], "inquiry-response")["categories"].append("postal_address")
    path = tmp_path / "widened.toml"
    path.write_text(toml_dumps(data), encoding="utf-8")
    return path


def test_check_accepts_the_reference_policy_with_a_one_line_summary() -> None:
    code, out, err = run("check", str(REFERENCE))
    assert code == 0
    assert out == f"ok: {REFERENCE}: 5 purposes, 6 channels, 24 categories\n"
    # The facts the published policy does not state are warned of, not errors.
    assert all(line.startswith(f"warning: {REFERENCE}: ") for line in err.splitlines())


def test_check_defaults_to_the_configured_policy_file() -> None:
    code, out, _ = run("check")
    assert code == 0
    assert out.startswith(f"ok: {REFERENCE}: ")


def test_check_prints_one_line_per_error_and_exits_2(broken: Path) -> None:
    code, out, err = run("check", str(broken))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{broken}: purposes.inquiry-response.retention_days: "
        "missing (days to keep data for this purpose)",
        f"{broken}: channels.survey.fields.2.category: unknown category 'shoe_size'",
    ]


def test_check_requires_how_fees_are_paid_once_a_request_has_a_fee(tmp_path: Path) -> None:
    data = reference_data()
    data["requests"]["kinds"]["disclosure"]["fee_jpy"] = 1000
    path = tmp_path / "fee.toml"
    path.write_text(toml_dumps(data), encoding="utf-8")
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    assert err == (
        f"{path}: requests.fee_payment: missing: a request kind has a fee, so say how it is paid\n"
    )


def test_check_names_an_unreadable_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    code, _, err = run("check", str(missing))
    assert code == 2
    assert err == f"{missing}: cannot read file: No such file or directory\n"


def test_check_names_bad_toml_syntax(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[organization\n", encoding="utf-8")
    code, _, err = run("check", str(bad))
    assert code == 2
    assert err.startswith(f"{bad}: (syntax): invalid TOML: ")
    assert len(err.splitlines()) == 1


@pytest.mark.django_db
def test_load_stores_a_version_once_then_reports_it_unchanged() -> None:
    code, out, _ = run("load", str(REFERENCE))
    assert code == 0
    assert out.splitlines()[0] == ("policy version 1 loaded: 5 purposes, 6 channels, 24 categories")
    assert run("load", str(REFERENCE))[:2] == (0, "unchanged: version 1\n")
    assert PolicyVersion.objects.count() == 1


@pytest.mark.django_db
def test_load_of_a_changed_policy_prints_the_classified_diff(widened: Path) -> None:
    run("load", str(REFERENCE))
    code, out, _ = run("load", str(widened), "--note", "inquiries may include addresses")
    assert code == 0
    assert out.splitlines() == [
        "policy version 2 loaded: 5 purposes, 6 channels, 24 categories",
        "  categories_widened: purposes.inquiry-response.categories: may now use "
        "postal_address [needs consent]",
    ]
    assert PolicyVersion.objects.get(number=2).note == "inquiries may include addresses"


@pytest.mark.django_db
def test_load_of_an_invalid_policy_writes_nothing(broken: Path) -> None:
    code, out, err = run("load", str(broken))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 2
    assert not PolicyVersion.objects.exists()


@pytest.mark.django_db
def test_diff_compares_a_stored_version_with_a_file(widened: Path) -> None:
    run("load", str(REFERENCE))
    code, out, _ = run("diff", "1", str(widened))
    assert code == 0
    assert out.startswith("categories_widened: purposes.inquiry-response.categories: ")
    assert run("diff", str(REFERENCE), str(REFERENCE))[1] == "no changes\n"


def test_the_hogo_console_script_exits_0_and_2(broken: Path) -> None:
    """The real command line, as an operator or CI runs it."""
    hogo = Path(sys.executable).parent / "hogo"
    env = {**os.environ, "HOGO_EMAIL_URL": "smtp://127.0.0.1:2525"}  # as production has one
    ok = subprocess.run(
        [hogo, "policy", "check", REFERENCE], capture_output=True, text=True, env=env
    )
    assert (ok.returncode, ok.stdout.startswith("ok: ")) == (0, True)
    bad = subprocess.run([hogo, "policy", "check", broken], capture_output=True, text=True, env=env)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert all(line.startswith(f"{broken}: ") for line in bad.stderr.splitlines())
