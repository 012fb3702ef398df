"""Purpose-bound access: the only module that opens sealed personal values (and notes).

A caller states who it is and for what purpose. A subject's values are returned only from
acquisitions that allow that purpose, only while that purpose's retention runs, only when use
for it is not suspended, only in the categories the purpose allows (under the policy version of
the acquisition and the active one), and special-care values only with a live consent. Every
other subject is refused with a reason. Each call records one audit event.

A subject's notes (notes.py) open under the same conditions for the purpose stated; a detached
owner's notes (a desk case) open only for the internal purpose `request-handling`.
"""

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from django.db import connections, router, transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import InvalidInput, NotFound
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active, policy_at
from hogo.vault.bulk import in_values
from hogo.vault.crypto import FieldCipher, associated_data, field_open
from hogo.vault.keys import blind_indexer, data_keys_load
from hogo.vault.models import (
    KIND_OF_CATEGORY,
    Acquisition,
    AcquisitionPurpose,
    BlindIndex,
    IdentifierKind,
    Item,
    Note,
    Subject,
    SubjectStatus,
    Suspension,
    item_aad,
    note_aad,
)
from hogo.vault.normalize import email_normalize, phone_normalize
from hogo.vault.notes import (
    KIND_RE,
    REQUEST_PURPOSE,
    is_subject,
    note_new,
    refs_checked,
)
from hogo.vault.records import (
    AccessResult,
    DisclosedAcquisition,
    DisclosedItem,
    Disclosure,
    NoteIn,
    NotesResult,
    NoteView,
    Refusal,
    RefusalReason,
    SubjectView,
)
from hogo.vault.selectors import disposals_for, subjects_suspended

MAX_SUBJECTS = 10_000  # per call: one audit event names every subject returned
DISCLOSURE_PURPOSE = "disclosure-request"
CHUNK = 2000

_CLOSED = {
    SubjectStatus.ERASED: RefusalReason.ERASED,
    SubjectStatus.DISPOSED: RefusalReason.DISPOSED,
}


class _Subject(NamedTuple):
    """What `_views` needs of a subject (a tuple: model instances cost more than the rest)."""

    pk: int
    ref: str
    status: str


class _Sealed(NamedTuple):
    pk: uuid.UUID | str  # SQLite gives 32 hex digits, PostgreSQL a UUID: item_aad takes both
    field: str
    category: str
    sealed: bytes
    identifier_kind: str | None
    withheld: bool  # special-care without a live consent


_SUBJECT_COLUMNS = ("pk", "ref", "status")


@transaction.atomic
def subjects_access(
    *,
    actor: str,
    purpose: str,
    subject_ids: Sequence[str] | None = None,
    email: str | None = None,
    phone: str | None = None,
    via: str = "service",
    categories: Collection[str] | None = None,
) -> AccessResult:
    """The values `purpose` may use, for the subjects named by id, or found by e-mail or phone.

    Give exactly one of `subject_ids`, `email`, `phone`. An unknown purpose is invalid input; an
    unknown id, or a lookup that finds nobody, is refused as `not_found`. `categories` narrows
    the values to those data categories (a provision of chosen items opens nothing else).
    """
    policy = _purpose_checked(purpose)
    if categories is not None and (isinstance(categories, str) or not categories):
        raise InvalidInput("categories: give a list of category ids, or none for all")
    lookups = [x for x in (subject_ids, email, phone) if x is not None]
    if len(lookups) != 1:
        raise InvalidInput("give exactly one of subject_ids, email, phone")
    refused: list[Refusal] = []
    if subject_ids is not None:
        if isinstance(subject_ids, str) or len(subject_ids) > MAX_SUBJECTS:
            raise InvalidInput(f"subject_ids: give a list of at most {MAX_SUBJECTS} ids")
        wanted = list(dict.fromkeys(subject_ids))
        subjects = _subjects_by_ref(wanted)
        found = {s.ref for s in subjects}
        refused += [Refusal(ref, RefusalReason.NOT_FOUND) for ref in wanted if ref not in found]
        lookup = "ids"
    else:
        kind, raw = (IdentifierKind.EMAIL, email) if email is not None else ("phone", phone)
        subjects = _subjects_by_identifier(kind, raw or "")
        if not subjects:
            refused.append(Refusal(None, RefusalReason.NOT_FOUND))
        lookup = kind
    chosen = None if categories is None else frozenset(categories)
    result = _views(subjects, purpose, policy, chosen)
    result.refused[:0] = refused
    _access_audit(actor, purpose, result, via=via, lookup=lookup)
    return result


