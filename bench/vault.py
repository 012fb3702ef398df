"""Vault speed beside a plaintext table in the same database, in the same run.

For N people (default 100,000; `--subjects`): ingest rate, lookup by e-mail (p50/p99),
purpose-filtered export (fields decrypted per second) and erasure of one subject, each next to
the same operation on an unencrypted table. Ingest has a second baseline, "layout": the rows the
vault writes for each person, unencrypted and built before the clock starts, into copies of the
vault's tables with their indexes and constraints; it is what the database alone costs for that
layout, a ceiling for any ingest code that keeps it. Prints a JSON summary. No assertions.

  .venv/bin/python bench/vault.py --subjects 20000
  .venv/bin/python bench/vault.py --subjects 20000 \
      --database-url postgresql://postgres@127.0.0.1:5432/hogo_bench

SQLite runs in a fresh temporary data directory. For PostgreSQL the named database (whose name
must end in `bench`) and its `<name>_keys` key store are dropped and created afresh.
"""

import argparse
import contextlib
import cProfile
import functools
import json
import os
import pstats
import random
import re
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from harness import postgres_recreate

CAMPAIGN = "campaign-invitations-surveys"
ACTOR = "system:bench"
BATCH = 2000
FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["花子", "太郎", "一郎", "美咲", "健太", "さくら", "翔", "陽菜", "大輔", "結衣"]
ORGS = ["三星電機", "Kuroshio Works", "東和製作所", "Nagoya Robotics", "北斗オートメーション"]
DEPTS = ["生産技術部", "品質保証部", "Engineering", "設計部", "営業部"]
TITLES = ["部長", "課長", "主任", "Engineer", "Manager"]
EVENTS = ["CC-Link IE TSN セミナー", "Partner Conference", "工場自動化展示会"]
OTHERS = ("organization", "department", "job_title", "event")  # the fields that are not identifiers


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subjects", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=1000)
    parser.add_argument("--erasures", type=int, default=200)
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    parser.add_argument(
        "--gc-pauses",
        action="store_true",
        help="ingest as `hogo import directory` does, the cycle collector paused per batch "
        "(bulk.gc_pauses_allowed); by default as a web or worker process does, never paused",
    )
    parser.add_argument("--ingest-only", action="store_true", help="stop after the ingest")
    parser.add_argument(
        "--layout-text-copy",
        action="store_true",
        help="PostgreSQL: the layout by text COPY (the floor before h20ingest), not binary",
    )
    parser.add_argument(
        "--layout-without-fks",
        action="store_true",
        help="PostgreSQL: the layout's tables without the vault's foreign keys (the floor "
        "measured before h20ingest; SQLite's copies always have them)",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="run the vault's ingest under cProfile (CPU clock) and print its top functions",
    )
    return parser.parse_args()


def people(n: int) -> list[dict[str, str]]:
    rng = random.Random(42)
    return [
        {
            "email": f"person{i}.{rng.randrange(10**6)}@example{i % 97}.jp",
            "name": f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
            # 090-0xxx is unassigned: the vault refuses it (libphonenumber)
            "phone": f"090-{rng.randrange(1000, 10**4):04d}-{i % 10**4:04d}",
            "organization": rng.choice(ORGS),
            "department": rng.choice(DEPTS),
            "job_title": rng.choice(TITLES),
            "event": rng.choice(EVENTS),
        }
        for i in range(n)
    ]


# The tables an ingest writes, by database alias: their copies are named `layout_<name>`.
LAYOUT = {
    "default": ("subject", "acquisition", "acquisitionpurpose", "blindindex", "item"),
    "keys": ("datakey",),
}


def layout_create(*, foreign_keys: bool = True) -> None:
    """Copies of the tables in LAYOUT with their columns, indexes and constraints, foreign keys
    included (SQLite's copied `CREATE TABLE` has them; on PostgreSQL, where `LIKE` does not
    copy them, they are added as the vault's: deferred, checked at commit). Without
    `foreign_keys`, PostgreSQL's copies have none (the floor measured before h20ingest)."""
    from django.db import connections

    for alias, names in LAYOUT.items():
        connection = connections[alias]
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                for name in names:
                    cursor.execute(f"CREATE TABLE layout_{name} (LIKE vault_{name} INCLUDING ALL)")
                if foreign_keys:
                    layout_foreign_keys(cursor, names)
                for name in names:
                    column_types(cursor, name)  # read before the clock starts
                continue
            tables = ", ".join(f"'vault_{name}'" for name in names)
            # Tables first, then their indexes; names are this file's constants.
            cursor.execute(
                f"SELECT sql FROM sqlite_master WHERE tbl_name IN ({tables}) "  # noqa: S608
                "AND sql IS NOT NULL ORDER BY type = 'index'"
            )
            for (sql,) in cursor.fetchall():
                cursor.execute(re.sub(r'"vault_', '"layout_', sql))


