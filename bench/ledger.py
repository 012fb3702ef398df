"""The ledger's workbook (個人情報管理台帳, hogo/ledger) for N people: the register built from
the policy and the vault's aggregate counts, then written as xlsx, in both languages.

N people (default 100,000; `--subjects`) are stored through three channels of the reference
policy with `subjects_ingest` (60% event registration: name, e-mail, phone, organization,
department, job title, event, for two purposes; 20% inquiries; 20% member registration), a
hundredth of them erased. Then the whole ledger (register + xlsx) is timed, median of `--runs`
after one warm-up, beside a baseline measured in the same run: one plain count of the vault's
values per category (`GROUP BY` over the item table), the least any count of what is held must
read without a table of its own. Target (issue 15): the
xlsx under 5 s at 100,000 people. Prints a JSON summary. No assertions.

  .venv/bin/python bench/ledger.py
  .venv/bin/python bench/ledger.py --subjects 20000 \
      --database-url postgresql://postgres@127.0.0.1:5432/ledger_bench

SQLite runs in a fresh temporary data directory. For PostgreSQL the named database (whose name
must end in `bench`) and its `<name>_keys` key store are dropped and created afresh.
"""

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from harness import postgres_recreate

ACTOR = "system:bench"
BATCH = 2000
FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["花子", "太郎", "一郎", "美咲", "健太", "さくら", "翔", "陽菜", "大輔", "結衣"]
ORGS = ["三星電機", "Kuroshio Works", "東和製作所", "Nagoya Robotics", "北斗オートメーション"]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--subjects", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    return parser.parse_args()


def environment(args: argparse.Namespace) -> None:
    os.environ["HOGO_DATA_DIR"] = tempfile.mkdtemp(prefix="hogo-bench-ledger-")
    os.environ.pop("HOGO_KEYSTORE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hogo.settings"
    if args.database_url:
        postgres_recreate(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)


def channels(policy: Any) -> list[tuple[str, list[str], list[str], float]]:
    """(channel, purposes, non-identifier fields, share of the people) from the policy: the
    event, inquiry and member channels are found by what they do, not by their ids."""
    event = next(c for c in policy.channels.values() if c.special_care_consent and c.public_form)
    inquiry = policy.channel_following_up("inquiry_case")
    member = policy.channel_following_up("member_account")
    identifiers = set(policy.identifier_categories().values())

    def fields(channel: Any) -> list[str]:
        return [
            f.id
            for f in channel.fields
            if f.category not in identifiers
            and f.kind in ("text", "tel", "email")
            and not policy.categories[f.category].special_care
        ][:4]

    return [
        (event.id, list(event.purposes), fields(event), 0.6),
        (inquiry.id, list(inquiry.purposes), fields(inquiry), 0.2),
        (member.id, list(member.purposes), fields(member), 0.2),
    ]


def populate(n: int, policy: Any) -> list[str]:
    from hogo.vault.records import ItemIn, SubjectIn
    from hogo.vault.services import subjects_ingest

    rng = random.Random(42)
    refs: list[str] = []
    start = 0
    plan = channels(policy)
    for index, (channel, purposes, fields, share) in enumerate(plan):
        count = n - start if index == len(plan) - 1 else round(n * share)
        for first in range(start, start + count, BATCH):
            records = [
                SubjectIn(
                    identifiers={
                        "email": f"person{i}@example{i % 97}.jp",
                        "name": f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
                        "phone": f"090-{1000 + rng.randrange(9000):04d}-{i % 10**4:04d}",
                    },
                    items=[ItemIn(f, None, rng.choice(ORGS)) for f in fields],
                )
                for i in range(first, min(first + BATCH, start + count))
            ]
            results = subjects_ingest(
                actor=ACTOR, channel=channel, purposes=purposes, records=records
            )
            refs.extend(r.subject_id for r in results)
        start += count
    return refs


def timed(run: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU time of each run, after a warm-up. The CPU time leaves
    out waiting for a busy machine's cores (and, on PostgreSQL, the server's own work)."""
    run()  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - begin_cpu)
    return wall, cpu


def figures(samples: tuple[list[float], list[float]], base: float) -> dict[str, float]:
    wall, cpu = samples
    return {
        "median_s": round(statistics.median(wall), 3),
        "max_s": round(max(wall), 3),
        "cpu_median_s": round(statistics.median(cpu), 3),
        "vs_baseline": round(statistics.median(wall) / base, 1),
    }


def main() -> None:
    args = arguments()
    environment(args)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from hogo.ledger.selectors import ledger_register
    from hogo.ledger.workbook import ledger_xlsx
    from hogo.policy.services import policy_file_read, policy_load
    from hogo.vault.erasure import subject_erase

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy = policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")
    begin = time.perf_counter()
    refs = populate(args.subjects, policy.policy)
    for ref in refs[::100]:
        subject_erase(actor=ACTOR, subject_id=ref)
    seeded = time.perf_counter() - begin
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    sizes: dict[str, int] = {}

    def workbook(lang: str) -> Callable[[], object]:
        def run() -> None:
            sizes[lang] = len(ledger_xlsx(ledger_register(policy=policy.policy, lang=lang)))

        return run

    def baseline() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT category, COUNT(*) FROM vault_item GROUP BY category")
            cursor.fetchall()

    base = statistics.median(timed(baseline, args.runs)[0])
    summary: dict[str, Any] = {
        "date": date.today().isoformat(),
        "database": connection.vendor,
        "subjects": args.subjects,
        "seed_s": round(seeded, 1),
        "baseline_items_per_category_s": round(base, 3),
    }
    for lang in ("ja", "en"):
        summary[f"xlsx_{lang}"] = figures(timed(workbook(lang), args.runs), base) | {
            "bytes": sizes[lang]
        }
    summary["load_average"] = round(os.getloadavg()[0], 1)
    print(json.dumps(summary, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
