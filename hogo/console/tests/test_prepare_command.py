"""`hogo prepare` (what `./dev start` runs before serving): the first run loads the policy and
creates the staff user, printing its password once; a second run finds both done and writes
nothing."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV

from hogo.audit.models import AuditEvent
from hogo.console.management.commands.prepare import migrations_pending
from hogo.manage import reloading_parent
from hogo.policy.models import PolicyVersion

pytestmark = pytest.mark.django_db(databases=["default", "keys"])


def prepare() -> str:
    out = StringIO()
    call_command("prepare", "--staff", "officer", "--role", "privacy_officer", stdout=out)
    return out.getvalue()


def test_it_loads_the_policy_and_creates_the_staff_user_once() -> None:
    first = prepare()
    assert first.startswith("policy version 1 loaded: ")
    match = re.search(r"created staff user officer \(privacy_officer\) with password: (\S+)", first)
    assert match is not None, first
    user = User.objects.get(username="officer")
    assert user.check_password(match.group(1))
    events = AuditEvent.objects.count()

    second = prepare()
    assert second == ("unchanged: version 1\nstaff user officer exists; password unchanged\n")
    assert User.objects.get(username="officer").password == user.password
    assert PolicyVersion.objects.count() == 1
    assert AuditEvent.objects.count() == events


def test_it_sees_no_pending_migration_on_a_migrated_database() -> None:
    assert migrations_pending() is False


@pytest.mark.parametrize(
    ("argv", "parent"),
    [
        (["hogo", "runserver", "127.0.0.1:8000"], True),
        (["hogo", "runserver", "--noreload"], False),
        (["hogo", "prepare", "--staff", "o", "--role", "r", "--serve", "127.0.0.1:8000"], True),
        (["hogo", "prepare", "--staff", "o", "--role", "r", "--serve=8000"], True),
        (["hogo", "prepare", "--staff", "o", "--role", "r"], False),
        (["hogo", "migrate"], False),
    ],
)
def test_only_a_serving_command_starts_as_the_reloaders_parent(
    argv: list[str], parent: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DJANGO_AUTORELOAD_ENV, raising=False)
    assert reloading_parent(argv) is parent
    monkeypatch.setenv(DJANGO_AUTORELOAD_ENV, "true")  # the serving process itself
    assert reloading_parent(argv) is False


def test_it_prepares_then_serves_the_notice_in_one_command(tmp_path: Path) -> None:
    """`./dev start`'s command: a fresh data directory is migrated, the officer created, and the
    published notice answers from the server the same command starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HOGO_", "DATABASE_URL"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update({"HOGO_DATA_DIR": str(tmp_path), "HOGO_DEBUG": "true"})
    command = ["prepare", "--staff", "officer", "--role", "privacy_officer"]
    with (tmp_path / "out.log").open("w+") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "hogo.manage", *command, "--serve", f"127.0.0.1:{port}"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            page = _first_answer(f"http://127.0.0.1:{port}/en/privacy/", server)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        log.seek(0)
        output = log.read()
    assert "Privacy" in page, output
    assert "created staff user officer (privacy_officer) with password: " in output


def _first_answer(url: str, server: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert server.poll() is None, "the command exited before serving"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (loopback)
                return str(response.read().decode())
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError("no answer from the server")
