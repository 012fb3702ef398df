"""Deletion, suspension and correction in a SQL system, field by field, and the read-back that
verifies them.

A change is written in one transaction per system (children before the rows they point at, so
that a foreign key never blocks a deleted row), and then read back after the commit: every
field must hold what the change left (NULL, the mask, the corrected value, the flag) and every
deleted row must be gone. Whatever a trigger, a replica or the application wrote back is a
`Failure` naming the table, the row's key and the column, never a value.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    Table,
    cast,
    delete,
    literal_column,
    null,
    select,
    union_all,
    update,
)

from hogo.policy.schema import Collection, SqlSystem, SystemField
from hogo.systems.records import Failure, Key
from hogo.systems.rows import column_of, key_of, table_of


@dataclass(frozen=True)
class Plan:
    """What one change does per table: the rows (by key), and either a deletion of the rows or
    the columns set to a value."""

    keys: dict[str, list[Key]]
    deletes: dict[str, bool]
    sets: dict[str, dict[str, object]]


def erase_plan(sql: SqlSystem, keys: dict[str, list[Key]], categories: set[str] | None) -> Plan:
    """Every declared field (or those of `categories`): set NULL, masked, or its row deleted."""
    deletes: dict[str, bool] = {}
    sets: dict[str, dict[str, object]] = {}
    for collection in sql.collections:
        chosen = [f for f in collection.fields if categories is None or f.category in categories]
        if not chosen or not keys.get(collection.table):
            continue
        if any(f.deletion == "delete_row" for f in chosen):
            deletes[collection.table] = True
        else:
            sets[collection.table] = {f.column: _erased(f) for f in chosen}
    return Plan(keys=keys, deletes=deletes, sets=sets)


def _erased(declared: SystemField) -> object:
    return declared.mask if declared.deletion == "mask" else None


def suspend_plan(sql: SqlSystem, keys: dict[str, list[Key]]) -> Plan:
    sets: dict[str, dict[str, object]] = {
        c.table: {c.suspend_column: True}
        for c in sql.collections
        if c.suspend_column and keys.get(c.table)
    }
    return Plan(keys=keys, deletes={}, sets=sets)


def correct_plan(
    sql: SqlSystem, keys: dict[str, list[Key]], values: dict[str, str]
) -> tuple[Plan, list[str]]:
    """The correctable fields set to the new values; and the categories held in the rows found
    that the declaration does not let hogo correct (a manual step)."""
    sets: dict[str, dict[str, object]] = {}
    manual: set[str] = set()
    for collection in sql.collections:
        if not keys.get(collection.table):
            continue
        for declared in collection.fields:
            if declared.category not in values:
                continue
            if declared.correct:
                sets.setdefault(collection.table, {})[declared.column] = values[declared.category]
            else:
                manual.add(declared.category)
    return Plan(keys=keys, deletes={}, sets=sets), sorted(manual)


def plan_apply(
    conn: Connection, sql: SqlSystem, tables: dict[str, Table], plan: Plan
) -> dict[str, int]:
    """Runs the plan in the caller's transaction; the rows changed per table."""
    changed: dict[str, int] = {}
    for collection in _children_first(sql):
        name = collection.table
        wanted = plan.keys.get(name) or []
        if not wanted or not (plan.deletes.get(name) or plan.sets.get(name)):
            continue
        table = table_of(tables, name)
        where = key_of(table).in_(wanted)
        if plan.deletes.get(name):
            result = conn.execute(delete(table).where(where))
        else:
            values = {column_of(table, c).name: v for c, v in plan.sets[name].items()}
            result = conn.execute(update(table).where(where).values(values))
        changed[name] = result.rowcount
    return changed


def plan_verify(
    conn: Connection, sql: SqlSystem, tables: dict[str, Table], plan: Plan
) -> tuple[int, list[Failure]]:
    """Reads every changed field and deleted row back after the commit, every table in one
    statement (one round trip): a row per (table, column, key) as text, compared here with
    what the change left. Returns (fields and rows checked, failures)."""
    checks: list[tuple[str, list[Key], list[str | None]]] = []
    parts: list[Select[Any]] = []
    for collection in sql.collections:
        name = collection.table
        wanted = plan.keys.get(name) or []
        if not wanted or not (plan.deletes.get(name) or plan.sets.get(name)):
            continue
        table = table_of(tables, name)
        key = key_of(table)
        columns: list[str | None] = [None] if plan.deletes.get(name) else list(plan.sets[name])
        for position, column in enumerate(columns):
            # Positions are hogo's own numbers; the value as text (NULL stays NULL).
            value = null() if column is None else cast(column_of(table, column), String)
            cells: list[ColumnElement[Any]] = [
                literal_column(str(len(checks))),
                literal_column(str(position)),
                cast(key, String),
                value,
            ]
            parts.append(select(*cells).where(key.in_(wanted)))
        checks.append((name, wanted, columns))
    if not parts:
        return 0, []
    query = union_all(*parts) if len(parts) > 1 else parts[0]
    held = {(int(r[0]), int(r[1]), str(r[2])): r[3] for r in conn.execute(query)}
    return _compared(checks, held, plan)


def _compared(
    checks: list[tuple[str, list[Key], list[str | None]]],
    held: dict[tuple[int, int, str], object],
    plan: Plan,
) -> tuple[int, list[Failure]]:
    checked = 0
    failures: list[Failure] = []
    for t, (name, wanted, columns) in enumerate(checks):
        for row_key in wanted:
            for c, column in enumerate(columns):
                checked += 1
                at = (t, c, str(row_key))
                if column is None:  # the row should be gone
                    failed = at in held
                else:
                    failed = at not in held or not _same(held[at], plan.sets[name][column])
                if failed:
                    failures.append(Failure(table=name, key=row_key, column=column))
    return checked, failures


def plan_unverified(plan: Plan) -> list[Failure]:
    """Every field and row of the plan, as not verified (the read-back itself failed)."""
    failures: list[Failure] = []
    for name, wanted in plan.keys.items():
        columns: list[str | None] = (
            [None] if plan.deletes.get(name) else list(plan.sets.get(name, {}))
        )
        failures.extend(Failure(table=name, key=k, column=c) for k in wanted for c in columns)
    return failures


def _same(found: object, expected: object) -> bool:
    """A value read back as text against what the change left: NULL, a flag (PostgreSQL
    gives true, MySQL and SQLite 1), or the text itself."""
    if expected is None:
        return found is None
    if expected is True:
        return found in ("true", "1")
    return found == str(expected)


def _children_first(sql: SqlSystem) -> list[Collection]:
    """Tables that point at others come before the tables they point at."""
    depth: dict[str, int] = {c.table: 0 for c in sql.collections}
    for _ in sql.collections:
        for c in sql.collections:
            for ref in c.references:
                if ref.table in depth and ref.table != c.table:
                    depth[c.table] = max(depth[c.table], depth[ref.table] + 1)
    return sorted(sql.collections, key=lambda c: -depth[c.table])
