"""Anchors: signed checkpoints of the chain's head, kept outside the database.

A chain, even a keyed one, cannot show from inside that its last events were cut off, or that
someone holding the audit key rewrote it. An anchor records the head (event count, hash) at a
moment, signed with HMAC-SHA256 under the audit key's anchor subkey, in a file on another machine
or at an HTTP(S) endpoint the organization runs; `hogo audit verify` then checks that every anchored
event is still there with the same hash.
"""

import base64
import hashlib
import hmac
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from django.utils import timezone

from hogo.audit.keys import AuditKey
from hogo.audit.models import canonical_json, timestamp_text

ANCHOR_VERSION = 1
SEND_TIMEOUT_SECONDS = 30


class AnchorError(Exception):
    """An anchor cannot be written, read or trusted."""


@dataclass(frozen=True)
class Anchor:
    # The number of events, which in a sound chain is also the last event's seq.
    events: int
    head: str
    at: str
    where: str = ""

    def payload(self) -> dict[str, object]:
        return {"v": ANCHOR_VERSION, "events": self.events, "head": self.head, "at": self.at}

    def signed(self, key: AuditKey) -> dict[str, object]:
        return {**self.payload(), "sig": _signature(self.payload(), key)}


def _signature(payload: dict[str, object], key: AuditKey) -> str:
    return hmac.new(key.anchor_key, canonical_json(payload), hashlib.sha256).hexdigest()


def anchor_at(*, events: int, head: str, now: datetime | None = None) -> Anchor:
    return Anchor(events=events, head=head, at=timestamp_text(now or timezone.now()))


def is_url(destination: str) -> bool:
    return urllib.parse.urlsplit(destination).scheme in ("http", "https")


def anchor_send(*, anchor: Anchor, key: AuditKey, to: str) -> None:
    """Appends the signed anchor to a file (one JSON line, fsynced, 0600) or POSTs it."""
    line = json.dumps(anchor.signed(key), sort_keys=True, separators=(",", ":"))
    if is_url(to):
        _post(line, to)
        return
    try:
        fd = os.open(to, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a") as f:
            f.write(line + "\n")
            f.flush()
            os.fsync(f.fileno())
        # The directory too, so a file the first anchor made survives a crash with its entry.
        directory = os.open(os.path.dirname(os.path.abspath(to)), os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError as exc:
        raise AnchorError(f"cannot append to the anchor file {to}: {exc.strerror}") from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # A redirected POST comes back as a GET whose 200 would look like a stored anchor.
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _post(line: str, url: str) -> None:
    """POSTs the anchor; `user:password@` in the URL is sent as HTTP Basic authentication."""
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    headers = {"Content-Type": "application/json"}
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        headers["Authorization"] = "Basic " + base64.b64encode(credentials.encode()).decode()
    request = urllib.request.Request(  # noqa: S310 (the scheme is http or https, checked above)
        parts._replace(netloc=host).geturl(), data=line.encode(), headers=headers, method="POST"
    )
    # Named without credentials or query, which may hold a secret of the endpoint.
    shown = f"{parts.scheme}://{host}{parts.path}"
    try:
        with urllib.request.build_opener(_NoRedirect).open(
            request, timeout=SEND_TIMEOUT_SECONDS
        ) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or type(exc).__name__
        raise AnchorError(f"cannot send the anchor to {shown}: {reason}") from None
    if not 200 <= status < 300:
        raise AnchorError(f"the anchor endpoint {shown} answered HTTP {status}")


def anchors_read(*, path: Path, key: AuditKey) -> list[Anchor]:
    """Every anchor in a file, each signature checked; one that fails stops the reading."""
    try:
        lines = path.read_text().splitlines()
    except OSError as exc:
        raise AnchorError(f"cannot read the anchor file {path}: {exc.strerror}") from None
    anchors = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"anchor {path} line {number}"
        anchors.append(_parsed(line, key, where))
    return anchors


def _parsed(line: str, key: AuditKey, where: str) -> Anchor:
    try:
        record = json.loads(line)
        anchor = Anchor(events=record["events"], head=record["head"], at=record["at"], where=where)
        sig = record["sig"]
        version = record["v"]
    except (ValueError, KeyError, TypeError):
        raise AnchorError(f"{where}: not an anchor record") from None
    if version != ANCHOR_VERSION or not isinstance(sig, str):
        raise AnchorError(f"{where}: not an anchor record of version {ANCHOR_VERSION}")
    typed = ((anchor.events, int), (anchor.head, str), (anchor.at, str))
    if not all(isinstance(value, kind) for value, kind in typed):
        raise AnchorError(f"{where}: not an anchor record")
    if not hmac.compare_digest(sig, _signature(anchor.payload(), key)):
        raise AnchorError(f"{where}: bad signature (forged, altered, or made with another key)")
    return anchor
