"""Several events in one transaction: after the first, `audit_record` appends after the event
it appended last without reading the head again. The chain must come out the same as if it had
read it every time, whatever happened in between."""

import itertools
from collections.abc import Callable

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hogo.audit.models import AuditEvent
from hogo.audit.selectors import audit_verify
from hogo.audit.services import audit_record


class StepFailed(Exception):
    pass


@transaction.atomic
def undone() -> None:
    audit_record(actor="system", action="test.undone")
    raise StepFailed


def linked(events: list[AuditEvent]) -> bool:
    return all(
        later.seq == earlier.seq + 1 and later.prev_hash == earlier.hash
        for earlier, later in itertools.pairwise(events)
    )


def stored(event: AuditEvent) -> AuditEvent:
    return AuditEvent.objects.get(seq=event.seq)


@pytest.mark.django_db
def test_events_of_one_transaction_form_a_chain_that_verifies() -> None:
    audit_record(actor="system", action="test.before")
    with transaction.atomic():
        events = [audit_record(actor="system", action=f"test.e{i}") for i in range(4)]
    assert linked([stored(e) for e in events])
    assert audit_verify().ok


@pytest.mark.django_db
def test_the_later_events_of_a_transaction_do_not_read_the_head_again() -> None:
    audit_record(actor="system", action="test.before")
    with transaction.atomic():
        audit_record(actor="system", action="test.first")
        with CaptureQueriesContext(connection) as later:
            audit_record(actor="system", action="test.second")
    assert len(later.captured_queries) == 1
    assert audit_verify().ok


@pytest.mark.django_db
def test_an_event_rolled_back_with_its_savepoint_is_not_linked_to() -> None:
    with transaction.atomic():
        first = audit_record(actor="system", action="test.first")
        with pytest.raises(StepFailed):
            undone()
        after = audit_record(actor="system", action="test.after")
    assert (after.seq, after.prev_hash) == (first.seq + 1, first.hash)
    assert not AuditEvent.objects.filter(action="test.undone").exists()
    assert audit_verify().ok


@pytest.mark.django_db
def test_an_event_written_past_the_service_meanwhile_is_linked_to(
    legacy_events: Callable[[int], list[AuditEvent]],
) -> None:
    with transaction.atomic():
        audit_record(actor="system", action="test.first")
        (written,) = legacy_events(1)  # a row saved directly, in the same transaction
        after = audit_record(actor="system", action="test.after")
    assert (after.seq, after.prev_hash) == (written.seq + 1, written.hash)
    assert stored(after).hash == after.hash


@pytest.mark.django_db(transaction=True)
def test_each_transaction_reads_the_head_afresh() -> None:
    audit_record(actor="system", action="test.one")
    with CaptureQueriesContext(connection) as second:
        audit_record(actor="system", action="test.two")
    heads = [q for q in second.captured_queries if "ORDER BY seq DESC" in q["sql"]]
    assert len(heads) == 1
    assert audit_verify().ok
