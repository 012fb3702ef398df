"""The evidence hogo gathers when an internal review opens (a snapshot kept on the review):
the audit chain's verification (what `hogo audit verify` runs), requests past their deadline,
overdue trainings, contractors whose supervision is overdue, and open incidents. Refs, counts,
dates and staff or company names only: no personal data of the people hogo serves."""

from datetime import datetime

from hogo.audit.selectors import audit_verify
from hogo.desk.selectors import cases_queue
from hogo.safety.models import Incident
from hogo.safety.selectors import incidents_open, trainings_overdue
from hogo.safety.supervision import supervision_overdue

LISTED = 100  # rows kept per list; the count is always the full number


def _audit() -> dict[str, object]:
    result = audit_verify()
    return {"ok": result.ok, "events": result.events, "line": result.line}


def _requests(now: datetime) -> dict[str, object]:
    late = cases_queue().filter(due_at__lt=now)
    rows = [
        {"ref": case.ref, "kind": case.kind, "due_at": case.due_at.isoformat()}
        for case in late[:LISTED]
        if case.due_at is not None
    ]
    return {"count": late.count(), "rows": rows}


def _trainings(now: datetime) -> dict[str, object]:
    overdue = trainings_overdue(now=now)
    rows = [
        {"user": o.user.username, "course": o.course.title, "due_on": o.due_on.isoformat()}
        for o in overdue[:LISTED]
    ]
    return {"count": len(overdue), "rows": rows}


def _supervision(now: datetime) -> dict[str, object]:
    overdue = supervision_overdue(now=now)
    rows = [
        {
            "agreement": s.state.agreement.ref,
            "contractor": s.state.agreement.recipient.name,
            "due_on": s.due_on.isoformat(),
        }
        for s in overdue[:LISTED]
    ]
    return {"count": len(overdue), "rows": rows}


def _incident_row(incident: Incident) -> dict[str, object]:
    return {
        "ref": incident.ref,
        "status": incident.status,
        "reportable": incident.reportable,
        "discovered_at": incident.discovered_at.isoformat(),
    }


def _incidents() -> dict[str, object]:
    rows = incidents_open()
    return {"count": rows.count(), "rows": [_incident_row(i) for i in rows[:LISTED]]}


def evidence_gather(*, now: datetime) -> dict[str, object]:
    return {
        "gathered_at": now.isoformat(),
        "audit": _audit(),
        "requests_overdue": _requests(now),
        "trainings_overdue": _trainings(now),
        "supervision_overdue": _supervision(now),
        "incidents_open": _incidents(),
    }
