"""Moves each kept inquiry reply (subject line and body, sealed with the person's data key in
this app's table) into vault notes of the person, through the vault's `note_adopt`: the
plaintext never leaves the vault's access module. A reply whose person was erased has nothing
left to move (its key is destroyed) and keeps blank refs. Safe to run again; not reversible.
"""

from datetime import timedelta
from typing import Any

from django.db import migrations

ACTOR = "system:migrate"
PURPOSE = "inquiry-response"
KINDS = {"subject_line_sealed": "inquiry-reply-subject", "body_sealed": "inquiry-reply-body"}


def adopt(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.alias != "default":
        return  # the key store holds no collect table
    from hogo.policy.selectors import PolicyNotLoaded, policy_active
    from hogo.vault.adoption import note_adopt

    reply_model = apps.get_model("collect", "InquiryReply")
    replies = reply_model.objects.filter(subject_line_note="", body_note="")
    if not replies.exists():
        return
    try:
        purpose = policy_active().purposes.get(PURPOSE)
        keep = timedelta(days=purpose.retention_days) if purpose else None
    except PolicyNotLoaded:
        keep = None  # kept until the person is erased or disposed of
    for reply in replies.select_related("case__subject").order_by("sent_at").iterator():
        refs = {
            column: note_adopt(
                actor=ACTOR,
                owner=reply.case.subject.ref,
                kind=kind,
                sealed=getattr(reply, column),
                table="collect_inquiryreply",
                column=column,
                row=str(reply.pk),
                retain_until=reply.sent_at + keep if keep else None,
            )
            for column, kind in KINDS.items()
        }
        reply.subject_line_note = refs["subject_line_sealed"] or ""
        reply.body_note = refs["body_sealed"] or ""
        reply.save(update_fields=["subject_line_note", "body_note"])


class Migration(migrations.Migration):
    dependencies = [
        ("collect", "0004_inquiryreply_note_refs"),
        ("vault", "0004_note"),
        ("audit", "0003_subjects_index"),
    ]

    operations = [
        migrations.RunPython(adopt, migrations.RunPython.noop),
    ]
