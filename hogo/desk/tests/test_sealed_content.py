"""What a requester and the desk write is sealed in the vault under the case's own key: the
database holds no address or message in plaintext, every reading is audited, a requester's
cases are still found by their address, and the data migration seals existing cases."""

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from hogo.audit.models import AuditEvent
from hogo.desk.content import case_text, mail_content
from hogo.desk.models import Case, CaseNote, OutboundMail
from hogo.desk.services import case_approve, case_note_add, case_refuse
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, ORIGIN, verified
from hogo.tests.mail import Inbox, body, committed
from hogo.vault.access import notes_open
from hogo.vault.models import DataKey
from hogo.vault.notes import REQUEST_PURPOSE, email_digest

QUESTION = "わたしの個人情報を誰に渡しましたか。残響堂の件です。"
REPLY = "ご照会の件、第三者への提供はございません。"
NOTE = "電話で本人確認済み(折返し希望)"
CORRECTION = "Zankyo Widget Works"
EXPLANATION = "The record you named is held by another company."
SECRETS = [HANAKO, "hanako.yamada", QUESTION, "残響堂", REPLY, NOTE, CORRECTION, EXPLANATION]


def found_in(data: bytes) -> list[str]:
    return [s for s in SECRETS if s.encode() in data]


def desk_work(inbox: Inbox, desk_operator: User) -> Case:
    """A question with a reply and a note, and a correction refused with an explanation."""
    complaint = verified(inbox, "complaint", details={"topic": "question", "text": QUESTION})
    with committed():
        case_note_add(
            actor=HANDLE, author=desk_operator, case_ref=complaint.ref, text=NOTE, reply=False
        )
    with committed():
        case_note_add(
            actor=HANDLE, author=desk_operator, case_ref=complaint.ref, text=REPLY, reply=True
        )
    with committed():
        case_approve(actor=HANDLE, case_ref=complaint.ref)
    changes = [{"category": "organization", "action": "set", "value": CORRECTION}]
    correction = verified(inbox, "correction", details={"changes": changes})
    with committed():
        case_refuse(
            actor=HANDLE, case_ref=correction.ref, reason="accurate", explanation=EXPLANATION
        )
    assert any(REPLY in body(m) for m in inbox.to(HANAKO))
    assert EXPLANATION in body(inbox.last(HANAKO))
    return complaint


