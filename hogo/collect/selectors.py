"""Reads of acquisition records (never values): what was shown, agreed and captured when."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from hogo.collect.models import AcquisitionRecord, ImportedRow, ReceiptRecord
from hogo.vault.selectors import acquisitions_of


@dataclass(frozen=True)
class AcquisitionView:
    acquisition_id: int
    channel: str
    source: str
    acquired_at: datetime
    policy_version: int
    purposes: list[str]
    notice_sha256: str
    record: AcquisitionRecord | None  # forms and channel submissions
    receipt: str | None  # directory imports: the Art. 30 receipt record


def acquisition_views_for(*, subject_id: str) -> list[AcquisitionView]:
    """Every acquisition of a subject, oldest first, with the collection record if any."""
    acquisitions = acquisitions_of(subject_id=subject_id)
    pks = [a.pk for a in acquisitions]
    records = {
        r.acquisition_id: r for r in AcquisitionRecord.objects.filter(acquisition_id__in=pks)
    }
    receipts = dict(
        ImportedRow.objects.filter(acquisition_id__in=pks).values_list(
            "acquisition_id", "job__receipt__ref"
        )
    )
    return [
        AcquisitionView(
            acquisition_id=a.pk,
            channel=a.channel,
            source=a.source,
            acquired_at=a.acquired_at,
            policy_version=a.policy_version,
            purposes=list(a.purposes),
            notice_sha256=a.notice_sha256,
            record=records.get(a.pk),
            receipt=receipts.get(a.pk),
        )
        for a in acquisitions
    ]


def receipt_records_of(*, subject_id: str) -> list[ReceiptRecord]:
    """The Art. 30 receipt records (directory imports) under which the subject's data was
    received, oldest first."""
    receipt_pks = ImportedRow.objects.filter(acquisition__subject__ref=subject_id).values(
        "job__receipt_id"
    )
    return list(ReceiptRecord.objects.filter(pk__in=receipt_pks).order_by("received_on", "pk"))


def languages_last_used(*, subject_pks: Sequence[int], among: Sequence[str]) -> dict[int, str]:
    """Subject (primary key) -> the language (one of `among`) of the form or channel they last
    used in one of those languages, for those who did."""
    rows = (
        AcquisitionRecord.objects.filter(subject_id__in=subject_pks, lang__in=among)
        .order_by("received_at")
        .values_list("subject_id", "lang")
    )
    return dict(rows)
