"""Everything held about one person, for that person (APPI Art. 33); and the person's
identifiers, to find them in the organization's other systems for their request."""

from collections.abc import Sequence

from hogo.audit.services import audit_record
from hogo.errors import InvalidInput, NotFound
from hogo.policy.selectors import policy_active
from hogo.rows import row_read, rows_read, rows_values
from hogo.vault.atomic import joined
from hogo.vault.crypto import FieldCipher, field_open
from hogo.vault.keys import data_keys_load
from hogo.vault.models import (
    Acquisition,
    Item,
    Note,
    Subject,
    SubjectStatus,
    Suspension,
    item_aad,
    note_aad,
)
from hogo.vault.records import (
    DisclosedAcquisition,
    DisclosedItem,
    Disclosure,
    NoteView,
)
from hogo.vault.selectors import disposals_of

DISCLOSURE_PURPOSE = "disclosure-request"


@joined()  # reads until its audit event, the one write: no savepoint (atomic.py)
def subject_disclose(*, actor: str, subject_id: str, request_ref: str) -> Disclosure:
    """Everything held about one subject, for the person themself (APPI Art. 33).

    Not purpose-bound: it is the person's own data, whatever its purposes, suspensions or
    special-care status, with the acquisitions it came from and what was disposed of. The desk
    calls it only after verifying the person's identity; `request_ref` names its case.
    """
    if not request_ref or len(request_ref) > 64:
        raise InvalidInput("request_ref: the desk case id is required")
    # Plain statements (hogo/rows.py): the ORM's compilation was most of this read's CPU.
    subject = row_read(Subject, where={"ref": subject_id})
    if subject is None:
        raise NotFound(f"subject {subject_id} does not exist")
    items: list[DisclosedItem] = []
    notes: list[NoteView] = []
    acquisitions = _acquisitions_of(subject.pk)
    # A closed subject, or one whose key an unfinished erasure destroyed, holds nothing.
    cipher = data_keys_load([subject.ref]).get(subject.ref)
    if subject.status == SubjectStatus.ACTIVE and cipher is not None:
        items = _items_opened(subject, cipher, acquisitions)
        notes = _notes_opened(subject, cipher)
    suspended = [
        purpose
        for (purpose,) in rows_values(
            Suspension, ["purpose"], where={"subject_id": subject.pk}, null=("lifted_at",)
        )
    ]
    disposals = disposals_of(subject_pk=subject.pk)
    audit_record(
        actor=actor,
        action="vault.disclose",
        purpose=DISCLOSURE_PURPOSE,
        subjects=[subject.ref],
        detail={
            "request_ref": request_ref,
            "items": len(items),
            "notes": len(notes),
            "disposals": len(disposals),
        },
    )
    return Disclosure(
        subject_id=subject.ref,
        subject_pk=subject.pk,
        acquisition_pks=list(acquisitions),
        status=subject.status,
        items=items,
        suspended_purposes=sorted(p for p in suspended if p is not None),
        suspended_all=None in suspended,
        disposals=disposals,
        notes=notes,
        acquisitions=list(acquisitions.values()),
    )


def _acquisitions_of(subject_pk: int) -> dict[int, DisclosedAcquisition]:
    """The subject's acquisitions by primary key, oldest first."""
    return {
        pk: DisclosedAcquisition(
            channel=channel,
            acquired_at=acquired_at,
            source=source,
            policy_version=policy_version,
            purposes=list(purposes),
        )
        for pk, channel, acquired_at, source, policy_version, purposes in rows_values(
            Acquisition,
            ["id", "channel", "acquired_at", "source", "policy_version", "purposes"],
            where={"subject_id": subject_pk},
            order_by=("acquired_at", "id"),
        )
    }


def _items_opened(
    subject: Subject, cipher: FieldCipher, acquisitions: dict[int, DisclosedAcquisition]
) -> list[DisclosedItem]:
    """Every item of the subject, opened, with the acquisition it came from (of
    `acquisitions`, read once, rather than joined into every item's row), by their
    acquisition's time, then field: the database orders by field (its collation), a stable
    sort by the acquisition's time keeps that order among equals."""
    rows = rows_values(
        Item,
        ["id", "field", "category", "sealed", "special_care", "acquisition_id", "retain_until"],
        where={"subject_id": subject.pk},
        order_by=("field", "id"),
    )
    rows.sort(key=lambda row: acquisitions[row[5]].acquired_at)
    return [
        DisclosedItem(
            field=field,
            category=category,
            value=field_open(cipher, sealed, aad=item_aad(pk, subject.ref)),
            special_care=special_care,
            acquisition=acquisitions[acquisition_pk],
            retain_until=retain_until,
        )
        for pk, field, category, sealed, special_care, acquisition_pk, retain_until in rows
    ]


def _notes_opened(subject: Subject, cipher: FieldCipher) -> list[NoteView]:
    """The subject's notes (the desk's case texts), opened, oldest first."""
    notes: list[NoteView] = []
    for note in rows_read(Note, where={"owner": subject.ref}, order_by=("created_at", "id")):
        text = field_open(cipher, note.sealed, aad=note_aad(note.pk, subject.ref, note.kind))
        notes.append(NoteView(note.pk.hex, note.kind, text, note.created_at))
    return notes


@joined()  # reads until its audit event, the one write: no savepoint (atomic.py)
def subject_identifiers_open(
    *, actor: str, subject_id: str, request_ref: str, kinds: Sequence[str]
) -> dict[str, list[str]]:
    """The subject's identifiers of these kinds (`phone`, `member_number`: the values of the
    categories the active policy names for them), for a request the desk verified, so that the
    person is found in the organization's other systems too. Like a disclosure it is the
    person's own request, not a purpose of use; one audit event names the kinds and counts."""
    if not request_ref or len(request_ref) > 64:
        raise InvalidInput("request_ref: the desk case id is required")
    holding = {c: k for k, c in policy_active().identifier_categories().items() if k in kinds}
    subject = Subject.objects.filter(ref=subject_id).first()
    cipher = data_keys_load([subject_id]).get(subject_id) if subject else None
    found: dict[str, list[str]] = {}
    if subject is None or subject.status != SubjectStatus.ACTIVE or cipher is None:
        return found
    for item in Item.objects.filter(subject=subject, category__in=list(holding)).order_by("pk"):
        value = field_open(cipher, item.sealed, aad=item_aad(item.pk, subject.ref))
        values = found.setdefault(holding[item.category], [])
        if value not in values:
            values.append(value)
    audit_record(
        actor=actor,
        action="vault.identifiers.open",
        purpose=DISCLOSURE_PURPOSE,
        subjects=[subject.ref],
        detail={"request_ref": request_ref, "values": {k: len(v) for k, v in found.items()}},
    )
    return found
