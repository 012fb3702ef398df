"""What several benchmarks share: a throwaway PostgreSQL database pair for a run."""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit


def postgres_recreate(url: str) -> None:
    """Drops and creates the database named in `url` and its key store (`<name>_keys`). Only a
    name ending in 'bench' is accepted, since it is dropped."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.strip("/")
    if not name.endswith("bench"):
        sys.exit("the PostgreSQL database name must end in 'bench' (it is dropped)")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        for db in (name, f"{name}_keys"):
            conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{db}"')


def postgres_exists(url: str) -> bool:
    """Whether the database named in `url` exists (a run with --keep reuses it)."""
    import psycopg

    parts = urlsplit(url)
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        found = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (parts.path.strip("/"),)
        ).fetchone()
    return found is not None


def server_cpu(master: int) -> float:
    """CPU seconds used so far by gunicorn's master and workers (user + system).

    Unlike the request rate, this does not depend on what else the machine is running, so
    `cores / (CPU per request)` estimates the rate the endpoint sustains on an idle machine.
    """
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        pid, ppid = int(stat.parent.name), int(fields[1])
        if master in (pid, ppid):
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")
