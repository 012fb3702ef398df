"""A gunicorn worker's memory while the desk approves disclosure requests, each built with its
PDF in the worker (issue 20: under 200 MiB after 100 disclosures, flat after warm-up).

Starts gunicorn with hogo's configuration (`hogo/gunicorn_conf.py`, one sync worker, production
settings behind a pretend TLS proxy, in-process tasks so that the approval's fulfilment runs in
the worker: the vault's disclosure, the JSON, the CSVs, the PDF, the AES-256 seal and the mail,
sent to an SMTP server in this process that counts and discards it). A desk operator logs in
over HTTP and approves N verified disclosure requests of people with 20 values each, one after
another, as the console's approve button does (POST, confirmed). The worker's resident memory
(VmRSS from /proc) is printed after the first approval and after every 10, with the median
time of an approval (the whole request: fulfilment, PDF, mail).

  .venv/bin/python bench/server_memory.py [--requests 100] [--subjects 500]
      [--database-url postgresql://postgres@127.0.0.1:5432/memory_bench]

Prints a JSON summary. No assertions.
"""

import argparse
import http.client
import json
import logging
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from desk import ACQUISITIONS, person
from harness import postgres_recreate

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv" / "bin"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--subjects", type=int, default=500)
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Browser:
    """One staff member's browser: cookies kept, every request as if through the TLS proxy."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: Mapping[str, str] | None = None) -> str:
        origin = f"https://127.0.0.1:{self.port}"
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Origin": origin,
            "Referer": origin + path,
        }
        body = urlencode(form or {})
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        connection.request(method, path, body=body if form is not None else None, headers=headers)
        response = connection.getresponse()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        text = response.read().decode(errors="replace")
        connection.close()
        if os.environ.get("BENCH_DEBUG"):
            print(method, path, response.status, response.getheader("Location"), file=sys.stderr)
        if response.status >= 400:
            sys.exit(f"{method} {path}: HTTP {response.status}")
        return text

    def post(self, path: str, form: Mapping[str, str], page: str) -> str:
        token = CSRF.search(self.request("GET", page))
        if not token:
            sys.exit(f"no CSRF token on {page}")
        return self.request("POST", path, {**form, "csrfmiddlewaretoken": token.group(1)})


def seed(args: argparse.Namespace, password: str) -> list[str]:
    """People with 20 values each, a desk operator, and N+1 verified disclosure requests."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.utils import timezone

    from hogo.desk.content import content_seal
    from hogo.desk.kinds import details_parse
    from hogo.desk.models import Case, CaseStatus, Intake, VerificationMethod
    from hogo.policy.selectors import policy_active
    from hogo.policy.services import policy_file_read, policy_load
    from hogo.safety.services import acknowledgment_record
    from hogo.vault.records import ItemIn, SubjectIn
    from hogo.vault.services import subjects_ingest

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    policy = policy_active()
    rng = random.Random(42)
    people = [person(i, rng) for i in range(args.subjects)]
    refs: list[str] = []
    for channel, purpose, identifiers, fields in ACQUISITIONS:
        results = subjects_ingest(
            actor="system:bench",
            channel=channel,
            purposes=[purpose],
            records=[
                SubjectIn(
                    identifiers={k: p[k] for k in identifiers},
                    items=[ItemIn(k, None, p[k]) for k in fields],
                )
                for p in people
            ],
        )
        refs = refs or [r.subject_id for r in results]
    user = User.objects.create_user("bench-desk", password=password, is_staff=True)
    user.groups.add(Group.objects.get(name="desk_operator"))
    # Staff read and acknowledge the policy before the console lets them work.
    acknowledgment_record(actor="system:bench", user=user, policy_version=policy.version or 1)
    cases = []
    for i in rng.sample(range(args.subjects), args.requests + 1):
        now = timezone.now()
        case = Case(
            kind="disclosure",
            status=CaseStatus.OPEN,
            language="ja" if i % 2 else "en",
            intake=Intake.PRIVACY_CENTER,
            origin="https://privacy.example.jp",
            subject_ref=refs[i],
            policy_version=policy.version or 1,
            fee_jpy=0,
            verification_method=VerificationMethod.EMAIL_CODE,
            received_at=now,
            due_at=now,
        )
        details = details_parse("disclosure", {"delivery": "email_attachment"}, policy)
        content_seal(case, actor="user:1", email=people[i]["email"], details=details)
        case.save(force_insert=True)
        cases.append(case.ref)
    return cases


