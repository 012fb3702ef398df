"""The detector against an earlier commit in the same run: identical findings, CPU-time ratio.

    git worktree add --detach /tmp/detect-base 29caf46
    .venv/bin/python bench/detect_versus.py --base /tmp/detect-base [--texts N] [--rounds R]

Each side runs in its own process (``PYTHONPATH`` = its checkout, this venv), one core, in
turns (base, this, base, this...), so both see the same machine load. Each process reports:
its cold load (import, lexicons and a first scan), the CPU time of scanning the corpus of
``bench/detect.py`` (best of three), peak memory (max RSS), and every finding it makes on that
corpus and on every text of ``bench/data/*.jsonl`` (auto language and the row's language). The
run fails (exit 1) when the two sides' findings differ in anything: kind, label, span, score,
rule or language. ``--self`` compares this checkout with itself (the harness's own check).

On a loaded machine CPU time swings by a third between runs; ``--instructions N`` adds the
steadier measure, instructions per scan under ``valgrind --tool=cachegrind`` (the first N texts
of the corpus scanned once, minus a run that scans none; about a minute per side for N=1000).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detect import build_corpus  # noqa: E402

DATA = ROOT / "bench" / "data"

# Runs inside each side's process: argv = texts file, rows file, output file.
CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from hogo.detect import scan
scan("x")
cold = time.perf_counter() - t0
import hogo.detect
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
rows = json.loads(open(sys.argv[2], encoding="utf-8").read())
scan(texts[0])
best = float("inf")
for _ in range(3):
    start = time.process_time()
    for text in texts:
        scan(text)
    best = min(best, time.process_time() - start)
def dump(result):
    return [result.lang] + [
        [f.kind, f.label, f.start, f.end, f.score, f.rule] for f in result.findings
    ]
found = [dump(scan(t)) for t in texts]
found += [dump(scan(t, lang=lang)) for t, lang in rows]
found += [dump(scan(t)) for t, _ in rows]
# This process's own peak (VmHWM): ru_maxrss would also count the parent's memory at the
# spawn (Linux keeps the larger of the two across exec), and the parent holds every finding.
try:
    peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out = {"cold": cold, "cpu": best, "peak_kb": peak, "module": hogo.detect.__file__, "found": found}
open(sys.argv[3], "w", encoding="utf-8").write(json.dumps(out, ensure_ascii=False))
"""


# Under valgrind: load, a first scan with a phone number (phonenumbers is imported at the first
# one: a cost of loading, not of scanning), then the first argv[2] texts once each.
COUNT_CHILD = r"""
import json, sys
from hogo.detect import scan
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())[: int(sys.argv[2])]
scan("x")
scan("TEL 03-3581-0101")
for text in texts:
    scan(text)
"""


def instructions(root: Path, texts_file: str, n: int) -> int:
    """Instructions executed by a process that loads the detector and scans ``n`` texts."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    cmd += [sys.executable, "-c", COUNT_CHILD, texts_file, str(n)]
    out = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, check=True)  # noqa: S603
    match = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if match is None:
        raise SystemExit(f"no instruction count from valgrind: {out.stderr[-500:]}")
    return int(match.group(1).replace(",", ""))


def per_scan(root: Path, texts_file: str, n: int) -> float:
    return (instructions(root, texts_file, n) - instructions(root, texts_file, 0)) / n


def run_side(root: Path, files: list[str], out: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    cmd = [sys.executable, "-c", CHILD, *files, out]
    if hasattr(os, "sched_getaffinity"):
        cpu = min(os.sched_getaffinity(0))
        cmd = ["taskset", "-c", str(cpu), *cmd]
    subprocess.run(cmd, cwd=root, env=env, check=True)  # noqa: S603
    result: dict[str, Any] = json.loads(Path(out).read_text("utf-8"))
    return result


def first_difference(base: list[object], ours: list[object], labels: list[str]) -> str:
    for i, (a, b) in enumerate(zip(base, ours, strict=True)):
        if a != b:
            return f"{labels[i]}:\n  base {a}\n  this {b}"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description="detector against an earlier commit")
    parser.add_argument("--base", type=Path, help="a checkout of the earlier commit")
    parser.add_argument("--self", action="store_true", help="compare this checkout with itself")
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--instructions", type=int, default=0, metavar="N")
    args = parser.parse_args()
    base = ROOT if args.self else args.base
    if base is None or not (base / "hogo" / "detect").is_dir():
        parser.error("--base must be a checkout holding hogo/detect (or give --self)")
    texts = [t for t, _ in build_corpus(args.texts)]
    rows = []
    for path in sorted(DATA.glob("detect-*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row["text"], row.get("lang")))
    labels = [f"corpus text {i}" for i in range(len(texts))]
    labels += [f"data row {i} (its lang)" for i in range(len(rows))]
    labels += [f"data row {i} (auto lang)" for i in range(len(rows))]
    with tempfile.TemporaryDirectory() as tmp:
        files = [str(Path(tmp) / "texts.json"), str(Path(tmp) / "rows.json")]
        Path(files[0]).write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
        Path(files[1]).write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
        results: dict[str, list[dict[str, Any]]] = {"base": [], "this": []}
        counts = {}
        if args.instructions:
            for who, root in (("base", base), ("this", ROOT)):
                counts[who] = per_scan(root, files[0], args.instructions)
        for _ in range(args.rounds):
            for who, root in (("base", base), ("this", ROOT)):
                results[who].append(run_side(root, files, str(Path(tmp) / "out.json")))
    b, t = results["base"], results["this"]
    print(f"base {b[0]['module']}\nthis {t[0]['module']}")
    print(f"texts: corpus {len(texts)}, bench/data rows {len(rows)} (scanned twice)")
    for name, side in (("base", b), ("this", t)):
        rates = ", ".join(f"{len(texts) / r['cpu']:,.0f}" for r in side)
        colds = ", ".join(f"{r['cold']:.3f}" for r in side)
        peak = max(r["peak_kb"] for r in side) / 1024
        print(f"{name}: {rates} texts/s (CPU, best of 3); cold load {colds} s; peak {peak:.0f} MB")
    best_b = min(r["cpu"] for r in b)
    best_t = min(r["cpu"] for r in t)
    print(f"speed ratio this/base (best CPU times): {best_b / best_t:.2f}x")
    if counts:
        print(
            f"instructions per scan (cachegrind, {args.instructions} texts): base "
            f"{counts['base']:,.0f}, this {counts['this']:,.0f}: "
            f"{counts['base'] / counts['this']:.2f}x fewer"
        )
    diff = first_difference(b[0]["found"], t[0]["found"], labels)
    if diff:
        print(f"FINDINGS DIFFER, first at {diff}")
        return 1
    print(f"findings identical on all {len(labels)} scans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