def subjects_export(
    *, actor: str, purpose: str, batch_size: int = 1000, via: str = "export"
) -> Iterator[AccessResult]:
    """Every subject with an acquisition for `purpose`, page by page (one audit event each)."""
    _purpose_checked(purpose)
    if not 1 <= batch_size <= MAX_SUBJECTS:
        raise InvalidInput(f"batch_size: between 1 and {MAX_SUBJECTS}")
    last = 0
    while True:
        # The page's subjects in one statement (a subquery, not 1,000 bound pks).
        page = (
            AcquisitionPurpose.objects.filter(purpose=purpose, subject_id__gt=last)
            .order_by("subject_id")
            .values("subject_id")
            .distinct()[:batch_size]
        )
        with transaction.atomic():
            policy = policy_active()
            subjects = [
                _Subject(*row)
                for row in Subject.objects.filter(pk__in=page)
                .order_by("pk")
                .values_list(*_SUBJECT_COLUMNS)
            ]
            if not subjects:
                return
            last = subjects[-1].pk
            result = _views(subjects, purpose, policy, None)
            _access_audit(actor, purpose, result, via=via, lookup="purpose")
        yield result


@transaction.atomic
def subject_disclose(*, actor: str, subject_id: str, request_ref: str) -> Disclosure:
    """Everything held about one subject, for the person themself (APPI Art. 33).

    Not purpose-bound: it is the person's own data, whatever its purposes, suspensions or
    special-care status, with the acquisitions it came from and what was disposed of. The desk
    calls it only after verifying the person's identity; `request_ref` names its case.
    """
    if not request_ref or len(request_ref) > 64:
        raise InvalidInput("request_ref: the desk case id is required")
    subject = Subject.objects.filter(ref=subject_id).first()
    if subject is None:
        raise NotFound(f"subject {subject_id} does not exist")
    items: list[DisclosedItem] = []
    notes: list[NoteView] = []
    # A closed subject, or one whose key an unfinished erasure destroyed, holds nothing.
    cipher = data_keys_load([subject.ref]).get(subject.ref)
    if subject.status == SubjectStatus.ACTIVE and cipher is not None:
        rows = (
            Item.objects.filter(subject=subject)
            .select_related("acquisition")
            .order_by("acquisition__acquired_at", "field")
        )
        for item in rows:
            acquisition = item.acquisition
            items.append(
                DisclosedItem(
                    field=item.field,
                    category=item.category,
                    value=field_open(cipher, item.sealed, aad=item_aad(item.pk, subject.ref)),
                    special_care=item.special_care,
                    acquisition=DisclosedAcquisition(
                        channel=acquisition.channel,
                        acquired_at=acquisition.acquired_at,
                        source=acquisition.source,
                        policy_version=acquisition.policy_version,
                        purposes=list(acquisition.purposes),
                    ),
                    retain_until=item.retain_until,
                )
            )
        for note in Note.objects.filter(owner=subject.ref).order_by("created_at", "pk"):
            text = field_open(cipher, note.sealed, aad=note_aad(note.pk, subject.ref, note.kind))
            notes.append(NoteView(note.pk.hex, note.kind, text, note.created_at))
    suspended = list(
        Suspension.objects.filter(subject=subject, lifted_at__isnull=True).values_list(
            "purpose", flat=True
        )
    )
    disposals = disposals_for(subject_id=subject.ref)
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
        status=subject.status,
        items=items,
        suspended_purposes=sorted(p for p in suspended if p is not None),
        suspended_all=None in suspended,
        disposals=disposals,
        notes=notes,
    )


