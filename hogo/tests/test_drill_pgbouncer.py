"""Drill: hogo behind PgBouncer in transaction mode (docs/scaling.md, "PgBouncer").

Two directory imports and the maintenance tick run at once through a pool of two server
connections, so every transaction may land on a connection another process used last: the
audit chain's advisory lock, the import's batches and the web server must all hold. Runs in the
PostgreSQL pass (the test databases are the ones PgBouncer fronts); it needs Debian's
`pgbouncer`, which `./dev` installs with the other system packages.
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection, connections

from hogo.audit.models import AuditEvent
from hogo.collect.tests.test_import import HEADER, PROVIDER, write_csv
from hogo.drills import (
    REPO,
    database_url,
    drill_env,
    free_port,
    hogo_run,
    hogo_start,
    stop,
    wait_for,
)
from hogo.policy.schema import Policy
from hogo.vault.models import Acquisition, Subject
from hogo.vault.routers import KEYS_DB

ROWS = 30  # per import

pytestmark = [
    pytest.mark.drill,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PgBouncer fronts PostgreSQL: the PG pass"
    ),
]


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture
def bouncer() -> Iterator[int]:
    """PgBouncer on a free port in transaction mode, two server connections per database."""
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    if not Path(binary).exists():
        pytest.fail("pgbouncer is not installed: ./dev installs it (apt-get install pgbouncer)")
    db = connections["default"].settings_dict
    port = free_port()
    # PgBouncer refuses to run as root; CI runs as root, and PostgreSQL's own user exists there
    # (pytest's temporary directories are private to root: this one is not).
    home = Path(tempfile.mkdtemp(prefix="hogo-pgbouncer-"))
    (home / "users.txt").write_text(f'"{db["USER"]}" ""\n')
    (home / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"* = host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {home / 'users.txt'}\n"
        "pool_mode = transaction\ndefault_pool_size = 2\nmax_client_conn = 50\n"
        "ignore_startup_parameters = extra_float_digits,options\n"
        f"admin_users = {db['USER']}\n"
    )
    user = ["-u", "postgres"] if os.getuid() == 0 else []
    home.chmod(0o755)
    process = subprocess.Popen(
        [binary, *user, str(home / "pgbouncer.ini")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: listening(port) or process.poll() is not None, "pgbouncer to listen")
        assert process.poll() is None, process.communicate()[0]
        yield port
    finally:
        stop(process)  # its server connections close before pytest-django drops the databases
        shutil.rmtree(home)


def through(url: str, port: int) -> str:
    """The same database's URL, by way of PgBouncer."""
    credentials, _, place = url.partition("@")
    return f"{credentials}@127.0.0.1:{port}/{place.partition('/')[2]}?pool_mode=transaction"


def import_command(path: Path) -> tuple[str, ...]:
    return (
        "import",
        "directory",
        str(path),
        f"--provider={PROVIDER.name}",
        f"--provider-address={PROVIDER.address}",
        f"--provider-representative={PROVIDER.representative}",
        f"--obtained-by={PROVIDER.obtained_by}",
        "--batch-size=5",
        "--helpers=0",
        "--no-progress",
    )


@pytest.mark.django_db(transaction=True)
def test_hogo_works_through_pgbouncer_in_transaction_mode(
    policy: Policy, tmp_path: Path, bouncer: int
) -> None:
    env = drill_env(tmp_path, HOGO_ALLOWED_HOSTS="127.0.0.1", HOGO_TASKS="database")
    env["DATABASE_URL"] = through(database_url("default"), bouncer)
    env["HOGO_KEYSTORE_URL"] = through(database_url(KEYS_DB), bouncer)
    files = [
        write_csv(
            tmp_path / f"list{n}.csv",
            [
                HEADER,
                *([f"P {n}-{i}", "Acme", "", f"p{n}.{i}@example.jp", ""] for i in range(ROWS)),
            ],
        )
        for n in range(2)
    ]

    workers = [hogo_start(env, *import_command(path)) for path in files]
    workers.append(hogo_start(env, "desk", "tick"))
    for worker in workers:
        output, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0, output

    assert Subject.objects.count() == 2 * ROWS
    assert Acquisition.objects.count() == 2 * ROWS
    assert AuditEvent.objects.filter(action="vault.ingest").exists()
    assert hogo_run(env, "audit", "verify").startswith("ok:")

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hogo.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(lambda: listening(port), "gunicorn to listen")
        for path in ("/healthz", "/ja/privacy/", "/en/privacy/", "/ja/forms/inquiry/"):
            page = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            page.request("GET", path, headers={"X-Forwarded-Proto": "https"})
            assert page.getresponse().status == 200, path
    finally:
        stop(server)
    # At least each import batch's transaction went through PgBouncer, not around it.
    name = str(connections["default"].settings_dict["NAME"])
    assert transactions_through(bouncer, name) > 2 * ROWS // 5


def transactions_through(port: int, database: str) -> int:
    """How many transactions PgBouncer passed to `database` (its admin console's SHOW STATS)."""
    shown = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-AtF,", "pgbouncer"],
        input="SHOW STATS;",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = (line.split(",") for line in shown.splitlines())
    return sum(int(row[1]) for row in rows if row[0] == database)
