"""Start-up checks: hogo refuses to start with a missing or wrong key-encryption key, and warns
when its databases, keys or secret are open to other local users.

Run by `hogo runserver`, `hogo migrate`, `hogo check` and every other command that runs system
checks. Processes that skip them (a WSGI server) meet the same errors as exceptions at first use.
"""

import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register
from django.db import DatabaseError

from hogo.vault.journal import journal_path
from hogo.vault.kek import KekError, KekMissing, kek_store
from hogo.vault.keys import index_root
from hogo.vault.models import DataKey, KeyStoreSecret


@register()
def kek_check(app_configs: Sequence[AppConfig] | None = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        held = DataKey.objects.count() + KeyStoreSecret.objects.count()
    except DatabaseError:
        # Not migrated yet, or unreachable: `migrate` and the connection errors speak for it.
        return []
    store = kek_store()
    try:
        store.active()
    except KekMissing as exc:
        if not held:
            return []  # first run: the key is made at first use
        return [
            Error(
                f"hogo cannot start: {exc}",
                hint=f"The key store holds {held} wrapped keys that only that key can open.",
                id="vault.E001",
            )
        ]
    except KekError as exc:
        return [Error(f"hogo cannot start: {exc}", id="vault.E002")]
    if held:
        try:
            index_root()
        except KekError as exc:
            return [Error(f"hogo cannot start: {exc}", id="vault.E003")]
    return []


# What the data directory holds that no other local user may read: the SQLite databases (with
# live session keys) and their journals, the key-encryption keys, the audit chain's key, the
# generated secret key.
PRIVATE_FILES = ("*.sqlite3", "*.sqlite3-*", "master.key*", "audit.key", "secret_key")


def _open_to_others(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))
    except FileNotFoundError:
        return False


@register()
def permissions_check(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    data_dir = Path(settings.DATA_DIR)
    files = {p for pattern in PRIVATE_FILES for p in data_dir.glob(pattern)}
    files.add(Path(settings.MASTER_KEY_FILE))
    files.add(journal_path())
    wide = sorted(str(p) for p in files if _open_to_others(p))
    hint = "chmod 600 each file"
    if _open_to_others(data_dir):
        wide.insert(0, f"{data_dir}/")
        hint = f"chmod 700 {data_dir}; " + hint
    if not wide:
        return []
    return [
        Warning(
            f"other local users may read or change hogo's private files: {', '.join(wide)}",
            hint=hint,
            id="vault.W001",
        )
    ]
