"""`./dev start` to the first page: how long from the command to the published notice answering.

Runs `./dev start PORT` three times on a fresh data directory (the first run migrates, loads the
policy, creates the officer account; the second finds all of that done), each time polling
`http://127.0.0.1:PORT/en/privacy/` until it answers 200, then stopping the process group.
With `--fresh-clone` it first clones the current commit into a temporary directory, so the first
run also creates `.venv` and installs the locked dependencies (uv's download cache is kept, as
on a developer's machine that has run uv before).

  .venv/bin/python bench/start.py                 # this checkout, three runs
  .venv/bin/python bench/start.py --fresh-clone   # a clone of HEAD: fresh .venv, then more runs
  .venv/bin/python bench/start.py --baseline REF  # and a clone of commit REF, runs alternating

Prints one line per run and a JSON summary. No assertions. Beside the wall-clock time each run
prints the CPU time (user + system) of every process the start ran, from `./dev` to the serving
process (this script makes itself the subreaper of their orphans to collect it): on a loaded
machine the CPU time is the steadier figure.
"""

import argparse
import ctypes
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = "/en/privacy/"
TIMEOUT_S = 600.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310  (loopback)
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


PR_SET_CHILD_SUBREAPER = 36


def subreaper() -> None:
    """Orphaned descendants (the server once `./dev` is stopped) become this process's
    children, so their CPU time is counted in RUSAGE_CHILDREN when they are reaped."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def reap_all() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def one_run(checkout: Path, data_dir: Path, log: Path) -> tuple[float, float]:
    """Seconds from `./dev start` to the first 200 of the notice page, and the CPU seconds of
    every process of the start."""
    cpu_before = children_cpu()
    port = free_port()
    env = {**os.environ, "HOGO_DATA_DIR": str(data_dir)}
    env.pop("VIRTUAL_ENV", None)
    started = time.perf_counter()
    with log.open("ab") as out:
        process = subprocess.Popen(  # noqa: S603  (our own command, fixed arguments)
            ["./dev", "start", str(port)],
            cwd=checkout,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        while time.perf_counter() - started < TIMEOUT_S:
            if process.poll() is not None:
                sys.exit(f"./dev start exited with {process.returncode}; see {log}")
            if answers(f"http://127.0.0.1:{port}{PAGE}"):
                seconds = time.perf_counter() - started
                break
            time.sleep(0.05)
        else:
            sys.exit(f"no answer within {TIMEOUT_S:.0f} s; see {log}")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()
    time.sleep(0.5)  # the orphans' SIGTERM handling, then reap them for their CPU time
    reap_all()
    return seconds, children_cpu() - cpu_before


def clone(ref: str, where: Path) -> Path:
    for args in (["clone", "-q", str(ROOT), str(where)], ["-C", str(where), "checkout", "-q", ref]):
        subprocess.run(["git", *args], check=True)  # noqa: S603, S607
    return where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fresh-clone", action="store_true", help="clone HEAD into a temp dir")
    parser.add_argument("--baseline", metavar="REF", help="also time a clone of this commit")
    parser.add_argument("--runs", type=int, default=3, help="runs on the same data directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hogo-start-") as tmp:
        checkouts = {"this": clone("HEAD", Path(tmp) / "this") if args.fresh_clone else ROOT}
        if args.baseline:
            checkouts["baseline"] = clone(args.baseline, Path(tmp) / "baseline")
        subreaper()
        figures: dict[str, list[float]] = {name: [] for name in checkouts}
        cpu: dict[str, list[float]] = {name: [] for name in checkouts}
        # Run n of each checkout one after the other, so that both see the same load.
        for run in range(1, args.runs + 1):
            for name, checkout in checkouts.items():
                data_dir = Path(tmp) / f"var-{name}"
                seconds, cpu_s = one_run(checkout, data_dir, Path(tmp) / f"{name}.log")
                figures[name].append(round(seconds, 2))
                cpu[name].append(round(cpu_s, 2))
                print(
                    f"{name} run {run}: first page after {seconds:.2f} s, "
                    f"{cpu_s:.2f} s CPU in all its processes",
                    flush=True,
                )
        print(json.dumps({"fresh_clone": args.fresh_clone, "seconds": figures, "cpu_s": cpu}))


if __name__ == "__main__":
    main()
