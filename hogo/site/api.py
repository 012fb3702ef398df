"""`/api/v1/site/`: cookie consent statistics and the history of one consent id, for staff."""

from datetime import UTC, datetime
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from pydantic import field_validator

from hogo.errors import InvalidInput, Refused
from hogo.site.selectors import (
    consent_lookup_check,
    consent_stats_reader_check,
    cookie_consent_stats,
)
from hogo.site.services import cookie_consent_lookup

router = Router(tags=["site"])


class StatsFilter(Schema):
    since: datetime | None = Field(None, description="Count choices recorded at or after this.")
    until: datetime | None = Field(None, description="Count choices recorded before this.")

    @field_validator("since", "until")
    @classmethod
    def in_utc(cls, value: datetime | None) -> datetime | None:
        """Bounds in UTC: PostgreSQL refuses offsets past 15:59, SQLite's adapter converts to
        UTC itself, and a naive bound next to an aware one could not be compared."""
        if value is None:
            return None
        try:
            aware = timezone.make_aware(value) if timezone.is_naive(value) else value
            return aware.astimezone(UTC)
        except (OverflowError, ValueError):
            raise ValueError("out of the supported date range") from None


class CategoryCountOut(Schema):
    id: str
    accepted: int
    rejected: int


class StatsOut(Schema):
    records: int = Field(description="Choices recorded (each change of mind counts).")
    visitors: int = Field(description="Distinct consent ids among them.")
    gpc: int = Field(description="Choices made with Global Privacy Control present.")
    by_method: dict[str, int]
    by_cookies_version: dict[int, int]
    categories: list[CategoryCountOut]


class CookieChoiceOut(Schema):
    recorded_at: datetime
    method: str
    accepted: list[str]
    rejected: list[str]
    policy_version: int
    cookies_version: int
    gpc: bool
    network: str | None = Field(description="Truncated: IPv4 /24 or IPv6 /48.")
    origin: str
    language: str


class HistoryOut(Schema):
    consent_id: str
    choices: list[CookieChoiceOut]


@router.get("/consents/stats", response=StatsOut, summary="Cookie consent statistics")
def consent_stats(request: HttpRequest, filters: Query[StatsFilter]) -> StatsOut:
    if not consent_stats_reader_check(user=request.user):
        raise Refused(
            "Only the privacy officer, auditors and marketing may read consent statistics",
            code="forbidden",
        )
    if filters.since and filters.until and filters.since >= filters.until:
        raise InvalidInput("since must be before until")
    stats = cookie_consent_stats(since=filters.since, until=filters.until)
    return StatsOut.model_validate(stats, from_attributes=True)


@router.get(
    "/consents/{consent_id}", response=HistoryOut, summary="Every choice under one consent id"
)
def consent_history(
    request: HttpRequest,
    consent_id: Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{22}$")],
) -> HistoryOut:
    if not consent_lookup_check(user=request.user):
        raise Refused(
            "Only the privacy officer, the desk and auditors may look up a consent id",
            code="forbidden",
        )
    choices = cookie_consent_lookup(user=request.user, consent_id=consent_id)  # type: ignore[arg-type]
    return HistoryOut(
        consent_id=consent_id,
        choices=[CookieChoiceOut.model_validate(c, from_attributes=True) for c in choices],
    )
