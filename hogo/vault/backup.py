"""`hogo backup`: separate, consistent snapshots of the main database and the key store, and a
manifest; never the key-encryption key (KEK), which is backed up on its own with the erasure
journal (journal.py), so that no single copy both holds the data and opens it.

SQLite: the online backup API, one file per database. PostgreSQL: `pg_dump -Fc` of each
database, inside an exported snapshot so that the manifest's facts are those of the dump.
The main database is copied first: a subject erased between the two copies then has rows in the
main copy and no key in the key-store copy (unreadable), never the other way round.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Protocol

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.vault.models import DataKey, KeyStoreSecret
from hogo.vault.routers import KEYS_DB

FORMAT = 1
MANIFEST = "manifest.json"
ROLES = {DEFAULT_DB_ALIAS: "main", KEYS_DB: "keys"}
SUFFIX = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}


class BackupError(Exception):
    """A backup or restore cannot go on; says why and what to do. Never names a person."""


class Cursor(Protocol):
    def execute(self, sql: str, /) -> Any: ...

    def fetchall(self) -> list[Any]: ...


@dataclass(frozen=True)
class BackupResult:
    directory: Path
    manifest: dict[str, Any]


def engine(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in SUFFIX:
        raise BackupError(f"database {alias!r} is {vendor}: hogo backs up SQLite and PostgreSQL")
    return vendor


def backup_write(*, directory: Path) -> BackupResult:
    """Writes the snapshots and the manifest into `directory` (new or empty; made 0700).
    On failure, removes what it wrote."""
    kinds = {alias: engine(alias) for alias in (DEFAULT_DB_ALIAS, KEYS_DB)}
    if "postgresql" in kinds.values():
        tool("pg_dump")
    made = not directory.exists()
    _directory_prepare(directory)
    try:
        return _snapshots_write(directory)
    except BaseException:
        for file in directory.iterdir():
            file.unlink()
        if made:
            directory.rmdir()
        raise


def _snapshots_write(directory: Path) -> BackupResult:
    started = timezone.now()
    databases: dict[str, Any] = {}
    facts: dict[str, dict[str, Any]] = {}
    for alias in (DEFAULT_DB_ALIAS, KEYS_DB):
        kind = engine(alias)
        target = directory / f"{ROLES[alias]}{SUFFIX[kind]}"
        _file_private(target)
        snapshot = _sqlite_snapshot if kind == "sqlite" else _postgres_snapshot
        facts[alias] = snapshot(alias, target)
        target.chmod(0o600)
        databases[ROLES[alias]] = {"engine": kind, "file": target.name, "sha256": _sha256(target)}
    manifest = {
        "format": FORMAT,
        "hogo_version": _hogo_version(),
        "created_at": started.isoformat(),
        "finished_at": timezone.now().isoformat(),
        "databases": databases,
        "migrations": {ROLES[a]: facts[a]["migrations"] for a in facts},
        "kek_ids": facts[KEYS_DB]["kek_ids"],
        "data_keys": facts[KEYS_DB]["data_keys"],
        "audit_head": facts[DEFAULT_DB_ALIAS]["audit_head"],
    }
    # Written last, and atomically: a directory without a manifest is not a backup.
    tmp = directory / f".{MANIFEST}.tmp"
    _file_private(tmp)
    tmp.write_text(json.dumps(manifest, indent=2) + "\n")
    os.replace(tmp, directory / MANIFEST)
    return BackupResult(directory, manifest)


def _directory_prepare(directory: Path) -> None:
    if directory.exists() and not directory.is_dir():
        raise BackupError(f"{directory} is not a directory")
    if directory.is_dir() and any(directory.iterdir()):
        raise BackupError(f"{directory} is not empty: give a new or empty directory")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    directory.chmod(0o700)


def _file_private(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    path.chmod(0o600)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _hogo_version() -> str:
    try:
        return version("hogo")
    except PackageNotFoundError:
        return "unknown"


def _sqlite_snapshot(alias: str, target: Path) -> dict[str, Any]:
    source = Path(str(connections[alias].settings_dict["NAME"]))
    if not source.exists():
        raise BackupError(f"the {ROLES[alias]} database {source} does not exist: run hogo migrate")
    src_db, dst_db = sqlite3.connect(source, timeout=20), sqlite3.connect(target)
    with closing(src_db) as src, closing(dst_db) as dst:
        src.backup(dst)
        # One self-contained file: no write-ahead log beside it.
        dst.execute("PRAGMA journal_mode=DELETE")
        return facts_read(alias, dst.cursor())


def postgres_env(alias: str) -> dict[str, str]:
    """libpq's environment for this database, from Django's DATABASES (the password travels in
    the environment, never on a command line other users can see)."""
    settings = connections[alias].settings_dict
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings.get(key):
            env[name] = str(settings[key])
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    if sslmode := (settings.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = str(sslmode)
    env["PGDATABASE"] = str(settings["NAME"])
    return env


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not installed (or not on PATH): hogo needs PostgreSQL's client tools "
            f"for PostgreSQL databases (Debian: apt-get install postgresql-client)"
        )
    return found


@contextmanager
def postgres_connection(alias: str) -> Iterator[Any]:
    import psycopg

    settings = connections[alias].settings_dict
    params = {"dbname": settings["NAME"], "user": settings.get("USER") or None}
    params |= {"password": settings.get("PASSWORD") or None, "host": settings.get("HOST") or None}
    params |= {"port": settings.get("PORT") or None}
    with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as connection:
        yield connection


def _postgres_snapshot(alias: str, target: Path) -> dict[str, Any]:
    pg_dump = tool("pg_dump")
    import psycopg

    with postgres_connection(alias) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        cursor = connection.cursor()
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        facts = facts_read(alias, cursor)
        done = subprocess.run(  # noqa: S603 (fixed arguments, no shell)
            [pg_dump, "-Fc", "--no-owner", f"--snapshot={snapshot}", f"--file={target}"],
            env=postgres_env(alias),
            capture_output=True,
            text=True,
            check=False,
        )
        connection.rollback()
    if done.returncode != 0:
        raise BackupError(f"pg_dump of the {ROLES[alias]} database failed: {done.stderr.strip()}")
    return facts


def facts_read(alias: str, cursor: Cursor) -> dict[str, Any]:
    """What the manifest says of one snapshot, read from the snapshot itself."""
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, id")
    migrations: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        migrations.setdefault(app, []).append(name)
    facts: dict[str, Any] = {"migrations": migrations}
    if alias == KEYS_DB:
        keys, secrets = DataKey._meta.db_table, KeyStoreSecret._meta.db_table
        cursor.execute(
            f"SELECT kek_id FROM {keys} UNION SELECT kek_id FROM {secrets}"  # noqa: S608
        )
        facts["kek_ids"] = sorted(row[0] for row in cursor.fetchall())
        cursor.execute(f"SELECT count(*) FROM {keys}")  # noqa: S608
        facts["data_keys"] = cursor.fetchall()[0][0]
    else:
        table = AuditEvent._meta.db_table
        cursor.execute(f"SELECT seq, hash FROM {table} ORDER BY seq DESC LIMIT 1")  # noqa: S608
        head = cursor.fetchall()
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        count = cursor.fetchall()[0][0]
        facts["audit_head"] = {"hash": head[0][1] if head else "", "count": count}
    return facts


def manifest_read(*, directory: Path) -> dict[str, Any]:
    """The backup's manifest, checked against its files and against this installation."""
    if not directory.is_dir():
        raise BackupError(f"{directory} is not a directory")
    path = directory / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist: {directory} is not a hogo backup") from None
    except (OSError, ValueError) as exc:
        raise BackupError(f"{path} cannot be read ({type(exc).__name__})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a hogo backup manifest of format {FORMAT}")
    try:
        _manifest_check(directory, manifest)
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupError(f"{path} is incomplete or malformed ({type(exc).__name__})") from None
    return manifest


def _manifest_check(directory: Path, manifest: dict[str, Any]) -> None:
    created_at(manifest)
    missing = {"kek_ids", "migrations", "audit_head", "hogo_version"} - set(manifest)
    if missing:
        raise KeyError(sorted(missing)[0])
    for alias, role in ROLES.items():
        entry = manifest["databases"][role]
        if entry["engine"] != engine(alias):
            raise BackupError(
                f"the backup's {role} database is {entry['engine']}, but this installation's is "
                f"{engine(alias)}: restore it into an installation of the same kind"
            )
        file = directory / entry["file"]
        if not file.is_file():
            raise BackupError(f"{file} is missing from the backup")
        if _sha256(file) != entry["sha256"]:
            raise BackupError(f"{file} does not match the manifest's checksum: it is damaged")


def created_at(manifest: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(manifest["created_at"])
