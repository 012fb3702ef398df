"""`[[notices]]`: supplementary notices for a product, website or event (policy clause 4, last
sentence: "the purpose of use, etc. will be announced or notified separately").

A notice names main purposes (`purposes = [...]`) and may declare purposes of its own
(`[[notices.own_purposes]]`); an own purpose is within the main ones when `related_to` names
one of them, beyond them otherwise. Channels point at a notice with `notice = "<id>"`.
"""

from collections.abc import Mapping

from hogo.policy.schema.document import (
    NOTICE_KINDS,
    Category,
    Channel,
    Notice,
    NoticePurpose,
    Purpose,
)
from hogo.policy.schema.reader import PolicyError, Reader, join


def notices_parse(
    root: Reader,
    purposes: Mapping[str, Purpose],
    categories: Mapping[str, Category],
    channels: Mapping[str, Channel],
) -> dict[str, Notice]:
    """The notices of the file, checked against its purposes, categories and channels."""
    # Imported here: `parse` imports this module while it is itself being loaded.
    from hogo.policy.schema.parse import _items

    notices: dict[str, Notice] = {}
    if root.has("notices"):
        for r, ident in _items(root, "notices", "notice", by_id=True):
            notices[ident] = _notice(r, ident, purposes, categories)
    for channel in channels.values():
        if channel.notice is None:
            continue
        path = join(join("channels", channel.id), "notice")
        notice = notices.get(channel.notice)
        if notice is None:
            root.errors.add(path, f"unknown notice {channel.notice!r}")
            continue
        # What the form shows must be what the data is used for: the vault grants an
        # acquisition its channel's purposes only.
        if missing := [p for p in notice.purposes if p not in channel.purposes]:
            root.errors.add(
                path,
                f"notice {notice.id!r} names {', '.join(missing)}, which this channel "
                "does not take: add them to the channel's purposes",
            )
    return notices


def _notice(
    r: Reader, ident: str, purposes: Mapping[str, Purpose], categories: Mapping[str, Category]
) -> Notice:
    from hogo.policy.schema.parse import _items

    refs = r.strings("purposes", required=False)
    for index, pid in enumerate(refs):
        if pid not in purposes:
            r.errors.add(join(r.at("purposes"), index), f"unknown purpose {pid!r}")
    own: dict[str, NoticePurpose] = {}
    if r.has("own_purposes"):
        for p, pid in _items(r, "own_purposes", "purpose", by_id=True):
            if pid in purposes:
                p.error("id", f"{pid!r} is a main purpose: name it in `purposes` instead")
            own[pid] = _own_purpose(p, pid, purposes, categories)
    if not refs and not own:
        r.error("purposes", "name at least one main purpose, or declare own_purposes")
    return Notice(
        id=ident,
        kind=r.string("kind", what="what the notice is about", choices=NOTICE_KINDS),
        version=r.integer("version", what="raise it when this notice changes", minimum=1),
        title=r.text("title"),
        text=r.text("text"),
        purposes=refs,
        own_purposes=own,
    )


def _own_purpose(
    p: Reader, pid: str, purposes: Mapping[str, Purpose], categories: Mapping[str, Category]
) -> NoticePurpose:
    purpose = NoticePurpose(
        id=pid,
        title=p.text("title"),
        description=p.text("description"),
        categories=p.strings("categories"),
        retention_days=p.retention(),
        related_to=p.strings("related_to", required=False),
    )
    if p.has("categories") and not purpose.categories:
        p.error("categories", "must name at least one category")
    for index, cid in enumerate(purpose.categories):
        if cid not in categories:
            p.errors.add(join(p.at("categories"), index), f"unknown category {cid!r}")
    for index, rid in enumerate(purpose.related_to):
        if rid not in purposes:
            p.errors.add(join(p.at("related_to"), index), f"unknown main purpose {rid!r}")
    return purpose


def notice_versions_check(
    previous: Mapping[str, Notice], current: Mapping[str, Notice]
) -> list[PolicyError]:
    """Why `current`'s notice versions do not follow `previous`: a changed notice must raise
    its version, and no version goes down, so that a version number always names one text
    (acquisition records keep the version a form showed)."""
    problems = []
    for nid, notice in current.items():
        before = previous.get(nid)
        if before is None:
            continue
        if notice.version < before.version:
            problems.append(
                PolicyError(
                    path=f"notices.{nid}.version",
                    reason=f"must not go down (was {before.version}, now {notice.version})",
                )
            )
        elif notice.content() != before.content() and notice.version == before.version:
            problems.append(
                PolicyError(
                    path=f"notices.{nid}.version",
                    reason=f"the notice changed: raise its version above {before.version} "
                    "so that the change is published as a new notice version",
                )
            )
    return problems


def notice_purpose_needs_consent(purpose: NoticePurpose, purposes: Mapping[str, Purpose]) -> bool:
    """An own purpose is used only with consent when it is beyond the main purposes, or when a
    main purpose it is related to needs consent itself."""
    return purpose.beyond_main or any(
        purposes[p].consent_required for p in purpose.related_to if p in purposes
    )