def layout_foreign_keys(cursor: Any, names: Sequence[str]) -> None:
    """PostgreSQL: the vault tables' foreign keys among `names`, on their layout copies."""
    tables = [f"vault_{name}" for name in names]
    cursor.execute(
        "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
        [tables],
    )
    for table, definition in cursor.fetchall():
        # Names come from the catalogue of this file's constant tables.
        cursor.execute(
            f"ALTER TABLE {table.replace('vault_', 'layout_', 1)} ADD "
            + re.sub(r"REFERENCES vault_", "REFERENCES layout_", definition)
        )


def server_cpu() -> float:
    """PostgreSQL: CPU seconds used so far by the server processes of this process's two
    connections (main database and key store; the server runs on this machine); 0 on SQLite,
    whose work is in this process's own CPU time."""
    from django.db import connections

    total = 0
    for alias in LAYOUT:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            return 0.0
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def layout_ingest(
    rows: list[dict[str, str]], purpose: str, *, text_copy: bool = False
) -> tuple[float, float, float]:
    """Writes for each person what the vault writes (a data key, a subject, an acquisition, a
    grant, three blind-index rows, seven items) with values in plaintext and random digests,
    one batch per transaction as the vault does; returns the seconds spent in the database, by
    the wall clock, in this process's CPU time (on SQLite, the database's own work) and in the
    PostgreSQL server's."""
    from django.db import connections, transaction
    from django.utils import timezone

    main, keys = connections["default"], connections["keys"]
    now = timezone.now()
    stamp = main.ops.adapt_datetimefield_value(now)
    until = main.ops.adapt_datetimefield_value(now + timedelta(days=3 * 365))
    purposes = main.ops.adapt_json_value([purpose], None)
    identifiers = ("email", "name", "phone")
    others = ("organization", "department", "job_title", "event")
    binary = main.vendor == "postgresql" and not text_copy
    uid: Callable[[str], object] = uuid.UUID if binary else str
    spent = cpu = server = 0.0
    for start in range(0, len(rows), BATCH):
        ids = range(start + 1, start + 1 + min(BATCH, len(rows) - start))
        refs = sorted(f"sub_{os.urandom(10).hex()}" for _ in ids)
        batch = list(zip(ids, refs, rows[start : start + BATCH], strict=True))
        data_keys = [(i, ref, os.urandom(60), "kek", stamp) for i, ref, _ in batch]
        subjects = [(i, ref, "active", stamp) for i, ref, _ in batch]
        acquisitions = [
            (i, i, "event-registration", stamp, 1, purposes, "", "import", ACTOR)
            for i, _, _ in batch
        ]
        grants = [(i, i, i, purpose, until) for i, _, _ in batch]
        digests = {(i, k): os.urandom(16).hex() for i, _, _ in batch for k in identifiers}
        indexes = sorted(((i, k, d) for (i, k), d in digests.items()), key=lambda r: r[1:])
        items = [
            (uid(f"{i:012x}7{n:03x}8{os.urandom(8).hex()[:15]}"), i, i, k, k,
             digests.get((i, k), ""), row[k].encode(), False, "", until)
            for i, _, row in batch
            for n, k in enumerate(identifiers + others)
        ]  # fmt: skip
        server_began = server_cpu()
        began, cpu_began = time.perf_counter(), time.process_time()
        with transaction.atomic(using="keys"), keys.cursor() as cursor:
            insert(cursor, "datakey", data_keys, binary=binary)
        with transaction.atomic(), main.cursor() as cursor:
            insert(cursor, "subject", subjects, binary=binary)
            insert(cursor, "acquisition", acquisitions, binary=binary)
            insert(cursor, "acquisitionpurpose", grants, binary=binary)
            insert(cursor, "blindindex", indexes, binary=binary)
            insert(cursor, "item", items, binary=binary)
        spent += time.perf_counter() - began
        cpu += time.process_time() - cpu_began
        server += server_cpu() - server_began
    return spent, cpu, server


# The columns the vault's ingest fills, in the order `layout_ingest` gives them.
LAYOUT_COLUMNS = {
    "datakey": ("id", "subject_ref", "wrapped", "kek_id", "created_at"),
    "subject": ("id", "ref", "status", "created_at"),
    "acquisition": ("id", "subject_id", "channel", "acquired_at", "policy_version", "purposes",
                    "notice_sha256", "source", "recorded_by"),
    "acquisitionpurpose": ("id", "acquisition_id", "subject_id", "purpose", "expires_at"),
    "blindindex": ("subject_id", "kind", "digest"),
    "item": ("id", "subject_id", "acquisition_id", "field", "category", "digest", "sealed",
             "special_care", "consent_ref", "retain_until"),
}  # fmt: skip


