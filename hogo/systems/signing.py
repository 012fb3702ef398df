"""Signatures of the messages between hogo and a webhook system, both ways.

A message is signed with the system's secret: `X-Hogo-Timestamp: <unix seconds>` and
`X-Hogo-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. The receiver signs
its answer and its callback the same way. A signature is accepted only over the exact bytes
received and only while its timestamp is within the replay window (five minutes either way);
a message seen once is refused again by the receiver (it keeps the signatures of the window)
and by hogo (a callback's token is good once).
"""

import hashlib
import hmac
import os
from collections.abc import Mapping

from hogo.policy.schema import System
from hogo.systems.engine import SystemFailure

TIMESTAMP = "X-Hogo-Timestamp"
SIGNATURE = "X-Hogo-Signature"
WINDOW = 300  # seconds a signed message stays acceptable, either side of the clock
VERSION = "v1"


class SignatureRefused(SystemFailure):
    """A message whose signature does not match, or whose timestamp is outside the window."""

    code = "signature_refused"
    status = 401


def signature(secret: bytes, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret, str(timestamp).encode() + b"." + body, hashlib.sha256)
    return f"{VERSION}={digest.hexdigest()}"


def signed_headers(secret: bytes, timestamp: int, body: bytes) -> dict[str, str]:
    return {TIMESTAMP: str(timestamp), SIGNATURE: signature(secret, timestamp, body)}


def signature_check(
    secret: bytes, headers: Mapping[str, str], body: bytes, *, now: float, what: str
) -> None:
    """Refuses `body` unless its headers sign it with `secret` within the window. `what`
    names the message in the error ("system event-system: answer")."""
    raw = _header(headers, TIMESTAMP)
    given = _header(headers, SIGNATURE)
    if not raw.isdigit() or not given:
        raise SignatureRefused(f"{what}: not signed ({TIMESTAMP} and {SIGNATURE} required)")
    if abs(now - int(raw)) > WINDOW:
        raise SignatureRefused(f"{what}: timestamp outside the {WINDOW // 60}-minute window")
    if not hmac.compare_digest(signature(secret, int(raw), body), given):
        raise SignatureRefused(f"{what}: signature does not match")


def secret_of(system: System) -> bytes:
    """The system's signing secret, from the variable the policy names (never the value in an
    error: only the variable's name)."""
    assert system.webhook is not None
    value = os.environ.get(system.webhook.secret_env, "")
    if len(value) < 16:
        raise SystemFailure(
            f"system {system.id}: the signing secret {system.webhook.secret_env} is not set "
            "(16 characters or more)"
        )
    return value.encode()


def _header(headers: Mapping[str, str], name: str) -> str:
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), "").strip()
