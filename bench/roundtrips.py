"""Round trips of one verified deletion request and one disclosure package (JSON + CSV, no
PDF): the SQL statements each sends, by kind, on the main database and on the key store.
Statement counts are deterministic, unlike times on a shared machine; the median time of a few
requests is printed for information.

  .venv/bin/python bench/roundtrips.py                       # SQLite
  .venv/bin/python bench/roundtrips.py \\
      --database-url postgresql://postgres@127.0.0.1:5432/speed2_bench

Stores a few people with 20 values each, as bench/desk.py does, then runs each request kind
`--requests` times (each on another person) and prints the statements of the last one with
the median time of all, as JSON. `--show` prints the statements themselves. For PostgreSQL the
named database (ending in `bench`) and its `<name>_keys` are dropped and created afresh.
"""

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desk import ACQUISITIONS, ACTOR, DESK, person
from harness import postgres_recreate

KINDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "SAVEPOINT", "RELEASE", "ROLLBACK")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subjects", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20, help="per kind, for the median")
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    parser.add_argument("--show", action="store_true", help="print every statement")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="then N more of each kind under cProfile with a CPU clock: the top functions",
    )
    return parser.parse_args()


def kind_of(sql: str) -> str:
    word = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
    return word if word in KINDS else "other"


def setup(args: argparse.Namespace) -> None:
    os.environ["HOGO_DATA_DIR"] = tempfile.mkdtemp(prefix="hogo-bench-roundtrips-")
    os.environ["HOGO_TASKS"] = "database"
    os.environ.pop("HOGO_KEYSTORE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hogo.settings"
    if args.database_url:
        postgres_recreate(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()


def populate(subjects: int) -> list[tuple[str, str]]:
    """Stores `subjects` people; returns (subject ref, email) of each."""
    from django.conf import settings
    from django.core.management import call_command

    from hogo.policy.services import policy_file_read, policy_load
    from hogo.vault.records import ItemIn, SubjectIn
    from hogo.vault.services import subjects_ingest

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    rng = random.Random(42)
    people = [person(i, rng) for i in range(subjects)]
    refs: list[str] = []
    for channel, purpose, identifiers, fields in ACQUISITIONS:
        results = subjects_ingest(
            actor=ACTOR,
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
        if channel == ACQUISITIONS[0][0]:
            refs.extend(r.subject_id for r in results)
    return [(ref, p["email"]) for ref, p in zip(refs, people, strict=True)]


def verified_case(kind: str, details: Mapping[str, object], ref: str, email: str) -> Any:
    """A verified case of `kind` as the privacy center leaves it (as in bench/desk.py)."""
    from django.utils import timezone

    from hogo.desk.content import content_seal
    from hogo.desk.kinds import details_parse
    from hogo.desk.models import Case, CaseStatus, Intake, VerificationMethod
    from hogo.policy.selectors import policy_active

    now = timezone.now()
    made = Case(
        kind=kind,
        status=CaseStatus.OPEN,
        language="ja",
        intake=Intake.PRIVACY_CENTER,
        origin="https://privacy.example.jp",
        subject_ref=ref,
        policy_version=policy_active().version or 1,
        fee_jpy=0,
        verification_method=VerificationMethod.EMAIL_CODE,
        received_at=now,
        due_at=now,
    )
    content_seal(
        made, actor=DESK, email=email, details=details_parse(kind, details, policy_active())
    )
    made.save(force_insert=True)
    return made


def measured(
    n: int, make: Callable[[], Any], run: Callable[[Any], object], show: bool
) -> dict[str, Any]:
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    times: list[float] = []
    cpu: list[float] = []
    captured: dict[str, list[str]] = {}
    for _ in range(n):
        item = make()
        contexts = {
            alias: CaptureQueriesContext(connections[alias]) for alias in ("default", "keys")
        }
        for context in contexts.values():
            context.__enter__()
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            run(item)
        finally:
            elapsed = time.perf_counter() - start
            cpu.append(time.process_time() - cpu_start)
            for context in contexts.values():
                context.__exit__(None, None, None)
        times.append(elapsed)
        captured = {a: [q["sql"] for q in c.captured_queries] for a, c in contexts.items()}
    result: dict[str, Any] = {
        "p50_ms_under_load": round(statistics.median(times) * 1000, 1),
        # this process's CPU time: on SQLite the database's work too, on PostgreSQL not the server's
        "cpu_ms_p50": round(statistics.median(cpu) * 1000, 2),
    }
    for alias, statements in captured.items():
        kinds = Counter(kind_of(s) for s in statements)
        result[alias] = {"statements": len(statements), **dict(sorted(kinds.items()))}
        if show:
            result[f"{alias}_sql"] = [s[:160] for s in statements]
    return result


def profiled(n: int, make: Callable[[], Any], run: Callable[[Any], object]) -> str:
    """The top functions of `n` runs by own CPU time (cProfile with `time.process_time`)."""
    import cProfile
    import io
    import pstats

    items = [make() for _ in range(n)]
    profile = cProfile.Profile(time.process_time)
    for item in items:
        profile.runcall(run, item)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
    return out.getvalue()


def main() -> None:
    args = arguments()
    setup(args)
    from django.db import connection

    from hogo.desk.fulfilment import case_advance
    from hogo.desk.package import disclosure_package_build
    from hogo.desk.services import case_approve

    people = iter(populate(args.subjects))

    def make(kind: str, details: Mapping[str, object]) -> Callable[[], Any]:
        return lambda: verified_case(kind, details, *next(people))

    def fulfil(item: Any) -> None:
        case_approve(actor=DESK, case_ref=item.ref)
        case_advance(case_ref=item.ref)

    def package(item: Any) -> None:
        disclosure_package_build(case=item, actor=DESK, pdf=False)

    deletion = make("correction", {"delete_all": True})
    disclosure = make("disclosure", {"delivery": "email_attachment"})
    summary = {
        "database": connection.vendor,
        "deletion_request": measured(args.requests, deletion, fulfil, args.show),
        "package_json_csv": measured(args.requests, disclosure, package, args.show),
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    if args.profile:
        print("deletion request, CPU profile:\n" + profiled(args.profile, deletion, fulfil))
        print("package JSON + CSV, CPU profile:\n" + profiled(args.profile, disclosure, package))


if __name__ == "__main__":
    main()
