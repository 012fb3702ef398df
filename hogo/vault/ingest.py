"""Stores a checked batch (`intake.Batch`): finds or makes each record's subject, then writes
acquisitions and their grants, blind-index rows and sealed items, and the one audit event, in
the caller's transaction (`services.subject_ingest`, `services.subjects_ingest`).

A batch is kept as columns from the intake to the inserts, with no object per value or per
person: the cycle collector's passes grow with every object a batch keeps alive, and they were a
sixth of a bulk import's CPU time (bench/README.md, h20ingest3).
"""

import os
import time
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from django.db import IntegrityError, connections, router, transaction

from hogo.audit.services import audit_record
from hogo.errors import Conflict
from hogo.vault.bulk import columns_insert, in_values
from hogo.vault.crypto import FieldCipher, fields_seal
from hogo.vault.intake import Batch, Terms
from hogo.vault.keys import data_keys_create, data_keys_destroy, data_keys_load
from hogo.vault.models import (
    ITEM_AAD_PREFIX,
    Acquisition,
    AcquisitionPurpose,
    BlindIndex,
    IdentifierKind,
    Item,
    Subject,
    SubjectStatus,
    subject_refs_new,
)
from hogo.vault.records import IngestResult


@dataclass(slots=True)
class _People:
    """Per record of a batch: its subject's id, the subject's primary key (None until the row
    exists), whether the subject is new here, and the record's acquisition."""

    refs: list[str]
    pks: list[int | None]
    created: list[bool]
    acquisitions: list[int] = field(default_factory=list)


def batch_store(
    actor: str, terms: Terms, batch: Batch, notice_sha256: str, source: str
) -> list[IngestResult]:
    """Stores the batch, one result per record, in a transaction (a savepoint in the caller's).
    A race with another writer adding the same e-mail ends in IntegrityError on the
    e-mail index; the second pass finds the winner's subject and attaches to it."""
    for attempt in range(3):
        new_keys: dict[str, FieldCipher] = {}
        try:
            with transaction.atomic():
                people, new_keys = _subjects_resolve(batch)
                results = _records_write(
                    actor, terms, batch, people, new_keys, notice_sha256, source
                )
        except IntegrityError:
            data_keys_destroy(list(new_keys))
            if attempt == 2:
                raise
            continue
        return results
    raise AssertionError("unreachable")


def _subjects_resolve(batch: Batch) -> tuple[_People, dict[str, FieldCipher]]:
    """Finds each record's subject or plans a new one; returns them and the new subjects' data
    keys."""
    emails, phones = batch.emails, batch.phones
    known_email = {
        d: owners[0] for d, owners in _index_owners("email", {e for e in emails if e}).items()
    }
    known_phone = _index_owners(
        IdentifierKind.PHONE, {p for e, p in zip(emails, phones, strict=True) if p and not e}
    )
    people = _People([""] * len(emails), [None] * len(emails), [False] * len(emails))
    planned: dict[tuple[str, str], int] = {}  # the first record of a person new here
    fresh: list[int] = []
    again: list[tuple[int, int]] = []
    for number, (email, phone) in enumerate(zip(emails, phones, strict=True)):
        known: tuple[int, str] | None = None
        key: tuple[str, str] | None = None
        if email:
            known, key = known_email.get(email), ("email", email)
        elif phone:
            owners = known_phone.get(phone, [])
            # A number shared by several people (a company's switchboard) identifies nobody.
            known = owners[0] if len(owners) == 1 else None
            key = ("phone", phone)
        if known is not None:
            people.pks[number], people.refs[number] = known
        elif key is not None and key in planned:
            again.append((number, planned[key]))  # a second record of a person new in this batch
        else:
            people.created[number] = True
            fresh.append(number)
            if key is not None:
                planned[key] = number
    for number, ref in zip(fresh, subject_refs_new(len(fresh)), strict=True):
        people.refs[number] = ref
    for number, first in again:
        people.refs[number] = people.refs[first]
    new_keys = data_keys_create([people.refs[n] for n in fresh]) if fresh else {}
    return people, new_keys


