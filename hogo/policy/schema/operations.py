"""The operational keys (format 2): which staff role reads for which purposes, which channel
opens an inquiry case or a member account or takes the directory import, which category holds
which identifier kind, and which purposes the organization's own records are kept under.

These choices used to be ids of the reference policy written in code; here the policy file
makes them, so another organization's policy runs the same flows. Format 1 files (stored
versions loaded before these keys existed) still parse, with the defaults in `legacy_*`.
"""

from hogo.policy.schema.document import (
    FOLLOW_UPS,
    IDENTIFIER_KINDS,
    STAFF_ROLES,
    Category,
    Channel,
    Purpose,
    Records,
    Staff,
)
from hogo.policy.schema.reader import Reader, join, known

FORMAT_OPERATIONS = 2  # the first format with these keys


def category_identifier(r: Reader, ident: str, special: bool, fmt: int) -> str | None:
    kind = r.optional_string("identifier", choices=IDENTIFIER_KINDS)
    if kind is not None and fmt < FORMAT_OPERATIONS:
        r.error("identifier", f"needs format = {FORMAT_OPERATIONS}")
    if kind is not None and special:
        r.error("identifier", "special-care information is never an identifier")
    if fmt < FORMAT_OPERATIONS and ident in IDENTIFIER_KINDS:
        # Format 1 had no key: a category named like an identifier kind held that kind.
        return ident
    return kind


def identifiers_checked(root: Reader, categories: dict[str, Category]) -> None:
    seen: dict[str, str] = {}
    for category in categories.values():
        kind = category.identifier
        if kind is None:
            continue
        if kind in seen:
            root.errors.add(
                join(join(root.at("categories"), category.id), "identifier"),
                f"{kind!r} is already held by category {seen[kind]!r}",
            )
        seen.setdefault(kind, category.id)


def channel_keys(r: Reader, fmt: int, public_form: bool) -> tuple[str | None, bool]:
    follow_up = r.optional_string("follow_up", choices=FOLLOW_UPS)
    imported = r.boolean("imported", default=False)
    if fmt < FORMAT_OPERATIONS:
        for key in ("follow_up", "imported"):
            if r.has(key) and r.data.get(key) not in (None, False):
                r.error(key, f"needs format = {FORMAT_OPERATIONS}")
    if imported and public_form:
        r.error("imported", "an imported channel has no public form: set public_form = false")
    if imported and follow_up is not None:
        r.error("follow_up", "an imported channel opens nothing: remove follow_up or imported")
    return follow_up, imported


def channels_checked(
    root: Reader, channels: dict[str, Channel], categories: dict[str, Category]
) -> None:
    """At most one channel per follow-up and one imported channel; the follow-ups need the
    person's e-mail address (a reply, a sign-in link)."""
    claimed: dict[str, str] = {}
    email_category = next((c.id for c in categories.values() if c.identifier == "email"), None)
    for channel in channels.values():
        at = join(root.at("channels"), channel.id)
        claims = [f"follow_up {channel.follow_up!r}"] if channel.follow_up else []
        claims += ["imported"] if channel.imported else []
        for claim in claims:
            key = "imported" if claim == "imported" else "follow_up"
            if claim in claimed:
                root.errors.add(
                    join(at, key), f"{claim} is already claimed by channel {claimed[claim]!r}"
                )
            claimed.setdefault(claim, channel.id)
        if channel.follow_up and not any(f.category == email_category for f in channel.fields):
            root.errors.add(
                join(at, "follow_up"),
                "needs a field whose category holds the e-mail identifier "
                '(identifier = "email" on a category)',
            )


def _operations_table(root: Reader, key: str, what: str, fmt: int) -> Reader | None:
    """A table format 2 requires and format 1 does not know."""
    table = root.optional_table(key)
    if table is None and fmt >= FORMAT_OPERATIONS:
        root.error(key, f"missing ({what})")
    if table is not None and fmt < FORMAT_OPERATIONS:
        root.error(key, f"needs format = {FORMAT_OPERATIONS}")
    return table


def staff_section(root: Reader, purposes: dict[str, Purpose], fmt: int) -> Staff:
    table = _operations_table(root, "staff", "a table with [staff.purposes]", fmt)
    if table is None:
        return Staff()
    roles = table.table("purposes")
    granted: dict[str, tuple[str, ...]] = {}
    for role in STAFF_ROLES:
        ids = roles.strings(role, required=False)
        known(roles, role, ids, purposes, "purpose")
        granted[role] = ids
    for key in roles.data:
        if key not in STAFF_ROLES:
            officer = key == "privacy_officer"
            note = " (the privacy officer may state every purpose)" if officer else ""
            roles.error(key, f"unknown staff role; one of {', '.join(STAFF_ROLES)}{note}")
            roles.asked.add(key)
    return Staff(
        purposes=granted,
        officer_second_factor=table.boolean("officer_second_factor", default=False),
    )


def records_section(
    root: Reader, purposes: dict[str, Purpose], channels: dict[str, Channel], fmt: int
) -> Records:
    table = _operations_table(root, "records", "a table with inquiry_cases and request_cases", fmt)
    if table is None:
        return Records()
    kept = {
        key: table.string(key, what="a purpose id") for key in ("inquiry_cases", "request_cases")
    }
    for key, ident in kept.items():
        if ident and ident not in purposes:
            table.error(key, f"unknown purpose {ident!r}")
    inquiry = kept["inquiry_cases"]
    opener = next((c for c in channels.values() if c.follow_up == "inquiry_case"), None)
    if opener is None:
        table.error("inquiry_cases", 'no channel opens inquiry cases (follow_up = "inquiry_case")')
    elif inquiry and inquiry not in opener.purposes:
        table.error(
            "inquiry_cases",
            f"must be one of the purposes of channel {opener.id!r}, which opens the cases",
        )
    return Records(inquiry_cases=inquiry or None, request_cases=kept["request_cases"] or None)
