"""Whether each declared system can be reached now, for the console: a SQL system is
connected to with a short timeout and asked `SELECT 1` (no pool, so nothing stays open); a
webhook or manual system is not checked. The URL and its credentials appear nowhere: a
failure is the scrubbed `SystemFailure` of engine.py."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import create_engine, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from hogo.policy.schema import System
from hogo.systems.engine import SystemFailure, failures_named, system_url

TIMEOUT = 2  # seconds; psycopg's least


@dataclass(frozen=True)
class Reach:
    checked: bool
    reachable: bool = False
    reason: str = ""  # why not: the scrubbed failure
    host: str = ""  # a webhook's declared host


def system_reach(system: System) -> Reach:
    if system.webhook is not None:
        return Reach(checked=False, host=urlsplit(system.webhook.url).hostname or "")
    if system.sql is None:
        return Reach(checked=False)
    try:
        _connect(system)
    except SystemFailure as exc:
        return Reach(checked=True, reachable=False, reason=exc.message)
    return Reach(checked=True, reachable=True)


def _connect(system: System) -> None:
    url = system_url(system)
    try:
        engine = create_engine(
            url, poolclass=NullPool, hide_parameters=True, connect_args=_timeout(url)
        )
    except (ArgumentError, NoSuchModuleError) as exc:
        raise SystemFailure(
            f"system {system.id}: not a usable database URL ({type(exc).__name__})"
        ) from None
    try:
        with failures_named(system, "connecting"), engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    finally:
        engine.dispose()


def _timeout(url: str) -> dict[str, object]:
    if url.startswith("postgresql"):
        return {"connect_timeout": TIMEOUT}
    if url.startswith("mysql"):
        return {"connect_timeout": TIMEOUT, "read_timeout": TIMEOUT}
    return {"timeout": TIMEOUT}  # SQLite: waiting for a lock
