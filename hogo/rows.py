"""Plain statements for a model's rows, built from its metadata: read by a simple filter
(optionally locked), update an instance's named columns, insert instances, update or delete
by a filter. One way to write a hot path's rows without the ORM's compilation per call.

The ORM compiles a statement anew on every call: 0.3-1.1 ms of CPU for a one-row read or save,
ten times the statement's own cost (bench/README.md, `h20del2`); a request on a hot path that
makes twenty of them spends most of its time there. Here the SQL text is built once per model
and connection from `_meta.concrete_fields` (names quoted by the backend, values always bound),
values go through the fields' own `pre_save` and `get_db_prep_save` on the way in and through
the backend's and the fields' converters (`from_db_value`) on the way out, and instances come
from `Model.from_db`: the rows read back exactly as the ORM reads them.

What is left out: `Model.save`'s and `delete`'s signals and the ORM's cascade collection
(callers use this only for models with no such receivers and, to delete, none that a foreign
key points to: `hogo/tests/test_rows.py` checks those it is used for), deferred fields and
relations (a caller sets a known related object itself), expressions as values. Filters are
equality, or membership for a list, joined by AND.
"""

import functools
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db import DatabaseError, connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.fields import AutoFieldMixin
from django.db.transaction import TransactionManagementError

type Field = "models.Field[Any, Any]"
type Converter = Callable[[Any, Any, BaseDatabaseWrapper], Any]

# Per connection (a thread's own): the SQL texts and a read's converters, built once.
_built: "weakref.WeakKeyDictionary[BaseDatabaseWrapper, dict[object, Any]]" = (
    weakref.WeakKeyDictionary()
)


def rows_read[M: models.Model](
    model: type[M],
    *,
    where: Mapping[str, object],
    order_by: Sequence[str] = (),
    lock: bool = False,
) -> list[M]:
    """The rows whose columns equal `where` (attnames: `case_id`, not `case`; a list is any of
    its values, as `__in`), as instances; in `order_by`'s columns' order (ascending). `lock`:
    `SELECT ... FOR UPDATE` where the database has it (PostgreSQL; SQLite's writers hold the
    file), only inside a transaction, as the ORM's `select_for_update`."""
    connection = connections[router.db_for_read(model)]
    if lock and connection.features.has_select_for_update and connection.get_autocommit():
        raise TransactionManagementError(
            "select_for_update cannot be used outside of a transaction."
        )
    filters, params = _where(connection, model, where)
    if filters is None:
        return []  # an empty list matches nothing: no statement, as the ORM
    sql, converters = _select(connection, model, filters, tuple(order_by), lock)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    attnames = _attnames(model)
    alias = connection.alias
    found = []
    for row in rows:
        values = list(row)
        for index, convert in converters:
            values[index] = convert(values[index])
        found.append(model.from_db(alias, attnames, values))
    return found


def row_read[M: models.Model](
    model: type[M], *, where: Mapping[str, object], lock: bool = False
) -> M | None:
    """The one row whose columns equal `where` (a unique key), or None."""
    rows = rows_read(model, where=where, lock=lock)
    if len(rows) > 1:
        raise model.MultipleObjectsReturned(  # type: ignore[attr-defined]
            f"{model.__name__}: more than one row"
        )
    return rows[0] if rows else None


