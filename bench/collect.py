"""Collection speed: a directory import, then public form submissions under concurrent load.

1. Directory import: N rows (default 100,000; `--rows`) written as a UTF-8 CSV with 0.5% rows
   carrying special-care information and 0.5% malformed e-mail addresses, imported through the
   same service as `hogo import directory` (parse, checks, detection, encryption, blind indexes,
   receipt and row records, audit). Beside it, in the same run: the dry run (everything but the
   writes) and the vault's own bulk ingest of 20,000 of those rows already checked (the floor
   under any import). Target: at least 5,000 rows/s on SQLite.
2. Form submissions: a gunicorn server with hogo's configuration (`hogo/gunicorn_conf.py`;
   `--workers`, default 3) on a fresh port, `--clients` threads (default 8) each opening the
   inquiry form and posting it `--submissions` times (default 50), as a browser behind the
   production TLS proxy would (X-Forwarded-Proto, X-Forwarded-For, CSRF cookie and Referer).
   Every accepted submission (302) must be stored: the count of acquisition records is
   compared with the count accepted. p50/p99 of the POST.
   With `--rate R --seconds S` the posts follow a fixed schedule instead (R per second for S
   seconds, spread over the client threads: issue 20's 50 posts/s for 60 s), and each post's
   latency counts from its scheduled time, so a server falling behind shows in the p99; the
   clients open their form pages before the schedule starts (the workers' first requests).

Prints a JSON summary. No assertions besides stored == accepted (exit 1 otherwise).

  .venv/bin/python bench/collect.py
  .venv/bin/python bench/collect.py --rows 20000 \\
      --database-url postgresql://postgres@127.0.0.1:5432/collect_bench
  .venv/bin/python bench/collect.py --skip-import --workers 2 --clients 16 --rate 50 \\
      --seconds 60 --database-url postgresql://postgres@127.0.0.1:5432/collect_bench

`--smtp-delay S` runs a mail server on loopback that answers each message after S seconds, for
the inquiry form's confirmation mail, and one `hogo db_worker` that sends the mails the posts
owe (HOGO_TASKS=database; the request only stores them); after the posts it waits for the
worker to send every owed mail. Without it nothing listens and the mails stay owed.

SQLite runs in a fresh temporary data directory. For PostgreSQL the named database (whose name
must end in `bench`) and its `<name>_keys` key store are dropped and created afresh.
"""

import argparse
import asyncio
import csv
import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from harness import postgres_recreate, server_cpu

ROOT = Path(__file__).resolve().parent.parent
FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["花子", "太郎", "一郎", "美咲", "健太", "さくら", "翔", "陽菜", "大輔", "結衣"]
ORGS = ["三星電機株式会社", "Kuroshio Works", "東和製作所", "Nagoya Robotics Inc.", "北斗工業"]
DEPTS = ["生産技術部", "品質保証部", "Engineering", "設計部", "営業部", ""]
TITLES = ["部長", "課長", "主任", "Engineer", "Manager", ""]
CITIES = [
    "東京都千代田区丸の内1-1-1",
    "愛知県名古屋市東区大曽根3-15-58",
    "大阪府大阪市北区梅田2-2-2",
]
# Notes a directory should never carry: each is refused with its category.
SPECIAL = ["人工透析のため平日午後は不在", "うつ病で休職中", "前科あり"]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--helpers", type=int, default=1, help="checking processes (import)")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--submissions", type=int, default=50, help="per client")
    parser.add_argument(
        "--rate", type=int, default=0, help="posts/s on a fixed schedule (open loop); 0: closed"
    )
    parser.add_argument("--seconds", type=int, default=60, help="with --rate: how long")
    parser.add_argument(
        "--smtp-delay",
        type=float,
        default=-1,
        help="run a mail server on loopback that answers each message after this many seconds "
        "(default: none listens, the confirmation mail's connection is refused at once)",
    )
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-forms", action="store_true")
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    return parser.parse_args()


