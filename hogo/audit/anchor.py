"""Anchors: signed checkpoints of the chain's head, kept outside the database.

A chain, even a keyed one, cannot show from inside that its last events were cut off, or that
someone holding the audit key rewrote it. An anchor records the head (event count, hash) at a
moment, signed with HMAC-SHA256 under the audit key's anchor subkey, in a file on another machine
or at an HTTP(S) endpoint the organization runs; `hogo audit verify` then checks that every anchored
event is still there with the same hash.
"""

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
    except OSError as exc:
        raise AnchorError(f"cannot append to the anchor file {to}: {exc.strerror}") from None


def _post(line: str, url: str) -> None:
    request = urllib.request.Request(  # noqa: S310 (the scheme is http or https, checked above)
        url,
        data=line.encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    shown = urllib.parse.urlsplit(url)._replace(query="", fragment="").geturl()
    try:
        with urllib.request.urlopen(request, timeout=SEND_TIMEOUT_SECONDS) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, OSError) as exc:
        raise AnchorError(f"cannot send the anchor to {shown}: {exc}") from None
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
    if not (isinstance(anchor.events, int) and isinstance(anchor.head, str)):
        raise AnchorError(f"{where}: not an anchor record")
    if not hmac.compare_digest(sig, _signature(anchor.payload(), key)):
        raise AnchorError(f"{where}: bad signature (forged, altered, or made with another key)")
    return anchor
