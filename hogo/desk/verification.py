"""Proof that a requester controls the address they gave: a 6-digit code (10 minutes, 3
attempts) or a single-use link, both sent by e-mail and stored only as keyed hashes; and the
rate limits that stop guessing and mail bombing, counted in the database so that every process
and machine shares them.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from hogo.desk.models import Case, Verification, VerificationPurpose
from hogo.errors import HogoError
from hogo.refs import ref_new
from hogo.throttle.services import Rule, throttle_hit

CODE_LIFETIME = timedelta(minutes=10)
CODE_ATTEMPTS = 3


class Throttled(HogoError):
    code = "throttled"
    status = 429

    def __init__(self) -> None:
        super().__init__("Too many attempts; please wait and try again later")


# New codes per address and per client network (/24, /48: an office shares one), and code
# entries per client network.
CODES_PER_ADDRESS = Rule("code_address", 5, timedelta(hours=1))
CODES_PER_CLIENT = Rule("code_client", 30, timedelta(hours=1))
CHECKS_PER_CLIENT = Rule("check_client", 60, timedelta(hours=1))


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 under a key derived from the server secret: a copy of the database alone
    cannot turn a stored hash back into a code, a link or an address."""
    return salted_hmac(f"hogo.desk.{purpose}", value, algorithm="sha256").hexdigest()


def attempt_count(limit: Rule, key: str, *, now: datetime | None = None) -> None:
    """Counts one event for `key` (an address's blind index or a client network; the one
    throttle stores only a keyed hash of it); raises `Throttled` once the window's count passes
    the limit. The count commits with the caller's transaction, or at once outside one."""
    if not throttle_hit(rule=limit, value=key, now=now):
        raise Throttled()


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


class VerificationOutcome(Enum):
    OK = "ok"
    WRONG = "wrong"
    EXPIRED = "expired"  # too old, already used, or unknown: the person needs a new code
    EXHAUSTED = "exhausted"  # three wrong codes


def verification_use(
    *, verification_ref: str | None = None, code: str | None = None, token: str | None = None
) -> tuple[VerificationOutcome, Verification | None]:
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
        return VerificationOutcome.EXPIRED, None
    if token is None:
        if verification.attempts >= CODE_ATTEMPTS:
            return VerificationOutcome.EXHAUSTED, None
        verification.attempts += 1
        expected = keyed_hash("code", f"{verification.ref}:{(code or '').strip()}")
        if not constant_time_compare(expected, verification.code_hash):
            verification.save(update_fields=["attempts"])
            exhausted = verification.attempts >= CODE_ATTEMPTS
            return (VerificationOutcome.EXHAUSTED if exhausted else VerificationOutcome.WRONG), None
    verification.used_at = now
    verification.save(update_fields=["attempts", "used_at"])
    # A code and a link were sent together; using one also retires any older ones.
    Verification.objects.filter(
        case=verification.case, purpose=verification.purpose, used_at__isnull=True
    ).update(used_at=now)
    return VerificationOutcome.OK, verification
