"""Concurrent writers: one subject per e-mail however requests race, and a valid audit chain."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from hogo.audit.selectors import audit_verify
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, register
from hogo.vault.access import subjects_access
from hogo.vault.models import Acquisition, DataKey, Subject
from hogo.vault.records import ItemIn


def run_together(count: int, work: Callable[[int], None]) -> list[BaseException]:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def thread(n: int) -> None:
        try:
            barrier.wait()
            work(n)
        except BaseException as exc:  # reported by the test
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=thread, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def race(count: int) -> None:
    def work(n: int) -> None:
        register("shared.person@example.jp", items=(ItemIn("event", None, f"event {n}"),))
        register(f"person{n}@example.jp")

    assert run_together(count, work) == []
    assert Subject.objects.count() == count + 1
    shared = subjects_access(actor=ACTOR, purpose=CAMPAIGN, email="shared.person@example.jp")
    [view] = shared.items
    assert Acquisition.objects.filter(subject__ref=view.subject_id).count() == count
    # Losers of the race destroy the keys they made for nothing.
    assert DataKey.objects.count() == count + 1
    assert audit_verify().ok


@pytest.mark.django_db(transaction=True)
def test_it_attaches_racing_registrations_of_one_email_to_one_subject_on_postgresql(
    active_policy: Policy,
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("8 concurrent writers need PostgreSQL; the 2-writer test runs on SQLite")
    race(8)


@pytest.mark.django_db(transaction=True)
def test_it_serializes_two_racing_writers(active_policy: Policy) -> None:
    race(2)
