"""Purpose-bound reads: one person or a few (`subjects_access`) and a whole purpose's people page
by page (`subjects_export`), each call with one audit event."""

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from typing import NamedTuple

from django.db import connections, router, transaction

from hogo.audit.services import audit_record
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active
from hogo.vault.access.eligibility import (
    CHUNK,
    CLOSED,
    SUBJECT_COLUMNS,
    SubjectRow,
    categories_for,
    grants_for,
    purpose_checked,
    subjects_by_identifier,
    subjects_by_ref,
)
from hogo.vault.access.gates import grants_gated
from hogo.vault.bulk import in_values
from hogo.vault.crypto import FieldCipher, field_open
from hogo.vault.keys import data_keys_load
from hogo.vault.models import (
    AcquisitionPurpose,
    IdentifierKind,
    Item,
    Subject,
    SubjectStatus,
    item_aad,
)
from hogo.vault.records import AccessRefusal, AccessResult, RefusalReason, SubjectView
from hogo.vault.selectors import subjects_suspended

MAX_SUBJECTS = 10_000  # per call: one audit event names every subject returned


class _Sealed(NamedTuple):
    pk: uuid.UUID | str  # SQLite gives 32 hex digits, PostgreSQL a UUID: item_aad takes both
    field: str
    category: str
    sealed: bytes
    identifier_kind: str | None
    withheld: bool  # special-care without a live consent


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
    policy = purpose_checked(purpose)
    if categories is not None and (isinstance(categories, str) or not categories):
        raise InvalidInput("categories: give a list of category ids, or none for all")
    lookups = [x for x in (subject_ids, email, phone) if x is not None]
    if len(lookups) != 1:
        raise InvalidInput("give exactly one of subject_ids, email, phone")
    refused: list[AccessRefusal] = []
    if subject_ids is not None:
        if isinstance(subject_ids, str) or len(subject_ids) > MAX_SUBJECTS:
            raise InvalidInput(f"subject_ids: give a list of at most {MAX_SUBJECTS} ids")
        wanted = list(dict.fromkeys(subject_ids))
        subjects = subjects_by_ref(wanted)
        found = {s.ref for s in subjects}
        refused += [
            AccessRefusal(ref, RefusalReason.NOT_FOUND) for ref in wanted if ref not in found
        ]
        lookup = "ids"
    else:
        kind, raw = (IdentifierKind.EMAIL, email) if email is not None else ("phone", phone)
        subjects = subjects_by_identifier(kind, raw or "")
        if not subjects:
            refused.append(AccessRefusal(None, RefusalReason.NOT_FOUND))
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
    purpose_checked(purpose)
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
                SubjectRow(*row)
                for row in Subject.objects.filter(pk__in=page)
                .order_by("pk")
                .values_list(*SUBJECT_COLUMNS)
            ]
            if not subjects:
                return
            last = subjects[-1].pk
            result = _views(subjects, purpose, policy, None)
            _access_audit(actor, purpose, result, via=via, lookup="purpose")
        yield result


def _views(
    subjects: list[SubjectRow], purpose: str, policy: Policy, wanted: frozenset[str] | None
) -> AccessResult:
    result = AccessResult()
    refused = result.refused
    active: list[SubjectRow] = []
    for subject in subjects:
        if subject.status == SubjectStatus.ACTIVE:
            active.append(subject)
        elif subject.status in CLOSED:
            refused.append(AccessRefusal(subject.ref, CLOSED[SubjectStatus(subject.status)]))
    pks = [s.pk for s in active]
    grants = grants_for(pks, purpose)
    # Consent to a purpose changed after the data was acquired (gates.py).
    grants, consent_missing = grants_gated(purpose, pks, grants)
    suspended = subjects_suspended(subject_pks=pks, purpose=purpose)

    usable: dict[int, frozenset[str]] = {}  # acquisition pk -> categories the purpose may use
    allowed: dict[int, frozenset[str]] = {}  # policy version -> categories
    open_subjects: list[SubjectRow] = []
    for subject in active:
        held = grants.get(subject.pk)
        if subject.pk in consent_missing:
            refused.append(AccessRefusal(subject.ref, RefusalReason.CONSENT_MISSING))
        elif not held:
            refused.append(AccessRefusal(subject.ref, RefusalReason.PURPOSE_NOT_ALLOWED))
        elif subject.pk in suspended:
            refused.append(AccessRefusal(subject.ref, RefusalReason.SUSPENDED))
        elif not any(running for _, running, _ in held):
            refused.append(AccessRefusal(subject.ref, RefusalReason.RETENTION_EXPIRED))
        else:
            open_subjects.append(subject)
            for acquisition_pk, running, version in held:
                if running:
                    if version not in allowed:
                        allowed[version] = categories_for(policy, version, purpose)
                    categories = allowed[version]
                    usable[acquisition_pk] = categories if wanted is None else categories & wanted

    values_open(open_subjects, usable, policy, result)
    return result


def values_open(
    subjects: Sequence[SubjectRow],
    usable: dict[int, frozenset[str]],
    policy: Policy,
    result: AccessResult,
) -> None:
    """Opens, into `result`, the items of `usable` acquisitions (pk -> categories) of these
    subjects, whose eligibility the caller decided: a view per subject, a refusal when a key is
    gone or special-care values were withheld."""
    refused = result.refused
    by_subject = _sealed_items(usable, _identifier_kinds(policy))
    ciphers = data_keys_load(s.ref for s in subjects)
    for subject in subjects:
        cipher = ciphers.get(subject.ref)
        if cipher is None:
            # An erasure destroyed the key and has not finished recording it yet.
            refused.append(AccessRefusal(subject.ref, RefusalReason.ERASED))
            continue
        view, withheld = _view(subject, by_subject.get(subject.pk, ()), cipher)
        result.items.append(view)
        if withheld:
            refused.append(AccessRefusal(subject.ref, RefusalReason.SPECIAL_CARE_WITHOUT_CONSENT))


def _identifier_kinds(policy: Policy) -> dict[str, str]:
    """Category -> the identifier kind it holds, as the policy says."""
    return {category: kind for kind, category in policy.identifier_categories().items()}


def _sealed_items(
    usable: dict[int, frozenset[str]], kinds: dict[str, str]
) -> dict[int, list[_Sealed]]:
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
            kind = kinds.get(cat) if indexed else None
            withheld = bool(special) and not (consent and withdrawn is None)
            sealed = _Sealed(pk, field, cat, blob, kind, withheld)
            if (held := by_subject.get(subject_pk)) is None:
                by_subject[subject_pk] = [sealed]
            else:
                held.append(sealed)
    return by_subject


def _view(
    subject: SubjectRow, rows: Sequence[_Sealed], cipher: FieldCipher
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
