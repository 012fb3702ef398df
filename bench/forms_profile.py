"""CPU time of one public form visit, in process: GET of the inquiry form, then its POST.

What `bench/collect.py`'s load clients do, one pair after another through Django's test client
with the production settings and middleware (behind a pretend TLS proxy: X-Forwarded-Proto,
X-Forwarded-For, CSRF cookie and token, Referer, Origin), so the figures are the server's own
CPU time per request (`time.process_time`), which depends little on what else the machine runs.
One pair in ten repeats an e-mail address (it attaches to the same person), as in the load
bench. Nothing listens on the SMTP port (HOGO_EMAIL_URL=smtp://127.0.0.1:2525), so the
confirmation mail's connection is refused at once.

With `--baseline TREE` (a checkout of an earlier commit, e.g. `git archive BASE | tar -x -C
TREE`), the same measurement first runs on that code (PYTHONPATH=TREE, same virtualenv, same
database) and both are printed with the ratio: a before/after in one run under the same load.
Each side runs `--rounds` times (default 3), alternated, and the least of its medians is
reported. `--profile N` prints cProfile's N most expensive functions (cumulative, CPU clock).

  .venv/bin/python bench/forms_profile.py
  .venv/bin/python bench/forms_profile.py --pairs 200 --baseline /tmp/forms-base \\
      --database-url postgresql://postgres@127.0.0.1:5432/forms_profile_bench

For PostgreSQL the named database (whose name must end in `bench`) and its `<name>_keys` key
store are dropped and created afresh for each run; SQLite runs in a fresh temporary directory.
"""

import argparse
import cProfile
import json
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import postgres_recreate

ROOT = Path(__file__).resolve().parent.parent
PATH = "/ja/forms/inquiry/"
MESSAGE = "CC-Link IE TSN の認証試験の期間を教えてください。"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=200, help="GET+POST pairs measured")
    parser.add_argument("--warmup", type=int, default=20, help="pairs before measuring")
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument(
        "--queries", action="store_true", help="print the statements of the last pair"
    )
    parser.add_argument("--baseline", default="", help="a checkout of the code to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="with --baseline: runs of each")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one run's figures
    return parser.parse_args()


def setup(database_url: str) -> None:
    work = Path(tempfile.mkdtemp(prefix="hogo-bench-forms-"))
    os.environ.update(
        HOGO_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="hogo.settings",
        HOGO_FORM_RATE="1000000/3600",
        HOGO_ALLOWED_HOSTS="testserver",
        HOGO_EMAIL_URL="smtp://127.0.0.1:2525",
        HOGO_TASKS="database",
    )
    os.environ.pop("HOGO_DEBUG", None)
    os.environ.pop("HOGO_KEYSTORE_URL", None)
    if database_url:
        postgres_recreate(database_url)
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from hogo.policy.services import policy_file_read, policy_load

    call_command("migrate", verbosity=0)
    call_command("migrate", database="keys", verbosity=0)
    policy_load(text=policy_file_read(path=Path(settings.POLICY_FILE)), note="bench")


def measure(pairs: int, warmup: int, profile: int, show: bool = False) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="203.0.113.5")

    def pair(n: int) -> tuple[float, float]:
        start = time.process_time()
        page = client.get(PATH, secure=True).content.decode()
        got = time.process_time()
        notice = re.search(r'name="notice" value="([0-9a-f]{64})"', page)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert notice, "the form page lacks its notice hash"
        assert token, "the form page lacks its CSRF token"
        email = f"visitor{n - n % 10 if n % 10 == 9 else n}@example.jp"
        fields = {"name": f"Visitor {n}", "email": email, "message": MESSAGE}
        fields |= {"csrfmiddlewaretoken": token.group(1), "notice": notice.group(1)}
        posted = time.process_time()
        response = client.post(
            PATH,
            fields,
            secure=True,
            HTTP_REFERER=f"https://testserver{PATH}",
            HTTP_ORIGIN="https://testserver",
        )
        assert response.status_code == 302, response.status_code
        return got - start, time.process_time() - posted

    for n in range(warmup):
        pair(n)
    profiler = cProfile.Profile(time.process_time) if profile else None
    gets, posts = [], []
    with CaptureQueriesContext(connection) as queries:
        if profiler:
            profiler.enable()
        for n in range(warmup, warmup + pairs):
            get_s, post_s = pair(n)
            gets.append(get_s)
            posts.append(post_s)
        if profiler:
            profiler.disable()
    if profiler:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(profile)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(profile)
    if show:
        per_pair = len(queries) // pairs
        for query in queries.captured_queries[-per_pair:]:
            print(query["sql"][:160], file=sys.stderr)
    return {
        "database": connection.vendor,
        "pairs": pairs,
        "get_cpu_ms_median": round(statistics.median(gets) * 1000, 2),
        "post_cpu_ms_median": round(statistics.median(posts) * 1000, 2),
        "pair_cpu_ms_mean": round((sum(gets) + sum(posts)) * 1000 / pairs, 2),
        "queries_per_pair": round(len(queries) / pairs, 1),
        "profiled": bool(profiler),
    }


def one_run(tree: str, args: argparse.Namespace) -> dict[str, Any]:
    """This script's measurement in a process of its own, on the code in `tree`."""
    env = dict(os.environ)
    if tree:
        env["PYTHONPATH"] = tree
    command = [sys.executable, __file__, "--json", "--pairs", str(args.pairs)]
    command += ["--warmup", str(args.warmup), "--database-url", args.database_url]
    done = subprocess.run(  # noqa: S603  (this script, fixed arguments)
        command, env=env, cwd=tree or ROOT, check=True, capture_output=True, text=True
    )
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def main() -> None:
    args = arguments()
    if args.json or not args.baseline:
        setup(args.database_url)
        figures = measure(args.pairs, args.warmup, args.profile, args.queries)
        print(json.dumps(figures, indent=None if args.json else 2))
        return
    tree = str(Path(args.baseline).resolve())
    runs: dict[str, list[dict[str, Any]]] = {"baseline": [], "this_tree": []}
    loads = []
    for _ in range(args.rounds):  # alternated, so both see the same machine
        runs["baseline"].append(one_run(tree, args))
        runs["this_tree"].append(one_run("", args))
        loads.append(os.getloadavg()[0])
    # The least of each round's medians: other programs on the cores only ever add CPU time
    # (cache misses, frequency), so the least is the nearest to the code's own cost.
    best = {side: _best(figures) for side, figures in runs.items()}
    ratios = {key: round(best["this_tree"][key] / best["baseline"][key], 2) for key in KEYS}
    summary = {"load_average_1min": [round(x, 1) for x in loads], "rounds": args.rounds, **best}
    print(json.dumps({**summary, "this_tree_over_baseline": ratios}, indent=2))


KEYS = ("get_cpu_ms_median", "post_cpu_ms_median", "pair_cpu_ms_mean")


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return {**runs[0], **{key: min(run[key] for run in runs) for key in KEYS}}


if __name__ == "__main__":
    main()
