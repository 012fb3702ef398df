"""Adopting texts that other apps sealed with a subject's data key before notes existed: each
becomes a note of the subject. For data migrations; the vault's own values are not notes.

The text is opened by the access package (the only place that decrypts) and sealed again here,
so the access package stays read-only.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import InvalidInput
from hogo.vault.access.notes import adopted_text_open
from hogo.vault.notes import KIND_RE, is_subject, note_new
from hogo.vault.records import NoteIn


@transaction.atomic
def note_adopt(
    *,
    actor: str,
    owner: str,
    kind: str,
    sealed: bytes | memoryview,
    table: str,
    column: str,
    row: str,
    retain_until: datetime | None = None,
) -> str | None:
    """Moves a text another app sealed (associated data `table | column | row | subject`) into
    a note of that subject; the plaintext never leaves the vault. None when the subject's key
    is gone (erased): there is nothing left to move."""
    if not is_subject(owner):
        raise InvalidInput("owner: only a subject's own texts can be adopted")
    if table.startswith("vault_") or not KIND_RE.fullmatch(kind):
        raise InvalidInput("table, kind: a text of another app, with a note kind")
    opened = adopted_text_open(owner=owner, sealed=sealed, table=table, column=column, row=row)
    if opened is None:
        return None
    cipher, text = opened
    note = note_new(cipher, owner, NoteIn(kind, text, retain_until), timezone.now())
    note.save(force_insert=True)
    audit_record(
        actor=actor,
        action="vault.notes.adopt",
        subjects=[owner],
        detail={"notes": 1, "kind": kind, "from": table},
    )
    return note.id.hex
