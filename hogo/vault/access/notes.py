"""Opening notes (hogo/vault/notes.py seals them) for a stated purpose, and opening texts that
other apps sealed before notes existed, for their adoption (hogo/vault/adoption.py)."""

from collections.abc import Sequence

from hogo.audit.services import audit_record
from hogo.errors import InvalidInput
from hogo.rows import rows_read
from hogo.vault.access.eligibility import notes_refusal, purpose_checked
from hogo.vault.atomic import joined
from hogo.vault.crypto import FieldCipher, associated_data, field_open
from hogo.vault.keys import data_keys_load
from hogo.vault.models import Note, Subject, SubjectStatus, note_aad
from hogo.vault.notes import KIND_RE, detached_purpose, is_subject, refs_checked
from hogo.vault.records import NotesResult, NoteView, RefusalReason


@joined()  # reads until its audit event, the one write: no savepoint (atomic.py)
def notes_open(
    *,
    actor: str,
    purpose: str,
    owner: str,
    refs: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    via: str = "service",
) -> NotesResult:
    """An owner's notes (all, or those named by ref and/or kind), oldest first.

    A subject's notes open for a purpose of the active policy that the subject's own records
    allow (as `subjects_access`: acquired for it, within its retention, not suspended, not
    erased); a detached owner's only for its one purpose (`request-handling`, or
    `incident-handling` for an incident's evidence `evd_...`), while its key exists. Otherwise
    nothing is opened and `refused` says why. One audit event per call."""
    subject = is_subject(owner)
    if subject:
        purpose_checked(purpose)
    elif purpose != detached_purpose(owner):
        raise InvalidInput(
            f"purpose: the notes of {owner} open only for {detached_purpose(owner)}",
            code="unknown_purpose",
        )
    where: dict[str, object] = {"owner": owner}
    if refs is not None:
        where["id"] = refs_checked(refs)
    if kinds is not None:
        if isinstance(kinds, str) or not all(KIND_RE.fullmatch(k) for k in kinds):
            raise InvalidInput("kinds: give a list of note kinds")
        where["kind"] = list(kinds)
    refused = notes_refusal(owner, purpose) if subject else None
    cipher = data_keys_load([owner]).get(owner) if refused is None else None
    if refused is None and cipher is None:
        refused = RefusalReason.ERASED if subject else RefusalReason.DISPOSED
    notes: list[NoteView] = []
    if cipher is not None:
        for note in rows_read(Note, where=where, order_by=("created_at", "id")):
            text = field_open(cipher, note.sealed, aad=note_aad(note.pk, owner, note.kind))
            notes.append(NoteView(note.pk.hex, note.kind, text, note.created_at))
    audit_record(
        actor=actor,
        action="vault.notes.open",
        purpose=purpose,
        subjects=[owner] if subject else [],
        detail={
            **({} if subject else {"owner": owner}),
            "via": via,
            "notes": len(notes),
            "refused": refused.value if refused else None,
        },
    )
    return NotesResult(owner, notes, refused)


def adopted_text_open(
    *, owner: str, sealed: bytes | memoryview, table: str, column: str, row: str
) -> tuple[FieldCipher, str] | None:
    """Opens a text that another app sealed with a subject's data key before notes existed
    (associated data `table | column | row | subject`), for `hogo.vault.adoption.note_adopt`
    to seal again as a note, and returns it with the subject's key. None when the subject is
    not active or its key is gone (erased): there is nothing left to move. Opens only: the
    write, and its audit event, are the adoption's."""
    status = Subject.objects.filter(ref=owner).values_list("status", flat=True).first()
    cipher = data_keys_load([owner]).get(owner)
    if status != SubjectStatus.ACTIVE or cipher is None:
        return None
    aad = associated_data(table=table, column=column, row=row, subject=owner)
    return cipher, field_open(cipher, sealed, aad=aad)
