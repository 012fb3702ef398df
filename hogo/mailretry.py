"""How an outbox retries a message the mail server did not take, and what it records about
the failure. One schedule and one description for every outbox (the desk's mail, the forms'
confirmation mail): a shared module, like `hogo/refs.py`, not an app."""

import smtplib
from datetime import datetime, timedelta

from django.db.models import Model, Q, QuerySet

MAX_BACKOFF = timedelta(hours=6)


def backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 ... minutes after the n-th failure, at most six hours."""
    return min(timedelta(minutes=2 ** min(attempts - 1, 20)), MAX_BACKOFF)


def error_describe(exc: BaseException) -> str:
    """What went wrong, without the server's text (it may repeat the address)."""
    name = type(exc).__name__
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{name}: SMTP {exc.smtp_code}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(code) for code, _ in exc.recipients.values()})
        return f"{name}: SMTP {', '.join(codes)}"
    if isinstance(exc, OSError) and exc.errno is not None:
        return f"{name}: errno {exc.errno}"
    return name


def due_refs(queued: QuerySet[Model], *, now: datetime, limit: int) -> list[str]:
    """Refs of an outbox's queued messages whose next attempt is due and that no sender holds
    (a claim left by a sender that died expires), the most overdue first."""
    return list(
        queued.filter(next_attempt_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .order_by("next_attempt_at")
        .values_list("ref", flat=True)[:limit]
    )


def claimed(queued: QuerySet[Model], *, ref: str, now: datetime, hold: timedelta) -> bool:
    """Takes the queued message `ref` for one sender for `hold` (a sender that dies frees it
    then); False when it is sent or dropped already, or another sender holds it."""
    free = queued.filter(ref=ref).filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
    return bool(free.update(claimed_until=now + hold))
