"""Webhook systems: a request carried to the organization's own HTTPS endpoint, signed, and its
signed answer (now, or later through a callback) read back into typed results, audited as the
SQL steps are (`systems.read|erase|correct|suspend`).

The wire format is in hogo/systems/README.md ("Webhook systems"). The endpoint must be https
on the organization's own domain (checked when the policy is loaded and again before every
call), its certificate must be trusted (the system's CAs, plus `HOGO_SYSTEMS_CA_FILE`), and a
redirect is refused. Errors name the system and what went wrong in words, never the secret,
the body or the answer's text.
"""

import functools
import http.client
import json
import secrets
import ssl
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from hogo.audit.services import audit_record
from hogo.policy.schema import System
from hogo.policy.selectors import policy_active
from hogo.systems.engine import SystemFailure as SystemFailure
from hogo.systems.records import Failure, Identity
from hogo.systems.signing import secret_of, signature_check, signed_headers

FINDS = ("purposes", "disclosure")
CHANGES = {"deletion": "systems.erase", "correction": "systems.correct"}
CHANGES["suspension"] = "systems.suspend"
MAX_ANSWER = 10 * 1024 * 1024  # bytes of an answer read at most
RETRIED = {408, 425, 429}  # besides 5xx: statuses that say "try again later"


@dataclass(frozen=True)
class WebhookRequest:
    """What hogo asks a webhook system. `request` is the same on every attempt (the receiver
    answers a repeated one again rather than acting twice)."""

    request: str
    kind: str  # purposes | disclosure | deletion | correction | suspension
    identity: Identity
    callback: str = ""  # where a receiver that answered 202 posts its answer
    categories: tuple[str, ...] | None = None  # deletion: None = everything held
    values: dict[str, str] = field(default_factory=dict)  # correction: category -> new value
    purposes: tuple[str, ...] | None = None  # suspension: None = every purpose

    def body(self) -> bytes:
        data: dict[str, object] = {
            "request": self.request,
            "kind": self.kind,
            "identity": {k: list(v) for k, v in self.identity.values.items() if v},
            "callback": self.callback,
        }
        if self.kind in ("deletion", "correction"):
            data["categories"] = None if self.categories is None else list(self.categories)
        if self.kind == "correction":
            data["values"] = self.values
        if self.kind == "suspension":
            data["purposes"] = None if self.purposes is None else list(self.purposes)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class WebhookAnswer:
    """A webhook system's answer. For a finding: the rows (table -> rows). For a change: rows
    changed per table and each field's read-back; `verified` only when the receiver stated it
    and every field it read back is as the request left it."""

    system: str
    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    checked: int = 0
    failures: tuple[Failure, ...] = ()
    verified: bool = False

    @property
    def rows(self) -> int:
        if self.tables:
            return sum(len(rows) for rows in self.tables.values())
        return sum(self.changed.values())


def callback_token() -> str:
    return secrets.token_urlsafe(32)


def webhook_call(
    *,
    actor: str,
    system: System,
    request: WebhookRequest,
    case_ref: str,
    subjects: Sequence[str] = (),
) -> WebhookAnswer | None:
    """Sends the request; its signed answer (audited), or None when the receiver accepted it
    (202) and will post the answer to the callback. Raises `SystemFailure` in words: no
    answer in time, refused, a bad signature (the step retries it)."""
    website = policy_active().organization.website
    answer = webhook_exchange(system=system, request=request, website=website)
    if answer is None:
        return None
    return _recorded(actor, system, request, answer, case_ref, subjects)


def webhook_exchange(
    *, system: System, request: WebhookRequest, website: str
) -> WebhookAnswer | None:
    """The call itself, without the audit: the endpoint checked against `website`'s domain,
    the request signed, the answer's signature and request id checked."""
    secret = secret_of(system)
    url = endpoint_checked(system, website)
    body = request.body()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "hogo",
        **signed_headers(secret, int(time.time()), body),
    }
    status, answer_headers, raw = _post(system, url, body, headers)
    if status not in (200, 202):
        raise _refused(system, status)
    what = f"system {system.id}: answer"
    signature_check(secret, answer_headers, raw, now=time.time(), what=what)
    data = _json(system, raw, request.request)
    return None if status == 202 else _answer(system, request.kind, data)


def webhook_callback_accept(
    *,
    actor: str,
    system: System,
    request: WebhookRequest,
    headers: Mapping[str, str],
    body: bytes,
    case_ref: str,
    subjects: Sequence[str] = (),
) -> WebhookAnswer:
    """A callback's answer, once its signature and timestamp are good (audited)."""
    signature_check(
        secret_of(system), headers, body, now=time.time(), what=f"system {system.id}: callback"
    )
    answer = _answer(system, request.kind, _json(system, body, request.request))
    return _recorded(actor, system, request, answer, case_ref, subjects)


