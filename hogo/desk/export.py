"""The requests of a period as a CSV or xlsx file for the desk's own records and reports.

By default the file holds no personal value: request numbers, kinds, statuses, dates, the
decision, the ground of a refusal, the assignee and the steps in words. The privacy officer may
add each requester's address and name by stating why (`ExportPurpose`, a fixed list: free text
next to people's data could itself carry personal data); every case's address is then opened
through the vault (one audited reading per case) and the export itself is audited with the
purpose stated and the number of cases. Cells that a spreadsheet would run as a formula are
neutralised in both formats (`hogo.csvfile.cell_safe`)."""

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from hogo.audit.services import audit_record
from hogo.csvfile import cell_safe, csv_bytes
from hogo.desk.casewords import moment, step_in_words
from hogo.desk.content import case_text
from hogo.desk.models import Case
from hogo.desk.requester import requester_name
from hogo.desk.search import cases_in_period
from hogo.errors import InvalidInput
from hogo.policy.selectors import policy_active
from hogo.policy.wording import fee as fee_shown
from hogo.roles import Role, has_role

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportPurpose(models.TextChoices):
    """Why the officer needs requesters' addresses and names in a file."""

    AUTHORITY = "authority", _("A report to the Personal Information Protection Commission")
    AUDIT = "audit", _("An internal audit of the request desk")
    COMPLAINT = "complaint", _("Handling a complaint about how a request was handled")
    LEGAL = "legal", _("A court order or another legal obligation")


@dataclass(frozen=True)
class ExportFile:
    name: str
    content_type: str
    content: bytes
    rows: int


def _header(personal: bool) -> list[str]:
    return [
        gettext("Request number"),
        pgettext("console", "Kind"),
        pgettext("console", "Status"),
        gettext("Came in through"),
        pgettext("console", "Received"),
        pgettext("console", "Due"),
        gettext("Decided"),
        gettext("Closed"),
        gettext("Ground of refusal"),
        gettext("Assigned to"),
        pgettext("console", "Fee"),
        pgettext("console", "Steps"),
        *([gettext("E-mail address"), gettext("Name")] if personal else []),
    ]


def _row(case: Case, steps: str) -> list[object]:
    return [
        case.ref,
        case.get_kind_display(),
        case.get_status_display(),
        case.get_intake_display(),
        moment(case.received_at),
        moment(case.due_at),
        moment(case.decided_at),
        moment(case.closed_at),
        case.get_refusal_reason_display(),
        case.assignee.username if case.assignee else "",
        fee_shown(case.fee_jpy) if case.fee_jpy else "",
        steps,
    ]


@transaction.atomic
def cases_export(
    *,
    actor: str,
    user: User,
    start: date,
    end: date,
    file_format: str,
    purpose: str = "",
) -> ExportFile:
    """The cases made from `start` to `end` (site's days, both included) as `csv` or `xlsx`;
    with each requester's address and name when the officer states a `purpose`."""
    if file_format not in ("csv", "xlsx"):
        raise InvalidInput("format: must be csv or xlsx")
    personal = bool(purpose)
    if personal and purpose not in ExportPurpose.values:
        raise InvalidInput("purpose: choose one from the list")
    if personal and not has_role(user, Role.PRIVACY_OFFICER):
        raise InvalidInput("purpose: only the privacy officer may export personal values")
    policy = policy_active()
    rows: list[list[object]] = []
    for case in cases_in_period(start=start, end=end):
        steps = " / ".join(
            f"{s.get_name_display()}: {s.get_status_display()} {step_in_words(s, policy)}".strip()
            for s in sorted(case.steps.all(), key=lambda s: s.position)
        )
        row = _row(case, steps)
        if personal:
            email = case_text(case, actor=actor, via="export", email=True).email
            row += [email, requester_name(case=case, user=user, actor=actor).name]
        rows.append(row)
    audit_record(
        actor=actor,
        action="desk.cases.export",
        detail={
            "from": start.isoformat(),
            "to": end.isoformat(),
            "cases": len(rows),
            "format": file_format,
            "personal": personal,
            "purpose": purpose or None,
        },
    )
    header = _header(personal)
    name = f"requests-{start.isoformat()}-{end.isoformat()}.{file_format}"
    if file_format == "csv":
        return ExportFile(name, "text/csv; charset=utf-8", csv_bytes(header, rows), len(rows))
    return ExportFile(name, XLSX, _xlsx(header, rows), len(rows))


def _xlsx(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    # Imported here: every hogo process imports this module (through the console), few write
    # a workbook, and openpyxl takes a tenth of a second to import.
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = gettext("Requests")
    sheet.append(list(header))
    for row in rows:
        # openpyxl stores a string starting with "=" as a formula: neutralised as in the CSV.
        sheet.append([cell_safe("" if v is None else str(v)) for v in row])
    sheet.freeze_panes = "A2"
    for index, title in enumerate(header, start=1):
        longest = max([len(title), *(len(str(r[index - 1])) for r in rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest, 10), 60) + 2
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
