"""Connections to the organization's SQL systems (SQLAlchemy 2 Core) and their reflected
tables.

The URL comes from the environment variable the policy names, never from the policy file, and
never reaches a log line or an error message: every failure becomes a `SystemFailure` naming
the system and the exception's class (and, for a connection that failed, the driver's message
with every credential scrubbed). A query's own error text is never kept, since a driver may
repeat a bound value in it (PostgreSQL's "Key (email)=(...)").
"""

import hashlib
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, MetaData, Table, create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from hogo.errors import Conflict
from hogo.policy.schema import System

# Reflected tables are kept this long in a process: a request does not reflect again, and a
# schema change is seen within minutes (`hogo systems check` always reflects afresh).
REFLECTION_TTL = 300.0
_DRIVERS = {
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
}
_CREDENTIALS = re.compile(r"(?<=://)[^/@\s]+@")
_engines: dict[str, Engine] = {}
_reflected: dict[str, tuple[float, dict[str, Table]]] = {}
_lock = threading.Lock()


class SystemFailure(Conflict):
    """A system could not be reached or refused an operation; the message names the system
    and never a credential or a value."""

    code = "system_failed"


def url_scrub(text: str, url: str = "") -> str:
    """`text` without the URL's password, user and the whole URL itself."""
    if url:
        parsed = _parsed(url)
        for secret in (url, parsed.password if parsed is not None else None):
            if secret:
                text = text.replace(secret, "***")
    return _CREDENTIALS.sub("***@", text)


def _parsed(url: str) -> URL | None:
    try:
        return make_url(url)
    except ArgumentError:
        return None


def system_url(system: System) -> str:
    assert system.sql is not None
    url = os.environ.get(system.sql.url_env, "").strip()
    if not url:
        raise SystemFailure(
            f"system {system.id}: the environment variable {system.sql.url_env} is not set"
        )
    scheme, sep, rest = url.partition("://")
    return f"{_DRIVERS.get(scheme, scheme)}{sep}{rest}"


def engine_for(system: System, *, reads: bool = False) -> Engine:
    """The system's engine; `reads`: its second pool, whose connections run each statement on
    its own (no BEGIN and ROLLBACK round trips around a lookup, no reset on return)."""
    url = system_url(system)
    name = _cache_key(system, url) + (":reads" if reads else "")
    with _lock:
        engine = _engines.get(name)
        if engine is None:
            try:
                # No pre-ping (a round trip per request): a connection the server dropped
                # fails its step once, and the step is retried like any other failure.
                engine = create_engine(
                    url,
                    pool_recycle=300,
                    hide_parameters=True,
                    **({"isolation_level": "AUTOCOMMIT"} if reads else {}),
                )
            except (ArgumentError, NoSuchModuleError) as exc:
                raise SystemFailure(
                    f"system {system.id}: {system.sql.url_env if system.sql else ''} "
                    f"is not a usable database URL ({type(exc).__name__})"
                ) from None
            _engines[name] = engine
    return engine


def _cache_key(system: System, url: str) -> str:
    return system.id + ":" + hashlib.sha256(url.encode()).hexdigest()


@contextmanager
def failures_named(system: System, doing: str) -> Iterator[None]:
    """Turns a driver's error into a `SystemFailure` that carries no credential or value."""
    try:
        yield
    except SystemFailure:
        raise
    except DBAPIError as exc:
        code = getattr(exc.orig, "sqlstate", None) or _errno(exc.orig)
        detail = f", code {code}" if code else ""
        connecting = exc.connection_invalidated or "connect" in doing
        reason = _connection_reason(exc, system) if connecting else ""
        raise SystemFailure(
            f"system {system.id}: {doing} failed ({type(exc.orig).__name__}{detail}){reason}"
        ) from None
    except SQLAlchemyError as exc:
        raise SystemFailure(f"system {system.id}: {doing} failed ({type(exc).__name__})") from None


def _errno(orig: BaseException | None) -> str | None:
    args = getattr(orig, "args", ())
    return str(args[0]) if args and isinstance(args[0], int) else None


def _connection_reason(exc: DBAPIError, system: System) -> str:
    try:
        url = system_url(system)
    except SystemFailure:
        url = ""
    first = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
    return f": {url_scrub(first, url)[:200]}" if first else ""


def tables_reflect(system: System, *, fresh: bool = False) -> dict[str, Table]:
    """The system's declared tables that exist, reflected (cached for `REFLECTION_TTL`)."""
    assert system.sql is not None
    engine = engine_for(system)
    name = _cache_key(system, str(engine.url))
    cached = _reflected.get(name)
    if cached and not fresh and time.monotonic() - cached[0] < REFLECTION_TTL:
        return cached[1]
    wanted = [c.table for c in system.sql.collections]
    with failures_named(system, "connecting and reading the schema"):
        present = set(inspect(engine).get_table_names())
        metadata = MetaData()
        metadata.reflect(bind=engine, only=[t for t in wanted if t in present])
    tables = {t: metadata.tables[t] for t in wanted if t in metadata.tables}
    _reflected[name] = (time.monotonic(), tables)
    return tables


def table_names(system: System) -> list[str]:
    with failures_named(system, "connecting and reading the schema"):
        return sorted(inspect(engine_for(system)).get_table_names())


def engines_dispose() -> None:
    """Closes every pooled connection (before a database is dropped, or at shutdown)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _reflected.clear()
