"""Counts of rights exercised in the vault, for the board (hogo/board): suspensions of use, stops
of provision and erasures per month, grouped in the database; no personal data."""

from collections.abc import Sequence

from django.db.models import Count

from hogo.periods import Month, per_month
from hogo.vault.models import Disposal, DisposalReason, ProvisionStop, Suspension


def suspensions_per_month(*, months: Sequence[Month]) -> list[int]:
    """Suspensions of use recorded per month (for one purpose or for all)."""
    found = per_month(Suspension.objects.all(), field="suspended_at", months=months)
    return found.get((), [0] * len(months))


def provision_stops_per_month(*, months: Sequence[Month]) -> list[int]:
    found = per_month(ProvisionStop.objects.all(), field="stopped_at", months=months)
    return found.get((), [0] * len(months))


def erasures_per_month(*, months: Sequence[Month]) -> list[int]:
    """People whose data was erased at their request per month (a person whose items were
    erased in one month counts once in it, however many items)."""
    rows = Disposal.objects.filter(reason=DisposalReason.ERASURE_REQUEST)
    found = per_month(
        rows, field="disposed_at", months=months, amount=Count("subject", distinct=True)
    )
    return found.get((), [0] * len(months))