def insert(cursor: Any, name: str, rows: list[Any], *, binary: bool = True) -> None:
    """Inserts as the vault's `bulk.rows_insert` does: `COPY` on PostgreSQL (in binary, with
    the columns' types from the catalogue, unless `binary` is off: the floor before
    h20ingest), `executemany` on SQLite. Table and column names are this file's constants;
    values are bound."""
    columns = ", ".join(LAYOUT_COLUMNS[name])
    if cursor.db.vendor == "postgresql":
        types = column_types(cursor, name) if binary else []
        form = " (FORMAT BINARY)" if binary else ""
        with cursor.cursor.copy(f"COPY layout_{name} ({columns}) FROM STDIN{form}") as copy:
            if types:
                copy.set_types(types)
            for row in rows:
                copy.write_row(row)
        return
    places = ", ".join(["%s"] * len(LAYOUT_COLUMNS[name]))
    cursor.executemany(f"INSERT INTO layout_{name} ({columns}) VALUES ({places})", rows)  # noqa: S608


def column_types(cursor: Any, name: str) -> list[str]:
    """PostgreSQL: the types of `layout_<name>`'s LAYOUT_COLUMNS, in their order (read once)."""
    if name in _types:
        return _types[name]
    cursor.execute(
        "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute "
        "WHERE attrelid = %s::regclass AND attnum > 0",
        [f"layout_{name}"],
    )
    types = dict(cursor.fetchall())
    _types[name] = [types[column] for column in LAYOUT_COLUMNS[name]]
    return _types[name]


_types: dict[str, list[str]] = {}


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def percentiles(samples: Sequence[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 3),
    }


