"""AES-256-GCM for personal values, HMAC-SHA256 blind indexes, HKDF: the vault's only cipher code.

A sealed field is `version (1 byte) | data key id (8 bytes) | nonce (12 bytes) | ciphertext+tag`.
The associated data binds table, column, row and subject, so a ciphertext moved to another row,
column or person does not open. Sealing is a method of `FieldCipher`; opening is the separate
function `field_open`, which only the access package may import (a test proves it).
"""

import hashlib
import os
import struct
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
HEADER = struct.Struct(">BQ")
# 128 bits keep exact-match collisions out of reach at any realistic number of people.
BLIND_INDEX_BYTES = 16


class CiphertextInvalid(Exception):
    """A sealed value does not open with this key and context (wrong key, row or tampering)."""


def key_generate() -> bytes:
    return os.urandom(KEY_BYTES)


def keys_generate(count: int) -> list[bytes]:
    """`count` new random keys from one read of the system's CSPRNG."""
    material = os.urandom(KEY_BYTES * count)
    return [material[start : start + KEY_BYTES] for start in range(0, len(material), KEY_BYTES)]


def associated_data(*, table: str, column: str, row: str, subject: str) -> bytes:
    return "\x1f".join(("hogo.field.v1", table, column, row, subject)).encode()


class FieldCipher:
    """One subject's data key, unwrapped, ready to seal that subject's values."""

    __slots__ = ("_aead", "_header", "key_id")

    def __init__(self, key: bytes, *, key_id: int) -> None:
        self._aead = AESGCM(key)
        self.key_id = key_id
        self._header = HEADER.pack(FORMAT_VERSION, key_id)

    def seal(self, plaintext: str, *, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return self._header + nonce + self._aead.encrypt(nonce, plaintext.encode(), aad)


def fields_seal(
    ciphers: Sequence[FieldCipher], plaintexts: Sequence[str], aads: Sequence[bytes]
) -> list[bytes]:
    """Seals many values at once (the i-th plaintext with the i-th cipher and associated data),
    as `FieldCipher.seal` does one by one: the random nonces come from one read of the system's
    CSPRNG, cut into 12-byte pieces that no two values share."""
    if not len(ciphers) == len(plaintexts) == len(aads):
        raise ValueError("fields_seal: one cipher and associated data per plaintext")
    nonces = os.urandom(NONCE_BYTES * len(plaintexts))
    sealed: list[bytes] = []
    append = sealed.append
    start = 0
    for cipher, plaintext, aad in zip(ciphers, plaintexts, aads, strict=True):
        nonce = nonces[start : start + NONCE_BYTES]
        start += NONCE_BYTES
        append(cipher._header + nonce + cipher._aead.encrypt(nonce, plaintext.encode(), aad))
    return sealed


_OPENED = HEADER.size + NONCE_BYTES


def field_open(cipher: FieldCipher, sealed: bytes | memoryview, *, aad: bytes) -> str:
    """The plaintext of a sealed value; raises CiphertextInvalid (never showing any bytes)."""
    if type(sealed) is not bytes:
        sealed = bytes(sealed)  # PostgreSQL returns memoryview
    if len(sealed) < _OPENED + 16:
        raise CiphertextInvalid("sealed value is truncated")
    if sealed[: HEADER.size] != cipher._header:
        version, key_id = HEADER.unpack_from(sealed)
        if version != FORMAT_VERSION:
            raise CiphertextInvalid(f"unknown sealed value format {version}")
        raise CiphertextInvalid(f"sealed with data key {key_id}, not {cipher.key_id}")
    try:
        plaintext = cipher._aead.decrypt(sealed[HEADER.size : _OPENED], sealed[_OPENED:], aad)
    except InvalidTag:
        raise CiphertextInvalid("sealed value failed authentication") from None
    return plaintext.decode()


def key_derive(root: bytes, *, info: str) -> bytes:
    return HKDF(algorithm=SHA256(), length=KEY_BYTES, salt=None, info=info.encode()).derive(root)


class BlindIndexer:
    """Keyed digests for exact lookup: equal normalized inputs give equal digests, nothing more.

    HMAC-SHA256 (RFC 2104), truncated to BLIND_INDEX_BYTES. The key's inner and outer SHA-256
    states are computed once and copied for every digest: what `hmac.HMAC.copy()` does, without
    the Python object it builds around each copy (half a digest's time; tests/test_blind_index.py
    compares with `hmac.new` over many inputs)."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes) -> None:
        block = hashlib.sha256().block_size
        if len(key) > block:
            key = hashlib.sha256(key).digest()
        key = key.ljust(block, b"\0")
        self._inner = hashlib.sha256(key.translate(_IPAD))
        self._outer = hashlib.sha256(key.translate(_OPAD))

    def digest(self, normalized: str) -> str:
        inner = self._inner.copy()
        inner.update(normalized.encode())
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()[:BLIND_INDEX_BYTES].hex()


# RFC 2104's pads, as translation tables (as the `hmac` module keeps them).
_IPAD = bytes(x ^ 0x36 for x in range(256))
_OPAD = bytes(x ^ 0x5C for x in range(256))
