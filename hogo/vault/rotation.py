"""KEK rotation: every wrapped key in the key store is rewrapped under a new KEK; the data
itself is not re-encrypted. Resumable and idempotent: a key already under the new KEK is
skipped, so an interrupted run is finished by running it again (the pending KEK is kept as
`<master key file>.next` until the end)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from hogo.audit.services import audit_record
from hogo.vault.kek import kek_store
from hogo.vault.keys import data_key_aad, kek_for_unwrapping, secret_aad
from hogo.vault.models import DataKey, KeyStoreSecret
from hogo.vault.routers import KEYS_DB

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RotationResult:
    old_kek: str
    new_kek: str
    rewrapped: int
    resumed: bool
    note: str


def kek_rotate(
    *, actor: str, batch_size: int = 1000, progress: Progress | None = None
) -> RotationResult:
    """Rewraps every key under a new KEK, `batch_size` keys per key-store transaction, calling
    `progress(done, total)` after each batch. Audited when it starts and when it ends."""
    store = kek_store()
    old = store.active()
    resumed = store.pending() is not None
    new = store.rotation_begin()
    stale = ~Q(kek_id=new.key_id)
    total = DataKey.objects.filter(stale).count()
    audit_record(
        actor=actor,
        action="vault.keys.rotate.begin",
        detail={"from": old.key_id, "to": new.key_id, "resumed": resumed, "to_rewrap": total},
    )
    for secret in KeyStoreSecret.objects.filter(stale):
        plain = kek_for_unwrapping(secret.kek_id).unwrap(
            bytes(secret.wrapped), aad=secret_aad(secret.name)
        )
        KeyStoreSecret.objects.filter(pk=secret.pk).update(
            wrapped=new.wrap(plain, aad=secret_aad(secret.name)), kek_id=new.key_id
        )
    done = 0
    while True:
        # Re-queried until empty: keys made meanwhile are wrapped with the pending KEK anyway.
        with transaction.atomic(using=KEYS_DB):
            batch = list(
                DataKey.objects.select_for_update()
                .filter(stale)
                .order_by("pk")
                .values_list("pk", "subject_ref", "wrapped", "kek_id")[:batch_size]
            )
            for pk, ref, wrapped, kek_id in batch:
                plain = kek_for_unwrapping(kek_id).unwrap(bytes(wrapped), aad=data_key_aad(ref))
                DataKey.objects.filter(pk=pk).update(
                    wrapped=new.wrap(plain, aad=data_key_aad(ref)), kek_id=new.key_id
                )
        if not batch:
            break
        done += len(batch)
        if progress is not None:
            progress(done, max(total, done))
    note = store.rotation_finish()
    audit_record(
        actor=actor,
        action="vault.keys.rotate.end",
        detail={"from": old.key_id, "to": new.key_id, "rewrapped": done},
    )
    return RotationResult(old.key_id, new.key_id, done, resumed, note)
