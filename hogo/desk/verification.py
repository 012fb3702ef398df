"""Proof that a requester controls the address they gave: a 6-digit code (10 minutes, 3
attempts) or a single-use link, both sent by e-mail and stored only as keyed hashes; and the
rate limits that stop guessing and mail bombing, counted in the database so that every process
and machine shares them.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from hogo.desk.models import Case, Throttle, Verification, VerificationPurpose
from hogo.errors import HogoError
from hogo.refs import ref_new

CODE_LIFETIME = timedelta(minutes=10)
CODE_ATTEMPTS = 3


class Throttled(HogoError):
    code = "throttled"
    status = 429

    def __init__(self) -> None:
        super().__init__("Too many attempts; please wait and try again later")


@dataclass(frozen=True)
class Limit:
    scope: str
    most: int
    window: timedelta


# New codes per address and per client network (/24, /48: an office shares one), and code
# entries per client network.
CODES_PER_ADDRESS = Limit("code_address", 5, timedelta(hours=1))
CODES_PER_CLIENT = Limit("code_client", 30, timedelta(hours=1))
CHECKS_PER_CLIENT = Limit("check_client", 60, timedelta(hours=1))


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 under a key derived from the server secret: a copy of the database alone
    cannot turn a stored hash back into a code, a link or an address."""
    return salted_hmac(f"hogo.desk.{purpose}", value, algorithm="sha256").hexdigest()


def throttle_hit(limit: Limit, key: str, *, now: datetime | None = None) -> None:
    """Counts one event for `key` (an address or client IP, hashed before it is stored);
    raises `Throttled` once the window's count passes the limit."""
    now = now or timezone.now()
    seconds = int(limit.window.total_seconds())
    start = datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=now.tzinfo)
    digest = keyed_hash("throttle", f"{limit.scope}:{key.casefold()}")
    rows = Throttle.objects.filter(scope=limit.scope, key=digest, window_start=start)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    Throttle.objects.create(
                        scope=limit.scope, key=digest, window_start=start, count=1
                    )
            except IntegrityError:  # another process created it first
                rows.update(count=F("count") + 1)
        count = rows.values_list("count", flat=True).get()
    if count > limit.most:
        raise Throttled()


def throttles_forget(*, now: datetime | None = None) -> int:
    """Deletes counters of windows that ended (the longest window is a day)."""
    now = now or timezone.now()
    return Throttle.objects.filter(window_start__lt=now - timedelta(days=1)).delete()[0]


@dataclass(frozen=True)
class Issued:
    """What goes into the mail, once: the code and the link token are not kept."""

    verification: Verification
    code: str
    token: str


def verification_issue(*, case: Case, purpose: VerificationPurpose) -> Issued:
    ref = ref_new("ver")
    code = f"{secrets.randbelow(10**6):06d}"
    token = secrets.token_urlsafe(32)
    verification = Verification.objects.create(
        ref=ref,
        case=case,
        purpose=purpose,
        code_hash=keyed_hash("code", f"{ref}:{code}"),
        link_hash=keyed_hash("link", token),
        expires_at=timezone.now() + CODE_LIFETIME,
    )
    return Issued(verification, code, token)


class Outcome(Enum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"  # too old, already used, or unknown: the person needs a new code
    EXHAUSTED = "exhausted"  # three wrong codes


def verification_use(
    *, verification_ref: str | None = None, code: str | None = None, token: str | None = None
) -> tuple[Outcome, Verification | None]:
    """Checks a code (with its verification ref) or a link token and uses the verification up
    on success. Runs in the caller's transaction: the caller commits a wrong attempt's count
    before it reports the failure."""
    rows = Verification.objects.select_for_update().select_related("case")
    if token is not None:
        verification = rows.filter(link_hash=keyed_hash("link", token)).first()
    else:
        verification = rows.filter(ref=verification_ref or "").first()
    now = timezone.now()
    if verification is None or verification.used_at or verification.expires_at <= now:
        return Outcome.EXPIRED, None
    if token is None:
        if verification.attempts >= CODE_ATTEMPTS:
            return Outcome.EXHAUSTED, None
        verification.attempts += 1
        expected = keyed_hash("code", f"{verification.ref}:{(code or '').strip()}")
        if not constant_time_compare(expected, verification.code_hash):
            verification.save(update_fields=["attempts"])
            exhausted = verification.attempts >= CODE_ATTEMPTS
            return (Outcome.EXHAUSTED if exhausted else Outcome.WRONG), None
    verification.used_at = now
    verification.save(update_fields=["attempts", "used_at"])
    # A code and a link were sent together; using one also retires any older ones.
    Verification.objects.filter(
        case=verification.case, purpose=verification.purpose, used_at__isnull=True
    ).update(used_at=now)
    return Outcome.OK, verification
