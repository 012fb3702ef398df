"""`hogo backup` and `hogo restore` as an operator runs them, on a real installation in a
subprocess: a person erased after a backup stays erased after restoring it, a backup from
before a key rotation restores, a missing retired key is named, and no backup holds the KEK."""

import base64
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hogo.console.tests.test_settings import SMTP

PEOPLE = ("backup.one@example.jp", "backup.two@example.jp")

INGEST = """
import json
from django.core.management import call_command
from hogo.vault.services import subject_ingest
call_command('policy', 'load', verbosity=0)
refs = [subject_ingest(actor='system:test', channel='survey',
        purposes=['campaign-invitations-surveys'], identifiers={'email': e}, items=[]).subject_id
        for e in %r]
print(json.dumps(refs))
"""

READ = """
import json
from hogo.vault.access import subjects_access
from hogo.vault.keys import data_keys_load
from hogo.vault.selectors import subject_status
refs = %r
got = subjects_access(actor='system:test', purpose='campaign-invitations-surveys',
                      subject_ids=refs)
print(json.dumps({
    'read': {i.subject_id: i.identifiers.get('email') for i in got.items},
    'refused': {r.subject_id: str(r.reason) for r in got.refused},
    'keys': sorted(data_keys_load(refs)),
}))
"""

ERASE = (
    "from hogo.vault.erasure import subject_erase; "
    "subject_erase(actor='system:test', subject_id=%r)"
)


def hogo(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "HOGO_"))}
    clean |= {"HOGO_DATA_DIR": str(data_dir), "HOGO_EMAIL_URL": SMTP, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "hogo.manage", *args],
        env=clean,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def shell(data_dir: Path, code: str) -> str:
    done = hogo(data_dir, "shell", "-c", code)
    assert done.returncode == 0, done.stderr
    return done.stdout


