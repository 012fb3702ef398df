"""Sealed case texts (notes): sealed under the owner's key, opened only through the access
module for an allowed purpose (one audit event per call), shredded with their owner."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.errors import Conflict, InvalidInput
from hogo.policy.schema import Policy
from hogo.tests.vault import ACTOR, CAMPAIGN, INQUIRY, register
from hogo.vault.access import notes_open
from hogo.vault.adoption import note_adopt
from hogo.vault.crypto import CiphertextInvalid, associated_data
from hogo.vault.erasure import retention_dispose, subject_erase
from hogo.vault.keys import blind_indexer, data_keys_create, data_keys_load
from hogo.vault.models import DataKey, Note
from hogo.vault.normalize import email_normalize
from hogo.vault.notes import (
    INCIDENT_PURPOSE,
    REQUEST_PURPOSE,
    email_digest,
    note_owner_create,
    note_owners_dispose,
    note_seal,
    notes_forget,
    notes_seal,
)
from hogo.vault.records import ItemIn, NoteIn, RefusalReason
from hogo.vault.services import subject_suspend

pytestmark = pytest.mark.django_db
CASE = "req_abcdefghijklmnop"
ANSWER = "お問い合わせの件、試験費用は30万円です。"


def inquirer() -> str:
    return register(
        channel="inquiry", purposes=(INQUIRY,), items=(ItemIn("message", None, "質問です"),)
    ).subject_id


def test_it_seals_and_opens_a_cases_notes_for_request_handling(policy: Policy) -> None:
    note_owner_create(owner=CASE)
    email, details = notes_seal(
        actor=ACTOR,
        owner=CASE,
        notes=[NoteIn("contact-email", "hanako@example.jp"), NoteIn("details", '{"a": 1}')],
    )
    assert b"hanako" not in bytes(Note.objects.get(pk=email).sealed)

    opened = notes_open(actor="user:7", purpose=REQUEST_PURPOSE, owner=CASE, refs=[email])

    assert opened.refused is None
    assert [(n.kind, n.text) for n in opened.notes] == [("contact-email", "hanako@example.jp")]
    assert opened.text(email) == "hanako@example.jp"
    assert opened.text(details) is None
    both = notes_open(actor="user:7", purpose=REQUEST_PURPOSE, owner=CASE, kinds=["details"])
    assert both.texts() == {details: '{"a": 1}'}
    event = AuditEvent.objects.filter(action="vault.notes.open").order_by("seq").first()
    assert event is not None
    assert (event.actor, event.purpose, event.subjects) == ("user:7", REQUEST_PURPOSE, [])
    assert event.detail == {"owner": CASE, "via": "service", "notes": 1, "refused": None}


def test_a_case_note_opens_for_no_other_purpose(policy: Policy) -> None:
    note_owner_create(owner=CASE)
    note_seal(actor=ACTOR, owner=CASE, kind="note", text="called back")
    with pytest.raises(InvalidInput, match="open only for request-handling"):
        notes_open(actor=ACTOR, purpose=INQUIRY, owner=CASE)


def test_incident_evidence_opens_for_incident_handling_only(policy: Policy) -> None:
    """Evidence owners (`evd_...`, the safety app's) open only for investigating the incident,
    and a case's notes never for it."""
    evidence = "evd_abcdefghijklmnop"
    note_owner_create(owner=evidence)
    note_seal(actor=ACTOR, owner=evidence, kind="evidence-text", text="203.0.113.77 POST /login")
    opened = notes_open(actor="user:7", purpose=INCIDENT_PURPOSE, owner=evidence)
    assert [n.text for n in opened.notes] == ["203.0.113.77 POST /login"]
    with pytest.raises(InvalidInput, match="open only for incident-handling"):
        notes_open(actor=ACTOR, purpose=REQUEST_PURPOSE, owner=evidence)
    note_owner_create(owner=CASE)
    with pytest.raises(InvalidInput, match="open only for request-handling"):
        notes_open(actor=ACTOR, purpose=INCIDENT_PURPOSE, owner=CASE)


def test_it_refuses_owners_that_are_not_ids(policy: Policy) -> None:
    for owner in ("hanako@example.jp", "req_short", "sub_abcdefghijklmnop"):
        with pytest.raises(InvalidInput, match="owner"):
            note_owner_create(owner=owner)
    with pytest.raises(InvalidInput, match="kind"):
        notes_seal(actor=ACTOR, owner=CASE, notes=[NoteIn("Contact Email", "x")])


def test_a_disposed_case_keeps_nothing_readable_and_gets_no_new_key(policy: Policy) -> None:
    note_owner_create(owner=CASE)
    note_seal(actor=ACTOR, owner=CASE, kind="note", text="secret")

    assert note_owners_dispose(actor=ACTOR, owners=[CASE], reason="retention_expired") == 1

    assert not DataKey.objects.filter(subject_ref=CASE).exists()
    assert not Note.objects.filter(owner=CASE).exists()
    opened = notes_open(actor=ACTOR, purpose=REQUEST_PURPOSE, owner=CASE)
    assert (opened.notes, opened.refused) == ([], RefusalReason.DISPOSED)
    with pytest.raises(Conflict, match="destroyed"):
        note_seal(actor=ACTOR, owner=CASE, kind="note", text="again")
    event = AuditEvent.objects.get(action="vault.notes.dispose")
    assert event.detail == {
        "owners": 1,
        "notes": 1,
        "keys_destroyed": 1,
        "reason": "retention_expired",
    }


def test_a_sealed_note_does_not_open_as_another_kind_or_row(policy: Policy) -> None:
    note_owner_create(owner=CASE)
    reply = note_seal(actor=ACTOR, owner=CASE, kind="reply", text="reply text")
    email = note_seal(actor=ACTOR, owner=CASE, kind="contact-email", text="a@example.jp")
    Note.objects.filter(pk=email).update(sealed=Note.objects.get(pk=reply).sealed)
    with pytest.raises(CiphertextInvalid):
        notes_open(actor=ACTOR, purpose=REQUEST_PURPOSE, owner=CASE, refs=[email])


def test_a_subjects_notes_open_for_a_purpose_its_records_allow(policy: Policy) -> None:
    subject = inquirer()
    ref = note_seal(actor=ACTOR, owner=subject, kind="inquiry-reply-body", text=ANSWER)

    assert notes_open(actor=ACTOR, purpose=INQUIRY, owner=subject).text(ref) == ANSWER
    refused = notes_open(actor=ACTOR, purpose=CAMPAIGN, owner=subject)
    assert (refused.notes, refused.refused) == ([], RefusalReason.PURPOSE_NOT_ALLOWED)
    subject_suspend(actor=ACTOR, subject_id=subject, purposes=[INQUIRY])
    suspended = notes_open(actor=ACTOR, purpose=INQUIRY, owner=subject)
    assert (suspended.notes, suspended.refused) == ([], RefusalReason.SUSPENDED)
    event = AuditEvent.objects.filter(action="vault.notes.open").order_by("-seq").first()
    assert event is not None
    assert (event.subjects, event.detail["refused"]) == ([subject], "suspended")
    with pytest.raises(InvalidInput, match="not a purpose of the active policy"):
        notes_open(actor=ACTOR, purpose=REQUEST_PURPOSE, owner=subject)


def test_erasing_a_subject_shreds_its_notes(policy: Policy) -> None:
    subject = inquirer()
    note_seal(actor=ACTOR, owner=subject, kind="inquiry-reply-body", text=ANSWER)

    subject_erase(actor=ACTOR, subject_id=subject)

    assert not Note.objects.filter(owner=subject).exists()
    opened = notes_open(actor=ACTOR, purpose=INQUIRY, owner=subject)
    assert opened.refused == RefusalReason.ERASED
    with pytest.raises(Conflict, match="erased"):
        note_seal(actor=ACTOR, owner=subject, kind="note", text="late")


def test_it_forgets_chosen_notes(policy: Policy) -> None:
    note_owner_create(owner=CASE)
    code, keep = notes_seal(
        actor=ACTOR, owner=CASE, notes=[NoteIn("mail", "code 123456"), NoteIn("details", "{}")]
    )
    assert notes_forget(actor=ACTOR, owner=CASE, refs=[code]) == 1
    assert list(Note.objects.values_list("pk", flat=True)) == [Note.objects.get(pk=keep).pk]


def test_the_sweep_deletes_notes_past_their_retention_and_unused_case_keys(
    policy: Policy,
) -> None:
    now = timezone.now()
    subject = inquirer()
    short = note_seal(
        actor=ACTOR, owner=subject, kind="reply", text="old", retain_until=now + timedelta(days=1)
    )
    kept = note_seal(actor=ACTOR, owner=subject, kind="reply", text="kept")
    note_owner_create(owner=CASE)
    note_seal(actor=ACTOR, owner=CASE, kind="details", text="{}")
    data_keys_create(["req_orphanorphanorph"])  # a case that failed after its key was made
    DataKey.objects.filter(subject_ref__in=[CASE, "req_orphanorphanorph"]).update(
        created_at=now - timedelta(hours=2)
    )

    summary = retention_dispose(now=now + timedelta(days=2))

    assert summary.notes == 1
    assert sorted(Note.objects.filter(owner=subject).values_list("pk", flat=True)) == [
        Note.objects.get(pk=kept).pk
    ]
    assert not Note.objects.filter(pk=short).exists()
    assert set(DataKey.objects.values_list("subject_ref", flat=True)) == {subject, CASE}


def test_it_adopts_a_text_another_app_sealed_with_the_subjects_key(policy: Policy) -> None:
    subject = inquirer()
    cipher = data_keys_load([subject])[subject]
    legacy = cipher.seal(
        ANSWER,
        aad=associated_data(table="collect_inquiryreply", column="body", row="r1", subject=subject),
    )

    ref = note_adopt(
        actor=ACTOR,
        owner=subject,
        kind="inquiry-reply-body",
        sealed=legacy,
        table="collect_inquiryreply",
        column="body",
        row="r1",
    )

    assert ref is not None
    assert notes_open(actor=ACTOR, purpose=INQUIRY, owner=subject).text(ref) == ANSWER
    with pytest.raises(InvalidInput, match="another app"):
        note_adopt(
            actor=ACTOR,
            owner=subject,
            kind="x",
            sealed=legacy,
            table="vault_item",
            column="sealed",
            row="r1",
        )
    subject_erase(actor=ACTOR, subject_id=subject)
    assert (
        note_adopt(
            actor=ACTOR,
            owner=subject,
            kind="inquiry-reply-body",
            sealed=legacy,
            table="collect_inquiryreply",
            column="body",
            row="r1",
        )
        is None
    )


def test_the_email_digest_matches_equal_addresses_only_and_not_the_vault_index(
    policy: Policy,
) -> None:
    digest = email_digest(email="Hanako.Yamada@Example.JP")
    assert digest == email_digest(email="hanako.yamada@example.jp")
    assert digest != email_digest(email="taro@example.jp")
    assert len(digest) == 32
    vault_index = blind_indexer("email").digest(email_normalize("hanako.yamada@example.jp"))
    assert digest != vault_index
    with pytest.raises(InvalidInput, match="email"):
        email_digest(email="not an address")
