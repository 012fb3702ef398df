"""Erasure (crypto-shredding) and retention disposal. Each leaves disposal records (category,
field, count, when, why; never a value) so the request desk can answer "already disposed".

Order of the two databases, chosen so that a failure half-way never leaves data readable:
- erasure destroys the subject's data key first (committed in the key store), then deletes its
  rows; retried after a failure, it finishes the job;
- retention disposal deletes expired rows first, under a lock on the subject so that no new data
  can arrive for a subject being closed, and destroys the keys of subjects left with nothing
  right after; `retention_dispose` also destroys any key a failed run left behind.

A subject's notes (notes.py) go with it: deleted when it is erased or closed (its key, which
sealed them, is destroyed anyway), and on their own once past their `retain_until`.

Apps that keep something of their own about a person (collect's member account) register a
`subject_closed_hook`: every path that closes a subject (erasure by the API, the desk or the
member, item erasure that empties it, retention disposal) calls it inside its transaction, so
the vault never imports those apps and none of them can be forgotten by one path.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.rows import row_read, row_update, rows_delete, typed_placeholder
from hogo.vault.keys import data_keys_destroy
from hogo.vault.models import (
    BlindIndex,
    DataKey,
    Disposal,
    DisposalReason,
    Item,
    Note,
    Subject,
    SubjectStatus,
)
from hogo.vault.notes import SUBJECT_PREFIX
from hogo.vault.records import ErasureResult

RETENTION_ACTOR = "system:retention"
# A key younger than this with no subject may belong to an ingest still in flight.
ORPHAN_KEY_GRACE = timedelta(hours=1)
# Called with each subject being closed, in the closing transaction (see the module docstring).
SubjectClosedHook = Callable[[Subject], None]
_closed_hooks: list[SubjectClosedHook] = []


def subject_closed_hook(hook: SubjectClosedHook) -> SubjectClosedHook:
    """Registers `hook` (once; from an AppConfig.ready) to run whenever a subject is closed."""
    if hook not in _closed_hooks:
        _closed_hooks.append(hook)
    return hook


@dataclass(frozen=True)
class DisposalSummary:
    items: int
    subjects_closed: int
    keys_destroyed: int
    notes: int = 0


def subject_erase(
    *,
    actor: str,
    subject_id: str,
    reason: str = DisposalReason.ERASURE_REQUEST,
    request_ref: str = "",
) -> ErasureResult:
    """Erases a subject: destroys its data key (so every copy of its ciphertext, backups
    included, becomes unreadable), deletes its values and blind indexes, keeps the subject row
    and acquisitions as a record without values, and audits it."""
    _reason_checked(reason)
    # A savepoint of its own: a closing hook (another app's) may fail after the first write.
    with transaction.atomic():
        subject = row_read(Subject, where={"ref": subject_id}, lock=True)
        if subject is None:
            raise NotFound(f"subject {subject_id} does not exist")
        if subject.status != SubjectStatus.ACTIVE:
            raise Conflict(f"subject {subject_id} is already {subject.status}", code="gone")
        # The key first, committed in the key store while the subject is locked here: a failure
        # after it leaves only unreadable rows, and a retry (the subject still active) finishes.
        key_destroyed = data_keys_destroy([subject.ref], reason=reason) > 0
        count = _subject_dispose(subject.pk, reason=reason, actor=actor, request_ref=request_ref)
        _indexes_delete(subject.pk)
        notes = _notes_delete([subject.ref])
        _close(subject, SubjectStatus.ERASED)
        audit_record(
            actor=actor,
            action="vault.erase",
            subjects=[subject.ref],
            detail={
                "reason": reason,
                "request_ref": request_ref,
                "items": count,
                "notes": notes,
                "key_destroyed": key_destroyed,
            },
        )
    return ErasureResult(subject_id=subject.ref, items=count, key_destroyed=key_destroyed)


def items_erase(
    *,
    actor: str,
    subject_id: str,
    fields: Sequence[str] = (),
    categories: Sequence[str] = (),
    reason: str = DisposalReason.ERASURE_REQUEST,
    request_ref: str = "",
) -> ErasureResult:
    """Erases chosen values of a subject (by field id or category), e.g. for a deletion request
    about some items only. A subject left with no value at all is closed as erased and its data
    key destroyed."""
    _reason_checked(reason)
    if isinstance(fields, str) or isinstance(categories, str) or not (fields or categories):
        raise InvalidInput("give the fields or categories to erase (lists of ids)")
    with transaction.atomic():
        subject = row_read(Subject, where={"ref": subject_id}, lock=True)
        if subject is None:
            raise NotFound(f"subject {subject_id} does not exist")
        if subject.status != SubjectStatus.ACTIVE:
            raise Conflict(f"subject {subject_id} is already {subject.status}", code="gone")
        chosen = Item.objects.filter(subject=subject).filter(
            Q(field__in=list(fields)) | Q(category__in=list(categories))
        )
        count = _dispose(chosen, reason=reason, actor=actor, request_ref=request_ref)
        if count == 0:
            raise NotFound(f"subject {subject_id} holds no value in those fields or categories")
        indexes_orphaned_delete([subject.pk])
        emptied = not Item.objects.filter(subject=subject).exists()
        if emptied:
            _notes_delete([subject.ref])
            _close(subject, SubjectStatus.ERASED)
        audit_record(
            actor=actor,
            action="vault.items.erase",
            subjects=[subject.ref],
            detail={
                "reason": reason,
                "request_ref": request_ref,
                "items": count,
                "fields": sorted(set(fields)),
                "categories": sorted(set(categories)),
                "subject_closed": emptied,
            },
        )
    destroyed = data_keys_destroy([subject.ref], reason=reason) > 0 if emptied else False
    return ErasureResult(subject_id=subject.ref, items=count, key_destroyed=destroyed)


def retention_dispose(*, now: datetime | None = None, batch_size: int = 500) -> DisposalSummary:
    """Disposes of every value past the retention of all purposes that allowed it. Subjects
    left with nothing are closed as disposed and their keys destroyed. One audit event per
    batch of subjects."""
    now = now or timezone.now()
    items_total = closed_total = keys_total = notes_total = 0
    while True:
        pks = list(
            Item.objects.filter(retain_until__lte=now)
            .order_by("subject_id")
            .values_list("subject_id", flat=True)
            .distinct()[:batch_size]
        )
        if not pks:
            break
        with transaction.atomic():
            subjects = list(Subject.objects.select_for_update().filter(pk__in=pks).order_by("pk"))
            expired = Item.objects.filter(subject_id__in=pks, retain_until__lte=now)
            count = _dispose(
                expired, reason=DisposalReason.RETENTION_EXPIRED, actor=RETENTION_ACTOR, now=now
            )
            indexes_orphaned_delete(pks)
            keep = set(Item.objects.filter(subject_id__in=pks).values_list("subject_id", flat=True))
            closing = [s for s in subjects if s.pk not in keep]
            for subject in closing:
                _close(subject, SubjectStatus.DISPOSED, now=now)
            notes = _notes_delete([s.ref for s in closing])
            audit_record(
                actor=RETENTION_ACTOR,
                action="vault.retention.dispose",
                subjects=[s.ref for s in subjects],
                detail={"items": count, "subjects_closed": len(closing), "notes": notes},
            )
        keys_total += data_keys_destroy(
            [s.ref for s in closing], reason=DisposalReason.RETENTION_EXPIRED
        )
        items_total += count
        closed_total += len(closing)
        notes_total += notes
    notes_total += notes_expired_delete(now=now)
    keys_total += keys_leftover_destroy(now=now)
    return DisposalSummary(items_total, closed_total, keys_total, notes_total)


def notes_expired_delete(*, now: datetime | None = None) -> int:
    """Deletes notes past their own `retain_until`; one audit event per batch."""
    now = now or timezone.now()
    deleted = 0
    while True:
        pks = list(Note.objects.filter(retain_until__lte=now).values_list("pk", flat=True)[:2000])
        if not pks:
            return deleted
        with transaction.atomic():
            expired = Note.objects.filter(pk__in=pks)
            owners = sorted(set(expired.values_list("owner", flat=True)))
            count = expired.delete()[0]
            audit_record(
                actor=RETENTION_ACTOR,
                action="vault.notes.expire",
                subjects=[o for o in owners if o.startswith(SUBJECT_PREFIX)],
                detail={"notes": count, "owners": len(owners)},
            )
        deleted += count


def keys_leftover_destroy(*, now: datetime | None = None) -> int:
    """Destroys data keys whose subject is closed (an interrupted disposal) or was never
    written (an ingest that failed after its key was committed), and detached note owners'
    keys that seal no note (a case that failed after its key was committed, or whose notes
    were all deleted), each after an hour's grace for writes still in flight."""
    now = now or timezone.now()
    destroyed = 0
    last = 0
    while True:
        batch = list(
            DataKey.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "subject_ref", "created_at")[:2000]
        )
        if not batch:
            return destroyed
        last = batch[-1][0]
        active = set(
            Subject.objects.filter(
                ref__in=[ref for _, ref, _ in batch], status=SubjectStatus.ACTIVE
            ).values_list("ref", flat=True)
        )
        known = set(
            Subject.objects.filter(ref__in=[ref for _, ref, _ in batch]).values_list(
                "ref", flat=True
            )
        )
        detached = [ref for _, ref, _ in batch if not ref.startswith(SUBJECT_PREFIX)]
        noted = set(
            Note.objects.filter(owner__in=detached).values_list("owner", flat=True).distinct()
        )
        leftover = [
            ref
            for _, ref, created_at in batch
            if ref not in active
            and ref not in noted
            and (ref in known or created_at < now - ORPHAN_KEY_GRACE)
        ]
        if leftover:
            destroyed += data_keys_destroy(leftover)


