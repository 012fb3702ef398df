"""Writes of staff's TOTP second factors: enrolment, the code checked at login, and the
officer's reset when a phone is lost. Each effective change records one audit event naming the
user by id only; wrong codes count in the one throttle (`throttle.SECOND_FACTOR`)."""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils import timezone

from hogo.audit.services import actor_for, audit_record
from hogo.console.models import SecondFactor
from hogo.console.throttle import SECOND_FACTOR
from hogo.console.totp import secret_new, step_matching
from hogo.console.totp_key import secret_open, secret_seal
from hogo.errors import Conflict, NotFound
from hogo.throttle.selectors import throttle_locked_until
from hogo.throttle.services import throttle_fail, throttle_forgive


class CodeCheck(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    WRONG = "wrong", "Wrong or already used"
    LOCKED = "locked", "Too many wrong codes: locked for a while"


def _key(user: User) -> str:
    return f"user:{user.pk}"


@transaction.atomic
def second_factor_begin(*, user: User) -> str:
    """Start (or start again) an enrolment: a new secret, pending until a code confirms it.
    Refused while a confirmed second factor exists (the officer resets it first)."""
    factor = SecondFactor.objects.select_for_update().filter(user=user).first()
    if factor is not None and factor.confirmed:
        raise Conflict("a second factor is already set up for this user", code="enrolled")
    if factor is None:
        factor = SecondFactor(user=user)
    secret = secret_new()
    # The key file is made with the first secret; once another user's secret is sealed, a
    # missing key file is an error, not a reason to make a new one.
    first = not SecondFactor.objects.exclude(user=user).exists()
    factor.sealed = secret_seal(secret, user_id=user.pk, create_key=first)
    factor.save()
    return secret


@transaction.atomic
def second_factor_confirm(*, user: User, code: str, now: datetime | None = None) -> CodeCheck:
    """Confirm the pending secret with a first code from the app; audited when accepted."""
    factor = SecondFactor.objects.select_for_update().filter(user=user).first()
    if factor is None or factor.confirmed:
        raise NotFound("no enrolment in progress", code="no_enrolment")
    moment = now or timezone.now()
    result = _checked(user, factor, code, moment)
    if result == CodeCheck.ACCEPTED:
        factor.confirmed_at = moment
        factor.save(update_fields=["confirmed_at", "last_step"])
        audit_record(
            actor=actor_for(user),
            action="console.second_factor.enrolled",
            detail={"user": _key(user)},
        )
    return result


@transaction.atomic
def second_factor_verify(*, user: User, code: str, now: datetime | None = None) -> CodeCheck:
    """The code asked at login, after the password. A wrong code counts against the user; the
    fifth within 15 minutes locks the second step for 15 minutes (audited)."""
    factor = SecondFactor.objects.select_for_update().filter(user=user).first()
    if factor is None or not factor.confirmed:
        raise NotFound("this user has no second factor", code="no_second_factor")
    result = _checked(user, factor, code, now or timezone.now())
    if result == CodeCheck.ACCEPTED:
        factor.save(update_fields=["last_step"])
    return result


def _checked(user: User, factor: SecondFactor, code: str, now: datetime) -> CodeCheck:
    if throttle_locked_until(checks=[(SECOND_FACTOR, _key(user))], now=now) is not None:
        return CodeCheck.LOCKED
    secret = secret_open(factor.sealed, user_id=user.pk)
    step = step_matching(secret, code, after=factor.last_step, now=now)
    if step is None:
        row = throttle_fail(rule=SECOND_FACTOR, value=_key(user), now=now)
        if row is not None:
            audit_record(
                actor=actor_for(user),
                action="console.second_factor.locked",
                detail={"user": _key(user), "failures": row.count},
            )
            return CodeCheck.LOCKED
        return CodeCheck.WRONG
    factor.last_step = step
    throttle_forgive(rule=SECOND_FACTOR, value=_key(user))
    return CodeCheck.ACCEPTED


@transaction.atomic
def second_factor_reset(*, actor: str, user_id: int) -> None:
    """Remove a staff user's second factor (a lost phone): they log in with the password alone
    and enrol again, at once where the policy requires it of the privacy officer."""
    user = User.objects.filter(pk=user_id, is_staff=True).first()
    if user is None:
        raise NotFound(f"no staff user {user_id}", code="no_staff_user")
    deleted, _ = SecondFactor.objects.filter(user=user).delete()
    if not deleted:
        raise NotFound("this user has no second factor", code="no_second_factor")
    throttle_forgive(rule=SECOND_FACTOR, value=_key(user))
    audit_record(actor=actor, action="console.second_factor.reset", detail={"user": _key(user)})
