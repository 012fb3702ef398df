"""Vault services without savepoints of their own (hogo/vault/atomic.py): inside a caller's
transaction, a refusal leaves that transaction usable and nothing of the refused call written;
and they send no SAVEPOINT."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, NotFound
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, INQUIRY, register
from hogo.vault.access import notes_open
from hogo.vault.erasure import subject_erase
from hogo.vault.models import Note
from hogo.vault.notes import REQUEST_PURPOSE, note_owner_create, notes_seal
from hogo.vault.records import ItemIn, NoteIn

pytestmark = pytest.mark.django_db(databases=["default", "keys"])
CASE = "req_abcdefghijklmnop"


def test_a_refused_seal_inside_a_transaction_leaves_it_usable(policy: Policy) -> None:
    erased = register(channel="inquiry", purposes=(INQUIRY,), items=(ItemIn("message", None, "x"),))
    subject_erase(actor=ACTOR, subject_id=erased.subject_id, request_ref=CASE)
    note_owner_create(owner=CASE)
    events = AuditEvent.objects.count()
    with transaction.atomic():
        with pytest.raises(NotFound):
            notes_seal(actor=ACTOR, owner="sub_aaaaaaaaaaaaaaaa", notes=[NoteIn("reply", "a")])
        with pytest.raises(Conflict):
            notes_seal(actor=ACTOR, owner=erased.subject_id, notes=[NoteIn("reply", "b")])
        [kept] = notes_seal(actor=ACTOR, owner=CASE, notes=[NoteIn("reply", "c")])
    assert list(Note.objects.values_list("id", flat=True)) == [Note.objects.get().id]
    assert Note.objects.get().id.hex == kept
    assert AuditEvent.objects.count() == events + 1  # the one seal that was done


def test_opening_notes_in_a_transaction_sends_no_savepoint(policy: Policy) -> None:
    note_owner_create(owner=CASE)
    notes_seal(actor=ACTOR, owner=CASE, notes=[NoteIn("reply", "a")])
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        opened = notes_open(actor=ACTOR, purpose=REQUEST_PURPOSE, owner=CASE)
        notes_seal(actor=ACTOR, owner=CASE, notes=[NoteIn("reply", "b")])
    assert [n.text for n in opened.notes] == ["a"]
    assert not [q for q in queries.captured_queries if "SAVEPOINT" in q["sql"].upper()]