def row_update(instance: models.Model, fields: Iterable[str]) -> None:
    """`instance.save(update_fields=fields)` as one UPDATE of those columns by primary key: each
    value through its field's `pre_save` (an `auto_now` stamp) and `get_db_prep_save`. Fails,
    as `save` does, when no row was updated."""
    model = type(instance)
    connection = connections[router.db_for_write(model)]
    sql, written = _update(connection, model, tuple(fields))
    meta = model._meta
    assert meta.pk is not None
    values = [
        field.get_db_prep_save(field.pre_save(instance, False), connection) for field in written
    ]
    values.append(meta.pk.get_db_prep_value(instance.pk, connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        if cursor.rowcount < 1:
            raise DatabaseError("Save with update_fields did not affect any rows.")


def rows_update(
    model: type[models.Model],
    *,
    where: Mapping[str, object],
    unless: Mapping[str, object] | None = None,
    values: Mapping[str, object],
) -> int:
    """`model.objects.filter(**where).exclude(**unless).update(**values)` for columns that
    are never NULL in `unless` (all by attname): one UPDATE, each value through
    `get_db_prep_save` (no `pre_save`, as the ORM's `update`); how many rows."""
    connection = connections[router.db_for_write(model)]
    filters, params = _where(connection, model, where)
    excluded, excluded_params = _where(connection, model, unless or {})
    if filters is None or excluded is None:
        return 0
    fields = _fields(model)
    written = tuple(values)
    cache = _cache(connection)
    key = ("update_where", model, filters, excluded, written)
    if (sql := cache.get(key)) is None:
        quote = connection.ops.quote_name
        assignments = ", ".join(f"{quote(str(fields[name].column))} = %s" for name in written)
        sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments}"  # noqa: S608
        sql += _where_sql(connection, fields, filters)
        if excluded:
            sql += (" AND" if filters else " WHERE") + " NOT ("
            sql += _where_sql(connection, fields, excluded).removeprefix(" WHERE ") + ")"
        cache[key] = sql
    prepared = [
        fields[name].get_db_prep_save(value, connection)
        for name, value in zip(written, values.values(), strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*prepared, *params, *excluded_params])
        return int(cursor.rowcount)


def instances_insert(instances: Sequence[models.Model]) -> None:
    """INSERTs new instances of one model as `save()` or `bulk_create` would (every concrete
    column, each value through `pre_save(add=True)` and `get_db_prep_save`), in one statement;
    an automatic primary key is read back into each instance (`RETURNING`)."""
    if not instances:
        return
    model = type(instances[0])
    connection = connections[router.db_for_write(model)]
    sql, written, auto = _insert(connection, model, len(instances))
    values = [
        field.get_db_prep_save(field.pre_save(instance, True), connection)
        for instance in instances
        for field in written
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        returned = cursor.fetchall() if auto is not None else []
    for index, instance in enumerate(instances):
        if auto is not None:
            setattr(instance, auto.attname, auto.to_python(returned[index][0]))
        instance._state.adding = False
        instance._state.db = connection.alias
    if auto is not None and len(returned) != len(instances):
        raise DatabaseError(f"{model.__name__}: {len(returned)} rows inserted of {len(instances)}")


def rows_delete(model: type[models.Model], *, where: Mapping[str, object]) -> int:
    """DELETEs the rows whose columns equal `where` (as `rows_read`); how many. For a model
    that no foreign key points to and no delete signal watches (the ORM's `delete()` then
    sends this one statement too, after a collection that finds nothing to cascade)."""
    connection = connections[router.db_for_write(model)]
    filters, params = _where(connection, model, where)
    if filters is None:
        return 0
    cache = _cache(connection)
    key = ("delete", model, filters)
    if (sql := cache.get(key)) is None:
        fields = _fields(model)
        quote = connection.ops.quote_name
        cache[key] = sql = f"DELETE FROM {quote(model._meta.db_table)}" + _where_sql(  # noqa: S608
            connection, fields, filters
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.rowcount)


def columns_sql(fields: Sequence[Field], connection: BaseDatabaseWrapper) -> str:
    """The fields' columns, quoted, for an INSERT's or a SELECT's list."""
    quote = connection.ops.quote_name
    return ", ".join(quote(str(field.column)) for field in fields)


def typed_placeholder(field: Field, connection: BaseDatabaseWrapper) -> str:
    """A bound value in a SELECT list (`INSERT ... SELECT`): typed on PostgreSQL, which types
    that list before it sees the columns it goes into."""
    if connection.vendor != "postgresql":
        return "%s"
    return f"CAST(%s AS {field.db_type(connection)})"


def inserted_fields(model: type[models.Model]) -> list[Field]:
    """The columns an INSERT writes: every concrete field but an automatic primary key."""
    return [
        field
        for field in model._meta.concrete_fields
        if not (field.primary_key and isinstance(field, AutoFieldMixin))
    ]


def _cache(connection: BaseDatabaseWrapper) -> dict[object, Any]:
    cache = _built.get(connection)
    if cache is None:
        cache = _built[connection] = {}
    return cache


@functools.cache
def _attnames(model: type[models.Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


@functools.cache
def _fields(model: type[models.Model]) -> dict[str, Field]:
    return {field.attname: field for field in model._meta.concrete_fields}


type Filters = tuple[tuple[str, int | None], ...]


def _where(
    connection: BaseDatabaseWrapper, model: type[models.Model], where: Mapping[str, object]
) -> tuple[Filters | None, list[Any]]:
    """The filters' shape (column, and how many values for a list) and their bound values;
    no shape when a list is empty."""
    shape: list[tuple[str, int | None]] = []
    params: list[Any] = []
    fields = _fields(model)
    for name, value in where.items():
        field = fields[name]
        if isinstance(value, list | tuple):
            if not value:
                return None, []
            shape.append((name, len(value)))
            params.extend(field.get_db_prep_value(v, connection) for v in value)
        else:
            shape.append((name, None))
            params.append(field.get_db_prep_value(value, connection))
    return tuple(shape), params


def _where_sql(connection: BaseDatabaseWrapper, fields: dict[str, Field], filters: Filters) -> str:
    if not filters:
        return ""
    quote = connection.ops.quote_name
    parts = [
        f"{quote(str(fields[name].column))} = %s"
        if count is None
        else f"{quote(str(fields[name].column))} IN ({', '.join(['%s'] * count)})"
        for name, count in filters
    ]
    return " WHERE " + " AND ".join(parts)


def _select(
    connection: BaseDatabaseWrapper,
    model: type[models.Model],
    filters: Filters,
    order_by: tuple[str, ...],
    lock: bool,
) -> tuple[str, list[tuple[int, Callable[[Any], Any]]]]:
    cache = _cache(connection)
    key = ("select", model, filters, order_by, lock)
    if (built := cache.get(key)) is not None:
        return built  # type: ignore[no-any-return]
    meta = model._meta
    fields = _fields(model)
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    sql = f"SELECT {columns_sql(meta.concrete_fields, connection)} FROM {table}"  # noqa: S608
    sql += _where_sql(connection, fields, filters)
    if order_by:
        sql += " ORDER BY " + ", ".join(f"{quote(str(fields[n].column))} ASC" for n in order_by)
    if lock and connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    built = (sql, _converters(connection, model))
    cache[key] = built
    return built


def _converters(
    connection: BaseDatabaseWrapper, model: type[models.Model]
) -> list[tuple[int, Callable[[Any], Any]]]:
    """Per column that needs it, what turns the driver's value into the field's (the backend's
    converters, then the field's `from_db_value`), in the order the ORM applies them."""
    converters: list[tuple[int, Callable[[Any], Any]]] = []
    for index, field in enumerate(model._meta.concrete_fields):
        column = field.get_col(model._meta.db_table)
        steps: list[Converter] = [
            *connection.ops.get_db_converters(column),
            *column.get_db_converters(connection),
        ]
        if steps:
            converters.append(
                (index, functools.partial(_converted, tuple(steps), column, connection))
            )
    return converters


def _converted(
    steps: tuple[Converter, ...], column: object, connection: BaseDatabaseWrapper, value: object
) -> object:
    for step in steps:
        value = step(value, column, connection)
    return value


def _update(
    connection: BaseDatabaseWrapper, model: type[models.Model], names: tuple[str, ...]
) -> tuple[str, list[Field]]:
    cache = _cache(connection)
    key = ("update", model, names)
    if (built := cache.get(key)) is not None:
        return built  # type: ignore[no-any-return]
    meta = model._meta
    assert meta.pk is not None
    wanted = set(names)
    written = [
        f
        for f in meta.concrete_fields
        if not f.primary_key and (f.name in wanted or f.attname in wanted)
    ]
    if len(written) != len(wanted):
        raise ValueError(f"{model.__name__}: not all of {', '.join(names)} are columns to update")
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(str(f.column))} = %s" for f in written)
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {assignments} "  # noqa: S608
        f"WHERE {quote(str(meta.pk.column))} = %s"
    )
    cache[key] = built = (sql, written)
    return built


def _insert(
    connection: BaseDatabaseWrapper, model: type[models.Model], count: int
) -> tuple[str, list[Field], Field | None]:
    cache = _cache(connection)
    key = ("insert", model, count)
    if (built := cache.get(key)) is not None:
        return built  # type: ignore[no-any-return]
    meta = model._meta
    written = inserted_fields(model)
    auto = meta.pk if meta.pk is not None and meta.pk not in written else None
    quote = connection.ops.quote_name
    one = "(" + ", ".join(["%s"] * len(written)) + ")"
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns_sql(written, connection)}) "  # noqa: S608
        f"VALUES {', '.join([one] * count)}"
    )
    if auto is not None:
        sql += f" RETURNING {quote(str(auto.column))}"
    cache[key] = built = (sql, written, auto)
    return built


