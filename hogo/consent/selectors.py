"""Reads of consent records (no personal values: kinds, targets, times, evidence metadata)."""

from hogo.consent.models import Consent, ConsentKind
from hogo.errors import NotFound
from hogo.vault.selectors import subject_status


def consents_for(*, subject_id: str) -> list[Consent]:
    """Every consent record of a subject, active and withdrawn, oldest first."""
    subject_status(subject_id=subject_id)  # NotFound for a subject that never existed
    return list(
        Consent.objects.filter(subject__ref=subject_id)
        .select_related("subject", "superseded_by")
        .order_by("given_at", "pk")
    )


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
