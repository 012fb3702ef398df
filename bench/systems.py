"""Requests in an organization's SQL system: the shape of Fides' benchmark.

Seeds customers (name, e-mail, phone, address) with 5 orders each (shipping name and
address), 10,000 and 100,000 customers, in a PostgreSQL database of its own and in a SQLite
file, declared as the example policy's `member-db` system. Per request for one person:

- access: find by e-mail, follow the reference to the orders, build the JSON and one CSV per
  table (what goes into the disclosure package);
- deletion: find, delete field by field in one transaction (customers masked and set NULL,
  orders deleted), then read every field back on a fresh connection.

Baselines from the same run: one bare `SELECT` of the customer by e-mail (without a
transaction around it, as hogo reads), and one bare
`UPDATE` of a customer with its commit (the disk's flush, which no deletion can avoid), both
through SQLAlchemy. Each line also prints the statements and round trips one request makes
(counted once, on one more person: each statement, BEGIN and COMMIT is a round trip to a
database server), a figure the machine's load does not change.
hogo's audit event (one row in hogo's own database per step) is not included. Prints median
and p95 in milliseconds. Usage: `.venv/bin/python bench/systems.py [N ...]` (default 10000
100000); `HOGO_BENCH_PG=postgresql://postgres@127.0.0.1:5432` (the server; the benchmark
creates and drops the database `hogo_bench_systems`). No assertions. The same requests through
a webhook system come first (`bench/systems_webhook.py`); `bench/systems.py webhook` runs only
them.
"""

import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REQUESTS = 200
ORDERS = 5
DATABASE = "hogo_bench_systems"


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def report(label: str, samples: list[float], trips: str, baseline: float | None = None) -> float:
    median, p95 = percentiles(samples)
    ratio = f"  ({median / baseline:.1f}x the baseline)" if baseline else ""
    print(f"  {label:<36} median {median:7.2f} ms   p95 {p95:7.2f} ms{ratio}   {trips}")
    return median


class Trips:
    """Counts statements, BEGINs and COMMITs while one request runs: statements on every
    engine, BEGIN and COMMIT on those with transactions (`autocommit` engines send none)."""

    def __init__(self, engines: list[Any], autocommit: list[Any]) -> None:
        from sqlalchemy import event

        self.statements = self.begins = self.commits = 0
        for engine in engines + autocommit:
            event.listen(engine, "before_cursor_execute", self._statement)
        for engine in engines:
            event.listen(engine, "begin", self._begin)
            event.listen(engine, "commit", self._commit)

    def _statement(self, *args: object) -> None:
        self.statements += 1

    def _begin(self, *args: object) -> None:
        self.begins += 1

    def _commit(self, *args: object) -> None:
        self.commits += 1

    def of(self, run: Callable[[int], None], i: int) -> str:
        self.statements = self.begins = self.commits = 0
        run(i)
        trips = self.statements + self.begins + self.commits
        return f"{self.statements} statement(s), {trips} round trip(s)"


def seed(url: str, n: int) -> None:
    from sqlalchemy import create_engine

    from hogo.tests.systems import shop_metadata

    engine = create_engine(url)
    metadata = shop_metadata()
    metadata.create_all(engine)
    customers, orders = metadata.tables["customers"], metadata.tables["orders"]
    with engine.begin() as conn:
        for start in range(0, n, 10_000):
            people = range(start + 1, min(start + 10_000, n) + 1)
            conn.execute(customers.insert(), [_customer(i) for i in people])
            conn.execute(orders.insert(), [o for i in people for o in _orders(i)])
    engine.dispose()


def _customer(i: int) -> dict[str, object]:
    return {
        "id": i,
        "name": f"顧客 {i:06d}",
        "email": f"customer{i}@example.jp",
        "phone": f"090-{i // 10000:04d}-{i % 10000:04d}",
        "address": f"東京都千代田区{i % 100}-{i % 7}",
        "do_not_use": False,
        "notes": None,
        "contact": None,
    }


def _orders(i: int) -> list[dict[str, object]]:
    return [
        {
            "id": i * ORDERS + k,
            "customer_id": i,
            "ship_name": f"顧客 {i:06d}",
            "ship_address": f"東京都千代田区{i % 100}-{k}",
            "total": 1000 + k,
        }
        for k in range(ORDERS)
    ]


