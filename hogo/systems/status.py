"""Whether a declared system can be reached now, for the console (cached by reachability.py).

A SQL system is connected to with a short timeout and asked `SELECT 1` (no pool, so nothing
stays open). A webhook system's endpoint gets a TCP connection and a TLS handshake with the
same context its calls use (the system's CAs plus `HOGO_SYSTEMS_CA_FILE`, host name
checked), then the connection is closed: no request is sent, so no secret is used and the
receiver acts on nothing. A manual system is not probed. The URL and its credentials appear
nowhere: a failure is an outcome in words, or the scrubbed `SystemFailure` of engine.py.
"""

import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from hogo.policy.schema import System
from hogo.systems.engine import SystemFailure, failures_named, system_url
from hogo.systems.models import ReachOutcome
from hogo.systems.webhook import endpoint_checked, tls_context

TIMEOUT = 2  # seconds; psycopg's least


@dataclass(frozen=True)
class Probe:
    """What one probe found: the outcome, and for a SQL system the scrubbed failure."""

    outcome: ReachOutcome
    reason: str = ""


def system_probe(system: System, *, website: str) -> Probe | None:
    """Probes a SQL or webhook system (None for a manual one). `website` is the policy's, whose
    domain a webhook endpoint must be on. Safe to run in a thread: no Django database use."""
    if system.webhook is not None:
        return _handshake(system, website)
    if system.sql is None:
        return None
    try:
        _connect(system)
    except SystemFailure as exc:
        return Probe(ReachOutcome.FAILED, exc.message)
    return Probe(ReachOutcome.CONNECTED)


def _handshake(system: System, website: str) -> Probe:
    try:
        parts = urlsplit(endpoint_checked(system, website))
    except SystemFailure as exc:
        return Probe(ReachOutcome.NOT_ALLOWED, exc.message)
    host = parts.hostname or ""
    context = tls_context(settings.SYSTEMS_CA_FILE)
    try:
        with (
            socket.create_connection((host, parts.port or 443), timeout=TIMEOUT) as raw,
            context.wrap_socket(raw, server_hostname=host),
        ):
            return Probe(ReachOutcome.HANDSHAKE)
    except ssl.SSLCertVerificationError:
        return Probe(ReachOutcome.TLS_REFUSED)
    except ssl.SSLError:
        return Probe(ReachOutcome.TLS_FAILED)
    except TimeoutError:
        return Probe(ReachOutcome.NO_ANSWER)
    except ConnectionRefusedError:
        return Probe(ReachOutcome.REFUSED)
    except socket.gaierror:
        return Probe(ReachOutcome.UNKNOWN_HOST)
    except OSError as exc:
        errno = f"errno {exc.errno}" if exc.errno else type(exc).__name__
        return Probe(ReachOutcome.FAILED, f"system {system.id}: connection failed ({errno})")


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
