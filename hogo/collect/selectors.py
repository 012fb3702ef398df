"""Reads of acquisition records (never values): what was shown, agreed and captured when."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet

from hogo.collect.models import AcquisitionRecord, ImportedRow, ImportJob, ReceiptRecord
from hogo.rows import rows_values
from hogo.vault.selectors import Subject, acquisitions_of


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


def receipts_possible(*, acquisition_pks: Sequence[int]) -> bool:
    """Whether any of these acquisitions came from a directory import (one plain statement,
    hogo/rows.py): else a subject acquired by them has no receipt record."""
    acquired = list(acquisition_pks)
    return bool(acquired and rows_values(ImportedRow, ["id"], where={"acquisition_id": acquired}))


def languages_last_used(*, subject_pks: Sequence[int], among: Sequence[str]) -> dict[int, str]:
    """Subject (primary key) -> the language (one of `among`) of the form or channel they last
    used in one of those languages, for those who did."""
    found: dict[int, str] = {}
    for start in range(0, len(subject_pks), 2000):
        rows = (
            AcquisitionRecord.objects.filter(
                subject_id__in=subject_pks[start : start + 2000], lang__in=among
            )
            .order_by("received_at")
            .values_list("subject_id", "lang")
        )
        found.update(rows)
    return found


@dataclass(frozen=True)
class ImportJobView:
    job_id: int
    started_at: datetime
    imported: int
    provider: str  # the organization that provided the directory (Art. 30), not a person
    received_on: date


def import_jobs_recent(*, limit: int = 200) -> list[ImportJobView]:
    """Directory import jobs, newest first."""
    jobs = ImportJob.objects.select_related("receipt").order_by("-started_at", "-pk")[:limit]
    return [
        ImportJobView(
            j.pk, j.started_at, j.imported, j.receipt.provider_name, j.receipt.received_on
        )
        for j in jobs
    ]


def import_job_subjects(*, job_id: int) -> QuerySet[Subject]:
    """Everyone a directory import job acquired."""
    rows = ImportedRow.objects.filter(job_id=job_id).values("acquisition__subject_id")
    return Subject.objects.filter(pk__in=rows)