def worker_rss_mib(master: int) -> list[float]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


def main() -> None:
    args = arguments()
    data_dir = tempfile.mkdtemp(prefix="hogo-bench-memory-")
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's, one line per command
    mail = MailSink()
    mail.controller.start()
    password = secrets.token_urlsafe(16)
    env = {
        **os.environ,
        "HOGO_DATA_DIR": data_dir,
        "HOGO_TASKS": "immediate",  # the approval's fulfilment runs in the worker
        "HOGO_EMAIL_URL": f"smtp://127.0.0.1:{mail.port}",
        "HOGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "hogo.settings",
    }
    env.pop("HOGO_KEYSTORE_URL", None)
    env.pop("DATABASE_URL", None)
    if args.database_url:
        postgres_recreate(args.database_url)
        env["DATABASE_URL"] = args.database_url
    os.environ.clear()
    os.environ.update(env)
    cases = seed(args, password)
    port = free_port()
    command = [
        str(VENV / "gunicorn"),
        "-c",
        "python:hogo.gunicorn_conf",
        "hogo.wsgi",
        f"--bind=127.0.0.1:{port}",
        "--workers=1",
        "--timeout=300",
        "--access-logfile=/dev/null",
        "--log-level=warning",
    ]
    server = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603  (our own server)
    try:
        summary = drive(args, port, server, cases, password)
        summary["mails_received"] = mail.received
        print(json.dumps(summary, indent=2))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        mail.controller.stop()


class MailSink:
    """An SMTP server on loopback that accepts every message and keeps only their count."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.received = 0
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.received += 1
        return "250 OK"


def drive(
    args: argparse.Namespace,
    port: int,
    server: subprocess.Popen[bytes],
    cases: list[str],
    password: str,
) -> dict[str, Any]:
    master = server.pid
    for _ in range(600):
        if server.poll() is not None:
            sys.exit("gunicorn stopped (see above)")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.1)
    browser = Browser(port)
    login = "/console/admin/login/"
    browser.post(login, {"username": "bench-desk", "password": password}, login)
    summary: dict[str, Any] = {
        "date": date.today().isoformat(),
        "database": "PostgreSQL" if args.database_url else "SQLite",
        "server": "gunicorn (hogo.gunicorn_conf), 1 sync worker, in-process tasks",
        "load_before": [round(x, 1) for x in os.getloadavg()],
        "worker_rss_mib_after_login": worker_rss_mib(master),
    }
    series: list[tuple[int, list[float]]] = []
    took: list[float] = []
    for n, ref in enumerate(cases):
        page = f"/console/desk/{ref}/"
        started = time.perf_counter()
        browser.post(f"{page}approve/", {"confirmed": "yes"}, page)
        took.append(time.perf_counter() - started)
        if n % 10 == 0:
            series.append((n + 1, worker_rss_mib(master)))
    summary["worker_rss_mib_after_n_disclosures"] = {str(n): rss for n, rss in series}
    summary["approval_with_pdf_p50_ms"] = round(statistics.median(took[1:]) * 1000)
    summary["load_after"] = [round(x, 1) for x in os.getloadavg()]
    summary["packages_built"] = packages_built()  # one per approval, or something failed
    return summary


def packages_built() -> int:
    from hogo.desk.models import DisclosurePackage

    return DisclosurePackage.objects.count()


if __name__ == "__main__":
    main()
