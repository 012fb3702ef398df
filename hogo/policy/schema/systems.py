"""The optional `[[systems]]` array: the data map, every other system that holds personal data
and how a request reaches it (`hogo/systems` carries requests there and checks the map against
the real databases). The reference policy declares none; `docs/examples/systems.toml` declares
one of each kind.

```toml
[[systems]]
id = "shop"
kind = "sql"                      # sql | webhook | manual
title = { ja = "通販システム", en = "Online shop" }
owner = { ja = "営業部", en = "Sales department" }
country = "JP"                    # where the data is kept (ISO 3166-1 alpha-2)
purposes = ["<purpose id>"]
categories = ["name", "email"]
contractor = "rcp_..."            # optional: the share register's outsourcing contractor

[systems.sql]
url_env = "SHOP_DATABASE_URL"     # the environment variable holding the connection URL

[[systems.sql.collections]]
table = "customers"
identity = { email = "email" }    # identifier kind -> column
suspend_column = "do_not_use"     # optional: set to true to suspend use

[[systems.sql.collections.fields]]
column = "email"
category = "email"
deletion = "set_null"             # set_null | mask (with mask = "...") | delete_row
correct = true                    # optional: a correction may set it

[[systems.sql.collections.references]]
column = "customer_id"            # (in another collection) the column pointing at
to = "customers.id"               # a row of a declared collection
```
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from hogo.policy.schema.document import Category, Purpose, Text
from hogo.policy.schema.reader import Reader, items, join, known

SYSTEM_KINDS = ("sql", "webhook", "manual")
DELETION_ACTIONS = ("set_null", "mask", "delete_row")
# Identifier kinds a system's rows are found by; a name alone finds strangers too.
SYSTEM_IDENTITY_KINDS = ("email", "phone", "member_number")
SYSTEM_ROLES = ("privacy_officer", "desk_operator")
ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
# SQL identifiers as the policy may name them: letters, digits and underscores. hogo never
# pastes them into SQL (it uses the reflected objects), but a name outside this set is a typo.
COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
CONTRACTOR = re.compile(r"^rcp_[A-Za-z0-9_-]+$")
MAX_MANUAL_DAYS = 14  # a manual step must fit inside a request's deadline (APPI Art. 39)


@dataclass(frozen=True)
class SystemField:
    column: str
    category: str
    deletion: str  # set_null | mask | delete_row
    mask: str | None = None
    correct: bool = False


@dataclass(frozen=True)
class SystemReference:
    column: str
    table: str  # the declared collection it points at
    to_column: str


@dataclass(frozen=True)
class Collection:
    table: str
    identity: dict[str, str]  # identifier kind -> column
    fields: tuple[SystemField, ...]
    references: tuple[SystemReference, ...] = ()
    suspend_column: str | None = None

    def field(self, column: str) -> SystemField | None:
        return next((f for f in self.fields if f.column == column), None)

    @property
    def deletes_row(self) -> bool:
        return any(f.deletion == "delete_row" for f in self.fields)


@dataclass(frozen=True)
class SqlSystem:
    url_env: str
    collections: tuple[Collection, ...]

    def collection(self, table: str) -> Collection | None:
        return next((c for c in self.collections if c.table == table), None)


@dataclass(frozen=True)
class WebhookSystem:
    url: str
    secret_env: str


@dataclass(frozen=True)
class ManualSystem:
    instructions: Text
    role: str
    days: int


@dataclass(frozen=True)
class System:
    id: str
    kind: str
    title: Text
    owner: Text
    country: str
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    contractor: str | None = None
    sql: SqlSystem | None = None
    webhook: WebhookSystem | None = None
    manual: ManualSystem | None = None


def systems_section(
    root: Reader,
    purposes: dict[str, Purpose],
    categories: dict[str, Category],
    website: str,
) -> dict[str, System]:
    if not root.has("systems"):
        return {}
    systems: dict[str, System] = {}
    for r, ident in items(root, "systems", "system", by_id=True):
        kind = r.string("kind", what="sql, webhook or manual", choices=SYSTEM_KINDS)
        held = r.strings("categories")
        known(r, "categories", held, categories, "category")
        served = r.strings("purposes")
        known(r, "purposes", served, purposes, "purpose")
        country = r.string("country", what="ISO 3166-1 alpha-2 code, e.g. JP")
        if country and not COUNTRY.fullmatch(country):
            r.error("country", "must be two capital letters (ISO 3166-1 alpha-2), e.g. JP")
        contractor = r.optional_string("contractor")
        if contractor and not CONTRACTOR.fullmatch(contractor):
            r.error("contractor", "must be a recipient id of the register (rcp_...)")
        systems[ident] = System(
            id=ident,
            kind=kind,
            title=r.text("title"),
            owner=r.text("owner"),
            country=country,
            purposes=served,
            categories=held,
            contractor=contractor,
            sql=_sql(r, held) if kind == "sql" else None,
            webhook=_webhook(r, website) if kind == "webhook" else None,
            manual=_manual(r) if kind == "manual" else None,
        )
        for other in (k for k in SYSTEM_KINDS if k != kind and r.has(k)):
            r.error(other, f"only a system of kind {other!r} has this table")
    return systems


def _env(r: Reader, key: str, what: str) -> str:
    name = r.string(key, what=f"the environment variable holding {what}")
    if name and not ENV_NAME.fullmatch(name):
        r.error(key, "must name an environment variable (A-Z, 0-9 and _), never hold the secret")
    return name


def _sql(system: Reader, held: tuple[str, ...]) -> SqlSystem:
    r = system.table("sql")
    url_env = _env(r, "url_env", "the connection URL")
    collections: list[Collection] = []
    seen: set[str] = set()
    for index, raw in r.tables("collections"):
        table = raw.get("table") if isinstance(raw, dict) else None
        label = table if isinstance(table, str) and table not in seen else index
        c = Reader(raw, join(r.at("collections"), label), r.errors)
        collections.append(_collection(c, held))
        seen.add(collections[-1].table)
    if r.has("collections") and not collections:
        r.error("collections", "must declare at least one table")
    _references_checked(r, collections)
    return SqlSystem(url_env=url_env, collections=tuple(collections))


def _collection(c: Reader, held: tuple[str, ...]) -> Collection:
    table = _name(c, "table", "a table name")
    fields = [_field(f, held) for f in _each(c, "fields")]
    columns = [f.column for f in fields]
    for column in {x for x in columns if columns.count(x) > 1}:
        c.error("fields", f"column {column!r} is declared twice")
    identity: dict[str, str] = {}
    ids = c.optional_table("identity")
    if ids is not None:
        # Any other key is reported as unknown (a name alone would find strangers too).
        for kind in (k for k in SYSTEM_IDENTITY_KINDS if ids.has(k)):
            column = _name(ids, kind, "a column")
            identity[kind] = column
            if column and column not in columns:
                ids.error(kind, f"column {column!r} must also be declared in fields")
    references = tuple(_reference(x) for x in _each(c, "references", required=False))
    if not identity and not references:
        c.error("identity", "a table needs identity columns or references to another table")
    suspend = c.optional_string("suspend_column")
    if suspend and not COLUMN.fullmatch(suspend):
        c.error("suspend_column", "must be a column name")
    return Collection(
        table=table,
        identity=identity,
        fields=tuple(fields),
        references=references,
        suspend_column=suspend,
    )


def _each(parent: Reader, key: str, *, required: bool = True) -> list[Reader]:
    return [
        Reader(raw, join(parent.at(key), index), parent.errors)
        for index, raw in parent.tables(key, required=required)
    ]


def _name(r: Reader, key: str, what: str) -> str:
    name = r.string(key, what=what)
    if name and not COLUMN.fullmatch(name):
        r.error(key, "must be a plain SQL name (letters, digits and _)")
    return name


def _field(f: Reader, held: tuple[str, ...]) -> SystemField:
    column = _name(f, "column", "a column")
    category = f.string("category", what="a category id")
    if category and category not in held:
        f.error("category", f"{category!r} is not among the system's categories")
    deletion = f.string("deletion", what="set_null, mask or delete_row", choices=DELETION_ACTIONS)
    mask = f.optional_string("mask")
    if deletion == "mask" and mask is None:
        f.error("mask", 'required with deletion = "mask": the text that replaces the value')
    if deletion != "mask" and mask is not None:
        f.error("mask", 'only with deletion = "mask"')
    return SystemField(
        column=column,
        category=category,
        deletion=deletion,
        mask=mask,
        correct=f.boolean("correct", default=False),
    )


def _reference(x: Reader) -> SystemReference:
    column = _name(x, "column", "the column pointing at another table")
    to = x.string("to", what='"table.column"')
    table, _, to_column = to.partition(".")
    if to and not (COLUMN.fullmatch(table) and COLUMN.fullmatch(to_column)):
        x.error("to", 'must be "table.column"')
    return SystemReference(column=column, table=table, to_column=to_column)


def _references_checked(r: Reader, collections: list[Collection]) -> None:
    """Every reference points at a declared table, and every table is reached from one with
    identity columns (else a request would never find its rows)."""
    tables = {c.table for c in collections}
    for index, c in enumerate(collections):
        for n, ref in enumerate(c.references):
            if ref.table and ref.table not in tables:
                path = join(join(r.at("collections"), c.table or index), f"references.{n}.to")
                r.errors.add(path, f"table {ref.table!r} is not declared in collections")
    reached = {c.table for c in collections if c.identity}
    grew = True
    while grew:
        before = len(reached)
        reached |= {c.table for c in collections if any(x.table in reached for x in c.references)}
        grew = len(reached) > before
    for index, c in enumerate(collections):
        if c.table and c.table not in reached and c.references:
            path = join(join(r.at("collections"), c.table or index), "references")
            r.errors.add(path, "no chain of references leads to a table with identity columns")


def _webhook(system: Reader, website: str) -> WebhookSystem:
    r = system.table("webhook")
    url = r.string("url", what="the HTTPS endpoint")
    if url:
        parts = urlsplit(url)
        own = (urlsplit(website).hostname or "").removeprefix("www.")
        host = parts.hostname or ""
        if parts.scheme != "https":
            r.error("url", "must be an https:// URL")
        elif not own or not (host == own or host.endswith("." + own)):
            r.error("url", f"must be on the organization's own domain ({own or 'its website'})")
    return WebhookSystem(url=url, secret_env=_env(r, "secret_env", "the signing secret"))


def _manual(system: Reader) -> ManualSystem:
    r = system.table("manual")
    return ManualSystem(
        instructions=r.text("instructions"),
        role=r.string("role", what="the staff role doing it", choices=SYSTEM_ROLES),
        days=r.integer("days", what="days the step may take", minimum=1, maximum=MAX_MANUAL_DAYS),
    )
