"""Moves each case's plaintext content into vault notes under a key of the case's own: the
requester's address (and its blind index), what was asked, the refusal explanation, the desk's
notes and replies, and the subject and body of mail to the requester. Staff reminders keep
their columns. Cases already purged, and expired ones (blanked when they expired), get no key.

Uses the vault's current services (sealing needs the key store and the KEK, which historical
models cannot reach); each case is sealed in one call, audited as `system:migrate`. Running it
again after an interruption is safe: a case already moved has nothing left to move. Reversing
it does not bring the plaintext back (the content stays sealed; 0004 reversed re-adds empty
columns).
"""

import contextlib
import json
from typing import Any

from django.db import migrations

ACTOR = "system:migrate"


def seal(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.alias != "default":
        return  # the key store holds no desk table
    from hogo.errors import Conflict
    from hogo.vault.notes import email_digest, note_owner_create, notes_seal
    from hogo.vault.records import NoteIn

    case_model = apps.get_model("desk", "Case")
    note_model = apps.get_model("desk", "Note")
    mail_model = apps.get_model("desk", "OutboundMail")
    cases = case_model.objects.filter(content_purged_at__isnull=True).exclude(status="expired")
    for case in cases.order_by("pk").iterator():
        if case.details_note:
            continue  # moved by an earlier, interrupted run
        notes = [n for n in note_model.objects.filter(case=case).order_by("pk") if n.text]
        mails = [
            m for m in mail_model.objects.filter(case=case).order_by("pk") if m.subject or m.body
        ]
        texts = [NoteIn("details", json.dumps(case.details or {}, ensure_ascii=False))]
        if case.contact_email:
            texts.append(NoteIn("contact-email", case.contact_email))
        if case.refusal_explanation:
            texts.append(NoteIn("refusal-explanation", case.refusal_explanation))
        texts += [NoteIn("reply" if n.is_reply else "note", n.text) for n in notes]
        texts += [
            NoteIn("mail", json.dumps({"subject": m.subject, "body": m.body}, ensure_ascii=False))
            for m in mails
        ]
        with contextlib.suppress(Conflict):  # made by an earlier, interrupted run
            note_owner_create(owner=case.ref)
        refs = iter(notes_seal(actor=ACTOR, owner=case.ref, notes=texts, via="migration"))
        case.details_note = next(refs)
        if case.contact_email:
            case.contact_note = next(refs)
            case.contact_digest = email_digest(email=case.contact_email)
        if case.refusal_explanation:
            case.refusal_note = next(refs)
        case.contact_email, case.details, case.refusal_explanation = "", {}, ""
        case.save()
        for note in notes:
            note.text_note, note.text = next(refs), ""
            note.save(update_fields=["text_note", "text"])
        for mail in mails:
            mail.content_note, mail.to, mail.subject, mail.body = next(refs), "", "", ""
            mail.save(update_fields=["content_note", "to", "subject", "body"])


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0002_sealed_content_fields"),
        ("vault", "0004_note"),
        ("audit", "0003_subjects_index"),
    ]

    operations = [
        migrations.RunPython(seal, migrations.RunPython.noop),
    ]