def _index_owners(kind: str, digests: set[str]) -> dict[str, list[tuple[int, str]]]:
    """The subjects (pk, ref) holding each of these digests, in pk order. Plain SQL: the ORM
    spent more on the 2,000 bound values of a batch than the database on the lookups."""
    connection = connections[router.db_for_read(BlindIndex)]
    quote = connection.ops.quote_name
    index, subject = quote(BlindIndex._meta.db_table), quote(Subject._meta.db_table)
    owners: dict[str, list[tuple[int, str]]] = {}
    wanted = sorted(digests)
    for start in range(0, len(wanted), 2000):
        matching, values = in_values(connection, "b.digest", wanted[start : start + 2000])
        # Table names come from the models and every value is bound: nothing to inject.
        sql = (
            f"SELECT b.digest, b.subject_id, s.ref FROM {index} b "  # noqa: S608
            f"JOIN {subject} s ON s.id = b.subject_id "
            f"WHERE b.kind = %s AND {matching} ORDER BY b.subject_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [str(kind), *values])
            for digest, subject_pk, ref in cursor.fetchall():
                owners.setdefault(digest, []).append((subject_pk, ref))
    return owners


def _records_write(
    actor: str,
    terms: Terms,
    batch: Batch,
    people: _People,
    new_keys: dict[str, FieldCipher],
    notice_sha256: str,
    source: str,
) -> list[IngestResult]:
    known = {pk: ref for pk, ref in zip(people.pks, people.refs, strict=True) if pk is not None}
    new_refs = _subjects_insert(people, terms.acquired_at)
    ciphers = {**new_keys, **_known_subjects_locked(known)}
    _acquisitions_insert(actor, terms, people, notice_sha256, source)
    _indexes_write(batch, people)
    _items_insert(batch, people, ciphers)
    audit_record(
        actor=actor,
        action="vault.ingest",
        subjects=list(people.refs),
        detail={
            "channel": terms.channel.id,
            "source": source,
            "policy_version": terms.version,
            "purposes": list(terms.purposes),
            "acquisitions": len(people.acquisitions),
            "subjects_created": len(new_refs),
            "items": len(batch.records),
        },
    )
    return [
        IngestResult(subject_id=ref, acquisition_id=acquisition, created=created, subject_pk=pk)
        for ref, acquisition, created, pk in zip(
            people.refs, people.acquisitions, people.created, people.pks, strict=True
        )
        if pk is not None
    ]


def _subjects_insert(people: _People, now: datetime) -> list[str]:
    """Inserts the batch's new subjects and gives every record its subject's primary key;
    returns the new subjects' ids."""
    # Sorted: the ids are random, and rows in the order of the unique index on them touch each
    # of its pages once per batch.
    new_refs = sorted(
        {ref for ref, created in zip(people.refs, people.created, strict=True) if created}
    )
    new_pks = columns_insert(
        Subject,
        {
            "ref": new_refs,
            "status": [SubjectStatus.ACTIVE] * len(new_refs),
            "created_at": [now] * len(new_refs),
        },
        returning=True,
    )
    pk_of = dict(zip(new_refs, new_pks, strict=True))
    people.pks = [
        pk_of[ref] if pk is None else pk for ref, pk in zip(people.refs, people.pks, strict=True)
    ]
    return new_refs


def _known_subjects_locked(known: dict[int, str]) -> dict[str, FieldCipher]:
    """Locks the subjects that existed before this batch (primary key to id), so an erasure
    cannot slip between our key load and our insert; returns their data keys."""
    locked = set(
        Subject.objects.select_for_update()
        .filter(pk__in=list(known), status=SubjectStatus.ACTIVE)
        .values_list("pk", flat=True)
    )
    if len(locked) != len(known):
        raise Conflict("a subject was erased while this data was being stored; try again")
    ciphers = data_keys_load(known.values())
    if any(ref not in ciphers for ref in known.values()):
        raise Conflict("a subject's data key is destroyed (erasure in progress); try again")
    return ciphers


def _acquisitions_insert(
    actor: str, terms: Terms, people: _People, notice_sha256: str, source: str
) -> None:
    """One acquisition per record, with a grant per purpose; sets `people.acquisitions`."""
    count = len(people.pks)
    purposes = list(terms.purposes)  # one list for every row: serialized once
    people.acquisitions = columns_insert(
        Acquisition,
        {
            "subject": people.pks,
            "channel": [terms.channel.id] * count,
            "acquired_at": [terms.acquired_at] * count,
            "policy_version": [terms.version] * count,
            "purposes": [purposes] * count,
            "notice_sha256": [notice_sha256] * count,
            "source": [source] * count,
            "recorded_by": [actor] * count,
        },
        returning=True,
    )
    per = len(terms.expires)
    columns_insert(
        AcquisitionPurpose,
        {
            "acquisition": [a for a in people.acquisitions for _ in range(per)],
            "subject": [pk for pk in people.pks for _ in range(per)],
            "purpose": list(terms.expires) * count,
            "expires_at": list(terms.expires.values()) * count,
        },
    )


def _items_insert(batch: Batch, people: _People, ciphers: dict[str, FieldCipher]) -> None:
    """Seals every value of the batch, each with its subject's key, and inserts it as an item.
    Built column by column: a comprehension per column costs less than a mapping per item."""
    refs = list(map(people.refs.__getitem__, batch.records))
    item_pks = _item_ids_new(len(refs))
    sealed = fields_seal(
        list(map(ciphers.__getitem__, refs)),
        batch.texts,
        # The associated data of `item_aad`, joined here for a whole batch.
        [
            ITEM_AAD_PREFIX + f"{pk}\x1f{ref}".encode()
            for pk, ref in zip(item_pks, refs, strict=True)
        ],
    )
    columns_insert(
        Item,
        {
            "id": item_pks,
            "subject": list(map(people.pks.__getitem__, batch.records)),
            "acquisition": list(map(people.acquisitions.__getitem__, batch.records)),
            "field": batch.fields,
            "category": batch.categories,
            "digest": batch.digests,
            "sealed": sealed,
            "special_care": batch.special_care,
            "consent_ref": batch.consent_refs,
            "retain_until": batch.retain_until,
        },
    )


def _item_ids_new(count: int) -> list[str]:
    """Row ids for new items, as 32 hex digits in the UUIDv7 layout (RFC 9562): 48 bits of Unix
    time in milliseconds, then 74 random bits (one read of the CSPRNG for the batch).

    Ids that grow with time are added at the end of the primary-key index, where random ones
    were written all over it: at 700,000 items on SQLite that was half the insert's cost. The
    random part keeps them unique and unguessable; the time they reveal is the acquisition's,
    which is recorded beside them anyway."""
    # Ten random bytes per id, the version's and the variant's bits set in every tenth byte at
    # once; then the ids' bytes laid out side by side, the time in front of each, and hex-encoded
    # in one call (a slice per id, where cutting and joining hex digits took four).
    noise = bytearray(os.urandom(10 * count))
    noise[0::10] = noise[0::10].translate(_VERSION_7)
    noise[2::10] = noise[2::10].translate(_VARIANT_10)
    ids = bytearray(16 * count)
    for place, byte in enumerate((time.time_ns() // 1_000_000).to_bytes(6, "big")):
        ids[place::16] = bytes((byte,)) * count
    for place in range(10):
        ids[6 + place :: 16] = noise[place::10]
    text = ids.hex()
    return [text[start : start + 32] for start in range(0, len(text), 32)]


# The high four bits of an id's seventh byte are its version (7), the high two of its ninth
# its variant (0b10); the other bits stay random.
_VERSION_7 = bytes(0x70 | n & 0x0F for n in range(256))
_VARIANT_10 = bytes(0x80 | n & 0x3F for n in range(256))


def _indexes_write(batch: Batch, people: _People) -> None:
    """Gives every identifier value its blind-index row, unless its subject has it already."""
    # Per kind, each digest's subject; a digest with a second subject in the batch (a shared
    # phone number) keeps the others apart. No object per row: the cycle collector's passes
    # grow with every object a batch keeps (bench/README.md, h20ingest3).
    owner: dict[str, dict[str, int | None]] = {}
    others: set[tuple[str, str, int | None]] = set()
    for kind, digest, record in zip(batch.kinds, batch.digests, batch.records, strict=True):
        if digest:
            if (of_kind := owner.get(kind)) is None:
                of_kind = owner[kind] = {}
            pk = people.pks[record]
            if of_kind.setdefault(digest, pk) != pk:
                others.add((kind, digest, pk))
    held = _indexes_held(people)
    # In (kind, digest) order: the digests are random, and rows inserted in index order touch
    # each page of the (kind, digest) indexes once per batch instead of at random (a third of
    # the insert's cost at 300,000 rows on SQLite).
    rows: dict[str, list[Any]] = {"kind": [], "digest": [], "subject": []}
    for kind, of_kind in sorted(owner.items()):
        digests = sorted(of_kind)
        if held:
            digests = [d for d in digests if (kind, d, of_kind[d]) not in held]
        rows["kind"] += [kind] * len(digests)
        rows["digest"] += digests
        rows["subject"] += map(of_kind.__getitem__, digests)
    for row in sorted(others - held, key=itemgetter(0, 1)):
        for name, value in zip(rows, row, strict=True):
            rows[name].append(value)
    columns_insert(BlindIndex, rows)


def _indexes_held(people: _People) -> set[tuple[str, str, int | None]]:
    """The blind-index rows that the batch's subjects had before it (kind, digest, subject)."""
    # Only subjects that existed before this batch can already have index rows.
    subject_pks = sorted(
        {
            pk
            for pk, created in zip(people.pks, people.created, strict=True)
            if pk is not None and not created
        }
    )
    held: set[tuple[str, str, int | None]] = set()
    for start in range(0, len(subject_pks), 2000):
        held.update(
            BlindIndex.objects.filter(subject_id__in=subject_pks[start : start + 2000])
            .values_list("kind", "digest", "subject_id")
            .iterator()
        )
    return held
