"""Audit log speed on the embedded default (SQLite, file database, WAL).

Appends 10,000 events, each in its own transaction as a real action would, then verifies the
chain. Baselines from the same run: a bare one-row INSERT per transaction, and reading every
event without hashing. Usage: `.venv/bin/python bench/audit.py [N]`. No assertions.
"""

import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable


def timed(label: str, n: int, run: Callable[[], object], baseline: float | None = None) -> float:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    ratio = f"  ({baseline / seconds:.2f}x the baseline)" if baseline else ""
    print(f"{label:<44} {n / seconds:>10,.0f} events/s  {seconds:6.2f} s{ratio}")
    return seconds


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data_dir = tempfile.mkdtemp(prefix="hogo-bench-audit-")
    os.environ["HOGO_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hogo.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from hogo.audit.models import AuditEvent
    from hogo.audit.selectors import audit_verify
    from hogo.audit.services import audit_record

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_plain (id integer PRIMARY KEY, payload text)")

    def plain_inserts() -> None:
        for i in range(n):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO bench_plain (payload) VALUES (%s)", [f'{{"count": {i}}}']
                )

    def appends() -> None:
        for i in range(n):
            audit_record(
                actor=f"user:{i % 50 + 1}",
                action="vault.access",
                purpose="inquiry-response",
                subjects=[f"sub_{i:08d}"],
                detail={"count": 1, "refused": 0},
            )

    def read_all() -> None:
        for _ in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
            pass

    def verify() -> None:
        result = audit_verify()
        if not result.ok:
            print(f"verify failed: {result.line}")

    print(f"SQLite file database in {data_dir}, {n:,} events")
    insert_s = timed("baseline: bare INSERT, one per transaction", n, plain_inserts)
    timed("audit_record, one per transaction", n, appends, baseline=insert_s)
    read_s = timed("baseline: read every event, no hashing", n, read_all)
    timed("audit_verify", n, verify, baseline=read_s)

    tracemalloc.start()
    audit_verify()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"audit_verify peak Python memory: {peak / 1_000_000:.1f} MB (streams in pages)")


if __name__ == "__main__":
    main()
