"""Cookie consent endpoint under load: records per second and latency, over real HTTP.

Starts gunicorn with production settings on loopback, behind a pretend TLS proxy
(`X-Forwarded-Proto: https`), and drives POST /site/consent from many visitors, each from its own
network through X-Forwarded-For (so the per-network rate limit does not trip), over keep-alive
connections. The baseline in the same run is GET /healthz, the cheapest Django response. Every
201 is checked against the records counted in the database afterwards. Also prints the consent
script's size.

Usage: `.venv/bin/python bench/site.py [SECONDS] [CONNECTIONS]`. DATABASE_URL=postgresql://...
benchmarks PostgreSQL (a scratch database is created and dropped). BENCH_WORKERS (default: the
number of cores) and BENCH_THREADS (default 1) shape gunicorn. No assertions.
"""

import asyncio
import gzip
import json
import os
import random
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from harness import server_cpu

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv" / "bin"
ORIGIN = "https://www.example.jp"
ALL = ["analytics", "necessary", "preferences"]
CHOICES = [
    {"accepted": ALL, "rejected": [], "method": "accept_all"},
    {"accepted": ["necessary"], "rejected": ["analytics", "preferences"], "method": "reject_all"},
    {"accepted": ["necessary", "preferences"], "rejected": ["analytics"], "method": "custom"},
]

MakeRequest = Callable[[int, random.Random], bytes]


def run(args: list[str], env: dict[str, str], **kwargs: object) -> None:
    subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)  # type: ignore[call-overload]  # noqa: S603  (our own commands)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request_bytes(method: str, path: str, port: int, body: bytes = b"", **headers: str) -> bytes:
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "X-Forwarded-Proto: https",
        f"Content-Length: {len(body)}",
        *(f"{name.replace('_', '-')}: {value}" for name, value in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def health_request(port: int, rng: random.Random) -> bytes:
    return request_bytes("GET", "/healthz", port)


def consent_request(port: int, rng: random.Random) -> bytes:
    body = json.dumps({**rng.choice(CHOICES), "version": 1, "language": "ja"}).encode()
    octets = (rng.randrange(1, 224), rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))
    return request_bytes(
        "POST",
        "/site/consent",
        port,
        body,
        Origin=ORIGIN,
        Content_Type="application/json",
        X_Forwarded_For=".".join(map(str, octets)),
    )


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    if length:
        await reader.readexactly(length)
    return int(head.split(b" ", 2)[1])


async def drive(
    port: int, seconds: float, connections: int, make: MakeRequest
) -> tuple[list[float], dict[int, int]]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    deadline = time.perf_counter() + seconds

    async def one(seed: int) -> None:
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while time.perf_counter() < deadline:
            data = make(port, rng)
            start = time.perf_counter()
            writer.write(data)
            status = await read_response(reader)
            latencies.append(time.perf_counter() - start)
            statuses[status] = statuses.get(status, 0) + 1
        writer.close()

    await asyncio.gather(*(one(i) for i in range(connections)))
    return latencies, statuses


def measure(
    label: str, server: int, port: int, seconds: float, connections: int, make: MakeRequest
) -> float:
    cpu_before = server_cpu(server)
    latencies, statuses = asyncio.run(drive(port, seconds, connections, make))
    cpu = server_cpu(server) - cpu_before
    ordered = sorted(latencies)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[int(len(ordered) * 0.99)] * 1000
    rate = len(ordered) / seconds
    print(
        f"{label:<34} {rate:>8,.0f} req/s  p50 {p50:5.1f} ms  p99 {p99:5.1f} ms  "
        f"server CPU {cpu / len(ordered) * 1000:.2f} ms/req  "
        f"statuses {dict(sorted(statuses.items()))}"
    )
    return rate


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    connections = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    workers = int(os.environ.get("BENCH_WORKERS", os.cpu_count() or 2))
    threads = int(os.environ.get("BENCH_THREADS", "1"))
    data_dir = Path(tempfile.mkdtemp(prefix="hogo-bench-site-"))
    env = {
        **os.environ,
        "HOGO_DATA_DIR": str(data_dir),
        "HOGO_SITE_ORIGINS": ORIGIN,
        "HOGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "hogo.settings",
    }
    admin_url = os.environ.get("DATABASE_URL")
    if admin_url:
        name = f"bench_site_{secrets.token_hex(4)}"
        env["DATABASE_URL"] = urlunsplit(urlsplit(admin_url)._replace(path=f"/{name}"))
        databases(admin_url, name, "CREATE DATABASE {}")
    try:
        run([str(VENV / "hogo"), "migrate", "-v", "0"], env)
        run([str(VENV / "hogo"), "policy", "load"], env, stdout=subprocess.DEVNULL)
        script = (ROOT / "hogo" / "site" / "assets" / "consent.js").read_bytes()
        print(
            f"consent.js: {len(script):,} bytes, {len(gzip.compress(script, 9)):,} bytes "
            "gzipped (CSS included)"
        )
        serve(env, workers, threads, seconds, connections, data_dir)
    finally:
        if admin_url:
            databases(admin_url, name, "DROP DATABASE IF EXISTS {} WITH (FORCE)")


def serve(
    env: dict[str, str],
    workers: int,
    threads: int,
    seconds: float,
    connections: int,
    data_dir: Path,
) -> None:
    port = free_port()
    gunicorn = [
        str(VENV / "gunicorn"),
        "hogo.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=gthread",  # keep-alive connections, as browsers use
        f"--threads={threads}",
        "--log-level=warning",
    ]
    server = subprocess.Popen(gunicorn, env=env, cwd=ROOT)  # noqa: S603  (our own server)
    try:
        wait_for(port)
        print(
            f"{'PostgreSQL' if 'DATABASE_URL' in env else 'SQLite'}, gunicorn {workers} workers "
            f"x {threads} threads, {connections} keep-alive connections, {seconds:.0f} s each, "
            f"{os.cpu_count()} cores shared with the load generator, "
            f"load average {os.getloadavg()[0]:.1f} before"
        )
        asyncio.run(drive(port, 1.0, connections, health_request))  # warm up
        base = measure(
            "baseline: GET /healthz", server.pid, port, seconds, connections, health_request
        )
        asyncio.run(drive(port, 1.0, connections, consent_request))
        before = count(env, data_dir)
        rate = measure(
            "POST /site/consent (one record)",
            server.pid,
            port,
            seconds,
            connections,
            consent_request,
        )
        stored = count(env, data_dir) - before
        print(
            f"records stored in the measured run: {stored:,} ({stored / seconds:,.0f}/s); "
            f"{rate / base:.2f}x the baseline's request rate"
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def wait_for(port: int) -> None:
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("gunicorn did not start")


def count(env: dict[str, str], data_dir: Path) -> int:
    sql = "SELECT COUNT(*) FROM site_cookieconsent"
    if "DATABASE_URL" in env:
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as conn:
            row = conn.execute(sql).fetchone()
    else:
        with sqlite3.connect(data_dir / "hogo.sqlite3") as conn:
            row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0


def databases(admin_url: str, name: str, statement: str) -> None:
    """The main database and the vault's key store beside it (hogo/settings.py)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True) as conn:
        for db in (name, f"{name}_keys"):
            conn.execute(sql.SQL(statement).format(sql.Identifier(db)))


if __name__ == "__main__":
    main()
