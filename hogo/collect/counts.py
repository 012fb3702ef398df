"""Counts of what was collected, for the board (hogo/board): acquisitions per channel, rows of
directory imports refused for special-care information, and Art. 30 receipt records, per month.
Grouped in the database; no personal data."""

from collections.abc import Sequence

from django.db.models import Sum

from hogo.collect.models import AcquisitionRecord, ImportJob, ReceiptRecord
from hogo.periods import Month, per_month


def acquisitions_per_channel(*, months: Sequence[Month]) -> dict[str, list[int]]:
    """Acquisition records per month, by the channel's id."""
    found = per_month(
        AcquisitionRecord.objects.all(), field="received_at", months=months, by=("channel",)
    )
    return {str(key[0]): counts for key, counts in found.items()}


def special_care_refusals(*, months: Sequence[Month]) -> list[int]:
    """Rows of directory imports refused because they held special-care information, per month
    of the import. A form or API submission refused for it stores nothing (collect/README.md),
    so those are not counted anywhere."""
    found = per_month(
        ImportJob.objects.all(), field="started_at", months=months, amount=Sum("special_care")
    )
    return found.get((), [0] * len(months))


def receipts_per_month(*, months: Sequence[Month]) -> list[int]:
    """Receipt records (Art. 30: personal data received from a third party) per month
    recorded."""
    found = per_month(ReceiptRecord.objects.all(), field="recorded_at", months=months)
    return found.get((), [0] * len(months))
