"""Writes: a visitor's cookie choice becomes a consent record."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, transaction
from django.utils import timezone

from hogo.audit.services import actor_for, audit_record
from hogo.errors import Conflict, HogoError, InvalidInput, NotFound
from hogo.policy.selectors import policy_in_force
from hogo.site.models import ConsentMethod, CookieConsent
from hogo.site.selectors import cookie_consent_history, cookie_consent_recent_count

# A busy office or a carrier's NAT shares one /24, so the limit is per network and generous;
# it stops one machine from filling the table, not visitors.
RATE_LIMIT = 120
RATE_WINDOW = timedelta(minutes=1)


class RateLimited(HogoError):
    code = "rate_limited"
    status = 429


@dataclass(frozen=True)
class CookieChoice:
    """What the visitor chose, as the consent script reports it."""

    accepted: frozenset[str]
    rejected: frozenset[str]
    cookies_version: int
    method: ConsentMethod
    gpc: bool
    language: str


def consent_id_new() -> str:
    # 128 random bits: the id is the only link between a visitor and their records.
    return secrets.token_urlsafe(16)


def cookie_consent_record(
    *, choice: CookieChoice, consent_id: str | None, network: str | None, origin: str
) -> CookieConsent:
    """Store one choice; a known `consent_id` continues that visitor's history.

    An unknown id (the visitor's cookie outlived the records, or someone made one up) gets a
    fresh id rather than an error: the choice is still the visitor's and must be kept. Not
    audited one by one: the records are anonymous, append-only and themselves the log.

    The reads before the INSERT are deliberately outside a transaction: none needs a lock (the
    rate limit may overshoot by a few concurrent requests; ids are never deleted).
    """
    policy_version, policy = policy_in_force()
    cookies = policy.cookies
    if choice.cookies_version != cookies.version:
        raise Conflict(
            f"cookie policy version {cookies.version} is in force, not "
            f"{choice.cookies_version}: the visitor must be asked again",
            code="stale_version",
        )
    required = {c.id for c in cookies.categories.values() if c.required}
    _check_categories(choice, required=required, known=set(cookies.categories))
    now = timezone.now()
    if cookie_consent_recent_count(network=network, since=now - RATE_WINDOW) >= RATE_LIMIT:
        raise RateLimited(
            f"more than {RATE_LIMIT} cookie choices a minute from this network; try again later"
        )
    if consent_id is None or not CookieConsent.objects.filter(consent_id=consent_id).exists():
        consent_id = consent_id_new()
    record = CookieConsent(
        consent_id=consent_id,
        recorded_at=now,
        method=choice.method,
        accepted=sorted(choice.accepted),
        rejected=sorted(choice.rejected),
        policy_version=policy_version,
        cookies_version=cookies.version,
        gpc=choice.gpc,
        network=network,
        origin=origin,
        language=choice.language,
    )
    if connection.vendor == "postgresql":
        with transaction.atomic():
            # The commit returns before the WAL reaches the disk. A crash of the database
            # server may lose the last fraction of a second of choices (at most 3 x
            # wal_writer_delay), never corrupt anything: the durability SQLite already has here
            # (WAL, synchronous=NORMAL). Waiting for each flush capped the endpoint at a few
            # hundred records a second.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
            record.save(force_insert=True)
    else:
        # In autocommit, SQLite takes its single writer lock for the INSERT statement alone;
        # a transaction around it would hold the lock while the ORM builds the statement,
        # and the other writers would sleep in SQLite's busy handler meanwhile.
        record.save(force_insert=True)
    return record


def _check_categories(choice: CookieChoice, *, required: set[str], known: set[str]) -> None:
    accepted, rejected = choice.accepted, choice.rejected
    if unknown := (accepted | rejected) - known:
        raise InvalidInput(f"unknown cookie categories: {', '.join(sorted(unknown))}")
    if both := accepted & rejected:
        raise InvalidInput(f"categories both accepted and rejected: {', '.join(sorted(both))}")
    if missing := known - accepted - rejected:
        raise InvalidInput(
            f"every category must be accepted or rejected; missing: {', '.join(sorted(missing))}"
        )
    if refused := required & rejected:
        raise InvalidInput(f"necessary categories cannot be rejected: {', '.join(sorted(refused))}")
    # The method is what the statistics count, so it must agree with the categories.
    if choice.method == ConsentMethod.ACCEPT_ALL and rejected:
        raise InvalidInput("accept_all must accept every category")
    if choice.method == ConsentMethod.REJECT_ALL and accepted != required:
        raise InvalidInput("reject_all must accept only the necessary categories")


@transaction.atomic
def cookie_consent_lookup(*, user: AbstractBaseUser, consent_id: str) -> list[CookieConsent]:
    """A staff member reads every choice under one consent id; the lookup is audited.

    The consent id links a visitor's browser to their choices (APPI Art. 31), so who looked one
    up is recorded; the id itself is not, as it is the value of the visitor's cookie.
    """
    choices = cookie_consent_history(consent_id=consent_id)
    if not choices:
        raise NotFound("No cookie choice was recorded under this consent id")
    audit_record(
        actor=actor_for(user), action="site.consent.lookup", detail={"choices": len(choices)}
    )
    return choices
