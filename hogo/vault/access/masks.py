"""Masked identifiers for staff lists."""

from collections import defaultdict
from collections.abc import Sequence

from hogo.policy.selectors import policy_active
from hogo.vault.crypto import field_open
from hogo.vault.keys import data_keys_load
from hogo.vault.models import IdentifierKind, Item, item_aad


def subject_masks(*, subject_pks: Sequence[int]) -> dict[int, dict[str, str]]:
    """Masked identifiers (`t***@e***.jp`) for staff lists: enough to tell people apart, not
    to contact or identify them. Not a use of the data, so neither purpose-bound nor audited."""
    rows = (
        Item.objects.filter(subject_id__in=subject_pks)
        .exclude(digest="")
        .order_by("acquisition__acquired_at", "pk")
        .values_list("pk", "subject_id", "subject__ref", "category", "sealed")
    )
    # Items with a digest hold identifiers; the policy says which kind each category holds.
    kind_of = {c: k for k, c in policy_active().identifier_categories().items()}
    latest: dict[int, dict[str, tuple[str, str, bytes]]] = defaultdict(dict)
    for item_pk, subject_pk, ref, category, blob in rows:
        if (kind := kind_of.get(category)) is not None:
            latest[subject_pk][kind] = (item_pk.hex, ref, bytes(blob))
    refs = {ref for kinds in latest.values() for _, ref, _ in kinds.values()}
    ciphers = data_keys_load(refs)
    masks: dict[int, dict[str, str]] = {}
    for subject_pk, kinds in latest.items():
        masks[subject_pk] = {}
        for kind, (row, ref, sealed) in kinds.items():
            cipher = ciphers.get(ref)
            if cipher is not None:
                masks[subject_pk][kind] = mask(
                    kind, field_open(cipher, sealed, aad=item_aad(row, ref))
                )
    return masks


def mask(kind: str, value: str) -> str:
    if kind == IdentifierKind.EMAIL and "@" in value:
        local, _, domain = value.rpartition("@")
        first, dot, rest = domain.partition(".")
        return f"{local[:1]}***@{first[:1]}***{dot}{rest}"
    if kind == IdentifierKind.PHONE:
        return "***" + value[-4:] if len(value) > 6 else "***"
    if kind == IdentifierKind.MEMBER_NUMBER:
        return "***" + value[-2:] if len(value) > 4 else "***"
    return value[:1] + "***"
