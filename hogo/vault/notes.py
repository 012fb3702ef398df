"""Sealed case texts ("notes"): what a person wrote in a request or an inquiry, and what the
organization wrote back, kept by other apps only as note refs.

Each note is sealed with its owner's data key. The owner is either
- a subject (`sub_...`): its own data key, so erasing or disposing of the subject shreds its
  notes with everything else; or
- a detached owner (`req_...`, a desk case whose requester the vault may not know): a data
  key of its own in the key store, made by `note_owner_create` and destroyed by
  `note_owners_dispose` when the case's content is disposed of.

Sealing and disposal are here; opening is `access.notes_open`, the vault's one decrypting path.
Every call records one audit event. `email_digest` is the blind index other apps keep instead
of an address, to find and rate-limit a requester without storing the address in the clear.
"""

import re
import uuid
from collections.abc import Sequence
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.rows import instances_insert
from hogo.vault.atomic import joined
from hogo.vault.crypto import FieldCipher
from hogo.vault.keys import blind_indexer, data_keys_create, data_keys_destroy, data_keys_load
from hogo.vault.models import Note, Subject, SubjectStatus, note_aad
from hogo.vault.normalize import email_normalize
from hogo.vault.records import NoteIn

# The purpose of reading a detached owner's notes: handling the person's request under APPI
# Arts. 32-40. Not a purpose of use in the policy (like `disclosure-request`): it is the
# organization's duty towards the requester, and the only purpose a detached note opens for.
REQUEST_PURPOSE = "request-handling"
# The purpose of reading an incident's sealed evidence (full IP addresses, raw data: policy 6.4,
# "only when needed to investigate a security incident"): investigating the incident. Evidence
# owners (`evd_...`, the safety app's) open for it and for nothing else; no other owner opens
# for it.
INCIDENT_PURPOSE = "incident-handling"
EVIDENCE_PREFIX = "evd_"
SUBJECT_PREFIX = "sub_"
DETACHED_RE = re.compile(r"[a-z]{2,8}_[a-z2-7]{16}")
KIND_RE = re.compile(r"[a-z][a-z0-9-]{0,31}")
REF_RE = re.compile(r"[0-9a-f]{32}")
MAX_NOTES = 1000  # per call
MAX_TEXT = 200_000  # characters per note
MAX_OWNERS = 1000  # per disposal call
EMAIL_INDEX = "note-email"  # its own HMAC key: digests do not match the vault's e-mail index


def is_subject(owner: str) -> bool:
    return owner.startswith(SUBJECT_PREFIX)


def detached_purpose(owner: str) -> str:
    """The one purpose a detached owner's notes open for."""
    return INCIDENT_PURPOSE if owner.startswith(EVIDENCE_PREFIX) else REQUEST_PURPOSE


def note_owner_create(*, owner: str) -> None:
    """A detached owner's data key, committed to the key store at once (before the caller's
    transaction, like a new subject's key: a failure after it leaves an unused key, which the
    retention sweep destroys once an hour has passed without a note)."""
    _detached_checked(owner)
    try:
        data_keys_create([owner])
    except IntegrityError:
        raise Conflict(f"note owner {owner} exists already", code="exists") from None


@joined()  # every check before the first write (the audit event, then the notes): atomic.py
def notes_seal(
    *, actor: str, owner: str, notes: Sequence[NoteIn], via: str = "service"
) -> list[str]:
    """Seals texts under the owner's key; returns their refs (32 hex digits), in order.

    A subject must be active; a detached owner must have its key (made by `note_owner_create`,
    not yet disposed of): a disposed owner is never silently given a new key."""
    if isinstance(notes, NoteIn | str) or not 1 <= len(notes) <= MAX_NOTES:
        raise InvalidInput(f"notes: give a list of 1 to {MAX_NOTES} notes")
    for note in notes:
        if not KIND_RE.fullmatch(note.kind):
            raise InvalidInput("kind: lower-case letters, digits and hyphens, at most 32")
        if len(note.text) > MAX_TEXT:
            raise InvalidInput(f"text: at most {MAX_TEXT} characters")
    subject = _owner_locked(owner)
    cipher = note_cipher(owner)
    now = timezone.now()
    rows = [note_new(cipher, owner, note, now) for note in notes]
    audit_record(
        actor=actor,
        action="vault.notes.seal",
        subjects=[owner] if subject else [],
        detail={
            **({} if subject else {"owner": owner}),
            "via": via,
            "notes": len(rows),
            "kinds": sorted({n.kind for n in notes}),
        },
    )
    instances_insert(rows)
    return [row.id.hex for row in rows]


