"""The console's dashboard (hogo/board) on a large organization's data: 100,000 people (one
acquisition each), 20,000 requests and 200,000 cookie choices over two years, plus consents,
withdrawals, suspensions, erasures and corrections, seeded with bulk inserts straight into the
owning tables (hogo/board/tests/data.py).

Times the dashboard page as the privacy officer sees it (every section), server side: Django's
test client in this process, the whole request (middleware, the aggregate queries, template
and SVG). One warm-up load, then the median of 20. Targets: under 300 ms on SQLite, under 200 ms
on PostgreSQL. Also prints the slowest of the page's queries (one load, timed by a wrapper).

  .venv/bin/python bench/console.py
  .venv/bin/python bench/console.py --database-url postgresql://postgres@127.0.0.1:5432/board_bench

SQLite runs in a fresh temporary data directory. For PostgreSQL the named database (whose name
must end in `bench`) and its `<name>_keys` key store are dropped and created afresh. Prints a
JSON summary. No assertions.
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from harness import postgres_exists, postgres_recreate

ROOT = Path(__file__).resolve().parents[1]
CHANNELS = ("event-registration", "survey", "member-registration")
KINDS = ("disclosure", "correction", "suspension", "purpose_notification", "complaint")
METHODS = ("accept_all", "reject_all", "custom")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subjects", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--cookies", type=int, default=200_000)
    parser.add_argument("--loads", type=int, default=20)
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="PostgreSQL: reuse the named database if an earlier run seeded it (same data for a "
        "before/after comparison from two checkouts) instead of dropping and seeding it",
    )
    parser.add_argument(
        "--vacuum",
        action="store_true",
        help="PostgreSQL: VACUUM ANALYZE after seeding (as autovacuum does to rows that old: sets "
        "the visibility map, so covering indexes are read alone) instead of ANALYZE only",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="also print the N functions of hogo's process with the most cumulative time over "
        "five loads (cProfile), and every query of one load with its time",
    )
    return parser.parse_args()


def moment(rng: random.Random, now: datetime) -> datetime:
    """A moment in the last two years."""
    return now - timedelta(seconds=rng.randrange(2 * 365 * 86400))


def seed(args: argparse.Namespace, now: datetime) -> dict[str, float]:
    from hogo.audit.services import audit_record
    from hogo.board.tests import data

    rng = random.Random(7)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    pks = data.subjects(args.subjects)
    data.acquisitions([(pk, rng.choice(CHANNELS), moment(rng, now)) for pk in pks])
    timings["subjects_and_acquisitions_s"] = time.perf_counter() - started
    started = time.perf_counter()
    data.cases([_case(rng, now) for _ in range(args.requests)])
    timings["requests_s"] = time.perf_counter() - started
    started = time.perf_counter()
    data.cookie_choices(
        [(rng.choice(METHODS), rng.random() < 0.1, moment(rng, now)) for _ in range(args.cookies)]
    )
    timings["cookies_s"] = time.perf_counter() - started
    started = time.perf_counter()
    consents = []
    for pk in rng.sample(pks, min(len(pks), 30_000)):
        given = moment(rng, now)
        withdrawn = given + timedelta(days=30) if rng.random() < 0.1 else None
        consents.append((pk, "purpose", "campaign-invitations-surveys", given, withdrawn))
    data.consents([c for c in consents if c[4] is None or c[4] < now])
    data.suspensions(rng.sample(pks, len(pks) // 50), now - timedelta(days=20))
    data.erasures(rng.sample(pks, len(pks) // 100), now - timedelta(days=40))
    for _ in range(200):
        audit_record(actor="user:1", action="vault.items.correct", subjects=[], detail={})
    timings["consents_rights_s"] = time.perf_counter() - started
    return {k: round(v, 1) for k, v in timings.items()}


def _case(rng: random.Random, now: datetime) -> Any:
    from hogo.board.tests import data

    received = moment(rng, now)
    roll = rng.random()
    if roll < 0.9 and received < now - timedelta(days=30):
        closed = received + timedelta(hours=rng.randrange(1, 30 * 24))
        status = "completed" if rng.random() < 0.9 else "refused"
        return data.case(
            kind=rng.choice(KINDS), status=status, received_at=received, closed_at=closed
        )
    received = now - timedelta(days=rng.randrange(0, 30))
    status = rng.choice(("open", "in_progress", "unverified"))
    due = received + timedelta(days=14)
    return data.case(kind=rng.choice(KINDS), status=status, received_at=received, due_at=due)


def load_times(load: Callable[[], int], count: int) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU time of each load, after one warm-up. The CPU time
    leaves out waiting for a busy machine's cores (and PostgreSQL's own work)."""
    if load() != 200:
        sys.exit("the dashboard did not answer 200")
    wall, cpu = [], []
    for _ in range(count):
        started, started_cpu = time.perf_counter(), time.process_time()
        status = load()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        if status != 200:
            sys.exit(f"the dashboard answered {status}")
    return wall, cpu


def slowest_queries(load: Callable[[], int], limit: int = 6) -> list[dict[str, object]]:
    from django.db import connection

    timed: list[tuple[float, str]] = []

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timed.append((time.perf_counter() - started, sql))

    with connection.execute_wrapper(wrapper):
        load()
    timed.sort(reverse=True)
    return [{"ms": round(t * 1000, 1), "sql": sql[:160]} for t, sql in timed[:limit]] + [
        {"queries": len(timed), "total_ms": round(sum(t for t, _ in timed) * 1000, 1)}
    ]


def profiled(load: Callable[[], int], top: int) -> list[str]:
    """The `top` functions by cumulative time over five loads, as pstats prints them."""
    import cProfile
    import io
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    for _ in range(5):
        load()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(top)
    return [line for line in out.getvalue().splitlines() if line.strip()]