def main() -> None:
    args = arguments()
    data_dir = tempfile.mkdtemp(prefix="hogo-bench-vault-")
    os.environ["HOGO_DATA_DIR"] = data_dir
    os.environ.pop("HOGO_KEYSTORE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hogo.settings"
    if args.database_url:
        postgres_recreate(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, transaction

    from hogo.policy.services import policy_file_read, policy_load
    from hogo.vault.access import subjects_access, subjects_export
    from hogo.vault.access.eligibility import subjects_by_identifier
    from hogo.vault.bulk import gc_pauses_allowed
    from hogo.vault.erasure import subject_erase
    from hogo.vault.models import IdentifierKind
    from hogo.vault.records import SubjectIn
    from hogo.vault.services import subjects_ingest

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    columns = ("email", "name", "phone", "organization", "department", "job_title", "event")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_plain (id bigint PRIMARY KEY, "
            + ", ".join(f"{c} varchar(320) NOT NULL" for c in columns)
            + ")"
        )
        cursor.execute("CREATE INDEX bench_plain_email ON bench_plain (email)")
    layout_create(foreign_keys=not args.layout_without_fks)

    rows = people(args.subjects)
    rng = random.Random(7)
    fields = len(columns)

    def plain_ingest() -> None:
        # Fixed column names, values bound.
        sql = (
            f"INSERT INTO bench_plain (id, {', '.join(columns)}) "  # noqa: S608
            f"VALUES (%s, {', '.join(['%s'] * fields)})"
        )
        for start in range(0, len(rows), BATCH):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(
                    sql,
                    [
                        [i, *(row[c] for c in columns)]
                        for i, row in enumerate(rows[start : start + BATCH], start)
                    ],
                )

    refs: list[str] = []

    def vault_ingest() -> None:
        for start in range(0, len(rows), BATCH):
            results = subjects_ingest(
                actor=ACTOR,
                channel="event-registration",
                purposes=[CAMPAIGN],
                records=[
                    SubjectIn(
                        identifiers={k: row[k] for k in ("email", "name", "phone")},
                        # As a directory import gives them (`hogo.collect.rows`).
                        items={k: row[k] for k in OTHERS},
                    )
                    for row in rows[start : start + BATCH]
                ],
            )
            refs.extend(r.subject_id for r in results)

    summary: dict[str, Any] = {
        "date": date.today().isoformat(),
        "database": connection.vendor,
        "subjects": args.subjects,
        "fields_per_subject": fields,
    }
    plain_s = timed(plain_ingest)
    layout_s, layout_cpu_s, layout_server_s = layout_ingest(
        rows, CAMPAIGN, text_copy=args.layout_text_copy
    )
    server = server_cpu()
    cpu = time.process_time()
    profile = cProfile.Profile(time.process_time) if args.profile else None
    with gc_pauses_allowed() if args.gc_pauses else contextlib.nullcontext():
        vault_s = timed(vault_ingest if profile is None else lambda: profile.runcall(vault_ingest))
    vault_cpu_s = time.process_time() - cpu
    vault_server_s = server_cpu() - server
    summary["ingest"] = {
        "gc_pauses": args.gc_pauses,
        "layout_foreign_keys": not args.layout_without_fks or connection.vendor == "sqlite",
        "layout_binary_copy": connection.vendor == "postgresql" and not args.layout_text_copy,
        "profiled": bool(profile),
        # This process's CPU time: on a shared machine the wall clock also counts the time
        # other programs held the cores. On SQLite it includes the database's work, so the
        # CPU ratio to the layout is the steadier figure; on PostgreSQL the server's is apart.
        "vault_cpu_s": round(vault_cpu_s, 2),
        "layout_cpu_s": round(layout_cpu_s, 2),
        "vault_vs_layout_cpu": round(vault_cpu_s / layout_cpu_s, 2),
        # PostgreSQL: the server's CPU for the same work (its processes for this connection).
        "vault_server_cpu_s": round(vault_server_s, 2),
        "layout_server_cpu_s": round(layout_server_s, 2),
        "vault_subjects_per_s": round(args.subjects / vault_s),
        "plain_subjects_per_s": round(args.subjects / plain_s),
        "vault_vs_plain_time": round(vault_s / plain_s, 2),
        "layout_subjects_per_s": round(args.subjects / layout_s),
        "vault_vs_layout_time": round(vault_s / layout_s, 2),
    }
    if profile is not None:
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    if args.ingest_only:
        print(json.dumps(summary, indent=2))
        return

    if connection.vendor == "postgresql":
        # Statistics for the tables just loaded (both sides), as autovacuum gathers them soon
        # after a bulk load; without them PostgreSQL plans every lookup blind.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    sample = rng.sample(range(args.subjects), min(args.lookups, args.subjects))

    def lookups(run: Callable[[str], object]) -> list[float]:
        times = []
        for i in sample:
            start = time.perf_counter()
            run(rows[i]["email"])
            times.append(time.perf_counter() - start)
        return times

    def plain_lookup(email: str) -> object:
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM bench_plain WHERE email = %s", [email])
            return cursor.fetchall()

    def vault_find(email: str) -> object:
        """The lookup the access path runs, alone: normalize, HMAC with the blind-index key
        (kept in memory; the KEK file is checked on each use), then the subject (id, ref,
        status) through the blind index. No purpose check, decryption or audit event."""
        found = subjects_by_identifier(IdentifierKind.EMAIL, email)
        assert len(found) == 1
        return found

    def vault_access(email: str) -> object:
        result = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email=email)
        assert len(result.items) == 1
        return result

    plain = percentiles(lookups(plain_lookup))
    find = percentiles(lookups(vault_find))
    access = percentiles(lookups(vault_access))
    summary["lookup_by_email"] = {
        "plain": plain,
        "vault_find": find,
        "vault_access": access,
        "find_vs_plain_p50": round(find["p50_ms"] / plain["p50_ms"], 2),
        "access_vs_plain_p50": round(access["p50_ms"] / plain["p50_ms"], 2),
    }

    opened = 0

    def vault_export() -> None:
        nonlocal opened
        for page in subjects_export(actor=ACTOR, purpose=CAMPAIGN, batch_size=1000):
            opened += sum(len(v.identifiers) + len(v.data) for v in page.items)

    def plain_export() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM bench_plain ORDER BY id")
            while cursor.fetchmany(1000):
                pass

    plain_s = timed(plain_export)
    vault_s = timed(vault_export)
    summary["export"] = {
        "vault_fields_per_s": round(opened / vault_s),
        "plain_fields_per_s": round(args.subjects * fields / plain_s),
        "vault_vs_plain_time": round(vault_s / plain_s, 2),
        "fields_opened": opened,
    }

    victims = rng.sample(range(args.subjects), min(args.erasures, args.subjects))

    def plain_erase(i: int) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM bench_plain WHERE id = %s", [i])

    def vault_erase(i: int) -> None:
        subject_erase(actor=ACTOR, subject_id=refs[i])

    plain_times = [timed(functools.partial(plain_erase, i)) for i in victims]
    vault_times = [timed(functools.partial(vault_erase, i)) for i in victims]
    plain_erasure, vault_erasure = percentiles(plain_times), percentiles(vault_times)
    summary["erasure"] = {
        "plain": plain_erasure,
        "vault": vault_erasure,
        "vault_vs_plain_p50": round(vault_erasure["p50_ms"] / plain_erasure["p50_ms"], 2),
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
