"""The erasure journal: every destroyed data key, kept outside both databases.

A backup of the key store still holds the keys of people erased after it was made; restoring it
would bring them back. So every crypto-shredding (`keys.data_keys_destroy`) first appends one
line per key to this file, and `hogo restore` destroys those keys again (restore.py).

One JSON object per line: `{"at": ISO time, "subject": pseudonymous ref, "key": data key id,
"reason": why}`; no personal data. Append-only, fsync'ed before the key deletion commits, mode
0600. Default `<HOGO_MASTER_KEY_FILE>.erasures`, beside the KEK and backed up with it; setting
`HOGO_ERASURE_JOURNAL` (`ERASURE_JOURNAL`) moves it.
"""

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone


class JournalError(Exception):
    """The journal cannot be written or read. Messages name the file, never a person."""


@dataclass(frozen=True)
class JournalEntry:
    at: datetime
    subject: str
    key_id: int
    reason: str


def journal_path() -> Path:
    configured = getattr(settings, "ERASURE_JOURNAL", None)
    if configured:
        return Path(configured)
    master = Path(settings.MASTER_KEY_FILE)
    return master.with_name(master.name + ".erasures")


def journal_append(keys: Sequence[tuple[str, int]], *, reason: str) -> None:
    """Appends (subject ref, data key id) pairs and syncs them to disk before returning."""
    if not keys:
        return
    at = timezone.now().isoformat()
    lines = "".join(
        json.dumps({"at": at, "subject": ref, "key": pk, "reason": reason}) + "\n"
        for ref, pk in keys
    )
    path = journal_path()
    created = not path.exists()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            # One write: O_APPEND keeps concurrent writers' lines whole.
            os.write(fd, lines.encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            _directory_sync(path.parent)
    except OSError as exc:
        raise JournalError(
            f"the erasure journal {path} cannot be written ({exc.strerror}); no key was destroyed"
        ) from None


def journal_read() -> tuple[list[JournalEntry], int]:
    """Every entry, oldest first, and the number of unreadable lines (a line torn by a crash
    during its write is the only expected one)."""
    path = journal_path()
    entries: list[JournalEntry] = []
    bad = 0
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                entry = _parsed(line)
                if entry is None:
                    bad += 1
                else:
                    entries.append(entry)
    except FileNotFoundError:
        return [], 0
    except OSError as exc:
        raise JournalError(f"the erasure journal {path} cannot be read ({exc.strerror})") from None
    return entries, bad


def _parsed(line: str) -> JournalEntry | None:
    try:
        raw = json.loads(line)
        entry = JournalEntry(
            at=datetime.fromisoformat(raw["at"]),
            subject=str(raw["subject"]),
            key_id=int(raw["key"]),
            reason=str(raw.get("reason", "")),
        )
    except (ValueError, KeyError, TypeError):
        return None
    return entry if entry.at.tzinfo is not None else None


def _directory_sync(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
