"""Disposal of provision records and Art. 31 confirmations past their retention (Rules 21 and
30: one or three years from the last provision), of the directory import's Art. 30 receipt
records three years after the last receipt under them (Rule 25), and of expired packages.

A record goes as a whole, with its provisions, their lines and packages: after that the
organization no longer holds it, and a disclosure no longer shows it. One audit event per run
that disposed of anything.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.collect.services import receipt_records_dispose
from hogo.share.models import (
    Provision,
    ProvisionLine,
    ProvisionPackage,
    ProvisionRecord,
    ReferableConfirmation,
)
from hogo.share.records import SweepSummary
from hogo.share.services import years_after

RETENTION_ACTOR = "system:share-retention"
BATCH = 200
RECEIPT_YEARS = 3  # Rule 25


@transaction.atomic
def records_dispose(*, now: datetime | None = None) -> SweepSummary:
    moment = now or timezone.now()
    records = lines = provisions = 0
    expired = ProvisionRecord.objects.filter(retain_until__lte=moment)
    # Packages first, counted on their own: those of records going now and those past expiry.
    packages = ProvisionPackage.objects.filter(expires_at__lte=moment).delete()[0]
    packages += ProvisionPackage.objects.filter(provision__record__in=expired).delete()[0]
    while batch := list(expired.order_by("pk").values_list("pk", flat=True)[:BATCH]):
        chosen = Provision.objects.filter(record_id__in=batch)
        lines += ProvisionLine.objects.filter(provision__in=chosen).delete()[0]
        provisions += chosen.delete()[0]
        records += ProvisionRecord.objects.filter(pk__in=batch).delete()[0]
    confirmations = ReferableConfirmation.objects.filter(retain_until__lte=moment).delete()[0]
    receipts = _receipts_dispose(moment)
    summary = SweepSummary(records, provisions, lines, packages, confirmations, receipts)
    if records or packages or confirmations or receipts:
        audit_record(
            actor=RETENTION_ACTOR,
            action="share.records.dispose",
            detail={
                "records": records,
                "provisions": provisions,
                "lines": lines,
                "packages": packages,
                "confirmations": confirmations,
                "receipts": receipts,
            },
        )
    return summary


def _receipts_dispose(moment: datetime) -> int:
    """Receipt records (collect's) whose last receipt is three years old (Rule 25)."""
    return receipt_records_dispose(last_receipt_before=years_after(moment, -RECEIPT_YEARS))
