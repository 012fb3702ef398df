"""`hogo restore`: puts a backup's two snapshots back, then makes it as if every erasure made
since had happened in it.

Order, chosen so that an interruption never leaves an erased person readable for long and is
finished by running the restore again:
1. check everything first (manifest, files, engines, migrations, every KEK the key store needs);
   nothing is written before;
2. restore the key store and at once destroy again every data key the erasure journal records
   since the backup (journal.py);
3. restore the main database, migrate both databases to this version of hogo;
4. rewrap keys still under a retired KEK with the current one (so the retired key file is no
   longer needed), and close the journaled subjects as erasure does, audited as a replay.
"""

import sqlite3
import subprocess
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.models import Q

from hogo.audit.services import audit_record
from hogo.vault.backup import (
    ROLES,
    BackupError,
    created_at,
    engine,
    postgres_connection,
    postgres_env,
    tool,
)
from hogo.vault.erasure import _close, _dispose, _indexes_delete, _notes_delete
from hogo.vault.journal import JournalEntry, journal_read
from hogo.vault.kek import KekError, RetiredKeks, kek_store
from hogo.vault.keys import data_key_aad, kek_for_unwrapping, kek_for_wrapping, secret_aad
from hogo.vault.models import (
    DataKey,
    DisposalReason,
    Item,
    KeyStoreSecret,
    Subject,
    SubjectStatus,
)
from hogo.vault.routers import KEYS_DB

ACTOR = "system:restore"
# A key deletion is journaled before it commits: an erasure journaled just before the backup
# started may have committed after its copy was taken. Replay is idempotent, so look back.
OVERLAP = timedelta(minutes=10)
BATCH = 1000


@dataclass(frozen=True)
class RestoreResult:
    backup_time: datetime
    journal_entries: int
    journal_unreadable: int
    keys_destroyed: int
    subjects_closed: int
    keys_rewrapped: int


def restore_check(*, manifest: dict[str, Any]) -> None:
    """Refuses, before anything is written, what the restore could not finish."""
    _migrations_check(manifest)
    _keks_check(manifest["kek_ids"])
    for alias, role in ROLES.items():
        if engine(alias) == "postgresql":
            tool("pg_restore")
            with postgres_connection(alias) as connection:
                others = connection.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                ).fetchone()[0]
            if others:
                raise BackupError(
                    f"the {role} database has {others} other connections: stop hogo (web "
                    "server, workers, cron) before restoring"
                )


def _migrations_check(manifest: dict[str, Any]) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    for role, apps in manifest["migrations"].items():
        unknown = [f"{app}.{name}" for app, names in apps.items() for name in names]
        unknown = [m for m in unknown if tuple(m.split(".", 1)) not in known]
        if unknown:
            raise BackupError(
                f"the backup's {role} database has migrations this version of hogo does not "
                f"know ({', '.join(unknown[:5])}): restore it with the hogo version "
                f"{manifest['hogo_version']} or later"
            )


def _keks_check(kek_ids: Sequence[str]) -> None:
    store = kek_store()
    try:
        active = store.active()
    except KekError as exc:
        raise BackupError(
            f"{exc}. A backup never holds the key-encryption key: restore it from its own backup "
            "first"
        ) from None
    pending = store.pending()
    usable = {active.key_id} | ({pending.key_id} if pending is not None else set())
    missing = []
    for kek_id in kek_ids:
        if kek_id in usable:
            continue
        if isinstance(store, RetiredKeks):
            if store.retired(kek_id) is None:
                missing.append(f"{store.retired_path(kek_id)} (key-encryption key {kek_id})")
        else:
            missing.append(f"key-encryption key {kek_id} ({store.describe()} cannot provide it)")
    if missing:
        raise BackupError(
            f"the backup's key store wraps data keys with key-encryption keys that are neither "
            f"the active one ({active.key_id}) nor found: missing {'; '.join(missing)}. "
            "`hogo keys rotate` kept each retired key beside the master key file; copy it back "
            "from the KEK's backup, or nobody in this backup can be decrypted"
        )


def backup_restore(*, directory: Path, manifest: dict[str, Any]) -> RestoreResult:
    """Restores a backup checked by `restore_check`. The service must be stopped."""
    since = created_at(manifest) - OVERLAP
    entries, unreadable = journal_read()
    replayed = [e for e in entries if e.at >= since]
    connections.close_all()
    _database_restore(KEYS_DB, directory / manifest["databases"]["keys"]["file"])
    destroyed = _keys_destroy(replayed)
    _database_restore(DEFAULT_DB_ALIAS, directory / manifest["databases"]["main"]["file"])
    connections.close_all()
    for alias in (DEFAULT_DB_ALIAS, KEYS_DB):
        call_command("migrate", database=alias, interactive=False, verbosity=0)
    rewrapped = _keys_rewrap()
    closed = _subjects_close(replayed)
    audit_record(
        actor=ACTOR,
        action="vault.restore",
        detail={
            "backup_created_at": manifest["created_at"],
            "backup_audit_head": manifest["audit_head"]["hash"],
            "backup_audit_events": manifest["audit_head"]["count"],
            "journal_entries_replayed": len(replayed),
            "journal_unreadable_lines": unreadable,
            "keys_destroyed": destroyed,
            "subjects_closed": closed,
            "keys_rewrapped": rewrapped,
        },
    )
    return RestoreResult(
        created_at(manifest), len(replayed), unreadable, destroyed, closed, rewrapped
    )


