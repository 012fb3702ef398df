"""Behind a reverse proxy: whom hogo believes about the client's address, and the gunicorn set-up
it ships (no addresses or query strings in the access log; no start where clients would all
look alike)."""

import gc
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import RequestFactory, override_settings

from hogo.console.tests.test_settings import REPO, SMTP
from hogo.gunicorn_conf import FREEZE_AFTER, bind_problem, post_request, post_worker_init
from hogo.network import client_network

FORWARDED = "198.51.100.1, 203.0.113.9"


@pytest.mark.parametrize(
    ("trusted", "remote", "expected"),
    [
        (["127.0.0.1", "::1", "unix"], "127.0.0.1", "203.0.113.0"),
        (["127.0.0.1", "::1", "unix"], "", "203.0.113.0"),  # gunicorn on a unix socket
        (["10.0.0.0/8"], "10.2.3.4", "203.0.113.0"),
        (["10.0.0.0/8"], "127.0.0.1", "127.0.0.0"),  # not a proxy hogo was told of
        (["127.0.0.1"], "", None),  # a unix socket hogo was not told of: unknown, not shared
        ([], "192.0.2.77", "192.0.2.0"),  # a client cannot claim another address
        (["127.0.0.1", "::1", "unix"], "192.168.1.5", "192.168.1.0"),  # no private range by default
    ],
)
def test_it_believes_x_forwarded_for_only_from_a_trusted_proxy(
    trusted: list[str], remote: str, expected: str | None
) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=FORWARDED)
    with override_settings(TRUSTED_PROXIES=trusted):
        assert client_network(request) == expected


@pytest.mark.parametrize(
    ("bind", "trusted", "debug", "problem"),
    [
        ("unix:/run/hogo.sock", ["127.0.0.1"], False, "add unix to HOGO_TRUSTED_PROXIES"),
        ("unix:/run/hogo.sock", ["unix"], False, None),
        ("127.0.0.1:8000", [], False, "names no proxy"),
        ("[::1]:8000", [], False, "names no proxy"),
        ("127.0.0.1:8000", [], True, None),
        ("0.0.0.0:443", [], False, None),
        ("127.0.0.1:8000", ["127.0.0.1"], False, None),
    ],
)
def test_it_knows_which_binds_would_hide_the_client(
    bind: str, trusted: list[str], debug: bool, problem: str | None
) -> None:
    found = bind_problem(bind, trusted, debug=debug)
    assert (found is None) if problem is None else (found is not None and problem in found)


def gunicorn(tmp_path: Path, bind: str, **env: str) -> subprocess.Popen[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("HOGO_", "DATABASE_URL"))}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    clean.update({"HOGO_DATA_DIR": str(tmp_path / "data"), "HOGO_DEBUG": "false", **env})
    clean.setdefault("HOGO_EMAIL_URL", SMTP)
    config = ("-c", "python:hogo.gunicorn_conf", "--bind", bind, "--workers", "1")
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *config, "hogo.wsgi"],
        cwd=REPO,
        env=clean,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_it_refuses_to_serve_on_a_unix_socket_it_was_not_told_of(tmp_path: Path) -> None:
    server = gunicorn(tmp_path, f"unix:{tmp_path}/hogo.sock", HOGO_TRUSTED_PROXIES="127.0.0.1")
    output, _ = server.communicate(timeout=60)
    assert server.returncode != 0
    assert "add unix to HOGO_TRUSTED_PROXIES" in output


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str) -> None:
        super().__init__("localhost")
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def test_it_logs_no_address_query_or_token_through_the_shipped_configuration(
    tmp_path: Path,
) -> None:
    sock = tmp_path / "hogo.sock"
    server = gunicorn(tmp_path, f"unix:{sock}")
    try:
        deadline = time.monotonic() + 60
        while not sock.exists() and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        connection = UnixConnection(str(sock))
        connection.request(
            "GET",
            "/healthz?email=hanako%40example.jp",
            headers={
                "X-Forwarded-For": "203.0.113.9",
                "X-Forwarded-Proto": "https",
                "Referer": "https://www.example.jp/?phone=09012345678",
            },
        )
        assert connection.getresponse().status == 200
        connection.request("GET", "/ja/privacy-center/link/AbCdEfGhIjKlMnOpQrStUvWxYz123/")
        connection.getresponse().read()
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    lines = [line for line in output.splitlines() if '"GET ' in line]
    assert len(lines) == 2
    assert '"GET /healthz" 200' in lines[0]
    for text in ("hanako", "example", "203.0.113", "09012345678", "AbCdEfGhIjKlMnOpQrSt"):
        assert text not in output


def test_it_refuses_to_serve_in_production_with_mail_printed_on_the_console(tmp_path: Path) -> None:
    server = gunicorn(tmp_path, "127.0.0.1:0", HOGO_EMAIL_URL="console:")
    output, _ = server.communicate(timeout=60)
    assert server.returncode != 0
    assert "HOGO_EMAIL_URL is console:" in output


def test_a_worker_keeps_what_it_loaded_out_of_the_collectors_full_passes() -> None:
    before = gc.get_freeze_count()
    try:
        post_worker_init(worker=None)
        after_init = gc.get_freeze_count()
        loaded_later = [[n] for n in range(1000)]  # as a lazily loaded table would be
        post_request(SimpleNamespace(nr=FREEZE_AFTER[0]), None, None, None)
        after_first = gc.get_freeze_count()
        loaded_after = [[n] for n in range(1000)]
        post_request(SimpleNamespace(nr=FREEZE_AFTER[0] + 1), None, None, None)
        assert before < after_init
        assert after_first >= after_init + len(loaded_later)
        # Not after every request: what came after the first freeze stays out of the frozen
        # generation. (Its count may also drop by one when a frozen object is freed.)
        assert gc.get_freeze_count() < after_first + len(loaded_after)
    finally:
        gc.unfreeze()