def measure(label: str, url: str, n: int) -> None:
    from hogo.csvfile import csv_bytes
    from hogo.policy.schema import policy_parse
    from hogo.policy.tests.helpers import reference_text
    from hogo.policy.tests.systems_helpers import example_text
    from hogo.systems.engine import engine_for, engines_dispose
    from hogo.systems.reach import erase_apply, found_read
    from hogo.systems.records import Identity

    os.environ["MEMBER_DB_URL"] = url
    system = policy_parse(reference_text() + example_text()).systems["member-db"]
    picked = random.Random(n).sample(range(1, n + 1), REQUESTS * 2 + 2)
    access_ids, deletion_ids = picked[:REQUESTS], picked[REQUESTS : REQUESTS * 2]
    counted_access, counted_deletion = picked[-2:]

    def who(i: int) -> Identity:
        return Identity({"email": (f"customer{i}@example.jp",)})

    def access(i: int) -> None:
        found = found_read(system, who(i))
        json.dumps(found.tables, ensure_ascii=False)
        for rows in found.tables.values():
            columns = list(rows[0])
            csv_bytes(columns, ([row[c] for c in columns] for row in rows))
        assert found.rows == 1 + ORDERS

    def deletion(i: int) -> None:
        applied = erase_apply(system, who(i))
        assert applied.verified
        assert applied.changed == {"orders": ORDERS, "customers": 1}

    select, commit, bare, lookups = _baselines(url)
    print(f"{label}, {n:,} customers, {n * ORDERS:,} orders, {REQUESTS} requests each")
    for warm in access_ids[:5]:
        access(warm)
        select(warm)
    trips = Trips([bare, engine_for(system)], [lookups, engine_for(system, reads=True)])
    counted = trips.of(select, counted_access)
    baseline = report("baseline: one SELECT by e-mail", _timed(select, access_ids), counted)
    counted = trips.of(access, counted_access)
    report("access (find, follow, JSON, CSV)", _timed(access, access_ids), counted, baseline)
    counted = trips.of(commit, counted_deletion)
    durable = report("baseline: one UPDATE and its commit", _timed(commit, access_ids), counted)
    counted = trips.of(deletion, counted_deletion)
    report("deletion with verification", _timed(deletion, deletion_ids), counted, durable)
    bare.dispose()
    lookups.dispose()
    engines_dispose()


def _baselines(url: str) -> tuple[Callable[[int], None], Callable[[int], None], Any, Any]:
    """One bare SELECT by e-mail without a transaction (as hogo reads), and one bare UPDATE
    with its commit; and their two engines."""
    from sqlalchemy import create_engine, text

    plain_url = url.replace("postgresql://", "postgresql+psycopg://")
    bare = create_engine(plain_url)
    lookups = create_engine(plain_url, isolation_level="AUTOCOMMIT")

    def select(i: int) -> None:
        with lookups.connect() as conn:
            query = text("SELECT * FROM customers WHERE email = :e")
            conn.execute(query, {"e": f"customer{i}@example.jp"}).all()

    def commit(i: int) -> None:
        with bare.begin() as conn:
            query = text("UPDATE customers SET do_not_use = :f WHERE id = :i")
            conn.execute(query, {"f": True, "i": i})

    return select, commit, bare, lookups


def _timed(run: Callable[[int], None], ids: list[int]) -> list[float]:
    samples = []
    for i in ids:
        start = time.perf_counter()
        run(i)
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    webhook_only = sys.argv[1:] == ["webhook"]
    sizes = [] if webhook_only else [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings")
    os.environ.setdefault("HOGO_DATA_DIR", tempfile.mkdtemp(prefix="hogo-bench-systems-"))
    import django

    django.setup()
    from systems_webhook import measure_webhook

    measure_webhook(REQUESTS, _timed, report)
    from sqlalchemy import create_engine, text

    server = os.environ.get("HOGO_BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
    admin = create_engine(
        server.replace("postgresql://", "postgresql+psycopg://") + "/postgres",
        isolation_level="AUTOCOMMIT",
    )
    for n in sizes:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {DATABASE}"))
        pg = f"{server}/{DATABASE}"
        started = time.perf_counter()
        seed(pg.replace("postgresql://", "postgresql+psycopg://"), n)
        print(f"(seeded PostgreSQL in {time.perf_counter() - started:.0f} s)")
        measure("PostgreSQL", pg, n)
        sqlite = Path(tempfile.mkdtemp(prefix="hogo-bench-systems-")) / "shop.db"
        seed(f"sqlite:///{sqlite}", n)
        measure("SQLite (file)", f"sqlite:///{sqlite}", n)
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE {DATABASE} WITH (FORCE)"))
    admin.dispose()


if __name__ == "__main__":
    main()
