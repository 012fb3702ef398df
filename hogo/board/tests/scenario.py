"""One set of rows with known counts, shared by the board's tests: what a privacy officer would
check on the dashboard against what happened this month."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.board.tests import data
from hogo.periods import months_until


@dataclass(frozen=True)
class Expected:
    this_month: str  # the table row of this month, 2026年12月 or December 2026
    open_requests: int = 3
    due_soon: int = 1
    overdue: int = 1
    answered: int = 3
    median_days: str = "2.0"
    p90_days: str = "10.0"
    accept_all: int = 3
    reject_all: int = 2
    custom: int = 1
    gpc: int = 3
    event_registrations: int = 4
    surveys: int = 2
    withdrawals: int = 1
    suspensions: int = 2
    erasures: int = 3
    corrections: int = 1


def _moment(now: datetime) -> datetime:
    """A moment this month that is before now (the month's start + a few minutes, or now)."""
    start = months_until(now=now, count=1)[0].start
    return max(start + timedelta(minutes=5), now - timedelta(minutes=1))


def scenario_create() -> datetime:
    """The rows; returns the moment they are recorded at (this month, in Japan)."""
    now = timezone.now()
    at = _moment(now)
    pks = data.subjects(10)
    data.cases(
        [
            data.case(
                kind="disclosure", status="open", received_at=at, due_at=now + timedelta(days=1)
            ),
            data.case(
                kind="disclosure", status="open", received_at=at, due_at=now - timedelta(hours=2)
            ),
            data.case(
                kind="correction",
                status="in_progress",
                received_at=at,
                due_at=now + timedelta(days=9),
            ),
            *(
                data.case(
                    kind="suspension",
                    status="completed",
                    received_at=at - timedelta(days=d),
                    closed_at=at,
                )
                for d in (1, 2, 10)
            ),
        ]
    )
    data.cookie_choices(
        [
            ("accept_all", True, at),
            ("accept_all", False, at),
            ("accept_all", False, at),
            ("reject_all", True, at),
            ("reject_all", True, at),
            ("custom", False, at),
        ]
    )
    data.acquisitions(
        [(pk, "event-registration", at) for pk in pks[:4]] + [(pk, "survey", at) for pk in pks[4:6]]
    )
    data.consents([(pks[0], "purpose", "campaign-invitations-surveys", at, at)])
    data.suspensions(pks[:2], at)
    data.erasures(pks[6:9], at)
    audit_record(actor="user:1", action="vault.items.correct", subjects=[], detail={})
    return at
