"""The key-encryption key (KEK): wraps every per-subject data key; lives outside the databases.

`KeyEncryptionKey` is what the vault needs from a KEK; `KekStore` is where KEKs come from. The
default store is a local file (`settings.MASTER_KEY_FILE`, created on first use with mode 0600);
an external KMS plugs in by naming another store class in `settings.VAULT_KEK_STORE`.
"""

import base64
import binascii
import hashlib
import os
from pathlib import Path
from typing import Protocol, Self, runtime_checkable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from hogo.keyfiles import KeyFileOpen, KeyFiles, keyfile_create
from hogo.vault.crypto import KEY_BYTES, NONCE_BYTES


class KekError(Exception):
    """The KEK is missing, unreadable or wrong. Messages name files and key ids, never keys."""


class KekMissing(KekError):
    pass


class KekMismatch(KekError):
    pass


class KeyEncryptionKey(Protocol):
    @property
    def key_id(self) -> str: ...

    def wrap(self, key: bytes, *, aad: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, *, aad: bytes) -> bytes: ...


class KekStore(Protocol):
    """Where KEKs live. A rotation has a pending KEK until every data key is rewrapped."""

    @classmethod
    def from_settings(cls) -> Self: ...

    def describe(self) -> str: ...

    def active(self) -> KeyEncryptionKey:
        """The KEK new data keys are wrapped with; raises KekMissing."""
        ...

    def create(self) -> KeyEncryptionKey:
        """Makes the first KEK (only called while no data key exists)."""
        ...

    def pending(self) -> KeyEncryptionKey | None: ...

    def rotation_begin(self) -> KeyEncryptionKey:
        """The pending KEK: the one an interrupted rotation left, or a new one."""
        ...

    def rotation_finish(self) -> str:
        """Makes the pending KEK the active one; says what became of the old one."""
        ...


class AesGcmKek:
    """A 256-bit KEK held in memory; wraps with AES-256-GCM."""

    __slots__ = ("_aead", "key_id")

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise KekError(f"a key-encryption key must be {KEY_BYTES} bytes")
        self._aead = AESGCM(key)
        # An id that names the key without revealing it, stored beside every wrapped data key.
        self.key_id = "local:" + hashlib.sha256(b"hogo.kek.id\x00" + key).hexdigest()[:16]

    def wrap(self, key: bytes, *, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, key, aad)

    def unwrap(self, wrapped: bytes, *, aad: bytes) -> bytes:
        wrapped = bytes(wrapped)
        try:
            return self._aead.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], aad)
        except InvalidTag:
            raise KekMismatch(
                f"a data key does not unwrap with key-encryption key {self.key_id}: "
                "the master key file does not belong to this key store"
            ) from None


def _load(name: str) -> AesGcmKek:
    try:
        raw = base64.b64decode(Path(name).read_text().strip(), validate=True)
    except (OSError, UnicodeDecodeError, binascii.Error) as exc:
        raise KekError(f"{name} cannot be read as a key file ({type(exc).__name__})") from None
    if len(raw) != KEY_BYTES:
        raise KekError(f"{name} does not hold a {KEY_BYTES}-byte key")
    return AesGcmKek(raw)


_files = KeyFiles(_load)


class LocalFileKekStore:
    """The KEK in a file (base64 of 32 random bytes, mode 0600); a rotation writes `<file>.next`
    and, when done, keeps the old key as `<file>.retired-<key id>` for the operator to destroy
    once no key-store backup made with it is kept."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.next_path = path.with_name(path.name + ".next")
        # Plain strings for os.stat: the KEK file is checked on every use, pathlib's own
        # overhead was most of that check's cost.
        self._names = {path: os.fspath(path), self.next_path: os.fspath(self.next_path)}

    @classmethod
    def from_settings(cls) -> Self:
        return cls(Path(settings.MASTER_KEY_FILE))

    def describe(self) -> str:
        return f"master key file {self.path}"

    def active(self) -> AesGcmKek:
        kek = self._read(self.path)
        if kek is None:
            raise KekMissing(
                f"the master key file {self.path} does not exist: restore it from its backup, or "
                "point HOGO_MASTER_KEY_FILE at it"
            )
        return kek

    def create(self) -> AesGcmKek:
        self._write_new(self.path)
        return self.active()

    def pending(self) -> AesGcmKek | None:
        return self._read(self.next_path)

    def rotation_begin(self) -> AesGcmKek:
        self._write_new(self.next_path)
        kek = self.pending()
        assert kek is not None
        return kek

    def rotation_finish(self) -> str:
        new = self.pending()
        if new is None:
            raise KekMissing(f"no rotation in progress ({self.next_path} does not exist)")
        old = self._read(self.path)
        kept = ""
        if old is not None and old.key_id != new.key_id:
            retired = self.retired_path(old.key_id)
            if not retired.exists():
                os.link(self.path, retired)
            kept = f"; the old key is kept as {retired}: destroy it once no backup needs it"
        os.replace(self.next_path, self.path)
        return f"{self.path} now holds key-encryption key {new.key_id}{kept}"

    def retired_path(self, key_id: str) -> Path:
        """Where `rotation_finish` keeps the KEK with this id once it is no longer active."""
        return self.path.with_name(f"{self.path.name}.retired-{key_id.split(':')[-1]}")

    def retired(self, key_id: str) -> AesGcmKek | None:
        """The retired KEK with this id, if its file is still there (a restored key store, or
        one from before a rotation, may still need it)."""
        kek = self._read(self.retired_path(key_id))
        return kek if kek is not None and kek.key_id == key_id else None

    def _read(self, path: Path) -> AesGcmKek | None:
        try:
            return _files.read(self._names.get(path) or os.fspath(path))
        except KeyFileOpen:
            raise KekError(f"{path} is readable by other users: chmod 600 it") from None

    @staticmethod
    def _write_new(path: Path) -> None:
        keyfile_create(path, base64.b64encode(os.urandom(KEY_BYTES)).decode() + "\n")


@runtime_checkable
class RetiredKeks(Protocol):
    """A KEK store that keeps retired KEKs by id (the local file store does; a KMS may)."""

    def retired_path(self, key_id: str) -> Path: ...

    def retired(self, key_id: str) -> KeyEncryptionKey | None: ...


def kek_store() -> KekStore:
    """The configured KEK store, made once per process (and again when a setting changes, as
    tests do). The store itself still looks at its KEK on every use."""
    global _store
    if _store is None:
        store_class: type[KekStore] = import_string(settings.VAULT_KEK_STORE)
        _store = store_class.from_settings()
    return _store


_store: KekStore | None = None


@receiver(setting_changed)
def _store_forget(**kwargs: object) -> None:
    global _store
    _store = None
