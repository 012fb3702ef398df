"""Test support for the kill -9 drills (README, "Drills"): real `hogo` processes started on the
test database pytest-django made, killed with SIGKILL at a chosen moment, and rerun.

A subprocess reads its settings from the environment like production does; it is pointed at
the test databases (on SQLite through links named as settings expects them in its own data
directory; on PostgreSQL by URL) and at the test's master key file. Tests that use these helpers
need committed data: `@pytest.mark.django_db(transaction=True)`.
"""

import asyncio
import email
import email.policy
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connections

from hogo.vault.keys import kek_for_wrapping
from hogo.vault.routers import KEYS_DB

REPO = Path(__file__).resolve().parents[1]
# A stuck drill fails after this long instead of hanging CI; the drills take seconds.
PATIENCE = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def database_url(alias: str) -> str:
    db = connections[alias].settings_dict
    password = f":{quote(str(db['PASSWORD']))}" if db["PASSWORD"] else ""
    credentials = quote(str(db["USER"])) + password
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgresql://{credentials}@{db['HOST']}{port}/{quote(str(db['NAME']))}"


def drill_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a production-like `hogo` process on this test's databases."""
    # The master key exists before the processes start, as it does in production.
    kek_for_wrapping()
    data = tmp_path / "drill-data"
    data.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HOGO_", "DATABASE_URL"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        HOGO_DATA_DIR=str(data),
        HOGO_DEBUG="false",
        HOGO_MASTER_KEY_FILE=str(settings.MASTER_KEY_FILE),
        HOGO_AUDIT_KEY_FILE=str(settings.AUDIT_KEY_FILE),  # the chain the tests' events keyed
        HOGO_EMAIL_URL="smtp://127.0.0.1:2525",
        HOGO_SECRET_KEY="drill-" + "k" * 30 + "abcdefghijklmnopqrstuvwxyz",
    )
    if connections["default"].vendor == "postgresql":
        env["DATABASE_URL"] = database_url("default")
        env["HOGO_KEYSTORE_URL"] = database_url(KEYS_DB)
    else:
        # settings names the databases hogo.sqlite3 and keys.sqlite3 in the data directory;
        # SQLite follows the links, so its journal and WAL files are the test databases' own.
        for name, alias in (("hogo.sqlite3", "default"), ("keys.sqlite3", KEYS_DB)):
            link = data / name
            if not link.is_symlink():
                link.symlink_to(Path(str(connections[alias].settings_dict["NAME"])).resolve())
    env.update(extra)
    return env


def hogo_command(command: str, *args: str) -> list[str]:
    # The system checks have their own tests; skipped, each process starts seconds sooner.
    # Before the arguments: commands with actions (desk tick) take it only there.
    return [sys.executable, "-m", "hogo.manage", command, "--skip-checks", *args]


def hogo_start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    """`hogo ARGS` as its own process (output on a pipe, stderr merged)."""
    return subprocess.Popen(  # noqa: S603 (this interpreter, arguments the test wrote)
        hogo_command(*args),
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def hogo_run(env: dict[str, str], *args: str) -> str:
    """`hogo ARGS` to the end; its output, and a failure if it did not succeed."""
    done = subprocess.run(  # noqa: S603 (this interpreter, arguments the test wrote)
        hogo_command(*args),
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=PATIENCE * 2,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def read_until(process: subprocess.Popen[str], wanted: Callable[[str], bool]) -> str:
    """Reads the process's output line by line until a line is `wanted`; returns it."""
    assert process.stdout is not None
    seen = []
    for line in process.stdout:
        seen.append(line)
        if wanted(line):
            return line
    raise AssertionError("the process ended before the moment to kill it:\n" + "".join(seen))


def kill9(process: subprocess.Popen[str]) -> None:
    """kill -9, and reap it."""
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=PATIENCE)
    if process.stdout is not None:
        process.stdout.close()


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            kill9(process)
    if process.stdout is not None:
        process.stdout.close()


def wait_for(condition: Callable[[], bool], what: str) -> None:
    """Polls `condition` until it holds; fails naming `what` after PATIENCE seconds."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting: {what}")
        time.sleep(0.1)


class Mailbox:
    """A mail server on loopback that keeps what it accepted, and can hold one message in
    flight (the sender waits for the server's answer) until the test has killed the sender.
    A held message is then refused: a server that never said 250 never took it."""

    def __init__(self, *, hold: Callable[[EmailMessage], bool] | None = None) -> None:
        self.hold = hold
        self.accepted: list[EmailMessage] = []
        self.held = threading.Event()
        self.released = threading.Event()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: object, session: object, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        if self.hold is not None and not self.held.is_set() and self.hold(message):
            self.held.set()
            while not self.released.is_set():
                await asyncio.sleep(0.05)
            return "451 not taken"
        self.accepted.append(message)
        return "250 OK"

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def __enter__(self) -> "Mailbox":
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.released.set()
        self.controller.stop()

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.accepted if m["To"] == address]
