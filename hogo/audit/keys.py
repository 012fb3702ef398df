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
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

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


# Parsed key files by (path, inode, mtime, size): audit_record pays a stat, not a read.
_loaded: dict[tuple[str, int, int, int], AuditKey] = {}


def audit_key_path() -> Path:
    return Path(settings.AUDIT_KEY_FILE)


def audit_key_read() -> AuditKey | None:
    """The audit key, or None while its file does not exist."""
    # The setting's own object, not a new Path: a Path caches its text, and making one per
    # audited action cost several times the stat itself.
    name = os.fspath(settings.AUDIT_KEY_FILE)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        return None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise AuditKeyError(f"the audit key file {name} is readable by other users: chmod 600 it")
    cache_key = (name, info.st_ino, info.st_mtime_ns, info.st_size)
    if (loaded := _loaded.get(cache_key)) is not None:
        return loaded
    path = Path(name)
    try:
        content = json.loads(path.read_text())
        raw = base64.b64decode(content["key"], validate=True)
        keyed_from = content["keyed_from"]
    except (OSError, ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise AuditKeyError(
            f"the audit key file {path} cannot be read ({type(exc).__name__})"
        ) from None
    if len(raw) != KEY_BYTES or not isinstance(keyed_from, int) or keyed_from < 1:
        raise AuditKeyError(f"the audit key file {path} does not hold a {KEY_BYTES}-byte key")
    loaded = AuditKey(
        chain_key=_derived(raw, b"chain"),
        anchor_key=_derived(raw, b"anchor"),
        keyed_from=keyed_from,
    )
    _loaded[cache_key] = loaded
    return loaded


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
    path = audit_key_path()
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        content = {
            "key": base64.b64encode(os.urandom(KEY_BYTES)).decode(),
            "keyed_from": keyed_from,
        }
        try:
            with os.fdopen(fd, "w") as f:
                f.write(json.dumps(content) + "\n")
                f.flush()
                os.fsync(f.fileno())
            # link() never replaces an existing file, unlike rename().
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
    return audit_key_required()