@transaction.atomic
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
    erased); a detached owner's only for `request-handling`, while its key exists. Otherwise
    nothing is opened and `refused` says why. One audit event per call."""
    subject = is_subject(owner)
    if subject:
        _purpose_checked(purpose)
    elif purpose != REQUEST_PURPOSE:
        raise InvalidInput(
            f"purpose: the notes of {owner} open only for {REQUEST_PURPOSE}",
            code="unknown_purpose",
        )
    rows = Note.objects.filter(owner=owner)
    if refs is not None:
        rows = rows.filter(id__in=refs_checked(refs))
    if kinds is not None:
        if isinstance(kinds, str) or not all(KIND_RE.fullmatch(k) for k in kinds):
            raise InvalidInput("kinds: give a list of note kinds")
        rows = rows.filter(kind__in=list(kinds))
    refused = _notes_refusal(owner, purpose) if subject else None
    cipher = data_keys_load([owner]).get(owner) if refused is None else None
    if refused is None and cipher is None:
        refused = RefusalReason.ERASED if subject else RefusalReason.DISPOSED
    notes: list[NoteView] = []
    if cipher is not None:
        for note in rows.order_by("created_at", "pk"):
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
    """Moves a text that another app sealed with a subject's data key before notes existed
    (associated data `table | column | row | subject`) into a note of that subject; the
    plaintext never leaves this function. None when the subject's key is gone (erased): there
    is nothing left to move. For data migrations; the vault's own values are not notes."""
    if not is_subject(owner):
        raise InvalidInput("owner: only a subject's own texts can be adopted")
    if table.startswith("vault_") or not KIND_RE.fullmatch(kind):
        raise InvalidInput("table, kind: a text of another app, with a note kind")
    status = Subject.objects.filter(ref=owner).values_list("status", flat=True).first()
    cipher = data_keys_load([owner]).get(owner)
    if status != SubjectStatus.ACTIVE or cipher is None:
        return None
    aad = associated_data(table=table, column=column, row=row, subject=owner)
    text = field_open(cipher, sealed, aad=aad)
    note = note_new(cipher, owner, NoteIn(kind, text, retain_until), timezone.now())
    note.save(force_insert=True)
    audit_record(
        actor=actor,
        action="vault.notes.adopt",
        subjects=[owner],
        detail={"notes": 1, "kind": kind, "from": table},
    )
    return note.id.hex


def _notes_refusal(owner: str, purpose: str) -> RefusalReason | None:
    """Why a subject's notes may not be opened for this purpose (as `_views` decides)."""
    subject = Subject.objects.filter(ref=owner).first()
    if subject is None:
        return RefusalReason.NOT_FOUND
    if subject.status in _CLOSED:
        return _CLOSED[SubjectStatus(subject.status)]
    ends = list(
        AcquisitionPurpose.objects.filter(subject=subject, purpose=purpose).values_list(
            "expires_at", flat=True
        )
    )
    if not ends:
        return RefusalReason.PURPOSE_NOT_ALLOWED
    if subjects_suspended(subject_pks=[subject.pk], purpose=purpose):
        return RefusalReason.SUSPENDED
    if all(end <= timezone.now() for end in ends):
        return RefusalReason.RETENTION_EXPIRED
    return None


def subject_masks(*, subject_pks: Sequence[int]) -> dict[int, dict[str, str]]:
    """Masked identifiers (`t***@e***.jp`) for staff lists: enough to tell people apart, not
    to contact or identify them. Not a use of the data, so neither purpose-bound nor audited."""
    rows = (
        Item.objects.filter(subject_id__in=subject_pks)
        .exclude(digest="")
        .order_by("acquisition__acquired_at", "pk")
        .values_list("pk", "subject_id", "subject__ref", "category", "sealed")
    )
    latest: dict[int, dict[str, tuple[str, str, bytes]]] = defaultdict(dict)
    for item_pk, subject_pk, ref, category, blob in rows:
        latest[subject_pk][KIND_OF_CATEGORY[category]] = (item_pk.hex, ref, bytes(blob))
    refs = {ref for kinds in latest.values() for _, ref, _ in kinds.values()}
    ciphers = data_keys_load(refs)
    masks: dict[int, dict[str, str]] = {}
    for subject_pk, kinds in latest.items():
        masks[subject_pk] = {}
        for kind, (row, ref, sealed) in kinds.items():
            cipher = ciphers.get(ref)
            if cipher is not None:
                masks[subject_pk][kind] = mask(
                    kind, field_open(cipher, sealed, aad=item_aad(row, ref))
                )
    return masks


def mask(kind: str, value: str) -> str:
    if kind == IdentifierKind.EMAIL and "@" in value:
        local, _, domain = value.rpartition("@")
        first, dot, rest = domain.partition(".")
        return f"{local[:1]}***@{first[:1]}***{dot}{rest}"
    if kind == IdentifierKind.PHONE:
        return "***" + value[-4:] if len(value) > 6 else "***"
    if kind == IdentifierKind.MEMBER_NUMBER:
        return "***" + value[-2:] if len(value) > 4 else "***"
    return value[:1] + "***"


def _purpose_checked(purpose: str) -> Policy:
    policy = policy_active()
    if purpose not in policy.purposes:
        raise InvalidInput(
            f"purpose: {purpose!r} is not a purpose of the active policy "
            f"(version {policy.version})",
            code="unknown_purpose",
        )
    return policy


def _subjects_by_ref(refs: list[str]) -> list[_Subject]:
    subjects: list[_Subject] = []
    for start in range(0, len(refs), CHUNK):
        rows = Subject.objects.filter(ref__in=refs[start : start + CHUNK])
        subjects += (_Subject(*row) for row in rows.values_list(*_SUBJECT_COLUMNS))
    order = {ref: n for n, ref in enumerate(refs)}
    return sorted(subjects, key=lambda s: order[s.ref])