def _database_restore(alias: str, snapshot: Path) -> None:
    if engine(alias) == "sqlite":
        live = Path(str(connections[alias].settings_dict["NAME"]))
        live.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with closing(sqlite3.connect(snapshot)) as src, closing(sqlite3.connect(live)) as dst:
            src.backup(dst)
        live.chmod(0o600)
        return
    with postgres_connection(alias) as connection:
        connection.autocommit = True
        # Tables made by later migrations must go too, or migrating forward would collide.
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    done = subprocess.run(  # noqa: S603 (fixed arguments, no shell)
        [tool("pg_restore"), "--no-owner", "--single-transaction", "--exit-on-error",
         f"--dbname={connections[alias].settings_dict['NAME']}", str(snapshot)],
        env=postgres_env(alias),
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise BackupError(
            f"pg_restore of the {ROLES[alias]} database failed (run hogo restore again once "
            f"fixed): {done.stderr.strip()}"
        )


def _keys_destroy(entries: Sequence[JournalEntry]) -> int:
    """Destroys the journaled keys again, matched by id and subject (a ref is never reused for
    a new key, but a key id might be after a restore)."""
    destroyed = 0
    for start in range(0, len(entries), BATCH):
        wanted = {(e.key_id, e.subject) for e in entries[start : start + BATCH]}
        with transaction.atomic(using=KEYS_DB):
            held = DataKey.objects.filter(pk__in=[pk for pk, _ in wanted])
            pairs = held.values_list("pk", "subject_ref")
            doomed = [pk for pk, ref in pairs if (pk, ref) in wanted]
            destroyed += DataKey.objects.filter(pk__in=doomed).delete()[0]
    return destroyed


def _subjects_close(entries: Sequence[JournalEntry]) -> int:
    """Closes the journaled subjects the restored main database still holds as active, with
    disposal records and the status their erasure or disposal gave them."""
    reasons = {e.subject: e.reason for e in entries}
    refs = sorted(reasons)
    closed = 0
    for start in range(0, len(refs), BATCH):
        with transaction.atomic():
            subjects = list(
                Subject.objects.select_for_update()
                .filter(ref__in=refs[start : start + BATCH], status=SubjectStatus.ACTIVE)
                .order_by("pk")
            )
            if not subjects:
                continue
            notes = 0
            for subject in subjects:
                reason = reasons[subject.ref]
                if reason not in DisposalReason.values:
                    reason = DisposalReason.ERASURE_REQUEST  # a leftover key: closed anyway
                _dispose(Item.objects.filter(subject=subject), reason=reason, actor=ACTOR)
                _indexes_delete(subject.pk)
                notes += _notes_delete([subject.ref])
                expired = reason == DisposalReason.RETENTION_EXPIRED
                _close(subject, SubjectStatus.DISPOSED if expired else SubjectStatus.ERASED)
            audit_record(
                actor=ACTOR,
                action="vault.erase.replay",
                subjects=[s.ref for s in subjects],
                detail={"subjects_closed": len(subjects), "notes": notes},
            )
            closed += len(subjects)
    return closed


def _keys_rewrap() -> int:
    """Rewraps keys restored under a retired KEK with the current one."""
    kek = kek_for_wrapping()
    stale = ~Q(kek_id=kek.key_id)
    with transaction.atomic(using=KEYS_DB):
        for secret in KeyStoreSecret.objects.filter(stale):
            plain = kek_for_unwrapping(secret.kek_id).unwrap(
                bytes(secret.wrapped), aad=secret_aad(secret.name)
            )
            secret.wrapped = kek.wrap(plain, aad=secret_aad(secret.name))
            secret.kek_id = kek.key_id
            secret.save(update_fields=["wrapped", "kek_id"])
    done = 0
    while True:
        with transaction.atomic(using=KEYS_DB):
            batch = list(
                DataKey.objects.filter(stale).values_list("pk", "subject_ref", "wrapped", "kek_id")[
                    :BATCH
                ]
            )
            for pk, ref, wrapped, kek_id in batch:
                plain = kek_for_unwrapping(kek_id).unwrap(bytes(wrapped), aad=data_key_aad(ref))
                DataKey.objects.filter(pk=pk).update(
                    wrapped=kek.wrap(plain, aad=data_key_aad(ref)), kek_id=kek.key_id
                )
        if not batch:
            return done
        done += len(batch)
