"""Drill: two gunicorn processes (the shipped configuration) behind a round-robin proxy take
form posts while one of them is killed with SIGKILL: every post that was answered with success
is stored exactly once and whole (README, "Drills").

A post in flight on the killed server may have been stored without its answer arriving; the
person sees an error and may send it again. So: accepted ⊆ stored ⊆ sent, and whatever was
stored is complete (identity, what was shown, what was agreed)."""

import http.client
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import count
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from hogo.collect.models import AcquisitionRecord
from hogo.consent.models import Consent
from hogo.drills import REPO, drill_env, free_port, stop, wait_for
from hogo.policy.schema import Policy
from hogo.tests.collect import EVENT
from hogo.vault.access import subjects_access
from hogo.vault.models import Subject

CAMPAIGN = "campaign-invitations-surveys"
FORM = "/ja/forms/event-registration/"
CLIENTS = 3
POSTS = 10  # per client
KILL_AFTER = 6  # accepted posts


class RoundRobin(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, backends: list[int]) -> None:
        super().__init__(("127.0.0.1", 0), ProxyHandler)
        self.backends = backends
        self.turn = count()


class ProxyHandler(BaseHTTPRequestHandler):
    """Like a production proxy: appends X-Forwarded-For, says the client used HTTPS, and moves to
    the next server when one refuses the connection (the request never reached it)."""

    server: RoundRobin

    def do_GET(self) -> None:
        self.forward()

    def do_POST(self) -> None:
        self.forward()

    def forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
        headers["X-Forwarded-For"] = self.client_address[0]
        headers["X-Forwarded-Proto"] = "https"
        for _ in self.server.backends:
            port = self.server.backends[next(self.server.turn) % len(self.server.backends)]
            backend = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                backend.request(self.command, self.path, body=body, headers=headers)
                response = backend.getresponse()
                status, answer, content = response.status, response.getheaders(), response.read()
            except ConnectionRefusedError:
                continue
            except (OSError, http.client.HTTPException):
                break  # the server died with the request: its fate is unknown
            finally:
                backend.close()
            self.send_response(status)
            for name, value in answer:
                if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)
            return
        self.send_error(502)

    def log_message(self, format: str, *args: object) -> None:
        pass


def gunicorn(env: dict[str, str], port: int) -> subprocess.Popen[str]:
    config = ("-c", "python:hogo.gunicorn_conf", "--bind", f"127.0.0.1:{port}", "--workers", "1")
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *config, "hogo.wsgi"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # so that kill -9 reaches its worker too
    )


def healthy(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False


def submit(proxy: int, n: int) -> bool:
    """Opens the form and posts it through the proxy, like a browser; whether it succeeded."""
    origin = f"https://127.0.0.1:{proxy}"
    connection = http.client.HTTPConnection("127.0.0.1", proxy, timeout=60)
    try:
        connection.request("GET", FORM)
        page = connection.getresponse()
        html = page.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie") or "")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        notice = re.search(r'name="notice" value="([0-9a-f]{64})"', html)
        if page.status != 200 or not (cookie and token and notice):
            return False
        values = {
            **EVENT,
            "email": f"drill{n}@example.jp",
            "csrfmiddlewaretoken": token.group(1),
            "notice": notice.group(1),
            "consent_purpose": CAMPAIGN,
        }
        connection.request(
            "POST",
            FORM,
            body=urlencode(values),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie.group(1)}",
                "Origin": origin,
                "Referer": origin + FORM,
            },
        )
        answer = connection.getresponse()
        answer.read()
        done = urlsplit(answer.getheader("Location") or "").path.endswith("/done/")
        return answer.status == 302 and done
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


@pytest.fixture
def servers(tmp_path: Path, policy: Policy) -> Iterator[list[subprocess.Popen[str]]]:
    env = drill_env(
        tmp_path,
        HOGO_FORM_RATE="100000/600",
        HOGO_ALLOWED_HOSTS="127.0.0.1",
        HOGO_TRUSTED_PROXIES="127.0.0.1",
    )
    ports = [free_port(), free_port()]
    started = [gunicorn(env, port) for port in ports]
    try:
        for port in ports:
            wait_for(lambda port=port: healthy(port), f"gunicorn on port {port}")  # type: ignore[misc]
        for process, port in zip(started, ports, strict=True):
            process.port = port  # type: ignore[attr-defined]
        yield started
    finally:
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            stop(process)


@pytest.mark.drill
@pytest.mark.django_db(transaction=True)
def test_every_accepted_post_is_stored_once_when_a_server_is_killed(
    servers: list[subprocess.Popen[str]],
) -> None:
    proxy = RoundRobin([process.port for process in servers])  # type: ignore[attr-defined]
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    accepted: list[int] = []
    killed = threading.Event()

    def client(first: int) -> None:
        for n in range(first, first + POSTS):
            if submit(proxy.server_address[1], n):
                accepted.append(n)
            if len(accepted) >= KILL_AFTER and not killed.is_set():
                killed.set()
                os.killpg(servers[0].pid, signal.SIGKILL)

    try:
        clients = [threading.Thread(target=client, args=(c * POSTS,)) for c in range(CLIENTS)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(timeout=300)
    finally:
        proxy.shutdown()
        proxy.server_close()

    assert killed.is_set()
    assert servers[0].wait(timeout=30) == -signal.SIGKILL
    assert len(accepted) > KILL_AFTER, "nothing was accepted after the kill"
    stored = AcquisitionRecord.objects.count()
    assert len(accepted) <= stored <= CLIENTS * POSTS
    assert Subject.objects.count() == Consent.objects.count() == stored
    for n in accepted:
        [view] = subjects_access(
            actor="system:test", purpose=CAMPAIGN, email=f"drill{n}@example.jp"
        ).items
        assert view.data == {"organization": EVENT["organization"], "event": EVENT["event"]}
        assert view.identifiers["name"] == EVENT["name"]
