"""Per-subject data keys and the blind-index root key, kept wrapped by the KEK in the key store.

Key-store writes commit on their own (a second database): a new subject's key is committed
before the main transaction that uses it, and an erased subject's key is destroyed before the
main transaction that records the erasure. Either way a failure leaves no readable data behind:
at worst an unused key, or data that can no longer be opened.
"""

from collections.abc import Iterable, Sequence
from functools import lru_cache

from django.db import IntegrityError, connections, transaction
from django.utils import timezone

from hogo.vault.bulk import columns_insert, in_values
from hogo.vault.crypto import (
    BlindIndexer,
    FieldCipher,
    key_derive,
    key_generate,
    keys_generate,
)
from hogo.vault.journal import journal_append
from hogo.vault.kek import KekMismatch, KekMissing, KeyEncryptionKey, RetiredKeks, kek_store
from hogo.vault.models import DataKey, KeyStoreSecret
from hogo.vault.routers import KEYS_DB

INDEX_ROOT = "blind-index-root"


def data_key_aad(subject_ref: str) -> bytes:
    return b"hogo.datakey.v1\x1f" + subject_ref.encode()


def secret_aad(name: str) -> bytes:
    return b"hogo.secret.v1\x1f" + name.encode()


def kek_for_wrapping() -> KeyEncryptionKey:
    """The KEK for new keys: the pending one while a rotation runs (so that the rotation never
    misses a key), else the active one, made on first use but only while the key store is empty:
    a KEK lost after data keys exist must never be silently replaced by a new one."""
    store = kek_store()
    try:
        active = store.active()
    except KekMissing:
        held = DataKey.objects.count() + KeyStoreSecret.objects.count()
        if not held:
            return store.create()
        try:
            # Keys exist: either another process made the first KEK since we looked (it writes
            # the file before any key), or the KEK is truly lost.
            active = store.active()
        except KekMissing:
            raise KekMissing(
                f"the key store holds {held} wrapped keys but the {store.describe()} is missing: "
                "restore it (or set HOGO_MASTER_KEY_FILE); hogo will not make a new one"
            ) from None
    return store.pending() or active


def kek_for_unwrapping(kek_id: str) -> KeyEncryptionKey:
    store = kek_store()
    candidates = [store.active()]
    if (pending := store.pending()) is not None:
        candidates.append(pending)
    for kek in candidates:
        if kek.key_id == kek_id:
            return kek
    if isinstance(store, RetiredKeks):
        # A key store restored from before a `hogo keys rotate` (hogo restore rewraps it).
        if (retired := store.retired(kek_id)) is not None:
            return retired
        raise KekMismatch(
            f"keys in the key store are wrapped with key-encryption key {kek_id}, but the "
            f"{store.describe()} holds {candidates[0].key_id}: wrong HOGO_MASTER_KEY_FILE, a key "
            "store restored from another installation, or one from before a `hogo keys rotate` "
            f"whose retired key file {store.retired_path(kek_id)} (key {kek_id}) is missing: "
            "copy that file back from the key-encryption key's backup"
        )
    raise KekMismatch(
        f"keys in the key store are wrapped with key-encryption key {kek_id}, but the "
        f"{store.describe()} holds {candidates[0].key_id}: wrong HOGO_MASTER_KEY_FILE or a key "
        "store restored from another installation"
    )


def index_root() -> bytes:
    """The blind-index root key, created with the first KEK.

    Kept in memory per key store and configured KEK: it never changes (a rotation rewraps it),
    and a different KEK file changes the KEK id, which sends the next call back to the key store,
    where unwrapping it is what catches a wrong KEK before anything is written."""
    location = str(connections[KEYS_DB].settings_dict["NAME"])
    try:
        configured = kek_store().active().key_id
    except KekMissing:
        configured = ""  # first run: made below, with the first KEK
    if (root := _roots.get((location, configured))) is not None:
        return root
    secret = KeyStoreSecret.objects.filter(name=INDEX_ROOT).first()
    if secret is None:
        kek = kek_for_wrapping()
        try:
            with transaction.atomic(using=KEYS_DB):
                secret = KeyStoreSecret.objects.create(
                    name=INDEX_ROOT,
                    wrapped=kek.wrap(key_generate(), aad=secret_aad(INDEX_ROOT)),
                    kek_id=kek.key_id,
                )
        except IntegrityError:
            secret = KeyStoreSecret.objects.get(name=INDEX_ROOT)
    root = kek_for_unwrapping(secret.kek_id).unwrap(
        bytes(secret.wrapped), aad=secret_aad(INDEX_ROOT)
    )
    _roots[(location, kek_store().active().key_id)] = root
    return root


