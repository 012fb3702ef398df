"""The commands as an operator runs them: `hogo migrate` sets up the key store too, and hogo
refuses to start with a wrong master key (a real process on real files; the missing-key case
is checked in-process in test_keys.py)."""

import base64
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from hogo.console.tests.test_settings import SMTP
from hogo.policy.schema import Policy
from hogo.tests.vault import register


def hogo(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "HOGO_"))}
    env["HOGO_DATA_DIR"] = str(data_dir)
    env["HOGO_EMAIL_URL"] = SMTP  # production needs a mail server; these commands send nothing
    return subprocess.run(
        [sys.executable, "-m", "hogo.manage", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh SQLite installation, migrated, with the policy loaded and one person stored."""
    data_dir = tmp_path_factory.mktemp("hogo")
    migrated = hogo(data_dir, "migrate", "-v", "1")
    assert migrated.returncode == 0, migrated.stderr
    assert "Key store (database 'keys')" in migrated.stdout
    stored = hogo(
        data_dir,
        "shell",
        "-c",
        "from django.core.management import call_command; call_command('policy', 'load'); "
        "from hogo.vault.services import subject_ingest as i; "
        "i(actor='system:test', channel='survey', purposes=['campaign-invitations-surveys'], "
        "identifiers={'email': 'cli.person@example.jp'}, items=[])",
    )
    assert stored.returncode == 0, stored.stderr
    return data_dir


def test_it_migrates_the_key_store_with_the_main_database(installed: Path) -> None:
    import sqlite3

    with sqlite3.connect(installed / "keys.sqlite3") as keys:
        tables = {row[0] for row in keys.execute("SELECT name FROM sqlite_master")}
        assert {"vault_datakey", "vault_keystoresecret"} <= tables
        assert keys.execute("SELECT count(*) FROM vault_datakey").fetchone() == (1,)
        assert "auth_user" not in tables  # the key store holds keys only
    assert (installed / "master.key").stat().st_mode & 0o777 == 0o600


def test_it_starts_with_the_right_master_key(installed: Path) -> None:
    checked = hogo(installed, "check")
    assert checked.returncode == 0, checked.stderr


def test_it_refuses_to_start_with_a_wrong_master_key(installed: Path) -> None:
    key = installed / "master.key"
    right = key.read_text()
    try:
        key.write_text(base64.b64encode(os.urandom(32)).decode())
        checked = hogo(installed, "check")
    finally:
        key.write_text(right)
    assert checked.returncode != 0
    assert "vault.E003" in checked.stderr
    assert "hogo cannot start" in checked.stderr
    assert "wrong HOGO_MASTER_KEY_FILE" in checked.stderr


def test_it_sweeps_retention_from_the_command_line(policy: Policy) -> None:
    register()
    out = StringIO()
    call_command("vault", "sweep", stdout=out)
    assert out.getvalue().strip() == (
        "disposed of 0 values; 0 subjects closed; 0 data keys destroyed; 0 notes deleted"
    )
    call_command("vault", "sweep", "--enqueue", stdout=out)
    assert "queued retention sweep" in out.getvalue()
