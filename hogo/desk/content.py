"""A case's personal content, sealed in the vault as notes under a key of the case's own.

The requester's address, what they asked, the desk's notes and replies, the refusal
explanation and each mail to the requester are vault notes owned by the case ref (a detached
owner: the case outlives an erasure it carries out, and the desk's retention, not the
subject's, decides how long it is kept). The desk keeps only the note refs and a blind index of
the address (`Case.contact_digest`), which is enough to find a requester's cases and to count
codes per address. Every reading names its actor and is audited by the vault with the purpose
`request-handling`, one event per reading; disposing of the content destroys the case's key.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from hogo.desk.kinds import Details, details_json, details_read
from hogo.desk.models import Case
from hogo.errors import Conflict
from hogo.vault.access import notes_open
from hogo.vault.notes import (
    REQUEST_PURPOSE,
    email_digest,
    note_owner_create,
    note_owners_dispose,
    note_seal,
    notes_seal,
)
from hogo.vault.records import NoteIn, NotesResult

CONTACT = "contact-email"
DETAILS = "details"
REFUSAL = "refusal-explanation"
NOTE = "note"
REPLY = "reply"
MAIL = "mail"


@dataclass(frozen=True)
class CaseText:
    """What a reading opened. `disposed` when the case's content is gone (expired or past
    retention): then every text is empty."""

    email: str = ""
    details: dict[str, object] = field(default_factory=dict)
    refusal_explanation: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # note ref -> text (notes, mails)
    disposed: bool = False


def content_seal(case: Case, *, actor: str, email: str, details: Details) -> None:
    """Makes the case's key and seals the address and the details (before the case is saved;
    the caller saves it). The details are sealed even when empty: a case keeps its key for as
    long as it has a note."""
    note_owner_create(owner=case.ref)
    texts = [NoteIn(DETAILS, json.dumps(details_json(details), ensure_ascii=False))]
    if email:
        texts.append(NoteIn(CONTACT, email))
    refs = notes_seal(actor=actor, owner=case.ref, notes=texts, via="desk")
    case.details_note = refs[0]
    if email:
        case.contact_note = refs[1]
        case.contact_digest = email_digest(email=email)


def text_seal(case: Case, *, actor: str, kind: str, text: str) -> str:
    """One more text of the case (a note, a reply, a refusal explanation); its note ref."""
    return note_seal(actor=actor, owner=case.ref, kind=kind, text=text, via="desk")


def mail_seal(case: Case, *, actor: str, subject: str, body: str) -> str:
    content = json.dumps({"subject": subject, "body": body}, ensure_ascii=False)
    return note_seal(actor=actor, owner=case.ref, kind=MAIL, text=content, via="desk")


def mail_content(text: str) -> tuple[str, str]:
    """A sealed mail's subject and body."""
    content = json.loads(text)
    return str(content["subject"]), str(content["body"])


def case_text(
    case: Case,
    *,
    actor: str,
    via: str,
    email: bool = False,
    details: bool = False,
    refusal: bool = False,
    refs: Sequence[str] = (),
) -> CaseText:
    """Opens the parts of the case's content asked for, in one audited reading."""
    wanted = [
        *([case.contact_note] if email and case.contact_note else []),
        *([case.details_note] if details and case.details_note else []),
        *([case.refusal_note] if refusal and case.refusal_note else []),
        *(r for r in refs if r),
    ]
    if not wanted:
        # Every case keeps its details note while its content lives (content_seal).
        return CaseText(disposed=not case.details_note)
    opened: NotesResult = notes_open(
        actor=actor, purpose=REQUEST_PURPOSE, owner=case.ref, refs=wanted, via=via
    )
    if opened.refused is not None:
        return CaseText(disposed=True)
    raw = opened.text(case.details_note) if details else None
    return CaseText(
        email=(opened.text(case.contact_note) or "") if email else "",
        details=json.loads(raw) if raw else {},
        refusal_explanation=(opened.text(case.refusal_note) or "") if refusal else "",
        texts={ref: text for ref, text in opened.texts().items() if ref in refs},
    )


def case_details(case: Case, *, actor: str, via: str) -> Details:
    """What the person asked, typed; a Conflict once the case's content was disposed of."""
    text = case_text(case, actor=actor, via=via, details=True)
    if text.disposed or not case.details_note:
        raise Conflict(f"case {case.ref}: its content was disposed of", code="disposed")
    return details_read(case.kind, text.details)


def case_email(case: Case, *, actor: str, via: str) -> str:
    """The requester's address; empty when they asked to be answered by post."""
    return case_text(case, actor=actor, via=via, email=True).email


def contents_dispose(*, actor: str, case_refs: Sequence[str], reason: str) -> int:
    """Destroys these cases' keys and deletes their notes (crypto-shredding)."""
    return note_owners_dispose(actor=actor, owners=list(case_refs), reason=reason)


def requester_digest(email: str) -> str:
    return email_digest(email=email)