# Unwrapped roots by (key store, configured KEK id).
_roots: dict[tuple[str, str], bytes] = {}


@lru_cache(maxsize=32)
def _indexer(root: bytes, kind: str) -> BlindIndexer:
    return BlindIndexer(key_derive(root, info=f"hogo.blind-index.v1.{kind}"))


def blind_indexer(kind: str) -> BlindIndexer:
    return _indexer(index_root(), kind)


def data_keys_create(subject_refs: Sequence[str]) -> dict[str, FieldCipher]:
    """New random data keys for new subjects, wrapped and committed to the key store."""
    kek = kek_for_wrapping()
    # Sorted: the refs are random, and rows in index order touch each page of the unique index
    # once per batch.
    refs = sorted(subject_refs)
    plain = keys_generate(len(refs))
    with transaction.atomic(using=KEYS_DB):
        pks = columns_insert(
            DataKey,
            {
                "subject_ref": refs,
                "wrapped": [
                    kek.wrap(key, aad=data_key_aad(ref))
                    for ref, key in zip(refs, plain, strict=True)
                ],
                "kek_id": [kek.key_id] * len(refs),
                "created_at": [timezone.now()] * len(refs),
            },
            returning=True,
        )
    return {ref: FieldCipher(key, key_id=pk) for ref, key, pk in zip(refs, plain, pks, strict=True)}


def data_keys_load(subject_refs: Iterable[str]) -> dict[str, FieldCipher]:
    """The unwrapped data keys of these subjects; a subject whose key is destroyed is absent."""
    refs = list(dict.fromkeys(subject_refs))
    ciphers: dict[str, FieldCipher] = {}
    keks: dict[str, KeyEncryptionKey] = {}
    connection = connections[KEYS_DB]
    table = connection.ops.quote_name(DataKey._meta.db_table)
    for start in range(0, len(refs), 2000):
        matching, values = in_values(connection, "subject_ref", refs[start : start + 2000])
        # Plain SQL: the ORM's preparing of 1,000 bound refs cost as much as unwrapping the keys.
        # The table name comes from the model and every ref is bound: nothing to inject.
        sql = f"SELECT id, subject_ref, wrapped, kek_id FROM {table} WHERE {matching}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            rows = cursor.fetchall()
        for pk, ref, wrapped, kek_id in rows:
            kek = keks.get(kek_id) or keks.setdefault(kek_id, kek_for_unwrapping(kek_id))
            key = kek.unwrap(bytes(wrapped), aad=data_key_aad(ref))
            ciphers[ref] = FieldCipher(key, key_id=pk)
    return ciphers


def data_keys_destroy(subject_refs: Sequence[str], *, reason: str = "key_destroyed") -> int:
    """Crypto-shredding: the key store forgets these subjects' keys (committed at once).

    Each destroyed key is written to the erasure journal (journal.py) before the deletion
    commits: a crash in between leaves at worst an entry for a key that still exists, which
    `hogo restore` replays harmlessly; never a destroyed key the journal does not know. A
    journal that cannot be written rolls the deletion back."""
    deleted = 0
    connection = connections[KEYS_DB]
    table = connection.ops.quote_name(DataKey._meta.db_table)
    with transaction.atomic(using=KEYS_DB), connection.cursor() as cursor:
        for start in range(0, len(subject_refs), 2000):
            matching, values = in_values(
                connection, "subject_ref", subject_refs[start : start + 2000]
            )
            # One statement: the rows are deleted (and locked) and named for the journal, which
            # is synced before the COMMIT below, as before the deletion it was.
            sql = f"DELETE FROM {table} WHERE {matching} RETURNING id, subject_ref"  # noqa: S608
            cursor.execute(sql, values)
            doomed = cursor.fetchall()
            if doomed:
                journal_append([(ref, pk) for pk, ref in doomed], reason=reason)
                deleted += len(doomed)
    return deleted
