"""Request desk speed: the fulfilment of one person's request among N people (default 100,000)
with 20 values each, measured per request, excluding SMTP (mail is queued, not sent).

- disclosure package: JSON + CSV, zipped with AES-256 (the vault's disclosure read, consents,
  provision records, files, zip, stored) — target at least 10 requests/s on SQLite;
- the PDF of the same package, timed on its own (WeasyPrint, Noto CJK);
- a whole disclosure request's steps (package with PDF, delivery mail queued);
- deletion (erase everything) and suspension (all use, and provision) — target under 50 ms.

Each request is a verified case decided by the desk (`case_approve`) and run by the fulfilment
(`case_advance`), as the task worker would run it; verification itself is not timed.

  .venv/bin/python bench/desk.py                      # 100,000 people, SQLite
  .venv/bin/python bench/desk.py --subjects 20000 \\
      --database-url postgresql://postgres@127.0.0.1:5432/desk_bench

SQLite runs in a fresh temporary data directory. For PostgreSQL the named database (whose name
must end in `bench`) and its `<name>_keys` key store are dropped and created afresh. Prints a
JSON summary. No assertions.
"""

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from harness import postgres_recreate

ACTOR = "system:bench"
DESK = "user:1"
BATCH = 2000
FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["花子", "太郎", "一郎", "美咲", "健太", "さくら", "翔", "陽菜", "大輔", "結衣"]
ORGS = ["三星電機", "Kuroshio Works", "東和製作所", "Nagoya Robotics", "北斗オートメーション"]
DEPTS = ["生産技術部", "品質保証部", "Engineering", "設計部", "営業部"]
TITLES = ["部長", "課長", "主任", "Engineer", "Manager"]

# Four acquisitions per person, 20 values in all (identifiers count: they are values too).
ACQUISITIONS: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "contract",
        "contract-performance",
        ("email", "name", "phone"),
        ("organization", "department", "job_title", "postal_address", "country", "contract"),
    ),
    (
        "event-registration",
        "campaign-invitations-surveys",
        ("email", "name", "phone"),
        ("organization", "department", "job_title", "event"),
    ),
    ("survey", "campaign-invitations-surveys", ("email",), ("organization", "interest", "answer")),
]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subjects", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="per kind (without PDF)")
    parser.add_argument("--pdf-requests", type=int, default=10)
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    return parser.parse_args()


def person(i: int, rng: random.Random) -> dict[str, str]:
    return {
        "email": f"person{i}.{rng.randrange(10**6)}@example{i % 97}.jp",
        "name": f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
        "phone": f"090-{rng.randrange(1000, 10**4):04d}-{i % 10**4:04d}",  # 090-0xxx: unassigned
        "organization": rng.choice(ORGS),
        "department": rng.choice(DEPTS),
        "job_title": rng.choice(TITLES),
        "postal_address": f"名古屋市東区大曽根{i % 5 + 1}-{i % 30 + 1}-{i % 9 + 1}",
        "country": "Japan",
        "contract": f"Membership M-{i:06d}, annual, invoiced in April",
        "event": "CC-Link IE TSN セミナー 2026",
        "interest": "CC-Link IE TSN",
        "answer": "Very useful; please hold it in Osaka too.",
    }


