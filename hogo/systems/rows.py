"""Finding a person's rows in a SQL system: by the identity columns, then along the declared
references (orders.customer_id -> customers.id), until no new row turns up.

Values are always bound parameters; every table and column is the reflected object the
declaration names (`column_of`), never text put into SQL.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Select,
    String,
    Table,
    any_,
    cast,
    func,
    literal_column,
    or_,
    select,
    union_all,
)

from hogo.policy.schema import Collection, SqlSystem
from hogo.systems.engine import SystemFailure
from hogo.systems.records import Identity, Key

MOBILE = re.compile(r"0[789]0\d{8}")
Rows = dict[str, dict[Key, dict[str, object]]]  # table -> primary key -> row


def column_of(table: Table, name: str) -> Column[object]:
    column = table.columns.get(name)
    if column is None:
        raise SystemFailure(
            f"table {table.name}: no column {name!r} as declared (run hogo systems check)"
        )
    return column


def key_of(table: Table) -> Column[object]:
    key = list(table.primary_key.columns)
    if len(key) != 1:
        raise SystemFailure(
            f"table {table.name}: needs a one-column primary key (run hogo systems check)"
        )
    return key[0]


def table_of(tables: dict[str, Table], name: str) -> Table:
    table = tables.get(name)
    if table is None:
        raise SystemFailure(f"no table {name!r} as declared (run hogo systems check)")
    return table


def identity_forms(kind: str, values: Iterable[str]) -> list[str]:
    """The forms a value may be stored in: an address as given and in lower case; a phone
    number as given, as digits only, in the domestic form of a +81 number, and a mobile number
    with its usual hyphens. Matching stays exact, so that the identity columns' indexes serve."""
    forms: list[str] = []
    for value in values:
        value = value.strip()
        found = [value]
        if kind == "email":
            found.append(value.lower())
        elif kind == "phone":
            digits = re.sub(r"\D", "", value)
            found.append(digits)
            if value.startswith("+81") and digits.startswith("81"):
                digits = "0" + digits[2:]
                found.append(digits)
            if MOBILE.fullmatch(digits):  # 090-1234-5678, as most forms store it
                found.append(f"{digits[:3]}-{digits[3:7]}-{digits[7:]}")
        forms.extend(f for f in found if f and f not in forms)
    return forms


def rows_find(conn: Connection, sql: SqlSystem, tables: dict[str, Table], who: Identity) -> Rows:
    found: Rows = {}
    for collection in sql.collections:
        if collection.identity:
            _identity_rows(conn, collection, tables, who, found)
    asked: dict[tuple[str, int], set[object]] = {}
    for _ in sql.collections:  # each pass follows one more step of references
        if not _references_follow(conn, sql, tables, found, asked):
            break
    return found


def rows_by_keys(conn: Connection, tables: dict[str, Table], keys: dict[str, list[Key]]) -> Rows:
    """The rows found earlier, by their primary keys (a retry after identity columns were
    already cleared)."""
    found: Rows = {}
    for name, wanted in keys.items():
        table = table_of(tables, name)
        if wanted:
            _add(found, table, conn.execute(select(table).where(key_of(table).in_(wanted))))
    return found


def _identity_rows(
    conn: Connection,
    collection: Collection,
    tables: dict[str, Table],
    who: Identity,
    found: Rows,
) -> None:
    table = table_of(tables, collection.table)
    conditions = _identity_conditions(collection, table, who)
    if conditions:
        _add(found, table, conn.execute(select(table).where(or_(*conditions))))


def _identity_conditions(
    collection: Collection, table: Table, who: Identity
) -> list[ColumnElement[bool]]:
    return [
        column_of(table, column).in_(identity_forms(kind, who.values[kind]))
        for kind, column in collection.identity.items()
        if who.values.get(kind)
    ]


def keys_find(
    conn: Connection, sql: SqlSystem, tables: dict[str, Table], who: Identity
) -> dict[str, list[Key]] | None:
    """The keys of the person's rows in one statement, for a change: each table's rows by its
    identity columns or by a reference to a table found by identity alone (customers by
    address, their orders by `customer_id IN (SELECT id FROM customers WHERE ...)`). None
    where a reference starts deeper (a table found only through another reference):
    `rows_find` follows such chains a step at a time."""
    by_name = {c.table: c for c in sql.collections}
    roots = {c.table for c in sql.collections if c.identity and not c.references}
    if any(ref.table not in roots for c in sql.collections for ref in c.references):
        return None
    parts: list[Select[Any]] = []
    names: list[str] = []
    for collection in sql.collections:
        table = table_of(tables, collection.table)
        conditions = _identity_conditions(collection, table, who)
        for ref in collection.references:
            parent = table_of(tables, ref.table)
            by_identity = _identity_conditions(by_name[ref.table], parent, who)
            if by_identity:
                targets = select(column_of(parent, ref.to_column)).where(or_(*by_identity))
                conditions.append(_within(conn, column_of(table, ref.column), targets))
        if conditions:
            # The table by its position (a literal of hogo's own), the key as text: one
            # result for every table.
            label: ColumnElement[Any] = literal_column(str(len(names)))
            parts.append(select(label, cast(key_of(table), String)).where(or_(*conditions)))
            names.append(collection.table)
    found: dict[str, list[Key]] = {}
    if parts:
        query = union_all(*parts) if len(parts) > 1 else parts[0]
        for row in conn.execute(query):
            name = names[int(row[0])]
            found.setdefault(name, []).append(key_typed(key_of(tables[name]), str(row[1])))
    return found


def _within(conn: Connection, column: Column[object], targets: Select[Any]) -> ColumnElement[bool]:
    """`column IN (subquery)`; on PostgreSQL `column = ANY(ARRAY(subquery))`, which runs the
    subquery first and then uses the column's index whatever the statistics say (with none,
    as after a bulk load, the planner hashes the whole child table for `IN`)."""
    if conn.dialect.name == "postgresql":
        return column == any_(func.array(targets.scalar_subquery()))
    return column.in_(targets)


def key_typed(key: Column[object], text: str) -> Key:
    """A key read back as text, as the driver gives the column (a number for a number)."""
    try:
        numeric = issubclass(key.type.python_type, int)
    except NotImplementedError:
        numeric = False
    return int(text) if numeric else text


def _references_follow(
    conn: Connection,
    sql: SqlSystem,
    tables: dict[str, Table],
    found: Rows,
    asked: dict[tuple[str, int], set[object]],
) -> bool:
    grew = False
    for collection in sql.collections:
        for index, ref in enumerate(collection.references):
            targets = found.get(ref.table, {})
            done = asked.setdefault((collection.table, index), set())
            values = {row[ref.to_column] for row in targets.values()} - done - {None}
            if not values:
                continue
            done |= values
            table = table_of(tables, collection.table)
            before = len(found.get(collection.table, {}))
            query = select(table).where(column_of(table, ref.column).in_(sorted(values, key=str)))
            _add(found, table, conn.execute(query))
            grew = grew or len(found.get(collection.table, {})) > before
    return grew


def _add(found: Rows, table: Table, result: object) -> None:
    key = key_of(table).name
    rows = found.setdefault(table.name, {})
    for row in result.mappings():  # type: ignore[attr-defined]
        rows[row[key]] = dict(row)


def plain(value: object) -> object:
    """A value as JSON and CSV carry it."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return f"({len(bytes(value))} bytes of binary data)"
    return str(value)