def _subjects_by_identifier(kind: str, raw: str) -> list[_Subject]:
    try:
        normal = email_normalize(raw) if kind == IdentifierKind.EMAIL else phone_normalize(raw)
    except ValueError as exc:
        raise InvalidInput(f"{kind}: {exc}") from None
    digest = blind_indexer(kind).digest(normal)
    connection = connections[router.db_for_read(Subject)]
    with connection.cursor() as cursor:
        cursor.execute(_lookup_sql(connection.alias, connection.vendor, str(kind)), [digest])
        return [_Subject(*row) for row in cursor.fetchall()]


@lru_cache(maxsize=16)
def _lookup_sql(alias: str, vendor: str, kind: str) -> str:
    """The subjects holding one blind-index digest of `kind`, in plain SQL (the ORM's query
    building cost more than the indexed lookup). The kind is written into the statement, not
    bound: it is one of four constants, and SQLite recompiled a statement with a bound kind on
    every run (the e-mail index is partial on the kind), twice the lookup's own time."""
    if kind not in IdentifierKind.values:
        raise ValueError("unknown identifier kind")
    quote = connections[alias].ops.quote_name
    subject, index = quote(Subject._meta.db_table), quote(BlindIndex._meta.db_table)
    # Table names come from the models, the kind is a checked constant, the digest is bound.
    found = f"SELECT subject_id FROM {index} WHERE kind = '{kind}' AND digest = %s"  # noqa: S608
    if vendor == "postgresql":
        # The index rows first, as an array: PostgreSQL planned a join (or IN) for longer than
        # it took to run it, twice the time of the whole lookup.
        return f"SELECT id, ref, status FROM {subject} WHERE id = ANY(ARRAY({found})) ORDER BY id"  # noqa: S608
    return (
        f"SELECT s.id, s.ref, s.status FROM {index} b JOIN {subject} s ON s.id = b.subject_id "  # noqa: S608
        f"WHERE b.kind = '{kind}' AND b.digest = %s ORDER BY s.id"
    )


def _views(
    subjects: list[_Subject], purpose: str, policy: Policy, wanted: frozenset[str] | None
) -> AccessResult:
    result = AccessResult()
    refused = result.refused
    active: list[_Subject] = []
    for subject in subjects:
        if subject.status == SubjectStatus.ACTIVE:
            active.append(subject)
        elif subject.status in _CLOSED:
            refused.append(Refusal(subject.ref, _CLOSED[SubjectStatus(subject.status)]))
    pks = [s.pk for s in active]
    grants = _grants(pks, purpose)
    suspended = subjects_suspended(subject_pks=pks, purpose=purpose)

    usable: dict[int, frozenset[str]] = {}  # acquisition pk -> categories the purpose may use
    allowed: dict[int, frozenset[str]] = {}  # policy version -> categories
    open_subjects: list[_Subject] = []
    for subject in active:
        held = grants.get(subject.pk)
        if not held:
            refused.append(Refusal(subject.ref, RefusalReason.PURPOSE_NOT_ALLOWED))
        elif subject.pk in suspended:
            refused.append(Refusal(subject.ref, RefusalReason.SUSPENDED))
        elif not any(running for _, running, _ in held):
            refused.append(Refusal(subject.ref, RefusalReason.RETENTION_EXPIRED))
        else:
            open_subjects.append(subject)
            for acquisition_pk, running, version in held:
                if running:
                    if version not in allowed:
                        allowed[version] = _categories(policy, version, purpose)
                    categories = allowed[version]
                    usable[acquisition_pk] = categories if wanted is None else categories & wanted

    by_subject = _sealed_items(usable)
    ciphers = data_keys_load(s.ref for s in open_subjects)
    for subject in open_subjects:
        cipher = ciphers.get(subject.ref)
        if cipher is None:
            # An erasure destroyed the key and has not finished recording it yet.
            refused.append(Refusal(subject.ref, RefusalReason.ERASED))
            continue
        view, withheld = _view(subject, by_subject.get(subject.pk, ()), cipher)
        result.items.append(view)
        if withheld:
            refused.append(Refusal(subject.ref, RefusalReason.SPECIAL_CARE_WITHOUT_CONSENT))
    return result


