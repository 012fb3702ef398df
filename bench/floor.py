"""The floor under a verified deletion request and a disclosure package (JSON + CSV): the SQL
hogo sends, replayed through a plain cursor (no ORM, no model instances), plus the durable
commits, the erasure journal's fsync and the cryptography the request cannot do without, beside
hogo's own request measured in the same process and minutes.

  .venv/bin/python bench/floor.py                       # SQLite
  .venv/bin/python bench/floor.py --database-url postgresql://postgres@127.0.0.1:5432/x_bench

How: each request is first run by hogo inside a transaction on both databases that is rolled
back at the end, with every statement recorded (SQL and parameters, in order, per database;
the audit head is forgotten between a deletion's two transactions, as two real ones would).
The floor then replays that statement list on the same, unchanged rows, again in transactions
rolled back; so it does exactly the database work of the request (the same rows locked, read,
written, deleted), minus the ORM's building of the statements and of model instances. What a
rolled-back replay leaves out is measured on its own and added: a durable commit on each
database (a one-row UPDATE of a table made for it; a deletion commits twice on the main database
and once in the key store), one fsync of an appended line (the erasure journal), and the
request's cryptography and text (audit HMACs, data-key unwraps, AES-GCM, the mail's rendering,
the package's AES zip), with hogo's own functions. Prints p50 of CPU (`time.process_time`,
this process only: on PostgreSQL not the server's work) and wall time per part, as JSON.
"""

import argparse
import functools
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from desk import DESK
from roundtrips import populate, setup, verified_case

Recorded = list[tuple[str, str, Any, bool]]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL; default SQLite")
    parser.add_argument("--requests", type=int, default=40, help="per measurement, for p50")
    return parser.parse_args()


def recorded(run: Callable[[], object]) -> Recorded:
    """Runs hogo's request in transactions rolled back on both databases; its statements."""
    from django.db import connections, transaction

    statements: Recorded = []

    def recorder(alias: str) -> Callable[..., Any]:
        def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            statements.append((alias, sql, params, many))
            return execute(sql, params, many, context)

        return record

    with (
        transaction.atomic(),
        transaction.atomic(using="keys"),
        connections["default"].execute_wrapper(recorder("default")),
        connections["keys"].execute_wrapper(recorder("keys")),
    ):
        run()
        transaction.set_rollback(True)
        transaction.set_rollback(True, using="keys")
    return statements


def replayed(statements: Recorded) -> None:
    from django.db import connections, transaction

    with transaction.atomic(), transaction.atomic(using="keys"):
        cursors = {alias: connections[alias].cursor() for alias in ("default", "keys")}
        for alias, sql, params, many in statements:
            cursor = cursors[alias]
            if many:
                cursor.executemany(sql, params)
            else:
                cursor.execute(sql, params)
                if cursor.description is not None:
                    cursor.fetchall()
        transaction.set_rollback(True)
        transaction.set_rollback(True, using="keys")


def commit_on(alias: str) -> Callable[[], None]:
    """A durable commit of a one-row UPDATE on that database (its table made here)."""
    from django.db import connections, transaction

    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, n INTEGER)")
        cursor.execute("DELETE FROM bench_floor")
        cursor.execute("INSERT INTO bench_floor (id, n) VALUES (1, 0)")

    def commit() -> None:
        with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
            cursor.execute("UPDATE bench_floor SET n = n + 1 WHERE id = 1")

    return commit


def journal_fsync(path: str) -> Callable[[], None]:
    line = json.dumps({"at": "2026-12-07T00:00:00", "subject": "sub_x", "key": 1}) + "\n"

    def append() -> None:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode())
            os.fsync(fd)
        finally:
            os.close(fd)

    return append


def crypto_of_deletion(case: Any) -> Callable[[], None]:
    """Five audit HMACs, two data-key unwraps, one AES-GCM open and one seal, one journal
    line, and the result mail rendered: the non-SQL work a deletion cannot skip."""
    from django.utils import timezone

    from hogo.audit.keys import audit_key_read
    from hogo.audit.models import AuditEvent, Chain
    from hogo.desk import answers
    from hogo.vault.crypto import FieldCipher, field_open, key_generate
    from hogo.vault.kek import kek_store

    key = audit_key_read()
    assert key is not None
    kek = kek_store().active()
    wrapped = kek.wrap(key_generate(), aad=b"aad")
    cipher = FieldCipher(key_generate(), key_id=1)
    sealed = cipher.seal("x" * 200, aad=b"aad")
    detail = {"case": case.ref, "kind": "correction", "step": "corrections_apply"}
    outcome: dict[str, object] = {"held": True, "erased": True, "deleted": 20}

    def work() -> None:
        for seq in range(5):
            AuditEvent(
                seq=seq + 1,
                at=timezone.now(),
                actor="system:desk",
                action="desk.step.succeed",
                subjects=[case.subject_ref],
                detail=detail,
                prev_hash="0" * 64,
                chain=Chain.HMAC_SHA256,
            ).compute_hash(key.chain_key)
        for _ in range(2):
            kek.unwrap(wrapped, aad=b"aad")
        field_open(cipher, sealed, aad=b"aad")
        subject, body = answers.result(case, outcome, [])
        cipher.seal(subject + body, aad=b"aad")

    return work


