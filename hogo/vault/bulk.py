"""Bulk SQL for the vault's hot paths: multi-row inserts and lists of values to match.

Django's `bulk_create` spends about nine tenths of a large import compiling SQL value by value;
`rows_insert` converts each column once per value with the backend's own adapters and sends one
statement per chunk: `executemany`, or multi-row `VALUES ... RETURNING` when the generated ids
are needed (SQLite 3.35+); on PostgreSQL `COPY`, or `INSERT ... SELECT FROM unnest(arrays)
RETURNING` for the ids (the arrays bound on the server, in binary). `in_values` writes
`column IN (...)` for a chunk of values; on PostgreSQL as one array parameter.
"""

import functools
import gc
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from operator import itemgetter
from typing import Any

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.fields import NOT_PROVIDED

from hogo.rows import columns_sql, inserted_fields

Convert = Callable[[Sequence[Any]], Sequence[Any]]
type Field = "models.Field[Any, Any]"
Row = Mapping[str, object]
FEW_ROWS = 8  # up to this many rows, PostgreSQL gets one plain INSERT


def rows_insert(
    model: type[models.Model], rows: Sequence[Row], *, returning: bool = False
) -> list[int]:
    """Inserts `rows`, each a mapping of the model's field names (`subject`, not `subject_id`)
    to values; returns the new primary keys, in row order, when `returning`.

    The columns come from the model: every concrete field but an automatic primary key. A
    field the rows leave out gets its model default (once per batch, or per row where the
    default is a callable); a nullable one without a default is left to the database. So a new
    column needs no change here, only a value where rows are built when it has no default.
    """
    if not rows:
        return []
    given = {name: list(map(itemgetter(name), rows)) for name in rows[0]}
    return columns_insert(model, given, returning=returning)


def columns_insert(
    model: type[models.Model], given: Mapping[str, Sequence[object]], *, returning: bool = False
) -> list[int]:
    """`rows_insert` for rows given column by column: field name to its values, one per row
    (every sequence as long). A batch built as columns makes no mapping per row."""
    count = len(next(iter(given.values()), ()))
    if not count:
        return []
    if any(len(values) != count for values in given.values()):
        raise ValueError(f"{model.__name__}: every column needs one value per row")
    connection = connections[router.db_for_write(model)]
    fields, columns = _columns(model, given, count, connection)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = columns_sql(fields, connection)
    # A few rows (one form post): one plain INSERT. COPY and the server-bound arrays pay a
    # setup of their own per statement that only a batch earns back (bench/README.md, h20forms).
    bulk = connection.vendor == "postgresql" and count > FEW_ROWS
    if returning and bulk:
        return _insert_unnest(connection, model, table, names, fields, columns)
    if connection.vendor == "sqlite":
        pk = _pk_column(model, connection) if returning else ""
        return _insert_sqlite(connection, table, names, columns, pk)
    with connection.cursor() as cursor:
        prepared = list(zip(*columns, strict=True))
        if not returning and bulk:
            _copy(connection, cursor.cursor, table, names, fields, prepared)
            return []
        one = "(" + ", ".join(["%s"] * len(fields)) + ")"
        if not returning and connection.vendor == "postgresql":
            marks = ", ".join([one] * len(prepared))
            flat = [value for row in prepared for value in row]
            cursor.execute(f"INSERT INTO {table} ({names}) VALUES {marks}", flat)  # noqa: S608
            return []
        if not returning:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES {one}", prepared)  # noqa: S608
            return []
        ids: list[int] = []
        for start in range(0, len(prepared), _ROWS_PER_INSERT):
            chunk = prepared[start : start + _ROWS_PER_INSERT]
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))} "  # noqa: S608
                f"RETURNING {_pk_column(model, connection)}",
                [value for row in chunk for value in row],
            )
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


_ROWS_PER_INSERT = 500


