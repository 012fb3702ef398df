"""One request's work in one SQL system: find the rows, change them in one transaction, read
them back. The services and selectors wrap these with the audit event; the benchmark calls
them directly."""

from collections.abc import Callable

from sqlalchemy import Connection, Table

from hogo.policy.schema import SqlSystem, System
from hogo.systems.changes import (
    Plan,
    correct_plan,
    erase_plan,
    plan_apply,
    plan_unverified,
    plan_verify,
    suspend_plan,
)
from hogo.systems.engine import SystemFailure, engine_for, failures_named, tables_reflect
from hogo.systems.records import Applied, Found, Identity, Key
from hogo.systems.rows import Rows, keys_find, plain, rows_by_keys, rows_find


def found_read(system: System, who: Identity, keys: dict[str, list[Key]] | None = None) -> Found:
    """The person's rows in the system, by identity and references (or by the keys found
    before), as plain values."""
    _, tables = _declared(system)
    with failures_named(system, "reading"), engine_for(system, reads=True).connect() as conn:
        rows = _rows(conn, system, tables, who, keys)
    return Found(
        system=system.id,
        tables={
            name: [{column: plain(v) for column, v in row.items()} for row in by_key.values()]
            for name, by_key in rows.items()
            if by_key
        },
        keys=_keys(rows),
    )


def erase_apply(
    system: System,
    who: Identity,
    keys: dict[str, list[Key]] | None = None,
    categories: set[str] | None = None,
) -> Applied:
    sql, _ = _declared(system)
    return _apply(system, who, keys, lambda found: (erase_plan(sql, found, categories), []))


def suspend_apply(
    system: System, who: Identity, keys: dict[str, list[Key]] | None = None
) -> Applied:
    sql, _ = _declared(system)

    def plan(found: dict[str, list[Key]]) -> tuple[Plan, list[str]]:
        flagged = suspend_plan(sql, found)
        # Rows held where no flag column is declared: someone stops their use by hand.
        manual = ["suspension"] if any(found.values()) and not flagged.sets else []
        return flagged, manual

    return _apply(system, who, keys, plan)


def correct_apply(
    system: System,
    who: Identity,
    values: dict[str, str],
    keys: dict[str, list[Key]] | None = None,
) -> Applied:
    sql, _ = _declared(system)
    return _apply(system, who, keys, lambda found: correct_plan(sql, found, values))


def _apply(
    system: System,
    who: Identity,
    keys: dict[str, list[Key]] | None,
    planner: Callable[[dict[str, list[Key]]], tuple[Plan, list[str]]],
) -> Applied:
    sql, tables = _declared(system)
    engine = engine_for(system)
    with failures_named(system, "writing"), engine.begin() as conn:
        found = _found_keys(conn, system, tables, who, keys)
        plan, manual = planner(found)
        changed = plan_apply(conn, sql, tables, plan)
    try:
        # After the commit, on a connection of its own: what the database now holds,
        # triggers and all.
        reads = engine_for(system, reads=True)
        with failures_named(system, "reading back"), reads.connect() as conn:
            checked, failures = plan_verify(conn, sql, tables, plan)
    except SystemFailure:
        # The change is committed: report it unverified with the rows' keys, so that the
        # retry reads back the same rows rather than searching by a cleared identity.
        checked, failures = 0, plan_unverified(plan)
    return Applied(
        system=system.id,
        keys=found,
        changed=changed,
        checked=checked,
        failures=tuple(failures),
        manual=tuple(manual),
    )


def _declared(system: System) -> tuple[SqlSystem, dict[str, Table]]:
    assert system.sql is not None, "only a SQL system is reached through SQLAlchemy"
    return system.sql, tables_reflect(system)


def _rows(
    conn: Connection,
    system: System,
    tables: dict[str, Table],
    who: Identity,
    keys: dict[str, list[Key]] | None,
) -> Rows:
    assert system.sql is not None
    if keys is not None:
        return rows_by_keys(conn, tables, keys)
    return rows_find(conn, system.sql, tables, who)


def _found_keys(
    conn: Connection,
    system: System,
    tables: dict[str, Table],
    who: Identity,
    keys: dict[str, list[Key]] | None,
) -> dict[str, list[Key]]:
    """The keys of the rows a change acts on: the keys found before, as still there, or the
    person's rows found in one statement where the references allow it."""
    assert system.sql is not None
    if keys is None:
        found = keys_find(conn, system.sql, tables, who)
        if found is not None:
            return found
    return _keys(_rows(conn, system, tables, who, keys))


def _keys(rows: Rows) -> dict[str, list[Key]]:
    return {
        name: [k if isinstance(k, int | str) else str(k) for k in by_key]
        for name, by_key in rows.items()
        if by_key
    }