def rows_values(
    model: type[models.Model],
    columns: Sequence[str],
    *,
    where: Mapping[str, object],
    null: Sequence[str] = (),
    order_by: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """`model.objects.filter(**where, **{f"{c}__isnull": True for c in null})
    .order_by(*order_by).values_list(*columns)` (attnames; `where` as `rows_read`'s): the named
    columns as tuples, through the same converters, without building instances."""
    connection = connections[router.db_for_read(model)]
    filters, params = _where(connection, model, where)
    if filters is None:
        return []
    key = ("values", model, tuple(columns), filters, tuple(null), tuple(order_by))
    cache = _cache(connection)
    if (built := cache.get(key)) is None:
        fields = _fields(model)
        quote = connection.ops.quote_name
        chosen = [fields[name] for name in columns]
        sql = f"SELECT {columns_sql(chosen, connection)} FROM {quote(model._meta.db_table)}"  # noqa: S608
        sql += _where_sql(connection, fields, filters)
        if null:
            tests = " AND ".join(f"{quote(str(fields[n].column))} IS NULL" for n in null)
            sql += (" AND " if filters else " WHERE ") + tests
        if order_by:
            sql += " ORDER BY " + ", ".join(f"{quote(str(fields[n].column))} ASC" for n in order_by)
        by_column = dict(_converters(connection, model))
        index = {field.attname: n for n, field in enumerate(model._meta.concrete_fields)}
        converters = [
            (n, by_column[index[name]])
            for n, name in enumerate(columns)
            if index[name] in by_column
        ]
        cache[key] = built = (sql, converters)
    sql, converters = built
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not converters:
        return [tuple(row) for row in rows]
    found = []
    for row in rows:
        values = list(row)
        for n, convert in converters:
            values[n] = convert(values[n])
        found.append(tuple(values))
    return found