def _insert_sqlite(
    connection: BaseDatabaseWrapper,
    table: str,
    names: str,
    columns: list[Sequence[object]],
    pk: str,
) -> list[int]:
    """SQLite: multi-row `INSERT ... VALUES` of up to 500 rows, returning the primary key `pk`
    if given. A statement of many rows took a quarter less of SQLite's time than
    `executemany`'s statement per row (bench/README.md, h20ingest4). Written with SQLite's own
    `?` placeholders and run on the driver's cursor: Django's rewrites a statement's `%s` one
    by one with a regular expression, which cost more than it saved. Each chunk's parameters
    are laid out row after row straight from the columns (a slice assignment per column), no
    tuple per row. Errors are turned into Django's (a unique violation is IntegrityError)."""
    width, count = len(columns), len(columns[0])
    limit = connection.features.max_query_params or 999
    per = max(1, min(_ROWS_PER_INSERT, limit // width))
    one = "(" + ", ".join(["?"] * width) + ")"
    returned = f" RETURNING {pk}" if pk else ""
    ids: list[int] = []
    with connection.cursor() as wrapper, connection.wrap_database_errors:
        cursor = wrapper.cursor
        for start in range(0, count, per):
            rows = min(per, count - start)
            flat: list[object] = [None] * (rows * width)
            for place, column in enumerate(columns):
                flat[place::width] = column[start : start + rows]
            # Table and column names come from the model; every value is bound.
            sql = f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * rows)}{returned}"  # noqa: S608
            _sqlite_execute(cursor, sql, flat)
            if pk:
                ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _sqlite_execute(cursor: Any, sql: str, params: list[object]) -> None:
    """The sqlite3 module's own `execute`, past Django's `%s` rewriting."""
    import sqlite3

    sqlite3.Cursor.execute(cursor, sql, params)


def _columns(
    model: type[models.Model],
    given: Mapping[str, Sequence[object]],
    count: int,
    connection: BaseDatabaseWrapper,
) -> tuple[list[Field], list[Sequence[object]]]:
    """The fields written and their values column by column, adapted for the driver: each
    column converted as a whole (`_converter`), not with a call per value."""
    written = inserted_fields(model)
    if unknown := sorted(set(given) - {field.name for field in written}):
        raise ValueError(f"{model.__name__} has no field {', '.join(unknown)} to insert")
    fields: list[Field] = []
    columns: list[Sequence[object]] = []
    for field in written:
        if field.name in given:
            values: Sequence[object] = given[field.name]
        elif field.has_default():
            default = field.default
            values = [default() for _ in range(count)] if callable(default) else [default] * count
        elif field.null or field.db_default is not NOT_PROVIDED:
            continue  # the database's NULL or its own default
        else:
            raise ValueError(f"{model.__name__}.{field.name} has no default: give it in every row")
        if convert := _converter(field, connection):
            values = convert(values)
        fields.append(field)
        columns.append(values)
    return fields, columns


def _insert_unnest(
    connection: BaseDatabaseWrapper,
    model: type[models.Model],
    table: str,
    names: str,
    fields: list[Field],
    columns: list[Sequence[object]],
) -> list[int]:
    """PostgreSQL: one array per column (as Django's own bulk_create does there), a short
    statement where thousands of placeholders would be parsed on every call. Bound on the
    server and sent in binary: Django's cursor binds on the client, and text arrays are quoted
    element by element; either took longer than the insert."""
    arrays = ", ".join(f"%b::{field.db_type(connection)}[]" for field in fields)
    pk = _pk_column(model, connection)
    with connection.wrap_database_errors, server_binding(connection) as bound:
        bound.execute(
            f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) RETURNING {pk}",  # noqa: S608
            [list(column) for column in columns],
        )
        return [row[0] for row in bound.fetchall()]


def _copy(
    connection: BaseDatabaseWrapper,
    cursor: Any,
    table: str,
    names: str,
    fields: list[Field],
    rows: list[tuple[object, ...]],
) -> None:
    """PostgreSQL: the rows by COPY, one stream instead of a statement per row; in binary when
    every column's type is one `_COPY_TYPES` knows (the driver then formats a row in C and the
    server parses no text: two thirds of the client's and a third of the server's time off
    the items' COPY, bench/README.md, h20ingest). It goes to the driver's own cursor, so its
    errors are turned into Django's here (a unique violation must arrive as IntegrityError,
    like any insert's)."""
    types = _copy_types(fields, connection)
    binary = " (FORMAT BINARY)" if types else ""
    with (
        connection.wrap_database_errors,
        cursor.copy(f"COPY {table} ({names}) FROM STDIN{binary}") as copy,
    ):
        if types:
            cursor.adapters.register_dumper(_UuidText, _uuid_binary_dumper())
            copy.set_types(types)
        for values in rows:
            copy.write_row(values)


# Column types a binary COPY sends (what `Field.db_type` says on PostgreSQL, without a length).
_COPY_TYPES = frozenset(
    (
        "uuid",
        "varchar",
        "text",
        "bytea",
        "boolean",
        "timestamp with time zone",
        "bigint",
        "integer",
        "smallint",
    )
)


def _copy_types(fields: list[Field], connection: BaseDatabaseWrapper) -> list[str] | None:
    types = [str(field.db_type(connection)).split("(")[0] for field in fields]
    return types if all(t in _COPY_TYPES for t in types) else None


class _UuidText:
    """Stands for the type of an item id given as 32 hex digits (it is a `str`)."""


