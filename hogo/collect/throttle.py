"""Rate limiting of public form submissions per client network (HOGO_FORM_RATE), counted by
the one throttle (`hogo.throttle`) in fixed windows shared by every web process."""

from datetime import UTC, datetime, timedelta

from django.conf import settings

from hogo.throttle.services import Rule, throttle_hit


def form_throttle_hit(*, network: str | None, now: float | None = None) -> bool:
    """Counts one submission from `network`; False when it is over the limit."""
    limit, seconds = settings.FORM_RATE
    rule = Rule("form", limit, timedelta(seconds=seconds))
    at = None if now is None else datetime.fromtimestamp(now, tz=UTC)
    return throttle_hit(rule=rule, value=network or "unknown", now=at)
