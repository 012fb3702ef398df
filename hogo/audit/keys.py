"""The audit key: keys the hash chain and signs anchors; it lives in a file outside the database.

Someone who can write to the database but cannot read this file can neither extend nor rewrite
the chain without `hogo audit verify` noticing. The file (`settings.AUDIT_KEY_FILE`, mode 0600)
is JSON: `{"key": "<base64 of 32 random bytes>", "keyed_from": N}`. `keyed_from` is the first
event that was keyed with it: events from there on must be HMACs, so a table re-chained with
plain SHA-256 is refused even before any anchor exists. audit sits left of the vault, so this
is its own file, not one derived from the vault's key-encryption key.
"""

import base64
import binascii
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from hogo.keyfiles import KeyFileOpen, KeyFiles, keyfile_create

KEY_BYTES = 32


class AuditKeyError(Exception):
    """The audit key file is missing, unreadable or open to others. Never carries the key."""


@dataclass(frozen=True)
class AuditKey:
    chain_key: bytes
    anchor_key: bytes
    keyed_from: int


def _derived(key: bytes, label: bytes) -> bytes:
    # One key per use, so an event hash can never be passed off as an anchor signature.
    return hmac.new(key, b"hogo.audit." + label, hashlib.sha256).digest()


def audit_key_path() -> Path:
    return Path(settings.AUDIT_KEY_FILE)


def _load(name: str) -> AuditKey:
    try:
        content = json.loads(Path(name).read_text())
        raw = base64.b64decode(content["key"], validate=True)
        keyed_from = content["keyed_from"]
    except (OSError, ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise AuditKeyError(
            f"the audit key file {name} cannot be read ({type(exc).__name__})"
        ) from None
    if len(raw) != KEY_BYTES or not isinstance(keyed_from, int) or keyed_from < 1:
        raise AuditKeyError(f"the audit key file {name} does not hold a {KEY_BYTES}-byte key")
    return AuditKey(
        chain_key=_derived(raw, b"chain"),
        anchor_key=_derived(raw, b"anchor"),
        keyed_from=keyed_from,
    )


_files = KeyFiles(_load)


def audit_key_read() -> AuditKey | None:
    """The audit key, or None while its file does not exist."""
    # The setting's own object, not a new Path: a Path caches its text, and making one per
    # audited action cost several times the stat itself.
    name = os.fspath(settings.AUDIT_KEY_FILE)
    try:
        return _files.read(name)
    except KeyFileOpen:
        raise AuditKeyError(
            f"the audit key file {name} is readable by other users: chmod 600 it"
        ) from None


def audit_key_required() -> AuditKey:
    key = audit_key_read()
    if key is None:
        raise AuditKeyError(
            f"the audit key file {audit_key_path()} does not exist: restore it from its backup "
            "(kept with the key-encryption key), or point HOGO_AUDIT_KEY_FILE at it"
        )
    return key


def audit_key_create(*, keyed_from: int) -> AuditKey:
    """Writes a fresh key unless the file exists; safe when several processes race (the first
    writer wins, the others read its key)."""
    content = {"key": base64.b64encode(os.urandom(KEY_BYTES)).decode(), "keyed_from": keyed_from}
    keyfile_create(audit_key_path(), json.dumps(content) + "\n")
    return audit_key_required()