def _reason_checked(reason: str) -> None:
    allowed = [r for r in DisposalReason.values if r != DisposalReason.RETENTION_EXPIRED]
    if reason not in allowed:
        raise InvalidInput(f"reason: must be one of {', '.join(allowed)}")


def _dispose(
    items: QuerySet[Item],
    *,
    reason: str,
    actor: str,
    request_ref: str = "",
    now: datetime | None = None,
) -> int:
    """Deletes these items and records what they were (never their values)."""
    now = now or timezone.now()
    groups = Counter(items.values_list("subject_id", "acquisition_id", "field", "category"))
    Disposal.objects.bulk_create(
        [
            Disposal(
                subject_id=subject_pk,
                acquisition_id=acquisition_pk,
                field=field,
                category=category,
                items=n,
                disposed_at=now,
                reason=reason,
                actor=actor,
                request_ref=request_ref,
            )
            for (subject_pk, acquisition_pk, field, category), n in sorted(groups.items())
        ],
        batch_size=1000,
    )
    items.delete()
    return sum(groups.values())


def _subject_dispose(subject_pk: int, *, reason: str, actor: str, request_ref: str) -> int:
    """`_dispose` of all a subject's items in two plain statements: the disposal records made
    by the database from the items (INSERT ... SELECT ... GROUP BY, the rows `_dispose` writes,
    in the same order), then the items deleted. Names come from the models, values are bound."""
    quote = connection.ops.quote_name
    disposal, item = quote(Disposal._meta.db_table), quote(Item._meta.db_table)
    groups = ", ".join(quote(c) for c in ("subject_id", "acquisition_id", "field", "category"))
    stamped = ("disposed_at", "reason", "actor", "request_ref")
    fields = {f.name: f for f in Disposal._meta.concrete_fields}
    typed = ", ".join(typed_placeholder(fields[name], connection) for name in stamped)
    columns = ", ".join(quote(c) for c in (*groups.split(", "), "items", *stamped))
    values = [
        fields[name].get_db_prep_save(value, connection)
        for name, value in zip(stamped, (timezone.now(), reason, actor, request_ref), strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {disposal} ({columns}) SELECT {groups}, COUNT(*), {typed} "  # noqa: S608
            f"FROM {item} WHERE {quote('subject_id')} = %s GROUP BY {groups} ORDER BY {groups}",
            [*values, subject_pk],
        )
        cursor.execute(f"DELETE FROM {item} WHERE {quote('subject_id')} = %s", [subject_pk])  # noqa: S608
        return int(cursor.rowcount)


def _notes_delete(subject_refs: Sequence[str]) -> int:
    return rows_delete(Note, where={"owner": list(subject_refs)})


def _indexes_delete(subject_pk: int) -> None:
    """Deletes every blind-index row of a subject whose items are already deleted."""
    rows_delete(BlindIndex, where={"subject_id": subject_pk})


def indexes_orphaned_delete(subject_pks: Sequence[int]) -> None:
    """Deletes the blind-index rows of these subjects that no item's digest matches any more
    (the identifier was erased, disposed of or corrected)."""
    held = Item.objects.filter(subject_id=OuterRef("subject_id"), digest=OuterRef("digest"))
    BlindIndex.objects.filter(subject_id__in=subject_pks).exclude(Exists(held)).delete()


def _close(subject: Subject, status: SubjectStatus, *, now: datetime | None = None) -> None:
    subject.status = status
    subject.closed_at = now or timezone.now()
    row_update(subject, ["status", "closed_at"])
    for hook in _closed_hooks:
        hook(subject)
