"""Sends the vault's key-store models to the `keys` database, and nothing else there."""

from typing import Any

from django.db.models import Model

KEYS_DB = "keys"
# By name, not by a class attribute: migrations see historical models, which carry no extras.
KEYSTORE_MODELS = frozenset({"vault.datakey", "vault.keystoresecret"})


def _in_keystore(model: type[Model] | Model) -> bool:
    return model._meta.label_lower in KEYSTORE_MODELS


class KeyStoreRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        return KEYS_DB if _in_keystore(model) else None

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        return KEYS_DB if _in_keystore(model) else None

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # A relation across the two databases would put a key next to the data it protects.
        if _in_keystore(obj1) != _in_keystore(obj2):
            return False
        return None

    def allow_migrate(
        self, db: str, app_label: str, model_name: str | None = None, **hints: Any
    ) -> bool | None:
        if model_name is not None and f"{app_label}.{model_name}" in KEYSTORE_MODELS:
            return db == KEYS_DB
        if db == KEYS_DB:
            # The key store holds keys only: no auth tables, no personal data.
            return False
        return None
