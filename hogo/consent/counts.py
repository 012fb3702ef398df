"""Counts of consents and withdrawals for the board (hogo/board), per month and kind, grouped in
the database; no personal data."""

from collections.abc import Sequence

from hogo.consent.models import Consent
from hogo.consent.services import SUPERSEDED
from hogo.periods import Month, per_month


def consents_given_per_month(*, months: Sequence[Month]) -> dict[str, list[int]]:
    """Consents recorded per month, by kind (purpose, special_care, recipient,
    foreign_transfer)."""
    found = per_month(Consent.objects.all(), field="given_at", months=months, by=("kind",))
    return {str(key[0]): counts for key, counts in found.items()}


def consents_withdrawn_per_month(*, months: Sequence[Month]) -> dict[str, list[int]]:
    """Consents withdrawn per month, by kind (a new consent that supersedes an older one for
    the same target is not a withdrawal)."""
    rows = Consent.objects.filter(withdrawn_at__isnull=False).exclude(withdrawn_by=SUPERSEDED)
    found = per_month(rows, field="withdrawn_at", months=months, by=("kind",))
    return {str(key[0]): counts for key, counts in found.items()}
