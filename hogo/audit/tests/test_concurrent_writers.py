"""Writers in separate transactions, each on its own connection, must never fork the chain."""

import threading

import pytest
from django.db import connection, connections

from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_verify
from hogo.audit.services import audit_record


def write_concurrently(threads: int, per_thread: int) -> list[BaseException]:
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                audit_record(
                    actor=f"user:{number}",
                    action="test.concurrent",
                    subjects=[f"sub_{number}_{i}"],
                    detail={"writer": number, "i": i},
                )
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    return errors


def assert_one_unforked_chain(total: int, threads: int, per_thread: int) -> None:
    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == list(range(1, total + 1))
    assert len({e.prev_hash for e in events}) == total
    for n in range(threads):
        assert sum(1 for e in events if e.actor == f"user:{n}") == per_thread
    assert audit_verify().line == f"ok: {total} events, head {events[-1].hash}"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the advisory head lock is PostgreSQL's; SQLite serializes writers itself "
    "(the two-thread test below covers it)",
)
@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_writers_on_postgresql_leave_one_chain() -> None:
    errors = write_concurrently(threads=8, per_thread=25)
    assert errors == []
    assert_one_unforked_chain(total=200, threads=8, per_thread=25)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_writers_leave_one_chain() -> None:
    errors = write_concurrently(threads=2, per_thread=25)
    assert errors == []
    assert_one_unforked_chain(total=50, threads=2, per_thread=25)