def directory_write(path: Path, rows: int) -> None:
    rng = random.Random(42)
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(
            ["氏名", "会社名・団体名", "部署名", "役職", "メールアドレス", "電話番号", "住所"]
        )
        for i in range(rows):
            email = f"person{i}@example{i % 97}.jp" if i % 200 != 7 else f"person{i}-at-example"
            department = SPECIAL[i % 3] if i % 200 == 13 else rng.choice(DEPTS)
            out.writerow(
                [
                    f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
                    rng.choice(ORGS),
                    department,
                    rng.choice(TITLES),
                    email,
                    f"0{rng.choice([3, 52, 6])}-{rng.randrange(1000, 9999)}-{i % 10**4:04d}",
                    rng.choice(CITIES),
                ]
            )


def percentiles(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def import_bench(rows: int, batch_size: int, helpers: int, work: Path) -> dict[str, Any]:
    from hogo.collect.importer import Provider, directory_import

    path = work / "directory.csv"
    directory_write(path, rows)
    provider = Provider(
        name="株式会社名簿センター",
        address="東京都千代田区丸の内1-1-1",
        representative="代表取締役 鈴木一郎",
        obtained_by="展示会の来場者登録（来場者の同意を得て第三者提供）",
        received_on=date.today(),
    )
    start = time.perf_counter()
    directory_import(
        actor="system:bench",
        path=path,
        provider=provider,
        dry_run=True,
        batch_size=batch_size,
        helpers=helpers,
    )
    dry_s = time.perf_counter() - start
    start = time.perf_counter()
    cpu = time.process_time()
    done = directory_import(
        actor="system:bench", path=path, provider=provider, batch_size=batch_size, helpers=helpers
    )
    import_s = time.perf_counter() - start
    # CPU time of this (the writing) process: on a shared machine the wall clock also counts
    # the time other programs held the cores.
    cpu_s = time.process_time() - cpu
    vault_rate = vault_baseline(path, min(rows, 20_000), batch_size)
    return {
        "rows": rows,
        "helpers": helpers,
        "imported": done.imported,
        "refused": done.rejected,
        "refused_special_care": done.special_care,
        "seconds": round(import_s, 1),
        "rows_per_s": round(rows / import_s),
        "writer_cpu_seconds": round(cpu_s, 1),
        "rows_per_writer_cpu_s": round(rows / cpu_s),
        "dry_run_rows_per_s": round(rows / dry_s),
        "dry_run_share_of_time": round(dry_s / import_s, 2),
        "baseline_vault_ingest_rows_per_s": vault_rate,
    }


def vault_baseline(path: Path, rows: int, batch_size: int) -> int:
    """The vault's own bulk ingest of the same rows, already checked (a second file's worth of
    people, new e-mail addresses): the floor under any import's time."""
    from hogo.collect.directory import Row, directory_open
    from hogo.collect.rows import rows_parse
    from hogo.collect.values import identifier_fields
    from hogo.policy.selectors import policy_active
    from hogo.vault.models import Source
    from hogo.vault.services import subjects_ingest

    policy = policy_active()
    channel = policy.channels["directory-import"]
    checked: list[Row] = []
    for row in directory_open(path, channel=channel).rows():
        if len(checked) == rows:
            break
        checked.append(row)
    records = [
        record.__class__(
            identifiers={**record.identifiers, "email": "b." + record.identifiers["email"]},
            items=record.items,
        )
        for _, record in rows_parse(channel, identifier_fields(policy, channel), checked).good
    ]
    start = time.perf_counter()
    for first in range(0, len(records), batch_size):
        subjects_ingest(
            actor="system:bench",
            channel="directory-import",
            purposes=["campaign-invitations-surveys"],
            records=records[first : first + batch_size],
            source=Source.IMPORT,
        )
    return round(len(records) / (time.perf_counter() - start))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Client:
    """One browser-like visitor behind the TLS proxy: keeps its CSRF cookie and Referer."""

    def __init__(self, port: int, network: str) -> None:
        self.port = port
        self.network = network
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = ""

    def headers(self) -> dict[str, str]:
        base = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.network,
        }
        if self.cookie:
            base["Cookie"] = self.cookie
        return base

    def get(self, path: str) -> str:
        self.conn.request("GET", path, headers=self.headers())
        response = self.conn.getresponse()
        body = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            if header.startswith("csrftoken="):
                self.cookie = header.split(";", 1)[0]
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status}")
        return body

    def post(self, path: str, fields: dict[str, str]) -> int:
        headers = {
            **self.headers(),
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"https://127.0.0.1:{self.port}{path}",
            "Origin": f"https://127.0.0.1:{self.port}",
        }
        self.conn.request("POST", path, body=urlencode(fields), headers=headers)
        response = self.conn.getresponse()
        response.read()
        return response.status


