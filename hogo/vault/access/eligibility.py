"""Who and what the access modules may open, decided without opening anything: the subjects
named or found by a blind index, each one's acquisitions for a purpose, the categories that
purpose allows, and why a subject is refused."""

from functools import lru_cache
from typing import NamedTuple

from django.db import connections, router
from django.utils import timezone

from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active, policy_at
from hogo.vault.access.gates import grants_gated
from hogo.vault.bulk import in_values
from hogo.vault.keys import blind_indexer
from hogo.vault.models import (
    Acquisition,
    AcquisitionPurpose,
    BlindIndex,
    IdentifierKind,
    Subject,
    SubjectStatus,
)
from hogo.vault.normalize import email_normalize, phone_normalize
from hogo.vault.records import RefusalReason
from hogo.vault.selectors import subjects_suspended

CHUNK = 2000  # values bound per statement

CLOSED = {
    SubjectStatus.ERASED: RefusalReason.ERASED,
    SubjectStatus.DISPOSED: RefusalReason.DISPOSED,
}


class SubjectRow(NamedTuple):
    """What the purpose-bound reads need of a subject (a tuple: model instances cost more than
    the rest)."""

    pk: int
    ref: str
    status: str


SUBJECT_COLUMNS = ("pk", "ref", "status")


def purpose_checked(purpose: str) -> Policy:
    policy = policy_active()
    if purpose not in policy.purposes:
        raise InvalidInput(
            f"purpose: {purpose!r} is not a purpose of the active policy "
            f"(version {policy.version})",
            code="unknown_purpose",
        )
    return policy


def subjects_by_ref(refs: list[str]) -> list[SubjectRow]:
    subjects: list[SubjectRow] = []
    for start in range(0, len(refs), CHUNK):
        rows = Subject.objects.filter(ref__in=refs[start : start + CHUNK])
        subjects += (SubjectRow(*row) for row in rows.values_list(*SUBJECT_COLUMNS))
    order = {ref: n for n, ref in enumerate(refs)}
    return sorted(subjects, key=lambda s: order[s.ref])


def subjects_by_identifier(kind: str, raw: str) -> list[SubjectRow]:
    try:
        normal = email_normalize(raw) if kind == IdentifierKind.EMAIL else phone_normalize(raw)
    except ValueError as exc:
        raise InvalidInput(f"{kind}: {exc}") from None
    digest = blind_indexer(kind).digest(normal)
    connection = connections[router.db_for_read(Subject)]
    with connection.cursor() as cursor:
        cursor.execute(_lookup_sql(connection.alias, connection.vendor, str(kind)), [digest])
        return [SubjectRow(*row) for row in cursor.fetchall()]


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


def grants_for(subject_pks: list[int], purpose: str) -> dict[int, list[tuple[int, bool, int]]]:
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


def categories_for(policy: Policy, version: int, purpose: str) -> frozenset[str]:
    """What the person was told the purpose covers, narrowed by what the policy says today.
    `version` is the acquisition's, or a later one the person consented to (gates.py)."""
    then = policy if version == policy.version else policy_at(version=version)
    if purpose not in then.purposes:
        return frozenset()  # added later, and not consented to: nothing
    return frozenset(then.purposes[purpose].categories) & frozenset(
        policy.purposes[purpose].categories
    )


def notes_refusal(owner: str, purpose: str) -> RefusalReason | None:
    """Why a subject's notes may not be opened for this purpose (as `subjects_access` decides
    for values)."""
    subject = Subject.objects.filter(ref=owner).first()
    if subject is None:
        return RefusalReason.NOT_FOUND
    if subject.status in CLOSED:
        return CLOSED[SubjectStatus(subject.status)]
    # The same grants as a read, gated by consent to a purpose changed later (gates.py).
    grants, missing = grants_gated(purpose, [subject.pk], grants_for([subject.pk], purpose))
    if subject.pk in missing:
        return RefusalReason.CONSENT_MISSING
    held = grants.get(subject.pk)
    if not held:
        return RefusalReason.PURPOSE_NOT_ALLOWED
    if subjects_suspended(subject_pks=[subject.pk], purpose=purpose):
        return RefusalReason.SUSPENDED
    if not any(running for _, running, _ in held):
        return RefusalReason.RETENTION_EXPIRED
    return None
