"""Notices to the people affected by an incident (APPI Art. 26(2)), at scale.

N people (default 100,000; `--people`) acquired through one channel, half of them in English;
an incident; then:

1. Full run: the officer's round is queued (one pending row per person, `notice_queue`), then
   `hogo safety notify` in its own process reads every address through the vault's
   purpose-bound access, builds every mail and stores it in the desk's outbox, batch by batch.
   SMTP is excluded: the outbox's delivery tasks wait in the database queue. Target: at least
   2,000 notices/s on SQLite. Prints the time of each part, notices/s and the sender's peak
   memory (its maximum resident set).
2. Crash and resume: a second incident's round for the same people; the sender is killed with
   SIGKILL about halfway, then run again to the end. Prints how many were queued when it died,
   duplicates (a person with two outbox mails for the round) and lost (a person without one).

Prints a JSON summary; exits 1 if anything is duplicated or lost.

  .venv/bin/python bench/safety.py
  .venv/bin/python bench/safety.py --people 20000 \\
      --database-url postgresql://postgres@127.0.0.1:5432/safety_bench
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from harness import postgres_recreate

ROOT = Path(__file__).resolve().parent.parent
CHANNEL = "event-registration"
PURPOSE = "campaign-invitations-surveys"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    return parser.parse_args()


def people_ingest(n: int) -> None:
    """N people through the channel (in bulk, as an import does), every other one in English."""
    from hogo.collect.models import AcquisitionRecord, RecordSource
    from hogo.vault.bulk import gc_pauses_allowed
    from hogo.vault.models import Acquisition, Source
    from hogo.vault.records import ItemIn, SubjectIn
    from hogo.vault.services import subjects_ingest

    with gc_pauses_allowed():
        for first in range(0, n, 5000):
            subjects_ingest(
                actor="system:bench",
                channel=CHANNEL,
                purposes=[PURPOSE],
                records=[
                    SubjectIn(
                        identifiers={"email": f"person{i}@example{i % 97}.jp", "name": f"P {i}"},
                        items=[ItemIn("organization", None, "三星電機株式会社")],
                    )
                    for i in range(first, min(n, first + 5000))
                ],
                source=Source.FORM,
            )
    every = Acquisition.objects.values_list("pk", "subject_id", "acquired_at", "policy_version")
    english = [row for row in every if row[1] % 2 == 0]
    AcquisitionRecord.objects.bulk_create(
        (
            AcquisitionRecord(
                acquisition_id=pk,
                subject_id=subject,
                channel=CHANNEL,
                source=RecordSource.API,
                lang="en",
                received_at=at,
                policy_version=version,
                purposes=[PURPOSE],
                recorded_by="system:bench",
            )
            for pk, subject, at, version in english
        ),
        batch_size=2000,
    )


def round_queue(label: str) -> tuple[str, float, float]:
    """An incident and its round for everyone acquired through the channel today."""
    from hogo.policy.selectors import policy_active
    from hogo.safety.classify import Facts
    from hogo.safety.notice_content import notice_skeleton
    from hogo.safety.notice_models import SelectionKind
    from hogo.safety.notices import Selection, notice_queue
    from hogo.safety.services import incident_report

    incident = incident_report(
        actor="user:1",
        discovered_at=datetime.now(UTC) - timedelta(hours=2),
        summary=f"{label}: the event registration list was exposed.",
        facts=Facts(
            categories=("name", "email"),
            people_estimate=None,
            special_care=False,
            property_damage=False,
            unjust_purpose=True,
        ),
    )
    today = date.today()
    selection = Selection(
        kind=SelectionKind.CHANNEL,
        channel=CHANNEL,
        since=today - timedelta(days=1),
        until=today + timedelta(days=1),
    )
    start, cpu = time.perf_counter(), time.process_time()
    notice_queue(
        actor="user:1",
        ref=incident.ref,
        selection=selection,
        texts=notice_skeleton(incident, policy_active()),
    )
    return incident.ref, time.perf_counter() - start, time.process_time() - cpu


def sender(env: dict[str, str], ref: str, batch_size: int) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603 (this interpreter, our arguments)
        [
            sys.executable,
            "-m",
            "hogo.manage",
            "safety",
            "--skip-checks",
            "notify",
            ref,
            f"--batch-size={batch_size}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def full_run(env: dict[str, str], n: int, batch_size: int) -> dict[str, Any]:
    ref, queue_s, queue_cpu = round_queue("full run")
    start, before = time.perf_counter(), children_cpu()
    process = sender(env, ref, batch_size)
    output, _ = process.communicate()
    send_s = time.perf_counter() - start
    send_cpu = children_cpu() - before
    if process.returncode != 0:
        sys.exit(output)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    counts = round_counts(ref)
    return {
        "people": n,
        "round_queue_seconds": round(queue_s, 1),
        "sender_seconds": round(send_s, 1),
        "notices_per_s": round(n / (queue_s + send_s)),
        "sender_notices_per_s": round(n / send_s),
        # CPU time: on a shared machine the wall clock also counts other programs' turns.
        "round_queue_cpu_seconds": round(queue_cpu, 1),
        "sender_cpu_seconds": round(send_cpu, 1),
        "notices_per_cpu_s": round(n / (queue_cpu + send_cpu)),
        "load_average": round(os.getloadavg()[0], 1),
        "sender_peak_rss_mb": round(peak_kb / 1024, 1),
        **counts,
    }


def round_counts(ref: str) -> dict[str, int]:
    """The round's people against the outbox mails stored since it was queued (rounds run one
    after the other here): duplicates are extra mails to one address, lost are people neither
    mailed nor counted as not reachable."""
    from hogo.desk.models import OutboundMail
    from hogo.safety.notice_models import DeliveryState, IncidentNotice, NoticeDelivery

    notice = IncidentNotice.objects.get(incident__ref=ref)
    deliveries = NoticeDelivery.objects.filter(notice=notice)
    mails = OutboundMail.objects.filter(kind="notice", created_at__gte=notice.queued_at)
    mailed = mails.values("to").distinct().count()
    unreachable = deliveries.filter(state=DeliveryState.UNREACHABLE).count()
    return {
        "queued": deliveries.filter(state=DeliveryState.QUEUED).count(),
        "unreachable": unreachable,
        "outbox_mails": mails.count(),
        "duplicates": mails.count() - mailed,
        "lost": notice.people - unreachable - mailed,
    }


def crash_run(env: dict[str, str], n: int, batch_size: int) -> dict[str, Any]:
    from hogo.safety.notice_models import DeliveryState, NoticeDelivery

    ref, _, _ = round_queue("crash run")
    process = sender(env, ref, batch_size)
    assert process.stdout is not None
    half = max(1, n // batch_size // 2)
    for seen, line in enumerate(process.stdout, start=1):
        if line.startswith("batch queued") and seen >= half:
            break
    process.kill()  # SIGKILL
    process.wait()
    process.stdout.close()
    at_kill = NoticeDelivery.objects.filter(incident__ref=ref, state=DeliveryState.QUEUED).count()
    start = time.perf_counter()
    resumed = sender(env, ref, batch_size)
    output, _ = resumed.communicate()
    if resumed.returncode != 0:
        sys.exit(output)
    return {
        "queued_when_killed": at_kill,
        "resume_seconds": round(time.perf_counter() - start, 1),
        **round_counts(ref),
    }


def main() -> None:
    args = arguments()
    work = Path(tempfile.mkdtemp(prefix="hogo-bench-safety-"))
    env = dict(os.environ)
    env.update(
        HOGO_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="hogo.settings",
        HOGO_TASKS="database",  # the outbox's delivery waits: SMTP is not measured
        HOGO_EMAIL_URL="smtp://127.0.0.1:2525",
    )
    env.pop("HOGO_KEYSTORE_URL", None)
    if args.database_url:
        postgres_recreate(args.database_url)
        env["DATABASE_URL"] = args.database_url
    else:
        env.pop("DATABASE_URL", None)
    os.environ.clear()
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))

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
    start = time.perf_counter()
    people_ingest(args.people)
    summary["ingest_seconds"] = round(time.perf_counter() - start, 1)
    summary["full_run"] = full_run(env, args.people, args.batch_size)
    summary["crash_and_resume"] = crash_run(env, args.people, args.batch_size)
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    worst = summary["crash_and_resume"]
    if worst["duplicates"] or worst["lost"] or summary["full_run"]["lost"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
