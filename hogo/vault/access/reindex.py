"""The phone blind indexes derived again from the sealed numbers, after a change of the phone
normal form (issue 17: libphonenumber's E.164 replaced hogo's own rules).

A blind index is a keyed digest of the normal form, so a new normal form needs the numbers
themselves: each phone item is opened with its subject's data key (this is why the module sits
in the access package), normalized again and its digest, and the subject's phone index rows,
rewritten where they differ. Batches of items in primary-key order, each in one transaction:
an interrupted run leaves every batch either done or untouched, and running it again finishes
the work (a digest already right is not written again). A number the new rules no longer
accept keeps its old digest and is counted, never printed.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from hogo.audit.services import audit_record
from hogo.policy.selectors import policy_active
from hogo.vault.crypto import field_open
from hogo.vault.keys import blind_indexer, data_keys_load
from hogo.vault.models import BlindIndex, IdentifierKind, Item, item_aad
from hogo.vault.normalize import phone_normalize

Progress = Callable[[int, int], None]
_Row = tuple[Any, int, str, str, bytes | memoryview]  # item pk, subject id and ref, digest, sealed


@dataclass(frozen=True)
class ReindexResult:
    items: int  # phone items looked at
    changed: int  # whose digest changed
    rejected: int  # numbers the normal form no longer accepts (old digest kept)
    unreadable: int  # items whose data key is destroyed (an erasure in progress)


def phone_indexes_rebuild(
    *, actor: str, batch_size: int = 500, progress: Progress | None = None
) -> ReindexResult:
    """Every phone item's digest and index row under the current normal form; `progress(done,
    total)` after each batch. Audited when it starts and when it ends (counts only)."""
    category = policy_active().identifier_categories().get(IdentifierKind.PHONE)
    phones = Item.objects.filter(category=category).exclude(digest="")
    total = phones.count() if category else 0
    audit_record(actor=actor, action="vault.phone_index.rebuild.begin", detail={"items": total})
    counts = [0, 0, 0, 0]
    after = None
    while category:
        page = phones.order_by("pk")
        if after is not None:
            page = page.filter(pk__gt=after)
        batch = list(
            page.values_list("pk", "subject_id", "subject__ref", "digest", "sealed")[:batch_size]
        )
        if not batch:
            break
        for i, n in enumerate(_batch_rebuild(batch)):
            counts[i] += n
        after = batch[-1][0]
        if progress is not None:
            progress(counts[0], total)
    result = ReindexResult(*counts)
    audit_record(actor=actor, action="vault.phone_index.rebuild.end", detail=result.__dict__.copy())
    return result


@transaction.atomic
def _batch_rebuild(batch: list[_Row]) -> tuple[int, int, int, int]:
    digest = blind_indexer(IdentifierKind.PHONE).digest
    ciphers = data_keys_load(ref for _, _, ref, _, _ in batch)
    changed = rejected = unreadable = 0
    moved: dict[int, dict[str, str]] = defaultdict(dict)  # subject -> old digest -> new
    for pk, subject_id, ref, old, sealed in batch:
        cipher = ciphers.get(ref)
        if cipher is None:
            unreadable += 1
            continue
        try:
            new = digest(phone_normalize(field_open(cipher, sealed, aad=item_aad(pk, ref))))
        except ValueError:
            rejected += 1
            continue
        if new != old:
            Item.objects.filter(pk=pk).update(digest=new)
            moved[subject_id][old] = new
            changed += 1
    for subject_id, renames in moved.items():
        _index_rows_rename(subject_id, renames)
    return len(batch), changed, rejected, unreadable


def _index_rows_rename(subject_id: int, renames: dict[str, str]) -> None:
    """The subject's phone index rows follow its items: an old digest no item holds any more
    goes, each new one is there once."""
    rows = BlindIndex.objects.filter(subject_id=subject_id, kind=IdentifierKind.PHONE)
    held = set(
        Item.objects.filter(subject_id=subject_id)
        .exclude(digest="")
        .values_list("digest", flat=True)
    )
    rows.filter(digest__in=[old for old in renames if old not in held]).delete()
    present = set(rows.values_list("digest", flat=True))
    BlindIndex.objects.bulk_create(
        BlindIndex(subject_id=subject_id, kind=IdentifierKind.PHONE, digest=new)
        for new in set(renames.values()) - present
    )
