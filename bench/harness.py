"""What several benchmarks share: a throwaway PostgreSQL database pair for a run."""

import sys
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
