"""GET /api/v1/audit/events[/<seq>] and /api/v1/audit/verify, for the officer and auditors."""

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema

from hogo.audit.selectors import audit_event_get, audit_events, audit_reader_check, audit_verify
from hogo.errors import NotFound, Refused

router = Router(tags=["audit"])

MAX_SEQ = 2**63 - 1


class EventFilter(Schema):
    action: str | None = Field(
        None,
        max_length=80,
        pattern=r"^[a-z][a-z0-9_.-]*(\.\*)?$",
        description="Exact action, or a prefix ending in `.*` (`vault.*`).",
    )
    subject: str | None = Field(
        None, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description="Subject id."
    )
    after: int = Field(
        0,
        ge=0,
        le=MAX_SEQ,
        description="Return events after this seq (the previous page's `next_after`).",
    )
    limit: int = Field(100, ge=1, le=500)


class EventOut(Schema):
    seq: int
    at: datetime
    actor: str
    action: str
    purpose: str | None
    subjects: list[str]
    detail: dict[str, object]
    prev_hash: str
    hash: str


class EventPage(Schema):
    items: list[EventOut]
    next_after: int | None = Field(
        description="Pass as `after` for the next page; null at the end."
    )


class VerifyOut(Schema):
    ok: bool
    events: int
    head: str
    bad_seq: int | None
    reason: str | None
    message: str


def require_reader(request: HttpRequest) -> None:
    if not audit_reader_check(user=request.user):
        raise Refused(
            "Only the privacy officer and auditors may read the audit log", code="forbidden"
        )


@router.get("/events", response=EventPage, summary="Audit events in seq order")
def list_events(request: HttpRequest, filters: Query[EventFilter]) -> EventPage:
    require_reader(request)
    events = audit_events(
        action=filters.action, subject=filters.subject, after=filters.after, limit=filters.limit
    )
    return EventPage(
        items=[EventOut.model_validate(event, from_attributes=True) for event in events],
        next_after=events[-1].seq if len(events) == filters.limit else None,
    )


@router.get("/events/{seq}", response=EventOut, summary="One audit event")
def get_event(request: HttpRequest, seq: Path[Annotated[int, Field(ge=0, le=MAX_SEQ)]]) -> EventOut:
    require_reader(request)
    event = audit_event_get(seq=seq)
    if event is None:
        raise NotFound(f"No audit event {seq}")
    return EventOut.model_validate(event, from_attributes=True)


@router.get("/verify", response=VerifyOut, summary="Verify the whole hash chain")
def verify(request: HttpRequest) -> VerifyOut:
    require_reader(request)
    result = audit_verify()
    return VerifyOut(
        ok=result.ok,
        events=result.events,
        head=result.head,
        bad_seq=result.bad_seq,
        reason=result.reason,
        message=result.line,
    )