def note_seal(
    *,
    actor: str,
    owner: str,
    kind: str,
    text: str,
    retain_until: datetime | None = None,
    via: str = "service",
) -> str:
    """One text sealed under the owner's key (`notes_seal` for several at once)."""
    [ref] = notes_seal(actor=actor, owner=owner, notes=[NoteIn(kind, text, retain_until)], via=via)
    return ref


@transaction.atomic
def notes_forget(*, actor: str, owner: str, refs: Sequence[str], via: str = "service") -> int:
    """Deletes notes no longer needed (a verification code once its mail was delivered)."""
    wanted = refs_checked(refs)
    deleted = Note.objects.filter(owner=owner, id__in=wanted).delete()[0]
    audit_record(
        actor=actor,
        action="vault.notes.forget",
        subjects=[owner] if is_subject(owner) else [],
        detail={**({} if is_subject(owner) else {"owner": owner}), "via": via, "notes": deleted},
    )
    return deleted


def note_owners_dispose(*, actor: str, owners: Sequence[str], reason: str) -> int:
    """Crypto-shredding for detached owners: destroys their keys (committed first, so a
    failure later leaves only unreadable notes, and running it again finishes the job), then
    deletes their notes. Returns the number of notes deleted. Subjects go through erasure."""
    if isinstance(owners, str) or len(owners) > MAX_OWNERS:
        raise InvalidInput(f"owners: give a list of at most {MAX_OWNERS} owners")
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,31}", reason):
        raise InvalidInput("reason: a short lower-case word such as retention_expired")
    for owner in owners:
        _detached_checked(owner)
    if not owners:
        return 0
    keys = data_keys_destroy(list(owners))
    with transaction.atomic():
        deleted = Note.objects.filter(owner__in=list(owners)).delete()[0]
        audit_record(
            actor=actor,
            action="vault.notes.dispose",
            detail={
                "owners": len(owners),
                "notes": deleted,
                "keys_destroyed": keys,
                "reason": reason,
            },
        )
    return deleted


def email_digest(*, email: str) -> str:
    """The blind index of an e-mail address (normalized as the vault's identifiers are): equal
    addresses give equal digests, and nothing else can be read from one."""
    try:
        normal = email_normalize(email)
    except ValueError as exc:
        raise InvalidInput(f"email: {exc}") from None
    return blind_indexer(EMAIL_INDEX).digest(normal)


def note_cipher(owner: str) -> FieldCipher:
    cipher = data_keys_load([owner]).get(owner)
    if cipher is None:
        raise Conflict(f"the key of {owner} was destroyed: its notes are gone", code="gone")
    return cipher


def note_new(cipher: FieldCipher, owner: str, note: NoteIn, now: datetime) -> Note:
    pk = uuid.uuid4()
    return Note(
        id=pk,
        owner=owner,
        kind=note.kind,
        sealed=cipher.seal(note.text, aad=note_aad(pk, owner, note.kind)),
        created_at=now,
        retain_until=note.retain_until,
    )


def refs_checked(refs: Sequence[str]) -> list[str]:
    if isinstance(refs, str) or len(refs) > MAX_NOTES:
        raise InvalidInput(f"refs: give a list of at most {MAX_NOTES} note refs")
    if not all(isinstance(r, str) and REF_RE.fullmatch(r) for r in refs):
        raise InvalidInput("refs: each a note ref of 32 hex digits")
    return list(dict.fromkeys(refs))


def _owner_locked(owner: str) -> Subject | None:
    """The subject, locked so that no note arrives while it is being erased; None for a
    detached owner."""
    if not is_subject(owner):
        _detached_checked(owner)
        return None
    subject = Subject.objects.select_for_update().filter(ref=owner).first()
    if subject is None:
        raise NotFound(f"subject {owner} does not exist")
    if subject.status != SubjectStatus.ACTIVE:
        raise Conflict(f"subject {owner} is {subject.status}", code="gone")
    return subject


def _detached_checked(owner: str) -> None:
    if is_subject(owner) or not DETACHED_RE.fullmatch(owner):
        raise InvalidInput(
            "owner: a subject id, or a detached owner such as a request id (req_ + 16 "
            "base32 characters)"
        )
