from collections.abc import Sequence
from datetime import datetime

from django.db.models import Max
from django.utils import timezone

from hogo.throttle.models import Throttle
from hogo.throttle.services import Rule, throttle_key


def throttle_locked_until(
    *, checks: Sequence[tuple[Rule, str]], now: datetime | None = None
) -> datetime | None:
    """When the last lock among these (rule, value) pairs ends, or None if none is locked."""
    # A key is an HMAC over the scope and the value, so keys alone tell the pairs apart.
    keys = [throttle_key(rule.scope, value) for rule, value in checks]
    latest: datetime | None = Throttle.objects.filter(
        key__in=keys, locked_until__gt=now or timezone.now()
    ).aggregate(until=Max("locked_until"))["until"]
    return latest