def endpoint_checked(system: System, website: str) -> str:
    """The endpoint, once more checked against the organization's own domain."""
    assert system.webhook is not None
    url = system.webhook.url
    parts = urlsplit(url)
    own = (urlsplit(website).hostname or "").removeprefix("www.")
    host = parts.hostname or ""
    on_own = bool(own) and (host == own or host.endswith("." + own))
    if parts.scheme != "https" or not on_own or parts.username or parts.password:
        raise SystemFailure(f"system {system.id}: the endpoint is not https on {own or '?'}")
    return url


def _post(
    system: System, url: str, body: bytes, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    """One POST over verified TLS; http.client follows no redirect."""
    parts = urlsplit(url)
    timeout = settings.SYSTEMS_TIMEOUT
    connection = http.client.HTTPSConnection(
        parts.hostname or "",
        parts.port or 443,
        timeout=timeout,
        context=tls_context(settings.SYSTEMS_CA_FILE),
    )
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        answer = response.read(MAX_ANSWER + 1)
        return response.status, dict(response.getheaders()), answer
    except TimeoutError as exc:
        raise SystemFailure(f"system {system.id}: no answer within {timeout:g} s") from exc
    except ssl.SSLCertVerificationError as exc:
        raise SystemFailure(f"system {system.id}: its certificate is not trusted") from exc
    except ConnectionRefusedError as exc:
        raise SystemFailure(f"system {system.id}: connection refused") from exc
    except (OSError, http.client.HTTPException) as exc:
        errno = getattr(exc, "errno", None)
        detail = f", errno {errno}" if errno else ""
        raise SystemFailure(
            f"system {system.id}: connection failed ({type(exc).__name__}{detail})"
        ) from exc
    finally:
        connection.close()


@functools.lru_cache(maxsize=4)
def tls_context(ca_file: str) -> ssl.SSLContext:
    """The system's trusted CAs (and `ca_file`'s), verified hostnames; made once per process:
    loading the system's CA store takes a quarter of a second here."""
    context = ssl.create_default_context()
    if ca_file:
        context.load_verify_locations(cafile=ca_file)
    return context


def _refused(system: System, status: int) -> SystemFailure:
    if 300 <= status < 400:
        return SystemFailure(f"system {system.id}: redirect refused (HTTP {status})")
    if status >= 500 or status in RETRIED:
        return SystemFailure(f"system {system.id}: unavailable (HTTP {status})")
    return SystemFailure(f"system {system.id}: the request was refused (HTTP {status})")


def _json(system: System, raw: bytes, request: str) -> dict[str, object]:
    """The answer's object, once it names this request (an answer to another is refused)."""
    if len(raw) > MAX_ANSWER:
        raise SystemFailure(f"system {system.id}: the answer is larger than 10 MB")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise SystemFailure(f"system {system.id}: the answer is not JSON") from exc
    if not isinstance(data, dict) or data.get("request") != request:
        raise SystemFailure(f"system {system.id}: the answer names another request")
    return data


def _answer(system: System, kind: str, data: dict[str, object]) -> WebhookAnswer:
    bad = SystemFailure(f"system {system.id}: the answer does not follow the format")
    if kind in FINDS:
        tables = data.get("tables", {})
        if not isinstance(tables, dict) or not all(
            isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
            for rows in tables.values()
        ):
            raise bad
        return WebhookAnswer(system=system.id, tables={str(t): rows for t, rows in tables.items()})
    changed, checks = data.get("changed", {}), data.get("checks", [])
    if not isinstance(changed, dict) or not isinstance(checks, list):
        raise bad
    if not all(isinstance(n, int) and n >= 0 for n in changed.values()):
        raise bad
    if not all(isinstance(c, dict) and isinstance(c.get("table"), str) for c in checks):
        raise bad
    failures = tuple(
        Failure(table=c["table"], key=_key(c.get("key")), column=_column(c.get("column")))
        for c in checks
        if c.get("ok") is not True
    )
    # A change is verified only as the receiver states it, with a read-back for what it changed.
    stated = data.get("verified") is True and (bool(checks) or not any(changed.values()))
    return WebhookAnswer(
        system=system.id,
        changed={str(t): n for t, n in changed.items()},
        checked=len(checks),
        failures=failures,
        verified=stated and not failures,
    )


def _key(value: object) -> str | int:
    return value if isinstance(value, int) else str(value)[:64]


def _column(value: object) -> str | None:
    return value[:64] if isinstance(value, str) else None


def _recorded(
    actor: str,
    system: System,
    request: WebhookRequest,
    answer: WebhookAnswer,
    case_ref: str,
    subjects: Sequence[str],
) -> WebhookAnswer:
    detail: dict[str, object] = {"system": system.id, "case": case_ref, "via": "webhook"}
    if request.kind in FINDS:
        action = "systems.read"
        detail["rows"] = {t: len(rows) for t, rows in answer.tables.items()}
    else:
        action = CHANGES[request.kind]
        detail |= {
            "changed": answer.changed,
            "checked": answer.checked,
            "failed": len(answer.failures),
            "verified": answer.verified,
            "manual": [],
        }
    with transaction.atomic():
        audit_record(actor=actor, action=action, subjects=list(subjects), detail=detail)
    return answer