@pytest.mark.django_db(transaction=True)
def test_it_keeps_no_address_or_message_in_plaintext_in_the_sqlite_files(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    if connections["default"].vendor != "sqlite":
        pytest.skip("greps SQLite files; the sealing itself is tested on both databases")
    complaint = desk_work(inbox, desk_operator)
    files: list[Path] = []
    for alias in ("default", "keys"):
        database = Path(connections[alias].settings_dict["NAME"])
        files += [p for p in database.parent.glob(database.name + "*") if p.is_file()]
    assert len(files) >= 2
    for path in files:
        assert found_in(path.read_bytes()) == [], path.name
    # The grep can see what is there: the case's ref is in the main database file.
    main = Path(connections["default"].settings_dict["NAME"])
    assert any(complaint.ref.encode() in p.read_bytes() for p in main.parent.glob(main.name + "*"))


@pytest.mark.django_db
def test_the_tables_hold_note_refs_and_a_digest_not_the_text(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    complaint = desk_work(inbox, desk_operator)
    rows = json.dumps(
        [
            list(Case.objects.values()),
            list(CaseNote.objects.values()),
            list(OutboundMail.objects.values("to", "subject", "body", "content_note")),
            list(AuditEvent.objects.values("actor", "action", "purpose", "subjects", "detail")),
        ],
        default=str,
        ensure_ascii=False,
    )
    assert found_in(rows.encode()) == []
    complaint.refresh_from_db()
    assert complaint.contact_digest == email_digest(email=HANAKO)
    opened = notes_open(actor=HANDLE, purpose=REQUEST_PURPOSE, owner=complaint.ref)
    kinds = sorted(n.kind for n in opened.notes)
    # The code mail was forgotten once delivered; the reply mail is kept.
    assert kinds == ["contact-email", "details", "mail", "note", "reply"]


@pytest.mark.django_db
def test_the_console_opens_a_case_for_the_staff_member_looking_and_audits_it(
    policy: Policy, inbox: Inbox, desk_operator: User, auditor: User
) -> None:
    complaint = desk_work(inbox, desk_operator)
    client = Client()
    client.force_login(auditor)
    page = client.get(f"/console/desk/{complaint.ref}/").content.decode()
    assert QUESTION in page
    assert NOTE in page
    assert REPLY in page
    event = AuditEvent.objects.filter(action="vault.notes.open").order_by("-seq").first()
    assert event is not None
    assert (event.actor, event.purpose) == (f"user:{auditor.pk}", REQUEST_PURPOSE)
    assert event.detail == {"owner": complaint.ref, "via": "console", "notes": 3, "refused": None}


@pytest.mark.django_db
def test_the_desk_finds_a_requesters_cases_by_address_without_a_url_holding_it(
    policy: Policy, inbox: Inbox, desk_operator: User
) -> None:
    mine = verified(inbox, "purpose_notification")
    other = verified(inbox, "purpose_notification", "taro@example.jp")
    client = Client()
    client.force_login(desk_operator)
    page = client.post("/console/desk/", {"email": "Hanako.Yamada@example.jp"})
    assert page.status_code == 200
    content = page.content.decode()
    assert mine.ref in content
    assert other.ref not in content
    event = AuditEvent.objects.get(action="desk.case.find")
    assert event.detail == {"cases": 1}


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_seals_existing_cases_and_keeps_them_working(
    policy: Policy,
) -> None:
    """Cases written before the content was sealed (plaintext columns) are moved into vault
    notes: nothing of them is lost, and the plaintext columns are gone."""
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("desk")
    executor.migrate([("desk", "0002_sealed_content_fields")])
    try:
        old = MigrationExecutor(connection).loader.project_state(
            [("desk", "0002_sealed_content_fields")]
        )
        old_case = old.apps.get_model("desk", "Case")
        old_note = old.apps.get_model("desk", "Note")
        old_mail = old.apps.get_model("desk", "OutboundMail")
        now = timezone.now()
        case = old_case.objects.create(
            ref="req_migratemigratemi",
            kind="complaint",
            status="in_progress",
            language="ja",
            intake="privacy_center",
            contact_email=HANAKO,
            origin=ORIGIN,
            details={"topic": "question", "text": QUESTION},
            policy_version=1,
            refusal_explanation="",
        )
        old_note.objects.create(case=case, text=NOTE, is_reply=False)
        old_mail.objects.create(
            ref="mail_replyreplyreplyr",
            case=case,
            kind="reply",
            to=HANAKO,
            subject="Re",
            body=REPLY,
            next_attempt_at=now,
        )
        old_mail.objects.create(
            ref="mail_reminderreminder",
            kind="reminder",
            to="staff@example.jp",
            subject="Due",
            body="req_migratemigratemi",
            next_attempt_at=now,
        )
        old_case.objects.create(
            ref="req_expiredexpiredex",
            kind="purpose_notification",
            status="expired",
            language="ja",
            intake="privacy_center",
            origin=ORIGIN,
            policy_version=1,
        )
    finally:
        MigrationExecutor(connection).migrate(latest)

    moved = Case.objects.get(ref="req_migratemigratemi")
    [note] = CaseNote.objects.filter(case=moved)
    reply = OutboundMail.objects.get(ref="mail_replyreplyreplyr")
    text = case_text(
        moved,
        actor=HANDLE,
        via="test",
        email=True,
        details=True,
        refs=[note.text_note, reply.content_note],
    )
    assert text.email == HANAKO
    assert text.details == {"topic": "question", "text": QUESTION}
    assert text.texts[note.text_note] == NOTE
    assert mail_content(text.texts[reply.content_note]) == ("Re", REPLY)
    assert (reply.to, reply.body) == ("", "")
    assert moved.contact_digest == email_digest(email=HANAKO)
    reminder = OutboundMail.objects.get(ref="mail_reminderreminder")
    assert (reminder.to, reminder.body) == ("staff@example.jp", "req_migratemigratemi")
    assert not DataKey.objects.filter(subject_ref="req_expiredexpiredex").exists()
    columns = {
        c.name
        for c in connection.introspection.get_table_description(connection.cursor(), "desk_case")
    }
    assert not {"contact_email", "details", "refusal_explanation"} & columns