def stats(timed: Sequence[tuple[float, float]]) -> dict[str, float]:
    """Wall-clock figures of (wall, CPU) samples, and the median CPU time of this process
    (steadier than the wall clock on a loaded machine)."""
    ordered = sorted(wall for wall, _ in timed)
    mean = statistics.fmean(ordered)
    return {
        "cpu_p50_ms": round(statistics.median(cpu for _, cpu in timed) * 1000, 1),
        "requests": len(ordered),
        "per_s": round(1 / mean, 1),
        "mean_ms": round(mean * 1000, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
    }


def rss_mib() -> int:
    """This process's resident memory (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    args = arguments()
    data_dir = tempfile.mkdtemp(prefix="hogo-bench-desk-")
    os.environ["HOGO_DATA_DIR"] = data_dir
    os.environ["HOGO_TASKS"] = "database"  # mail and follow-ups queued, as in production
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
    from django.db import connection
    from django.utils import timezone

    from hogo.desk.content import content_seal
    from hogo.desk.fulfilment import case_advance
    from hogo.desk.kinds import details_parse
    from hogo.desk.models import Case, CaseStatus, Intake, VerificationMethod
    from hogo.desk.package import disclosure_package_build, package_content, package_pdf
    from hogo.desk.services import case_approve
    from hogo.policy.selectors import policy_active
    from hogo.policy.services import policy_file_read, policy_load
    from hogo.vault.erasure import subject_erase
    from hogo.vault.provision import subject_provision_stop
    from hogo.vault.records import ItemIn, SubjectIn
    from hogo.vault.services import subject_suspend, subjects_ingest

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    version = policy_active().version or 1

    rng = random.Random(42)
    people = [person(i, rng) for i in range(args.subjects)]
    refs: list[str] = []
    started = time.perf_counter()
    for channel, purpose, identifiers, fields in ACQUISITIONS:
        for start in range(0, len(people), BATCH):
            results = subjects_ingest(
                actor=ACTOR,
                channel=channel,
                purposes=[purpose],
                records=[
                    SubjectIn(
                        identifiers={k: p[k] for k in identifiers},
                        items=[ItemIn(k, None, p[k]) for k in fields],
                    )
                    for p in people[start : start + BATCH]
                ],
            )
            if channel == ACQUISITIONS[0][0]:
                refs.extend(r.subject_id for r in results)
    ingest_s = time.perf_counter() - started

    wanted = 5 * args.requests + 2 * args.pdf_requests + 1
    chosen = iter(rng.sample(range(args.subjects), min(wanted, args.subjects)))

    def case(kind: str, details: Mapping[str, object]) -> Case:
        i = next(chosen)
        now = timezone.now()
        made = Case(
            kind=kind,
            status=CaseStatus.OPEN,
            language="ja",
            intake=Intake.PRIVACY_CENTER,
            origin="https://privacy.example.jp",
            subject_ref=refs[i],
            policy_version=version,
            fee_jpy=0,  # the fee step only waits for the desk; not part of the work timed
            verification_method=VerificationMethod.EMAIL_CODE,
            received_at=now,
            due_at=now,
        )
        # The address and what was asked are sealed in the vault, as the desk's services do.
        parsed = details_parse(kind, details, policy_active())
        content_seal(made, actor=DESK, email=people[i]["email"], details=parsed)
        made.save(force_insert=True)
        return made

    def timed_each(
        n: int, make: Callable[[], Case], run: Callable[[Case], object]
    ) -> list[tuple[float, float]]:
        samples = []
        for _ in range(n):
            item = make()
            start, cpu = time.perf_counter(), time.process_time()
            run(item)
            samples.append((time.perf_counter() - start, time.process_time() - cpu))
        return samples

    def fulfil(item: Case) -> None:
        case_approve(actor=DESK, case_ref=item.ref)
        case_advance(case_ref=item.ref)

    summary: dict[str, Any] = {
        "date": date.today().isoformat(),
        "database": connection.vendor,
        "subjects": args.subjects,
        "values_per_subject": sum(len(i) + len(f) for _, _, i, f in ACQUISITIONS),
        "ingest_subjects_per_s": round(args.subjects / ingest_s),
    }
    disclosure = {"delivery": "email_attachment"}
    summary["package_json_csv_zip"] = stats(
        timed_each(
            args.requests,
            lambda: case("disclosure", disclosure),
            lambda item: disclosure_package_build(case=item, actor=DESK, pdf=False),
        )
    )
    package_pdf(package_content(case=case("disclosure", disclosure), actor=DESK), language="ja")
    summary["pdf_only"] = stats(
        timed_each(
            args.pdf_requests,
            lambda: case("disclosure", disclosure),
            lambda item: package_pdf(package_content(case=item, actor=DESK), language="ja"),
        )
    )
    summary["rss_mib_after_first_pdf"] = rss_mib()
    summary["disclosure_request_with_pdf"] = stats(
        timed_each(args.pdf_requests, lambda: case("disclosure", disclosure), fulfil)
    )
    # This process does what a worker does with each request; its memory after every PDF
    # request shows whether rendering leaks (target: under 200 MiB, flat after the first).
    summary["rss_mib_after_pdf_requests"] = rss_mib()
    summary["deletion_request"] = stats(
        timed_each(args.requests, lambda: case("correction", {"delete_all": True}), fulfil)
    )
    suspension = {
        "all_purposes": True,
        "purposes": [],
        "stop_provision": True,
        "understood": True,
    }
    summary["suspension_request"] = stats(
        timed_each(args.requests, lambda: case("suspension", suspension), fulfil)
    )
    # Baselines from the same run: the vault's own services, without the desk around them.
    summary["baseline_vault_subject_erase"] = stats(
        timed_each(
            args.requests,
            lambda: case("correction", {"delete_all": True}),
            lambda item: subject_erase(
                actor=DESK, subject_id=item.subject_ref, request_ref=item.ref
            ),
        )
    )
    summary["baseline_vault_suspend_and_stop"] = stats(
        timed_each(
            args.requests,
            lambda: case("suspension", suspension),
            lambda item: (
                subject_suspend(
                    actor=DESK, subject_id=item.subject_ref, purposes=None, request_ref=item.ref
                ),
                subject_provision_stop(
                    actor=DESK, subject_id=item.subject_ref, request_ref=item.ref
                ),
            ),
        )
    )
    decided = Case.objects.exclude(kind="disclosure").exclude(decision="")
    statuses = set(decided.values_list("status", flat=True))
    summary["cases_left_waiting_only_for_mail"] = statuses == {CaseStatus.IN_PROGRESS}
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
