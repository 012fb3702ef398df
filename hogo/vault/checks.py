"""Start-up checks: hogo refuses to start with a missing or wrong key-encryption key.

Run by `hogo runserver`, `hogo migrate`, `hogo check` and every other command that runs system
checks. Processes that skip them (a WSGI server) meet the same errors as exceptions at first use.
"""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, register
from django.db import DatabaseError

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
