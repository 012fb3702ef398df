"""A deletion request, a package (JSON + CSV) and a disclosure request with its PDF, measured on
a base checkout and on this one in the same minutes: two processes, one per checkout, each set
up as bench/roundtrips.py does (SQLite, or PostgreSQL databases `<prefix>_base_bench` and
`<prefix>_this_bench`), run their requests in small batches taking turns, so that both see
the same load on a shared machine. Prints CPU (`time.process_time`) and wall p50 of each side
and their ratio.

  .venv/bin/python bench/desk_versus.py --base /path/to/checkout-of-main
  .venv/bin/python bench/desk_versus.py --base ../main --kinds deletion,package \\
      --database-url postgresql://postgres@127.0.0.1:5432/versus
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
KINDS: dict[str, tuple[str, dict[str, object]]] = {
    "deletion": ("correction", {"delete_all": True}),
    "package": ("disclosure", {"delivery": "email_attachment"}),
    "pdfreq": ("disclosure", {"delivery": "email_attachment"}),
}


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=Path, help="a checkout of the base commit")
    parser.add_argument("--kinds", default="deletion,package,pdfreq")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--batch", type=int, default=4, help="requests per turn")
    parser.add_argument("--database-url", default="", help="PostgreSQL server and name prefix")
    parser.add_argument("--worker", nargs=2, metavar=("URL", "SUBJECTS"), help=argparse.SUPPRESS)
    return parser.parse_args()


def worker(url: str, subjects: int) -> None:
    """Sets up, then answers each line `<kind> <n>` with the [cpu, wall] of n requests."""
    sys.path.insert(0, str(Path.cwd() / "bench"))
    import roundtrips  # the checkout's own, from its working directory
    from desk import DESK

    roundtrips.setup(argparse.Namespace(database_url=url, subjects=subjects))
    from hogo.desk.fulfilment import case_advance
    from hogo.desk.package import disclosure_package_build
    from hogo.desk.services import case_approve

    people = iter(roundtrips.populate(subjects))

    def run(kind: str, case: Any) -> None:
        if kind == "package":
            disclosure_package_build(case=case, actor=DESK, pdf=False)
            return
        case_approve(actor=DESK, case_ref=case.ref)
        case_advance(case_ref=case.ref)

    print("ready", flush=True)
    for line in sys.stdin:
        kind, count = line.split()
        times = []
        for _ in range(int(count)):
            case_kind, details = KINDS[kind]
            case = roundtrips.verified_case(case_kind, details, *next(people))
            cpu, wall = time.process_time(), time.perf_counter()
            run(kind, case)
            times.append([time.process_time() - cpu, time.perf_counter() - wall])
        print(json.dumps(times), flush=True)


def started(checkout: Path, url: str, subjects: int) -> subprocess.Popen[str]:
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, str(HERE / "desk_versus.py"), "--worker", url, str(subjects)],
        cwd=checkout,
        env=dict(os.environ, PYTHONPATH=str(checkout)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    out: IO[str] = process.stdout  # type: ignore[assignment]
    while out.readline().strip() != "ready":
        if process.poll() is not None:
            raise SystemExit(f"the worker in {checkout} stopped while setting up")
    return process


def asked(process: subprocess.Popen[str], kind: str, count: int) -> list[list[float]]:
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.write(f"{kind} {count}\n")
    process.stdin.flush()
    return json.loads(process.stdout.readline())  # type: ignore[no-any-return]


def p50_ms(times: list[list[float]], column: int) -> float:
    return round(statistics.median(t[column] for t in times) * 1000, 2)


def main() -> None:
    args = arguments()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]))
        return
    if args.base is None:
        raise SystemExit("--base: a checkout of the base commit is needed")
    kinds = args.kinds.split(",")
    subjects = (args.rounds * args.batch + 10) * len(kinds) + 20
    prefix = args.database_url
    sides = {
        name: started(checkout, f"{prefix}_{name}_bench" if prefix else "", subjects)
        for name, checkout in (("base", args.base.resolve()), ("this", HERE.parent))
    }
    for kind in kinds:  # warm-up
        for process in sides.values():
            asked(process, kind, 5)
    times: dict[tuple[str, str], list[list[float]]] = {(s, k): [] for s in sides for k in kinds}
    for turn in range(args.rounds):
        order = ["base", "this"] if turn % 2 == 0 else ["this", "base"]
        for kind in kinds:
            for side in order:
                times[(side, kind)] += asked(sides[side], kind, args.batch)
    summary: dict[str, Any] = {
        "database": "postgresql" if prefix else "sqlite",
        "load_average": os.getloadavg(),
        "requests_per_side": args.rounds * args.batch,
    }
    for kind in kinds:
        base, this = times[("base", kind)], times[("this", kind)]
        summary[kind] = {
            "base_cpu_p50_ms": p50_ms(base, 0),
            "this_cpu_p50_ms": p50_ms(this, 0),
            "cpu_ratio": round(p50_ms(this, 0) / p50_ms(base, 0), 3),
            "base_wall_p50_ms": p50_ms(base, 1),
            "this_wall_p50_ms": p50_ms(this, 1),
            "wall_ratio": round(p50_ms(this, 1) / p50_ms(base, 1), 3),
        }
    for process in sides.values():
        assert process.stdin is not None
        process.stdin.close()
        process.wait()
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
