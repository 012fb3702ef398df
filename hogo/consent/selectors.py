"""Reads of consent records (no personal values: kinds, targets, times, evidence metadata)."""

from collections.abc import Sequence

from hogo.consent.models import Consent

# The kinds of consent, which other apps pass to these selectors and to the services.
from hogo.consent.models import ConsentKind as ConsentKind
from hogo.errors import NotFound
from hogo.rows import rows_read
from hogo.vault.selectors import subject_status

CHUNK = 2000


def consents_for(*, subject_id: str, checked: bool = False) -> list[Consent]:
    """Every consent record of a subject, active and withdrawn, oldest first. `checked`: the
    caller read the subject in this transaction (the desk's disclosure), so it exists."""
    if not checked:  # NotFound for a subject that never existed
        subject_status(subject_id=subject_id)
    return list(
        Consent.objects.filter(subject__ref=subject_id)
        .select_related("subject", "superseded_by")
        .order_by("given_at", "pk")
    )


def consents_of(*, subject_pk: int) -> list[Consent]:
    """`consents_for` of a subject the caller read in this transaction (its primary key), by
    one plain statement (hogo/rows.py), without the subject and superseding rows joined."""
    return rows_read(Consent, where={"subject_id": subject_pk}, order_by=("given_at", "id"))


def consent_active(*, subject_id: str, kind: ConsentKind, target: str) -> Consent | None:
    """The subject's active consent of this kind for this target, or None."""
    return (
        Consent.objects.filter(
            subject__ref=subject_id, kind=kind, target=target, withdrawn_at__isnull=True
        )
        .select_related("subject")
        .first()
    )


def consent_get(*, consent_id: str) -> Consent:
    consent = (
        Consent.objects.filter(ref=consent_id).select_related("subject", "superseded_by").first()
    )
    if consent is None:
        raise NotFound(f"consent {consent_id} does not exist")
    return consent


def consents_active_among(
    *, subject_pks: Sequence[int], kind: ConsentKind, targets: Sequence[str]
) -> dict[int, str]:
    """The ref of an active consent of `kind` to any of `targets`, per subject pk that has one
    (the first target listed wins)."""
    order = {target: n for n, target in enumerate(targets)}
    found: dict[int, tuple[int, str]] = {}
    for start in range(0, len(subject_pks), CHUNK):
        rows = Consent.objects.filter(
            subject_id__in=subject_pks[start : start + CHUNK],
            kind=kind,
            target__in=list(targets),
            withdrawn_at__isnull=True,
        ).values_list("subject_id", "target", "ref")
        for subject_pk, target, ref in rows:
            rank = order[target]
            if subject_pk not in found or rank < found[subject_pk][0]:
                found[subject_pk] = (rank, ref)
    return {pk: ref for pk, (_, ref) in found.items()}