def read(data_dir: Path, refs: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(shell(data_dir, READ % (refs,)).splitlines()[-1])
    return result


@pytest.fixture
def installed(tmp_path: Path) -> tuple[Path, list[str]]:
    """A fresh SQLite installation with two people stored."""
    data_dir = tmp_path / "hogo"
    migrated = hogo(data_dir, "migrate", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    refs: list[str] = json.loads(shell(data_dir, INGEST % (PEOPLE,)).splitlines()[-1])
    return data_dir, refs


def test_it_keeps_a_person_erased_after_restoring_a_backup_made_before(
    installed: tuple[Path, list[str]], tmp_path: Path
) -> None:
    data_dir, (erased, kept) = installed
    backed = hogo(data_dir, "backup", str(tmp_path / "b1"))
    assert backed.returncode == 0, backed.stderr
    shell(data_dir, ERASE % erased)
    journal = (data_dir / "master.key.erasures").read_text()
    assert erased in journal
    assert "@" not in journal

    restored = hogo(data_dir, "restore", str(tmp_path / "b1"), "--yes")

    assert restored.returncode == 0, restored.stderr
    assert "1 data keys destroyed again, 1 subjects closed again" in restored.stdout
    after = read(data_dir, [erased, kept])
    assert after["read"] == {kept: PEOPLE[1]}
    assert after["refused"] == {erased: "erased"}
    assert after["keys"] == [kept]  # the erased person's key is gone from the restored store
    assert hogo(data_dir, "check").returncode == 0
    verified = hogo(data_dir, "audit", "verify")
    assert verified.returncode == 0, verified.stdout


def test_it_restores_a_backup_made_before_a_key_rotation(
    installed: tuple[Path, list[str]], tmp_path: Path
) -> None:
    data_dir, refs = installed
    assert hogo(data_dir, "backup", str(tmp_path / "b1")).returncode == 0
    rotated = hogo(data_dir, "keys", "rotate")
    assert rotated.returncode == 0, rotated.stderr

    restored = hogo(data_dir, "restore", str(tmp_path / "b1"), "--yes")

    assert restored.returncode == 0, restored.stderr
    assert hogo(data_dir, "check").returncode == 0
    assert read(data_dir, refs)["read"] == dict(zip(refs, PEOPLE, strict=True))
    status = hogo(data_dir, "keys", "status").stdout
    active = status.splitlines()[0].split()[2]
    assert f"2 data keys wrapped with {active}" in status  # the retired key is needed no more


def test_it_names_the_missing_retired_key_file(
    installed: tuple[Path, list[str]], tmp_path: Path
) -> None:
    data_dir, refs = installed
    assert hogo(data_dir, "backup", str(tmp_path / "b1")).returncode == 0
    old_kek = json.loads((tmp_path / "b1" / "manifest.json").read_text())["kek_ids"][0]
    assert hogo(data_dir, "keys", "rotate").returncode == 0
    retired = data_dir / f"master.key.retired-{old_kek.split(':')[1]}"
    retired.unlink()

    restored = hogo(data_dir, "restore", str(tmp_path / "b1"), "--yes")

    assert restored.returncode != 0
    assert str(retired) in restored.stderr
    assert old_kek in restored.stderr
    assert read(data_dir, refs)["read"] == dict(zip(refs, PEOPLE, strict=True))  # untouched

    # The same databases copied back by hand: the start-up check names the same file.
    for name in ("hogo.sqlite3", "keys.sqlite3"):
        shutil.copyfile(tmp_path / "b1" / name.replace("hogo", "main"), data_dir / name)
    checked = hogo(data_dir, "check")
    assert "vault.E003" in checked.stderr
    assert str(retired) in checked.stderr
    assert "is missing" in checked.stderr
    assert old_kek in checked.stderr


def test_it_never_puts_the_key_encryption_key_in_a_backup(
    installed: tuple[Path, list[str]], tmp_path: Path
) -> None:
    data_dir, _ = installed
    backup = tmp_path / "b1"

    backed = hogo(data_dir, "backup", str(backup))

    assert backed.returncode == 0, backed.stderr
    kek_text = (data_dir / "master.key").read_text().strip()
    secrets = [kek_text.encode(), base64.b64decode(kek_text)]
    files = sorted(backup.iterdir())
    assert [f.name for f in files] == ["keys.sqlite3", "main.sqlite3", "manifest.json"]
    for file in files:
        content = file.read_bytes()
        assert not any(secret in content for secret in secrets), file.name
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o700
    assert str(data_dir / "master.key") in backed.stdout  # says what to back up separately
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["databases"]["main"]["engine"] == "sqlite"
    assert manifest["data_keys"] == 2
    assert manifest["audit_head"]["count"] > 0
    assert len(manifest["audit_head"]["hash"]) == 64
    assert "0001_initial" in manifest["migrations"]["keys"]["vault"]
    assert "auth" in manifest["migrations"]["main"]


def test_it_refuses_bad_arguments_and_changes_nothing(
    installed: tuple[Path, list[str]], tmp_path: Path
) -> None:
    data_dir, refs = installed
    used = tmp_path / "used"
    used.mkdir()
    (used / "x").write_text("x")
    refused = hogo(data_dir, "backup", str(used))
    assert refused.returncode != 0
    assert "is not empty" in refused.stderr

    missing = hogo(data_dir, "restore", str(tmp_path / "nowhere"), "--yes")
    assert missing.returncode != 0
    assert "is not a directory" in missing.stderr
    not_backup = hogo(data_dir, "restore", str(used), "--yes")
    assert not_backup.returncode != 0
    assert "is not a hogo backup" in not_backup.stderr

    assert hogo(data_dir, "backup", str(tmp_path / "b1")).returncode == 0
    unconfirmed = hogo(data_dir, "restore", str(tmp_path / "b1"))  # no terminal, no --yes
    assert unconfirmed.returncode != 0
    assert "--yes" in unconfirmed.stderr
    with (tmp_path / "b1" / "keys.sqlite3").open("ab") as f:
        f.write(b"\0")
    damaged = hogo(data_dir, "restore", str(tmp_path / "b1"), "--yes")
    assert damaged.returncode != 0
    assert "checksum" in damaged.stderr
    assert read(data_dir, refs)["read"] == dict(zip(refs, PEOPLE, strict=True))


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres") or not shutil.which("pg_dump"),
    reason="needs DATABASE_URL pointing at PostgreSQL and pg_dump",
)
def test_it_keeps_a_person_erased_after_a_restore_on_postgresql(tmp_path: Path) -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = f"hogo_backup_{os.urandom(4).hex()}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        env = {"DATABASE_URL": url.rsplit("/", 1)[0] + "/" + name}
        data_dir = tmp_path / "hogo"
        assert hogo(data_dir, "migrate", "-v", "0", env=env).returncode == 0
        done = hogo(data_dir, "shell", "-c", INGEST % (PEOPLE,), env=env)
        erased, kept = json.loads(done.stdout.splitlines()[-1])
        no_tools = hogo(data_dir, "backup", str(tmp_path / "b0"), env={**env, "PATH": "/none"})
        assert no_tools.returncode != 0
        assert "pg_dump is not installed" in no_tools.stderr
        assert not (tmp_path / "b0").exists()
        backed = hogo(data_dir, "backup", str(tmp_path / "b1"), env=env)
        assert backed.returncode == 0, backed.stderr
        assert sorted(p.name for p in (tmp_path / "b1").iterdir()) == [
            "keys.pgdump",
            "main.pgdump",
            "manifest.json",
        ]
        assert hogo(data_dir, "shell", "-c", ERASE % erased, env=env).returncode == 0

        restored = hogo(data_dir, "restore", str(tmp_path / "b1"), "--yes", env=env)

        assert restored.returncode == 0, restored.stderr
        reading = hogo(data_dir, "shell", "-c", READ % ([erased, kept],), env=env)
        after = json.loads(reading.stdout.splitlines()[-1])
        assert after["read"] == {kept: PEOPLE[1]}
        assert after["refused"] == {erased: "erased"}
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            for db in (name, f"{name}_keys"):
                admin.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
