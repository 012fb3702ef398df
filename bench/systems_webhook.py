"""The same requests through a webhook system: the reference receiver
(`docs/examples/webhook_receiver.py`, its own process) on 127.0.0.1 over TLS with a certificate
made for the run, serving a members table (10,000 rows, e-mail indexed) from a SQLite file.

Per request for one person, each a new TLS connection as hogo makes it: access (the signed
disclosure request, the receiver's lookup, its signed answer checked and parsed) and deletion
(the receiver deletes the row, commits and reads it back; hogo checks the signed read-back).
hogo's audit event is not included, as for the SQL figures. Baseline from the same run: a bare
HTTPS round trip to the receiver (new connection, an unsigned POST it refuses at once).
Called by `bench/systems.py` (`.venv/bin/python bench/systems.py webhook` for this part only).
"""

import http.client
import os
import secrets
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MEMBERS = 10_000
RECEIVER = Path(__file__).resolve().parents[1] / "docs" / "examples" / "webhook_receiver.py"
SECRET = secrets.token_hex(16)  # a new one each run


Timed = Callable[[Callable[[int], None], list[int]], list[float]]
Report = Callable[[str, list[float], str, float | None], float]


def measure_webhook(requests: int, timed: Timed, report: Report) -> None:
    from hogo.tests.webhooks import tls_make

    folder = Path(tempfile.mkdtemp(prefix="hogo-bench-webhook-"))
    tls = tls_make(folder)
    db = _members(folder / "members.sqlite")
    port = _free_port()
    env = {**os.environ, "WEBHOOK_SECRET": SECRET}
    args = [sys.executable, str(RECEIVER), str(db), str(tls.cert), str(tls.key), str(port)]
    receiver = subprocess.Popen(args, env=env)  # noqa: S603 (our own example, no shell)
    try:
        _wait(port)
        _run(requests, timed, report, port, tls.ca)
    finally:
        receiver.terminate()
        receiver.wait()


def _run(requests: int, timed: Timed, report: Report, port: int, ca: Path) -> None:
    from django.conf import settings

    from hogo.policy.schema import policy_parse
    from hogo.policy.tests.helpers import reference_text
    from hogo.policy.tests.systems_helpers import example_text
    from hogo.systems.records import Identity
    from hogo.systems.webhook import WebhookRequest, webhook_exchange

    os.environ["EVENT_SYSTEM_SECRET"] = SECRET
    settings.SYSTEMS_CA_FILE = str(ca)
    text = reference_text().replace("https://www.cc-link.org/", "https://localhost/")
    text += example_text().replace("https://events.cc-link.org/", f"https://localhost:{port}/")
    system = policy_parse(text).systems["event-system"]
    website = "https://localhost/"
    context = ssl.create_default_context(cafile=str(ca))

    def call(kind: str, i: int) -> None:
        who = Identity({"email": (f"member{i}@example.jp",)})
        request = WebhookRequest(f"req_bench.{kind}.{i}", kind, who)
        answer = webhook_exchange(system=system, request=request, website=website)
        assert answer is not None
        assert answer.rows == 1
        assert kind == "disclosure" or answer.verified

    def bare(i: int) -> None:
        connection = http.client.HTTPSConnection("localhost", port, context=context)
        connection.request("POST", "/", body=b"{}", headers={"Content-Type": "application/json"})
        connection.getresponse().read()  # the receiver's 401
        connection.close()

    ids = list(range(1, MEMBERS + 1, MEMBERS // (2 * requests)))[: 2 * requests]
    access_ids, deletion_ids = ids[:requests], ids[requests:]
    print(f"Webhook (reference receiver, SQLite), {MEMBERS:,} members, {requests} requests each")
    # Requests of their own: a request sent again within the same second is the same signed
    # message, which the receiver refuses as a replay.
    for warm in deletion_ids[-5:]:
        call("disclosure", warm)
        bare(warm)
    runs = [
        ("baseline: bare HTTPS round trip", bare, access_ids),
        ("access (signed, answer checked)", lambda i: call("disclosure", i), access_ids),
        ("deletion with read-back", lambda i: call("deletion", i), deletion_ids),
    ]
    baseline: float | None = None
    for label, run, ids_ in runs:
        cpu = time.process_time()
        median = report(label, timed(run, ids_), "", baseline)
        # This process's CPU (signing, JSON, the TLS client): what the load inflates least.
        print(f"  {'':<36} hogo's CPU {(time.process_time() - cpu) / len(ids_) * 1000:.2f} ms")
        baseline = baseline or median


def _members(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, name, email, phone)")
        db.execute("CREATE INDEX members_email ON members (email)")
        db.executemany(
            "INSERT INTO members VALUES (?, ?, ?, ?)",
            (
                (i, f"会員 {i:06d}", f"member{i}@example.jp", f"090-{i:04d}-0000")
                for i in range(1, MEMBERS + 1)
            ),
        )
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the reference receiver did not start")