@functools.cache
def _uuid_binary_dumper() -> type:
    """psycopg's binary UUID dumper, also taking a UUID written as hex (items' ids are text
    until they are stored). Registered for a COPY's cursor only: `set_types` picks a column's
    dumper by the column's type, whatever the value's Python type."""
    from psycopg.types.uuid import UUIDBinaryDumper

    class UuidHexBinaryDumper(UUIDBinaryDumper):
        def dump(self, obj: object) -> bytes:
            if type(obj) is str and len(obj) == 32:
                return bytes.fromhex(obj)  # raises ValueError on anything but hex digits
            return (obj if isinstance(obj, uuid.UUID) else uuid.UUID(str(obj))).bytes

    return UuidHexBinaryDumper


def _pk_column(model: type[models.Model], connection: BaseDatabaseWrapper) -> str:
    assert model._meta.pk is not None
    return str(connection.ops.quote_name(str(model._meta.pk.column)))


def server_binding(connection: BaseDatabaseWrapper) -> Any:
    """A psycopg cursor with server-side binding on the connection's own session (so in its
    transaction); PostgreSQL only."""
    import psycopg

    return psycopg.Cursor(connection.connection)


def in_values(
    connection: BaseDatabaseWrapper, column: str, values: Sequence[Any]
) -> tuple[str, list[Any]]:
    """`column IN (...)` for these values, and its parameters. On PostgreSQL one array
    parameter (`column = ANY(%s)`): psycopg rewrites a statement's placeholders one by one and
    caches only short statements, so 1,000 placeholders cost more than running the query."""
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [list(values)]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


# Set only by a command that is a process of its own (`gc_pauses_allowed`).
_gc_pauses_allowed: ContextVar[bool] = ContextVar("gc_pauses_allowed", default=False)


@contextmanager
def gc_pauses_allowed() -> Iterator[None]:
    """Lets `gc_paused` pause Python's cycle collector within this block. For commands that run
    as a process of their own (`hogo import directory`); never in a web or worker process,
    where the collector is process-wide and other threads and requests share it."""
    token = _gc_pauses_allowed.set(True)
    try:
        yield
    finally:
        _gc_pauses_allowed.reset(token)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused for one batch, where `gc_pauses_allowed` lets it (else
    nothing). A batch allocates several objects per value and keeps them all until it ends;
    each allocation threshold crossed made the collector walk the whole heap again (Django's
    included): 15-18% of an import's CPU time (bench/README.md, "Vault"). The batch's own
    objects hold no reference cycles; whatever else does is collected once it is back on.
    Nested batches leave it to the one that paused it."""
    if not _gc_pauses_allowed.get() or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _converter(field: Field, connection: BaseDatabaseWrapper) -> Convert | None:
    """How a column's values are adapted for the driver, a whole column at a time; None where
    they go as they are. A batch repeats a handful of distinct values in the columns that need
    it (times: now, ends of retention; kinds), so each distinct value is adapted once and the
    column mapped through a dict (no Python call per value)."""
    ops = connection.ops
    if isinstance(field, models.DateTimeField):

        def adapt_time(v: object) -> object:
            return ops.adapt_datetimefield_value(v) if isinstance(v, datetime) else v

        return functools.partial(_distinct_mapped, adapt_time)
    if isinstance(field, models.UUIDField):
        if connection.features.has_native_uuid_field:
            return None
        return lambda values: [v.hex if isinstance(v, uuid.UUID) else v for v in values]
    if isinstance(field, models.JSONField):
        # Rows of a batch usually share one value object (the purposes): adapt it once.
        def adapt_json(values: Sequence[object]) -> list[object]:
            adapted: dict[int, object] = {}  # by identity: the values are alive meanwhile
            for v in values:
                if id(v) not in adapted:
                    adapted[id(v)] = ops.adapt_json_value(v, None)
            return [adapted[id(v)] for v in values]

        return adapt_json
    if isinstance(field, models.CharField) and field.choices:
        # TextChoices members as the plain text they stand for.
        return functools.partial(
            _distinct_mapped, lambda v: v if type(v) is str or v is None else str(v)
        )
    return None  # text, integers, booleans, bytes and foreign keys go as they are


def _distinct_mapped(adapt: Callable[[Any], Any], values: Sequence[object]) -> list[object]:
    """`[adapt(v) for v in values]` for hashable values, `adapt` called once per distinct one.
    Equal values map alike: a TextChoices member and its text, or equal datetimes, are adapted
    to the same value either way."""
    adapted = dict.fromkeys(values)
    for value in adapted:
        adapted[value] = adapt(value)
    return list(map(adapted.__getitem__, values))
