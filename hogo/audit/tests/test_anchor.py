"""`hogo audit anchor` keeps signed checkpoints of the head outside the database, and
`hogo audit verify` checks the chain against them: a cut-off tail or a chain rewritten even by
someone holding the audit key is named."""

import json
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from hogo.audit.keys import audit_key_required
from hogo.audit.models import AuditEvent

Events = Callable[[int], list[AuditEvent]]
Tampering = Callable[[], AbstractContextManager[None]]
RawSql = Callable[..., None]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        call_command("audit", *args)
    except SystemExit as exit_:
        return int(exit_.code or 0), capsys.readouterr().out
    return 0, capsys.readouterr().out


@pytest.fixture
def anchor_file(tmp_path: Path) -> Path:
    return tmp_path / "elsewhere" / "audit-anchors.jsonl"


def test_it_appends_a_signed_anchor_and_verify_reports_it(
    record_events: Events, anchor_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    anchor_file.parent.mkdir()
    record_events(5)
    code, out = run(capsys, "anchor", "--to", str(anchor_file))
    assert code == 0
    first = json.loads(anchor_file.read_text())
    assert out == f"anchored: 5 events, head {first['head']} ({first['at']})\n"
    assert stat.S_IMODE(anchor_file.stat().st_mode) == 0o600
    assert sorted(first) == ["at", "events", "head", "sig", "v"]

    events = record_events(2)
    assert run(capsys, "anchor", "--to", str(anchor_file))[0] == 0
    lines = anchor_file.read_text().splitlines()
    assert len(lines) == 2
    at = json.loads(lines[1])["at"]
    assert run(capsys, "verify", "--anchor", str(anchor_file)) == (
        0,
        f"ok: 7 events, head {events[-1].hash}; anchored at event 7 ({at})\n",
    )


def test_it_catches_a_truncated_tail(
    record_events: Events,
    anchor_file: Path,
    tampering: Tampering,
    raw_sql: RawSql,
    capsys: pytest.CaptureFixture[str],
) -> None:
    anchor_file.parent.mkdir()
    record_events(10)
    run(capsys, "anchor", "--to", str(anchor_file))
    at = json.loads(anchor_file.read_text())["at"]
    with tampering():
        raw_sql("DELETE FROM audit_auditevent WHERE seq > 7")
    assert run(capsys, "verify", "--anchor", str(anchor_file)) == (
        1,
        f"event 8: missing, but anchor {anchor_file} line 1 of {at} counted 10 events "
        "(truncated)\n",
    )


def test_it_catches_a_chain_rewritten_by_someone_holding_the_key(
    record_events: Events,
    anchor_file: Path,
    tampering: Tampering,
    raw_sql: RawSql,
    capsys: pytest.CaptureFixture[str],
) -> None:
    anchor_file.parent.mkdir()
    record_events(10)
    run(capsys, "anchor", "--to", str(anchor_file))
    at = json.loads(anchor_file.read_text())["at"]
    key = audit_key_required().chain_key
    events = list(AuditEvent.objects.order_by("seq"))
    prev = events[1].hash
    with tampering():
        for event in events[2:]:
            if event.seq == 3:
                event.actor = "system"
            event.prev_hash = prev
            event.hash = event.compute_hash(key)
            raw_sql(
                "UPDATE audit_auditevent SET actor = %s, prev_hash = %s, hash = %s WHERE seq = %s",
                [event.actor, event.prev_hash, event.hash, event.seq],
            )
            prev = event.hash
    assert run(capsys, "verify") == (0, f"ok: 10 events, head {prev}\n")  # inside: unseen
    assert run(capsys, "verify", "--anchor", str(anchor_file)) == (
        1,
        f"event 10: hash differs from anchor {anchor_file} line 1 of {at} "
        "(re-chained or altered)\n",
    )


def test_it_refuses_a_forged_anchor(
    record_events: Events,
    anchor_file: Path,
    tampering: Tampering,
    raw_sql: RawSql,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Someone who cut the log and then edits the anchor to match cannot sign it."""
    anchor_file.parent.mkdir()
    events = record_events(10)
    run(capsys, "anchor", "--to", str(anchor_file))
    with tampering():
        raw_sql("DELETE FROM audit_auditevent WHERE seq > 7")
    record = json.loads(anchor_file.read_text())
    record.update(events=7, head=events[6].hash)
    anchor_file.write_text(json.dumps(record) + "\n")
    assert run(capsys, "verify", "--anchor", str(anchor_file)) == (
        1,
        f"anchor {anchor_file} line 1: bad signature (forged, altered, or made with another key)\n",
    )


def test_it_checks_the_configured_anchor_file_by_default(
    record_events: Events,
    anchor_file: Path,
    settings: Any,
    tampering: Tampering,
    raw_sql: RawSql,
    capsys: pytest.CaptureFixture[str],
) -> None:
    anchor_file.parent.mkdir()
    settings.AUDIT_ANCHOR = str(anchor_file)
    events = record_events(4)
    # Configured but not made yet: the chain alone is checked, with the usual line.
    assert run(capsys, "verify") == (0, f"ok: 4 events, head {events[-1].hash}\n")
    assert run(capsys, "anchor")[0] == 0
    with tampering():
        raw_sql("DELETE FROM audit_auditevent WHERE seq = 4")
    code, out = run(capsys, "verify")
    assert code == 1
    assert out.startswith("event 4: missing, but anchor")


def test_it_refuses_to_anchor_a_chain_that_does_not_verify(
    record_events: Events,
    anchor_file: Path,
    tampering: Tampering,
    raw_sql: RawSql,
    capsys: pytest.CaptureFixture[str],
) -> None:
    anchor_file.parent.mkdir()
    record_events(5)
    with tampering():
        raw_sql("UPDATE audit_auditevent SET actor = 'system' WHERE seq = 2")
    assert run(capsys, "anchor", "--to", str(anchor_file)) == (
        1,
        "event 2: hash mismatch (altered)\nnot anchored: the chain does not verify\n",
    )
    assert not anchor_file.exists()


@pytest.mark.django_db
def test_it_needs_a_destination(settings: Any) -> None:
    settings.AUDIT_ANCHOR = ""
    with pytest.raises(CommandError, match="HOGO_AUDIT_ANCHOR"):
        call_command("audit", "anchor")


class Endpoint:
    """A tiny HTTP server on loopback that stands for the organization's anchor service."""

    def __init__(self, status: int) -> None:
        self.bodies: list[bytes] = []
        self.content_types: list[str] = []
        self.authorizations: list[str | None] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                endpoint.bodies.append(self.rfile.read(length))
                endpoint.content_types.append(self.headers["Content-Type"])
                endpoint.authorizations.append(self.headers["Authorization"])
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "/anchors")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/anchors"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def endpoint() -> Iterator[Callable[[int], Endpoint]]:
    started: list[Endpoint] = []

    def start(status: int) -> Endpoint:
        started.append(Endpoint(status))
        return started[-1]

    yield start
    for each in started:
        each.close()


def test_it_posts_the_anchor_to_an_http_endpoint(
    record_events: Events,
    endpoint: Callable[[int], Endpoint],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    events = record_events(3)
    service = endpoint(201)
    code, out = run(capsys, "anchor", "--to", service.url)
    assert code == 0
    assert out.startswith(f"anchored: 3 events, head {events[-1].hash} (")
    assert service.content_types == ["application/json"]
    (record,) = [json.loads(body) for body in service.bodies]
    assert (record["events"], record["head"]) == (3, events[-1].hash)
    # The operator downloads what the service kept and checks the log against it.
    copy = tmp_path / "downloaded.jsonl"
    copy.write_bytes(service.bodies[0] + b"\n")
    assert run(capsys, "verify", "--anchor", str(copy)) == (
        0,
        f"ok: 3 events, head {events[-1].hash}; anchored at event 3 ({record['at']})\n",
    )


def test_it_fails_when_the_endpoint_refuses_the_anchor(
    record_events: Events, endpoint: Callable[[int], Endpoint], capsys: pytest.CaptureFixture[str]
) -> None:
    record_events(1)
    service = endpoint(500)
    assert run(capsys, "anchor", "--to", service.url) == (
        1,
        f"the anchor endpoint {service.url} answered HTTP 500\n",
    )


def test_it_sends_credentials_but_never_shows_them_nor_follows_a_redirect(
    record_events: Events, endpoint: Callable[[int], Endpoint], capsys: pytest.CaptureFixture[str]
) -> None:
    """A redirected POST would come back as a GET; the failure names the endpoint without its
    password or query."""
    record_events(1)
    service = endpoint(302)
    with_secret = service.url.replace("http://", "http://hogo:s3cret@") + "?token=s3cret"
    code, out = run(capsys, "anchor", "--to", with_secret)
    assert (code, out) == (1, f"the anchor endpoint {service.url} answered HTTP 302\n")
    assert len(service.bodies) == 1
    assert service.authorizations == ["Basic aG9nbzpzM2NyZXQ="]  # hogo:s3cret


def test_verify_fails_when_the_given_anchor_file_cannot_be_read(
    record_events: Events, anchor_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record_events(1)
    assert run(capsys, "verify", "--anchor", str(anchor_file)) == (
        1,
        f"cannot read the anchor file {anchor_file}: No such file or directory\n",
    )
