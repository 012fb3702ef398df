"""The key that seals staff's TOTP secrets in the database: a file outside it
(`settings.SECOND_FACTOR_KEY_FILE`, default `HOGO_DATA_DIR/second-factor.key`, mode 0600), kept
as the audit key and the vault's key-encryption key are (`hogo.keyfiles`). A copy of the
database alone holds no secret, so it cannot make codes.

Sealed form: a version byte, a random 96-bit nonce, then AES-256-GCM ciphertext and tag (the
vault's field cipher, `cryptography`'s AESGCM). The associated data names the table, column and
user, so a sealed secret copied to another user's row does not open.
"""

import base64
import binascii
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

from hogo.keyfiles import KeyFileOpen, KeyFiles, keyfile_create

KEY_BYTES = 32
NONCE_BYTES = 12
VERSION = b"\x01"


class SecondFactorKeyError(Exception):
    """The key file is missing, unreadable, open to others or not the one that sealed a secret.
    Never carries the key or a secret."""


def _load(name: str) -> AESGCM:
    try:
        raw = base64.b64decode(Path(name).read_text().strip(), validate=True)
    except (OSError, UnicodeDecodeError, binascii.Error) as exc:
        raise SecondFactorKeyError(
            f"{name} cannot be read as a key file ({type(exc).__name__})"
        ) from None
    if len(raw) != KEY_BYTES:
        raise SecondFactorKeyError(f"{name} does not hold a {KEY_BYTES}-byte key")
    return AESGCM(raw)


_files = KeyFiles(_load)


def _cipher(*, create: bool) -> AESGCM:
    name = os.fspath(settings.SECOND_FACTOR_KEY_FILE)
    try:
        cipher = _files.read(name)
    except KeyFileOpen:
        raise SecondFactorKeyError(f"{name} is readable by other users: chmod 600 it") from None
    if cipher is not None:
        return cipher
    if not create:
        raise SecondFactorKeyError(
            f"the second-factor key file {name} does not exist: restore it from its backup "
            "(kept with the key-encryption key), or point HOGO_SECOND_FACTOR_KEY_FILE at it"
        )
    keyfile_create(Path(name), base64.b64encode(os.urandom(KEY_BYTES)).decode() + "\n")
    return _cipher(create=False)


def _aad(user_id: int) -> bytes:
    return b"hogo.second_factor.v1\x1fconsole_secondfactor\x1fsealed\x1f" + str(user_id).encode()


def secret_seal(secret: str, *, user_id: int, create_key: bool = False) -> bytes:
    """`secret` sealed for this user's row. `create_key` makes the key file if it is missing,
    which only a caller that knows no sealed secret exists may ask (a lost key must never be
    silently replaced while secrets sealed with it remain)."""
    nonce = os.urandom(NONCE_BYTES)
    cipher = _cipher(create=create_key)
    return VERSION + nonce + cipher.encrypt(nonce, secret.encode(), _aad(user_id))


def secret_open(sealed: bytes | memoryview, *, user_id: int) -> str:
    sealed = bytes(sealed)
    if sealed[:1] != VERSION:
        raise SecondFactorKeyError(f"the second factor of user:{user_id} is not sealed")
    nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
    try:
        return _cipher(create=False).decrypt(nonce, body, _aad(user_id)).decode()
    except InvalidTag:
        raise SecondFactorKeyError(
            f"the second factor of user:{user_id} does not open with "
            f"{settings.SECOND_FACTOR_KEY_FILE}: the key file does not belong to this database"
        ) from None
