"""`[[purposes]]`, and the keys a notice's own purposes (`[[notices.own_purposes]]`) share with
them."""

from collections.abc import Mapping
from typing import NamedTuple

from hogo.policy.schema.document import Category, Purpose, Text
from hogo.policy.schema.reader import Reader, items, known


class PurposeKeys(NamedTuple):
    """In the order of `NoticePurpose`'s fields after its id."""

    title: Text
    description: Text
    categories: tuple[str, ...]
    retention_days: int
    related_to: tuple[str, ...]


def purpose_keys(r: Reader, categories: Mapping[str, Category]) -> PurposeKeys:
    """The keys every purpose has, its categories checked (`related_to` is checked by the
    caller: main purposes relate to each other, a notice's own ones to main ones)."""
    keys = PurposeKeys(
        title=r.text("title"),
        description=r.text("description"),
        categories=r.strings("categories"),
        retention_days=r.retention(),
        related_to=r.strings("related_to", required=False),
    )
    if r.has("categories") and not keys.categories:
        r.error("categories", "must name at least one category")
    known(r, "categories", keys.categories, categories, "category")
    return keys


def purposes_parse(root: Reader, categories: Mapping[str, Category]) -> dict[str, Purpose]:
    purposes: dict[str, Purpose] = {}
    related: list[tuple[Reader, Purpose]] = []
    for r, ident in items(root, "purposes", "purpose", by_id=True):
        keys = purpose_keys(r, categories)
        purposes[ident] = Purpose(
            id=ident,
            title=keys.title,
            description=keys.description,
            categories=keys.categories,
            retention_days=keys.retention_days,
            consent_required=r.boolean("consent_required", default=False),
            related_to=keys.related_to,
            context=r.optional_text("context"),
            marketing_mail=r.boolean("marketing_mail", default=False),
        )
        if not r.has("consent_required"):
            r.error("consent_required", "missing (true or false)")
        related.append((r, purposes[ident]))
    if not purposes and root.has("purposes"):
        root.error("purposes", "must declare at least one purpose")
    for r, purpose in related:
        known(r, "related_to", purpose.related_to, purposes, "purpose")
        if purpose.id in purpose.related_to:
            r.error("related_to", "a purpose cannot be related to itself")
    return purposes