def _grants(subject_pks: list[int], purpose: str) -> dict[int, list[tuple[int, bool, int]]]:
    """Per subject, its acquisitions for `purpose`: (acquisition pk, retention still running,
    policy version). Plain SQL, the retention compared in the database: the ORM's parsing of
    one datetime per row was most of this query's cost on an export."""
    connection = connections[router.db_for_read(AcquisitionPurpose)]
    quote = connection.ops.quote_name
    grant, acquisition = (
        quote(AcquisitionPurpose._meta.db_table),
        quote(Acquisition._meta.db_table),
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    grants: dict[int, list[tuple[int, bool, int]]] = {}
    for start in range(0, len(subject_pks), CHUNK):
        matching, values = in_values(connection, "g.subject_id", subject_pks[start : start + CHUNK])
        # Table names come from the models and every value is bound: nothing to inject.
        sql = (
            "SELECT g.subject_id, g.acquisition_id, g.expires_at > %s, a.policy_version "  # noqa: S608
            f"FROM {grant} g JOIN {acquisition} a ON a.id = g.acquisition_id "
            f"WHERE g.purpose = %s AND {matching}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [now, purpose, *values])
            for subject_pk, acquisition_pk, running, version in cursor.fetchall():
                grants.setdefault(subject_pk, []).append((acquisition_pk, bool(running), version))
    return grants


def _categories(policy: Policy, version: int, purpose: str) -> frozenset[str]:
    """What the person was told the purpose covers, narrowed by what the policy says today."""
    then = policy if version == policy.version else policy_at(version=version)
    return frozenset(then.purposes[purpose].categories) & frozenset(
        policy.purposes[purpose].categories
    )


def _sealed_items(usable: dict[int, frozenset[str]]) -> dict[int, list[_Sealed]]:
    """Per subject pk, the sealed items of these acquisitions in the categories usable from
    each, oldest acquisition first.

    Plain SQL (standard, on both databases): on an export this query returns most of the rows
    opened, and the ORM's per-row conversions cost more than the decryption itself. An item
    with a blind-index digest is an identifier whose kind follows from its category (ingest and
    correction both index it under that kind), so no join to the index table is needed: that
    join was half of this query's time on PostgreSQL."""
    connection = connections[router.db_for_read(Item)]
    item = connection.ops.quote_name(Item._meta.db_table)
    by_subject: dict[int, list[_Sealed]] = {}
    ordered = sorted(usable)
    for start in range(0, len(ordered), CHUNK):
        matching, values = in_values(connection, "acquisition_id", ordered[start : start + CHUNK])
        # The table name comes from the model and every value is bound: nothing to inject.
        sql = (
            "SELECT id, subject_id, acquisition_id, field, category, sealed, "  # noqa: S608
            "digest <> '', special_care, consent_ref, consent_withdrawn_at "
            f"FROM {item} WHERE {matching} ORDER BY acquisition_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            rows = cursor.fetchall()
        for pk, subject_pk, acq, field, cat, blob, indexed, special, consent, withdrawn in rows:
            if cat not in usable[acq]:
                continue
            kind = KIND_OF_CATEGORY.get(cat) if indexed else None
            withheld = bool(special) and not (consent and withdrawn is None)
            sealed = _Sealed(pk, field, cat, blob, kind, withheld)
            if (held := by_subject.get(subject_pk)) is None:
                by_subject[subject_pk] = [sealed]
            else:
                held.append(sealed)
    return by_subject


def _view(
    subject: _Subject, rows: Sequence[_Sealed], cipher: FieldCipher
) -> tuple[SubjectView, bool]:
    identifiers: dict[str, str] = {}
    data: dict[str, str] = {}
    categories: dict[str, str] = {}
    withheld = False
    ref = subject.ref
    # Rows come oldest acquisition first, so the latest value of a field wins.
    for pk, field, category, sealed, kind, held_back in rows:
        if held_back:
            withheld = True
            continue
        value = field_open(cipher, sealed, aad=item_aad(pk, ref))
        if kind is not None:
            identifiers[kind] = value
            categories[kind] = category
        else:
            data[field] = value
            categories[field] = category
    return SubjectView(ref, identifiers, data, categories), withheld


def _access_audit(actor: str, purpose: str, result: AccessResult, *, via: str, lookup: str) -> None:
    reasons: dict[str, int] = defaultdict(int)
    for refusal in result.refused:
        reasons[refusal.reason.value] += 1
    audit_record(
        actor=actor,
        action="vault.access",
        purpose=purpose,
        subjects=[view.subject_id for view in result.items],
        detail={
            "via": via,
            "lookup": lookup,
            "returned": len(result.items),
            "values": sum(len(v.identifiers) + len(v.data) for v in result.items),
            "refused": dict(sorted(reasons.items())),
        },
    )