def zip_of_package(case: Any) -> Callable[[], None]:
    """The package's files (JSON + CSV) zipped with AES as hogo does it (seven PBKDF2)."""
    from hogo.desk.package import disclosure_package_build, package_password
    from hogo.packages import files_open, files_seal

    package = disclosure_package_build(case=case, actor=DESK, pdf=False)
    password = package_password(package.ref)
    _, files = files_open(bytes(package.content), password=password)

    def work() -> None:
        files_seal(files, password=password)

    return work


def main() -> None:
    args = arguments()
    setup(argparse.Namespace(database_url=args.database_url, subjects=0))
    from django.db import connection

    from hogo.audit import services as audit_services
    from hogo.desk.fulfilment import case_advance
    from hogo.desk.package import disclosure_package_build
    from hogo.desk.services import case_approve

    people = iter(populate(2 * args.requests + 40))
    deletion = verified_case("correction", {"delete_all": True}, *next(people))
    package = _disclosure(people)

    def delete_one() -> None:
        case_approve(actor=DESK, case_ref=deletion.ref)
        audit_services._last.head = None  # two transactions in a real request
        case_advance(case_ref=deletion.ref)

    # Whatever commits audit events comes before the recording, which the replays repeat.
    zipping = zip_of_package(_disclosure(people))
    n = args.requests
    cases = [verified_case("correction", {"delete_all": True}, *next(people)) for _ in range(n + 1)]
    packages = [_disclosure(people) for _ in range(n + 1)]
    statements = {
        "deletion": recorded(delete_one),
        "package": recorded(lambda: disclosure_package_build(case=package, actor=DESK, pdf=False)),
    }
    result: dict[str, Any] = {"database": connection.vendor, "load_before": os.getloadavg()}
    journal = os.path.join(os.environ["HOGO_DATA_DIR"], "floor-journal")
    parts: dict[str, Callable[[], object]] = {}
    for kind, listed in statements.items():
        result[f"{kind}_statements"] = {
            "default": sum(1 for s in listed if s[0] == "default"),
            "keys": sum(1 for s in listed if s[0] == "keys"),
        }
        parts[f"{kind}_replay"] = functools.partial(replayed, listed)
    parts["commit_main"] = commit_on("default")
    parts["commit_keys"] = commit_on("keys")
    parts["journal_fsync"] = journal_fsync(journal)
    parts["deletion_crypto_and_mail"] = crypto_of_deletion(deletion)
    parts["package_zip"] = zipping
    hogo: dict[str, Callable[[], object]] = {
        "hogo_deletion": lambda: _hogo_deletion(cases.pop(), case_approve, case_advance),
        "hogo_package": lambda: disclosure_package_build(
            case=packages.pop(), actor=DESK, pdf=False
        ),
    }
    # The floor's parts first (the replays would collide with audit events hogo commits), each
    # in turn so that all see the same load; then hogo's two requests in turn.
    for group in (parts, hogo):
        for part in group.values():  # warm-up
            part()
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in group}
        for _ in range(n):
            for name, part in group.items():
                c, w = time.process_time(), time.perf_counter()
                part()
                times[name].append((time.process_time() - c, time.perf_counter() - w))
        for name, measured in times.items():
            result[name] = {
                "cpu_ms": round(statistics.median(t[0] for t in measured) * 1000, 3),
                "wall_ms": round(statistics.median(t[1] for t in measured) * 1000, 3),
            }
    result["load_after"] = os.getloadavg()
    for kind, summed in (
        (
            "deletion",
            (
                "deletion_replay",
                "commit_main",
                "commit_main",
                "commit_keys",
                "journal_fsync",
                "deletion_crypto_and_mail",
            ),
        ),
        ("package", ("package_replay", "commit_main", "package_zip")),
    ):
        result[f"{kind}_floor"] = {
            unit: round(sum(result[p][unit] for p in summed), 2) for unit in ("cpu_ms", "wall_ms")
        }
    print(json.dumps(result, indent=2))
    sys.stdout.flush()


def _disclosure(people: Any) -> Any:
    return verified_case("disclosure", {"delivery": "email_attachment"}, *next(people))


def _hogo_deletion(case: Any, approve: Callable[..., Any], advance: Callable[..., Any]) -> None:
    approve(actor=DESK, case_ref=case.ref)
    advance(case_ref=case.ref)


if __name__ == "__main__":
    main()