def inquiry(page: str, number: int, n: int) -> dict[str, str]:
    """The inquiry form's fields as a browser posts them, with the tokens of the page it holds."""
    notice = re.search(r'name="notice" value="([0-9a-f]{64})"', page)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert notice
    assert token
    return {
        "csrfmiddlewaretoken": token.group(1),
        "notice": notice.group(1),
        "name": f"Visitor {number}-{n}",
        # one in ten comes back with the same address: it attaches
        "email": f"visitor{number}.{n - n % 10 if n % 10 == 9 else n}@example.jp",
        "message": "CC-Link IE TSN の認証試験の期間を教えてください。",
    }


class SlowMailServer:
    """A mail server on loopback that takes every message, answering after `delay` seconds (a
    slow or distant relay); counts what it took."""

    def __init__(self, delay: float) -> None:
        from aiosmtpd.controller import Controller

        self.delay = delay
        self.taken = 0
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        await asyncio.sleep(self.delay)
        self.taken += 1
        return "250 OK"


def forms_bench(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    from hogo.collect.models import AcquisitionRecord

    port = free_port()
    command = [str(ROOT / ".venv/bin/gunicorn"), "-c", "python:hogo.gunicorn_conf", "hogo.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", str(args.workers)]
    command += ["--access-logfile=/dev/null", "--log-level", "warning"]
    server = subprocess.Popen(  # noqa: S603  (our own server, fixed arguments)
        command,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    worker = None
    if args.smtp_delay >= 0:  # the mails owed are sent by a worker, as in production
        worker = subprocess.Popen(  # noqa: S603  (our own worker, fixed arguments)
            [str(ROOT / ".venv/bin/hogo"), "db_worker", "--interval", "0.2"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        path = "/ja/forms/inquiry/"
        latencies: list[float] = []
        accepted = 0
        refused: dict[int, int] = {}
        lock = threading.Lock()
        slots = iter(range(args.rate * args.seconds))
        start = time.perf_counter()
        # With a schedule, every client first opens its form page (the workers' first requests
        # set up their caches), then the schedule starts for all of them at once.
        ready = threading.Barrier(args.clients + 1)
        go = threading.Event()

        def posted(status: int, elapsed: float) -> None:
            nonlocal accepted
            with lock:
                latencies.append(elapsed)
                if status == 302:
                    accepted += 1
                else:
                    refused[status] = refused.get(status, 0) + 1

        def visitor(number: int) -> None:
            client = Client(port, f"203.0.{number}.{10 + number}")
            page = client.get(path)
            for n in range(args.submissions):
                sent = time.perf_counter()
                posted(client.post(path, inquiry(page, number, n)), time.perf_counter() - sent)
                page = client.get(path)

        def paced(number: int) -> None:
            # Open loop: each post has its time on the schedule, and its latency counts from
            # then, so a slow server's backlog shows in the figures (no coordinated omission).
            client = Client(port, f"203.0.{number}.{10 + number}")
            page = client.get(path)
            ready.wait()
            go.wait()
            while True:
                with lock:
                    slot = next(slots, None)
                if slot is None:
                    return
                due = start + slot / args.rate
                time.sleep(max(0.0, due - time.perf_counter()))
                posted(client.post(path, inquiry(page, number, slot)), time.perf_counter() - due)
                page = client.get(path)

        target = paced if args.rate else visitor
        threads = [threading.Thread(target=target, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        if args.rate:
            ready.wait()
        cpu_before = server_cpu(server.pid)
        start = time.perf_counter()
        go.set()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
        cpu = server_cpu(server.pid) - cpu_before
        mails_wait = mails_sent_wait() if worker is not None else None
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if worker is not None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=30)
    stored = AcquisitionRecord.objects.filter(channel="inquiry").count()
    return {
        "server": f"gunicorn (hogo.gunicorn_conf), {args.workers} sync workers",
        "clients": args.clients,
        "schedule": f"{args.rate} posts/s for {args.seconds} s" if args.rate else "closed loop",
        "submitted": len(latencies),
        "accepted": accepted,
        "stored": stored,
        "none_lost": stored == accepted,
        "refused_by_status": refused,
        "submissions_per_s": round(len(latencies) / wall, 1),
        "post_latency": percentiles(latencies),
        # gunicorn's master and workers, user + system: little affected by other programs
        "server_cpu_ms_per_post_and_get": round(cpu * 1000 / max(1, len(latencies)), 1),
        **({"worker_seconds_after_the_posts": mails_wait} if mails_wait is not None else {}),
    }


def mails_sent_wait(limit: float = 300.0) -> float:
    """Seconds until the worker has sent every confirmation mail owed (at most `limit`)."""
    from django.db import connection

    from hogo.collect.models import ReceiptMail, ReceiptMailStatus

    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if not ReceiptMail.objects.filter(status=ReceiptMailStatus.QUEUED).exists():
            break
        time.sleep(0.5)
    connection.close()
    return round(time.perf_counter() - start, 1)


def main() -> None:
    args = arguments()
    work = Path(tempfile.mkdtemp(prefix="hogo-bench-collect-"))
    env = dict(os.environ)
    env.update(
        HOGO_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="hogo.settings",
        HOGO_FORM_RATE="1000000/3600",  # the load comes from a handful of networks
        HOGO_ALLOWED_HOSTS="127.0.0.1",
        # Production settings refuse the console mailer; nothing listens there, so the
        # receipts wait in the outbox (HOGO_TASKS=database: no worker runs without
        # --smtp-delay).
        HOGO_EMAIL_URL="smtp://127.0.0.1:2525",
        HOGO_TASKS="database",
    )
    env.pop("HOGO_KEYSTORE_URL", None)
    sink = SlowMailServer(args.smtp_delay) if args.smtp_delay >= 0 else None
    if sink is not None:
        env["HOGO_EMAIL_URL"] = f"smtp://127.0.0.1:{sink.port}"
    if args.database_url:
        postgres_recreate(args.database_url)
        env["DATABASE_URL"] = args.database_url
    else:
        env.pop("DATABASE_URL", None)
    os.environ.clear()
    os.environ.update(env)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from hogo.policy.services import policy_file_read, policy_load

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    summary: dict[str, Any] = {"date": date.today().isoformat(), "database": connection.vendor}
    if not args.skip_import:
        from hogo.vault.bulk import gc_pauses_allowed

        # As `hogo import directory` runs it: a process of its own.
        with gc_pauses_allowed():
            summary["directory_import"] = import_bench(
                args.rows, args.batch_size, args.helpers, work
            )
    if not args.skip_forms:
        connection.close()  # the server's workers write; this process only counts at the end
        if sink is not None:
            sink.controller.start()
        try:
            summary["form_submissions"] = forms_bench(args, env)
        finally:
            if sink is not None:
                sink.controller.stop()
        if sink is not None:
            summary["form_submissions"]["mail_server"] = {
                "answer_delay_s": args.smtp_delay,
                "mails_taken": sink.taken,
            }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    if "form_submissions" in summary and not summary["form_submissions"]["none_lost"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
