import sqlite3
from pathlib import Path

import pytest
from django.db import connections

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, register
from hogo.vault.access import subjects_access
from hogo.vault.crypto import CiphertextInvalid, field_open
from hogo.vault.erasure import items_erase, subject_erase
from hogo.vault.keys import data_keys_destroy, data_keys_load
from hogo.vault.models import BlindIndex, DataKey, Disposal, Item, Subject, SubjectStatus, item_aad
from hogo.vault.records import ItemIn, RefusalReason


def test_it_erases_a_subject_by_destroying_its_key_and_values(policy: Policy) -> None:
    subject_id = register().subject_id
    result = subject_erase(actor=ACTOR, subject_id=subject_id, request_ref="case-12")
    assert (result.items, result.key_destroyed) == (3, True)
    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.ERASED
    assert not Item.objects.exists()
    assert not BlindIndex.objects.exists()
    assert not DataKey.objects.exists()
    refused = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id]).refused
    assert [r.reason for r in refused] == [RefusalReason.ERASED]
    refused = subjects_access(
        actor=ACTOR, purpose=CAMPAIGN, email="hanako.yamada@example.jp"
    ).refused
    assert [r.reason for r in refused] == [RefusalReason.NOT_FOUND]


def test_it_audits_an_erasure_and_records_what_was_disposed(policy: Policy) -> None:
    subject_id = register().subject_id
    subject_erase(actor=ACTOR, subject_id=subject_id, reason="consent_withdrawn")
    [event] = AuditEvent.objects.filter(action="vault.erase")
    assert event.subjects == [subject_id]
    assert event.detail == {
        "reason": "consent_withdrawn",
        "request_ref": "",
        "items": 3,
        "notes": 0,
        "key_destroyed": True,
    }
    assert set(Disposal.objects.values_list("category", "reason")) == {
        ("email", "consent_withdrawn"),
        ("name", "consent_withdrawn"),
        ("organization", "consent_withdrawn"),
    }


def test_it_refuses_to_erase_twice_or_an_unknown_subject(policy: Policy) -> None:
    subject_id = register().subject_id
    subject_erase(actor=ACTOR, subject_id=subject_id)
    with pytest.raises(Conflict, match="already erased"):
        subject_erase(actor=ACTOR, subject_id=subject_id)
    with pytest.raises(NotFound):
        subject_erase(actor=ACTOR, subject_id="sub_nobody")
    with pytest.raises(InvalidInput, match="reason: must be one of"):
        subject_erase(actor=ACTOR, subject_id=subject_id, reason="retention_expired")


def test_it_finishes_an_erasure_interrupted_after_the_key_was_destroyed(policy: Policy) -> None:
    """The key goes first: if the rest fails, nothing is readable, and a retry completes."""
    subject_id = register().subject_id
    data_keys_destroy([subject_id])  # where an erasure that crashed would have stopped
    refused = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id]).refused
    assert [r.reason for r in refused] == [RefusalReason.ERASED]
    result = subject_erase(actor=ACTOR, subject_id=subject_id)
    assert (result.items, result.key_destroyed) == (3, False)
    assert not Item.objects.exists()


def test_it_erases_chosen_items_and_keeps_the_rest(policy: Policy) -> None:
    subject_id = register(
        items=(ItemIn("organization", None, "Mitsuboshi"), ItemIn("job_title", None, "部長"))
    ).subject_id
    result = items_erase(actor=ACTOR, subject_id=subject_id, fields=["job_title"])
    assert result.items == 1
    [view] = subjects_access(actor=ACTOR, purpose=CAMPAIGN, subject_ids=[subject_id]).items
    assert view.data == {"organization": "Mitsuboshi"}
    assert list(Disposal.objects.values_list("field", "reason")) == [
        ("job_title", "erasure_request")
    ]


def test_it_drops_the_blind_index_of_an_erased_identifier(policy: Policy) -> None:
    subject_id = register(phone="03-1234-5678").subject_id
    items_erase(actor=ACTOR, subject_id=subject_id, categories=["phone"])
    assert not BlindIndex.objects.filter(kind="phone").exists()
    refused = subjects_access(actor=ACTOR, purpose=CAMPAIGN, phone="03-1234-5678").refused
    assert [r.reason for r in refused] == [RefusalReason.NOT_FOUND]


def test_it_closes_a_subject_left_with_nothing(policy: Policy) -> None:
    subject_id = register().subject_id
    result = items_erase(
        actor=ACTOR, subject_id=subject_id, categories=["email", "name", "organization"]
    )
    assert (result.items, result.key_destroyed) == (3, True)
    assert Subject.objects.get(ref=subject_id).status == SubjectStatus.ERASED


def test_it_rejects_an_item_erasure_that_matches_nothing(policy: Policy) -> None:
    subject_id = register().subject_id
    with pytest.raises(NotFound, match="holds no value"):
        items_erase(actor=ACTOR, subject_id=subject_id, fields=["job_title"])
    with pytest.raises(InvalidInput):
        items_erase(actor=ACTOR, subject_id=subject_id)


def _sealed_rows_of(database: Path) -> list[tuple[str, str, bytes]]:
    with sqlite3.connect(database) as copy:
        return copy.execute(
            "SELECT i.id, s.ref, i.sealed FROM vault_item i JOIN vault_subject s "
            "ON s.id = i.subject_id"
        ).fetchall()


def _opens(rows: list[tuple[str, str, bytes]]) -> list[str]:
    """Decrypts rows of a copy with whatever the live key store still holds."""
    ciphers = data_keys_load({ref for _, ref, _ in rows})
    opened = []
    for row_id, ref, sealed in rows:
        if ref in ciphers:
            opened.append(field_open(ciphers[ref], sealed, aad=item_aad(row_id, ref)))
    return opened


@pytest.mark.django_db(transaction=True)
def test_it_leaves_a_backup_copy_taken_before_erasure_undecryptable(
    active_policy: Policy, tmp_path: Path
) -> None:
    """A copy of the main database made before the erasure still holds the ciphertext, but
    with the subject's key destroyed in the live key store nothing in it opens."""
    if connections["default"].vendor != "sqlite":
        pytest.skip("copies the SQLite database file; the row-level version runs on both")
    subject_id = register().subject_id
    register("other.person@example.jp")
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(backup) as target:
        connections["default"].ensure_connection()
        connections["default"].connection.backup(target)
    rows = _sealed_rows_of(backup)
    assert "hanako.yamada@example.jp" in _opens(rows)  # the copy is readable before

    subject_erase(actor=ACTOR, subject_id=subject_id)

    rows = _sealed_rows_of(backup)
    assert len(rows) == 6  # the copy still holds both people's ciphertext
    assert sorted(_opens(rows)) == sorted(
        ["other.person@example.jp", "山田 花子", "Mitsuboshi Denki"]
    )


def test_it_leaves_ciphertext_saved_before_erasure_undecryptable(policy: Policy) -> None:
    """The same on any database: rows saved aside (a logical backup) no longer open."""
    subject_id = register().subject_id
    register("other.person@example.jp")
    saved = list(Item.objects.filter(subject__ref=subject_id).values_list("pk", "sealed"))
    subject_erase(actor=ACTOR, subject_id=subject_id)
    assert data_keys_load([subject_id]) == {}
    live_keys = list(data_keys_load(DataKey.objects.values_list("subject_ref", flat=True)).values())
    assert len(saved) == 3
    assert len(live_keys) == 1
    for pk, sealed in saved:
        with pytest.raises(CiphertextInvalid):
            field_open(live_keys[0], sealed, aad=item_aad(pk, subject_id))
