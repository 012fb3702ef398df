"""The one throttle: rate limits (`throttle_hit`) and lockouts (`throttle_fail`), counted in
the `Throttle` table. Each caller states its rule: the scope, how many, in what window and, for
a lockout, for how long it locks. The limits themselves stay with their callers (settings or
constants beside the code that uses them).

Counters are not audited here: they hold no personal data and change nothing about anyone;
the console audits the locks it cares about.
"""

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, connections, router, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

# The row `throttle_fail` returns (a lock), which callers name in their type hints.
from hogo.throttle.models import Throttle as Throttle

# The longest window or lock of any rule: counters older than this are forgotten.
LONGEST = timedelta(days=1)


@dataclass(frozen=True)
class Rule:
    """`most` events per `window`. Without `lock`, a rate limit in fixed windows: the event
    after the most is refused until the window ends. With `lock`, a lockout: counted in a
    window from the first failure, the `most`-th failure locks for `lock`."""

    scope: str
    most: int
    window: timedelta
    lock: timedelta | None = None


def throttle_key(scope: str, value: str) -> str:
    # Folded (NFKC, case) so that "Olivia" and "olivia" share one counter: locking more,
    # never less.
    folded = unicodedata.normalize("NFKC", value).casefold()
    return salted_hmac("hogo.throttle", f"{scope}:{folded}", algorithm="sha256").hexdigest()


def throttle_hit(*, rule: Rule, value: str, now: datetime | None = None) -> bool:
    """Counts one event for `value` under a rate limit; False when it is over the limit."""
    now = now or timezone.now()
    seconds = int(rule.window.total_seconds())
    start = datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=UTC)
    key = throttle_key(rule.scope, value)
    count = _counted(rule.scope, key, start)
    if count is None:
        count = _window_open(rule, key, start, now)
    return count <= rule.most


def _counted(scope: str, key: str, start: datetime) -> int | None:
    """Adds one to the key's count in this window and returns it; None when the key has no
    row for this window. One statement, atomic on its own: every form post pays for it, and
    the ORM's update-then-read in a transaction took four round trips."""
    connection = connections[router.db_for_write(Throttle)]
    quote = connection.ops.quote_name
    table, count = quote(Throttle._meta.db_table), quote("count")
    # Names from the model, values bound.
    sql = (
        f"UPDATE {table} SET {count} = {count} + 1 "  # noqa: S608
        f"WHERE {quote('scope')} = %s AND {quote('key')} = %s AND {quote('window_start')} = %s "
        f"RETURNING {count}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [scope, key, connection.ops.adapt_datetimefield_value(start)])
        row = cursor.fetchone()
    return None if row is None else int(row[0])


@transaction.atomic
def _window_open(rule: Rule, key: str, start: datetime, now: datetime) -> int:
    """A new window: the key's row of another one starts afresh, or a first row is made;
    returns the count with this event."""
    rows = Throttle.objects.filter(scope=rule.scope, key=key)
    current = rows.filter(window_start=start)
    rows.exclude(window_start=start).update(window_start=start, count=0)
    if not current.update(count=F("count") + 1):
        try:
            with transaction.atomic():
                Throttle.objects.create(scope=rule.scope, key=key, window_start=start)
        except IntegrityError:
            pass  # another process made it first
        current.update(count=F("count") + 1)
    _forget(rule, now)
    count: int = current.values_list("count", flat=True).get()
    return count


@transaction.atomic
def throttle_fail(*, rule: Rule, value: str, now: datetime | None = None) -> Throttle | None:
    """Counts one failure for `value` under a lockout; the row when this failure locked it,
    else None. A failure while locked is not counted, so a lock never grows beyond its length."""
    assert rule.lock is not None, "throttle_fail needs a rule with a lock"
    now = now or timezone.now()
    _forget(rule, now)
    row, _ = Throttle.objects.select_for_update().get_or_create(
        scope=rule.scope, key=throttle_key(rule.scope, value), defaults={"window_start": now}
    )
    if row.is_locked(now):
        return None
    if row.locked_until is not None or row.window_start <= now - rule.window:
        # The lock or the window has passed: start counting afresh.
        row.count, row.window_start, row.locked_until = 0, now, None
    row.count += 1
    if row.count >= rule.most:
        row.locked_until = now + rule.lock
    row.save()
    return row if row.locked_until is not None else None


@transaction.atomic
def throttle_forgive(*, rule: Rule, value: str) -> None:
    """Forgets `value`'s count and lock (a successful log-in, a password reset)."""
    Throttle.objects.filter(scope=rule.scope, key=throttle_key(rule.scope, value)).delete()


@transaction.atomic
def throttles_forget(*, now: datetime | None = None) -> int:
    """Deletes every counter whose window and lock have passed (the longest is a day)."""
    now = now or timezone.now()
    stale = Throttle.objects.filter(window_start__lt=now - LONGEST).exclude(locked_until__gt=now)
    return stale.delete()[0]


def _forget(rule: Rule, now: datetime) -> None:
    # Counters of the rule whose window and lock have both passed count for nothing any
    # more, so that a spray of made-up names or networks leaves no rows behind.
    Throttle.objects.filter(scope=rule.scope, window_start__lte=now - rule.window).exclude(
        locked_until__gt=now
    ).delete()
