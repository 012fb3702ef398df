"""Bulk SQL for the vault's hot paths: multi-row inserts and lists of values to match.

Django's `bulk_create` spends about nine tenths of a large import compiling SQL value by value;
`rows_insert` converts each column once per value with the backend's own adapters and sends one
statement per chunk: `executemany`, or multi-row `VALUES ... RETURNING` when the generated ids
are needed (SQLite 3.35+); on PostgreSQL `COPY`, or `INSERT ... SELECT FROM unnest(arrays)
RETURNING` for the ids (the arrays bound on the server, in binary). `in_values` writes
`column IN (...)` for a chunk of values; on PostgreSQL as one array parameter.
"""

import gc
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper

Convert = Callable[[Any], Any]
_UNSET = object()


def rows_insert(
    model: type[models.Model],
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    returning: bool = False,
) -> list[int]:
    """Inserts `rows` (values in `columns` order, by field name); returns the new primary keys,
    in row order, when `returning`."""
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    fields = [_field(model, name) for name in columns]
    converters = [(n, c) for n, field in enumerate(fields) if (c := _converter(field, connection))]
    prepared: list[Any] = list(rows)
    if converters:
        # Column by column: one map() per converted column instead of a call per row.
        columns_ = list(zip(*rows, strict=True))
        for n, convert in converters:
            columns_[n] = tuple(map(convert, columns_[n]))
        prepared = list(zip(*columns_, strict=True))
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(str(field.column)) for field in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        if not returning and connection.vendor == "postgresql":
            # COPY: one stream instead of one statement per row. It goes to the driver's own
            # cursor, so its errors are turned into Django's here (a unique violation must
            # arrive as IntegrityError, like any insert's).
            with (
                connection.wrap_database_errors,
                cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
            ):
                for values in prepared:
                    copy.write_row(values)
            return []
        if not returning:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES {one}", prepared)  # noqa: S608
            return []
        assert model._meta.pk is not None
        pk = quote(str(model._meta.pk.column))
        if connection.vendor == "postgresql":
            # One array per column (as Django's own bulk_create does there): a short statement,
            # where thousands of placeholders would be parsed on every call. Bound on the
            # server and sent in binary: Django's cursor binds on the client, and text arrays
            # are quoted element by element; either took longer than the insert.
            arrays = ", ".join(f"%b::{field.db_type(connection)}[]" for field in fields)
            with connection.wrap_database_errors, server_binding(connection) as bound:
                bound.execute(
                    f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) RETURNING {pk}",  # noqa: S608
                    [list(column) for column in zip(*prepared, strict=True)],
                )
                return [row[0] for row in bound.fetchall()]
        limit = connection.features.max_query_params or 999
        per = max(1, min(500, limit // len(fields)))
        ids: list[int] = []
        for start in range(0, len(prepared), per):
            chunk = prepared[start : start + per]
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))} "  # noqa: S608
                f"RETURNING {pk}",
                [value for row in chunk for value in row],
            )
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


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


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused for one batch. A batch allocates several objects per value
    and keeps them all until it ends; each allocation threshold crossed made the collector walk
    the whole heap again (Django's included), a quarter of a bulk ingest's time. The batch's own
    objects hold no reference cycles; whatever else does is collected once it is back on.
    Nested or concurrent batches leave it to the one that paused it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _field(model: type[models.Model], name: str) -> "models.Field[Any, Any]":
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def _converter(field: "models.Field[Any, Any]", connection: BaseDatabaseWrapper) -> Convert | None:
    """How a column's values are adapted for the driver; None where they go as they are."""
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        # A batch carries a handful of distinct times (now, ends of retention): adapt each once.
        adapted: dict[datetime, object] = {}

        def adapt(v: object) -> object:
            if not isinstance(v, datetime):
                return v
            if v not in adapted:
                adapted[v] = ops.adapt_datetimefield_value(v)
            return adapted[v]

        return adapt
    if isinstance(field, models.UUIDField):
        native = connection.features.has_native_uuid_field
        return lambda v: v if native or not isinstance(v, uuid.UUID) else v.hex
    if isinstance(field, models.JSONField):
        # Rows of a batch usually share one value object (the purposes): adapt it once.
        last: list[object] = [_UNSET, None]

        def adapt_json(v: object) -> object:
            if v is not last[0]:
                last[:] = [v, ops.adapt_json_value(v, None)]
            return last[1]

        return adapt_json
    if isinstance(field, models.CharField) and field.choices:
        return lambda v: v if type(v) is str or v is None else str(v)  # TextChoices members
    return None  # text, integers, booleans, bytes and foreign keys go as they are
