"""What one more process gives (docs/scaling.md): requests/s of the privacy center and of the
API through gunicorn with 1 and 2 workers, and tasks/s of 1 and 2 `hogo db_worker` processes.

On one PostgreSQL database of its own (dropped and made afresh; the name must end in `bench`):
N people stored through the vault (default 10,000), a staff account with an API token, then

1. per worker count (1, 2): `--clients` threads (default 4) ask as fast as answers come, for
   `--seconds` each (default 15): `GET /ja/privacy/` (the privacy center's page), then
   `POST /api/v1/subjects/search` (a purpose-bound read of one random person, audited);
   requests/s, p50/p99, and the server's CPU time per request (gunicorn's processes);
2. per worker count (1, 2): `--tasks` staff mails (default 600) queued in the desk's outbox,
   then that many `hogo db_worker --batch` processes deliver them to a mail server on loopback;
   tasks/s from the first start to the last exit (start-up included, as a scaled-out worker
   pays it once).

  .venv/bin/python bench/scaling.py --database-url postgresql://postgres@127.0.0.1:5432/scaling_bench

Prints a JSON summary. With two cores, a second process can at most double a figure; what it
gives beside the load generator sharing the cores is the measurement.
"""

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

from harness import postgres_recreate

ROOT = Path(__file__).resolve().parent.parent
ACTOR = "system:bench"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True, help="postgresql://.../NAMEbench")
    parser.add_argument("--subjects", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--tasks", type=int, default=600)
    return parser.parse_args()


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children that were reaped or still live."""
    total = 0.0
    for child in [pid, *children(pid)]:
        fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return total


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(p) for p in found]


def serve(workers: int, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    from hogo.drills import free_port, wait_for

    port = free_port()
    command = [str(ROOT / ".venv/bin/gunicorn"), "hogo.wsgi", "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen(  # noqa: S603 (our own server, fixed arguments)
        [*command, "-w", str(workers), "--log-level", "warning"], cwd=ROOT, env=env
    )

    def answers() -> bool:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
        except OSError:
            return False
        return True

    wait_for(answers, "gunicorn to listen")
    time.sleep(2)  # every worker booted
    return server, port


def hammer(port: int, args: argparse.Namespace, ask: Any, seconds: float) -> dict[str, Any]:
    """`--clients` threads asking in a closed loop for `seconds`; every answer must be 200."""
    latencies: list[float] = []
    failures: list[int] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client(number: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        rng = random.Random(number)
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            status = ask(conn, rng)
            with lock:
                latencies.append(time.perf_counter() - started)
                if status != 200:
                    failures.append(status)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    return {
        "requests_per_s": round(len(ordered) / seconds, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[int(len(ordered) * 0.99)] * 1000, 1),
        "failures": len(failures),
        "requests": len(ordered),
    }


def web(workers: int, env: dict[str, str], args: argparse.Namespace, token: str) -> dict[str, Any]:
    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}

    def page(conn: http.client.HTTPConnection, rng: random.Random) -> int:
        conn.request("GET", "/ja/privacy/", headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status

    def search(conn: http.client.HTTPConnection, rng: random.Random) -> int:
        body = json.dumps({"email": f"person{rng.randrange(args.subjects)}@example.jp"})
        conn.request(
            "POST",
            "/api/v1/subjects/search",
            body=body,
            headers={
                **headers,
                "Authorization": f"Bearer {token}",
                "X-Hogo-Purpose": "inquiry-response",
                "Content-Type": "application/json",
            },
        )
        response = conn.getresponse()
        response.read()
        return response.status

    server, port = serve(workers, env)
    try:
        figures = {}
        for name, ask in (("privacy_center", page), ("api_search", search)):
            hammer(port, args, ask, 3)  # every worker has served it once: templates, imports
            before = cpu_seconds(server.pid)
            figures[name] = hammer(port, args, ask, args.seconds)
            spent = cpu_seconds(server.pid) - before
            figures[name]["server_cpu_ms_per_request"] = round(
                spent * 1000 / max(1, figures[name]["requests"]), 2
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return figures


def tasks(workers: int, env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    from django.db import transaction

    from hogo.desk.mail import mail_queue
    from hogo.desk.models import MailKind, OutboundMail

    with transaction.atomic():
        for n in range(args.tasks):
            mail_queue(
                actor=ACTOR,
                subject=f"Reminder {n}",
                body="A case is due in three days.",
                kind=MailKind.REMINDER,
                to="officer@example.jp",
            )
    started = time.perf_counter()
    command = [str(ROOT / ".venv/bin/hogo"), "db_worker", "--batch", "--no-startup-delay"]
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603 (fixed arguments)
        for _ in range(workers)
    ]
    for process in processes:
        process.wait(timeout=600)
    wall = time.perf_counter() - started
    sent = OutboundMail.objects.filter(kind=MailKind.REMINDER, sent_at__isnull=False).count()
    OutboundMail.objects.filter(kind=MailKind.REMINDER).delete()
    return {"tasks": args.tasks, "sent": sent, "tasks_per_s": round(args.tasks / wall, 1)}


def seed(args: argparse.Namespace) -> str:
    from django.conf import settings
    from django.core.management import call_command

    from hogo.api.services import token_create
    from hogo.console.services import staff_create
    from hogo.policy.services import policy_file_read, policy_load
    from hogo.vault.records import ItemIn, SubjectIn
    from hogo.vault.services import subjects_ingest

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    for start in range(0, args.subjects, 1000):
        subjects_ingest(
            actor=ACTOR,
            channel="inquiry",
            purposes=["inquiry-response"],
            records=[
                SubjectIn(
                    identifiers={"email": f"person{n}@example.jp", "name": f"Person {n}"},
                    items=[ItemIn("organization", None, "Kuroshio Works")],
                )
                for n in range(start, min(start + 1000, args.subjects))
            ],
        )
    user, _ = staff_create(actor=ACTOR, username="bench-desk", role="desk_operator")
    return token_create(actor=ACTOR, user=user)


def main() -> None:
    args = arguments()
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Sink

    smtp = socket.socket()
    smtp.bind(("127.0.0.1", 0))
    mail_port = smtp.getsockname()[1]
    smtp.close()
    work = Path(tempfile.mkdtemp(prefix="hogo-bench-scaling-"))
    postgres_recreate(args.database_url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOGO_")}
    env.update(
        HOGO_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="hogo.settings",
        DATABASE_URL=args.database_url,
        HOGO_ALLOWED_HOSTS="127.0.0.1",
        HOGO_TASKS="database",
        HOGO_EMAIL_URL=f"smtp://127.0.0.1:{mail_port}",
    )
    os.environ.clear()
    os.environ.update(env)
    import django

    django.setup()
    mailbox = Controller(Sink(), hostname="127.0.0.1", port=mail_port)
    mailbox.start()
    try:
        token = seed(args)
        summary: dict[str, Any] = {"date": date.today().isoformat(), "subjects": args.subjects}
        summary["load_average_before"] = os.getloadavg()[0]
        for workers in (1, 2):
            summary[f"gunicorn_{workers}_workers"] = web(workers, env, args, token)
        for workers in (1, 2):
            summary[f"db_worker_{workers}"] = tasks(workers, env, args)
        summary["load_average_after"] = os.getloadavg()[0]
    finally:
        mailbox.stop()
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