def case_per_month(rows: Any, field: str, months: Any, by: tuple[str, ...]) -> int:
    """The dashboard's per-month count as it was before the range counts: one query putting
    every row in its month with a CASE over the month boundaries, then grouping them all."""
    from django.db import connections
    from django.db.models import Count, IntegerField
    from django.db.models.expressions import RawSQL

    connection = connections[rows.db]
    column = f"{connection.ops.quote_name(rows.model._meta.get_field(field).column)}"
    whens = " ".join(f"WHEN {column} < %s THEN {i}" for i in range(len(months)))
    params = [connection.ops.adapt_datetimefield_value(m.end) for m in months]
    bucket = RawSQL(f"CASE {whens} END", params, output_field=IntegerField())  # noqa: S611
    grouped = (
        rows.filter(**{f"{field}__gte": months[0].start, f"{field}__lt": months[-1].end})
        .annotate(board_month=bucket)
        .values("board_month", *by)
        .annotate(board_n=Count("pk"))
        .order_by()
    )
    return len(list(grouped))


def query_times(runs: int = 5) -> dict[str, dict[str, float]]:
    """The slowest counts of the dashboard, each alone: median wall and CPU time of `runs`, the
    CASE per row (before) beside the range counts per month (now) in the same run."""
    from django.utils import timezone

    from hogo.collect.counts import acquisitions_per_channel
    from hogo.collect.models import AcquisitionRecord
    from hogo.desk.counts import case_answer_times
    from hogo.periods import months_until, per_month
    from hogo.site.counts import cookie_choices_per_month
    from hogo.site.models import CookieConsent

    months = months_until(now=timezone.now(), count=12)
    cookies = CookieConsent.objects.all()
    records = AcquisitionRecord.objects.all()
    cases: dict[str, Callable[[], object]] = {
        "cookies_case_before": lambda: case_per_month(
            cookies, "recorded_at", months, ("method", "gpc")
        ),
        "cookies_range_now": lambda: per_month(
            cookies, field="recorded_at", months=months, by=("method", "gpc")
        ),
        "cookie_choices_per_month": lambda: cookie_choices_per_month(months=months),
        "channels_case_before": lambda: case_per_month(
            records, "received_at", months, ("channel",)
        ),
        "channels_range_now": lambda: acquisitions_per_channel(months=months),
        "answer_times_now": lambda: case_answer_times(months=months),
    }
    found = {}
    for name, run in cases.items():
        run()
        wall, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            run()
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        found[name] = {
            "wall_ms": round(statistics.median(wall) * 1000, 1),
            "cpu_ms": round(statistics.median(cpu) * 1000, 1),
        }
    return found


def main() -> None:
    args = arguments()
    os.environ["HOGO_DATA_DIR"] = tempfile.mkdtemp(prefix="hogo-bench-console-")
    os.environ.pop("HOGO_KEYSTORE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hogo.settings"
    # Production settings (templates cached, as with HOGO_DEBUG off); the client asks over
    # HTTPS so that the redirect to it does not apply.
    os.environ.pop("HOGO_DEBUG", None)
    os.environ.setdefault("HOGO_SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("HOGO_EMAIL_URL", "smtp://127.0.0.1:2525")
    fresh = not (args.keep and args.database_url and postgres_exists(args.database_url))
    if args.database_url:
        if fresh:
            postgres_recreate(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.utils import timezone

    from hogo.policy.services import policy_file_read, policy_load
    from hogo.roles import Role

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    now = timezone.now()
    seeding: dict[str, float] = {}
    if fresh:
        with transaction.atomic():  # one commit for the seed: much faster on SQLite
            seeding = seed(args, now)
    if connection.vendor == "postgresql" and (fresh or args.vacuum):
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if args.vacuum else "ANALYZE")
    officer = User.objects.filter(username="officer").first()
    if officer is None:
        officer = User.objects.create_user("officer", is_staff=True)
        officer.groups.add(Group.objects.get_or_create(name=Role.PRIVACY_OFFICER.value)[0])
        _acknowledge(officer)
    client = Client()
    client.force_login(officer)

    def load() -> int:
        return client.get("/console/", HTTP_ACCEPT_LANGUAGE="ja", secure=True).status_code

    samples, cpu = load_times(load, args.loads)
    summary = {
        "database": connection.vendor,
        "subjects": args.subjects,
        "requests": args.requests,
        "cookie_choices": args.cookies,
        "seeding": seeding,
        "dashboard_median_ms": round(statistics.median(samples) * 1000, 1),
        "dashboard_min_ms": round(min(samples) * 1000, 1),
        "dashboard_max_ms": round(max(samples) * 1000, 1),
        "dashboard_cpu_median_ms": round(statistics.median(cpu) * 1000, 1),
        "load_average": os.getloadavg()[0],
        "target_ms": 200 if connection.vendor == "postgresql" else 300,
        "slowest_queries": slowest_queries(load),
        "counts_alone": query_times(),
    }
    if args.profile:
        summary["every_query"] = slowest_queries(load, limit=100)
        summary["profile"] = profiled(load, args.profile)
    print(json.dumps(summary, ensure_ascii=False, indent=2))


def _acknowledge(user: Any) -> None:
    """The console asks staff to acknowledge the policy first (hogo/safety): done for the bench."""
    from hogo.policy.selectors import policy_version_active
    from hogo.safety.models import Acknowledgment

    Acknowledgment.objects.create(
        user=user, policy_version=policy_version_active().number, acknowledged_at=timezone_now()
    )


def timezone_now() -> datetime:
    from django.utils import timezone

    return timezone.now()


if __name__ == "__main__":
    main()
