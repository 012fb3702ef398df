"""The provision records as a CSV or xlsx file, for an inspection (PPC or an internal audit).

One row per provided subject per provision: the Art. 29 items (date, recipient with name,
address and representative, the individual by pseudonymous id, the items, the consent relied
on) with the record's form and retention. Subjects appear by id, never by value.
"""

import io
from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.csvfile import cell_safe, csv_bytes
from hogo.errors import InvalidInput
from hogo.share.records import RecordRow
from hogo.share.selectors import record_rows

HEADER = (
    "record",
    "form",
    "retain_until",
    "provision",
    "provided_at",
    "recipient",
    "recipient_name",
    "recipient_address",
    "recipient_representative",
    "recipient_country",
    "basis",
    "purpose",
    "subject",
    "items",
    "consent",
    "foreign_consent",
    "exception",
)
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _cells(row: RecordRow) -> list[str]:
    local = timezone.localtime
    return [
        row.record_id,
        row.form,
        local(row.retain_until).isoformat(timespec="seconds"),
        row.provision_id,
        local(row.provided_at).isoformat(timespec="seconds"),
        row.recipient_id,
        cell_safe(row.recipient_name),
        cell_safe(row.recipient_address),
        cell_safe(row.recipient_representative),
        row.recipient_country,
        row.basis,
        row.purpose,
        row.subject_id,
        " ".join(row.categories),
        row.consent_ref,
        row.foreign_consent_ref,
        row.exception,
    ]


def records_csv(rows: Iterable[RecordRow]) -> bytes:
    return csv_bytes(HEADER, (_cells(row) for row in rows))


def records_xlsx(rows: Iterable[RecordRow]) -> bytes:
    from openpyxl import Workbook  # 0.4 s to import: only where a workbook is made

    book = Workbook(write_only=True)
    sheet = book.create_sheet("provision records")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(_cells(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@transaction.atomic
def records_export(
    *,
    actor: str,
    fmt: str,
    recipient_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    record_ids: Sequence[str] | None = None,
) -> tuple[str, str, bytes]:
    """(file name, content type, content) of the records export; audited."""
    if fmt not in FORMATS:
        raise InvalidInput(f"format: must be one of {', '.join(FORMATS)}")
    rows = list(
        record_rows(recipient_id=recipient_id, since=since, until=until, record_ids=record_ids)
    )
    content = records_csv(rows) if fmt == "csv" else records_xlsx(rows)
    audit_record(
        actor=actor,
        action="share.records.export",
        detail={
            "format": fmt,
            "recipient": recipient_id or "",
            "since": since.isoformat() if since else "",
            "until": until.isoformat() if until else "",
            "records": len(record_ids) if record_ids is not None else "all",
            "rows": len(rows),
        },
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return f"provision-records-{stamp}.{fmt}", FORMATS[fmt], content
