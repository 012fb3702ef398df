import secrets
from datetime import datetime

from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from hogo.audit.services import actor_for, audit_record
from hogo.console.models import LoginThrottle
from hogo.console.throttle import (
    LOCK,
    NETWORK_LIMIT,
    USERNAME_LIMIT,
    WINDOW,
    network_key,
    username_key,
)
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.roles import Role


@transaction.atomic
def staff_create(*, actor: str, username: str, role: str, email: str = "") -> tuple[User, str]:
    """Create an active staff user in `role` with a generated password; return both.

    The password is returned once and never stored in clear. A privacy officer is also a
    superuser so that the first officer can do everything in the admin.
    """
    if role not in Role.values:
        raise InvalidInput(
            f"unknown role {role!r}; choose one of: {', '.join(Role.values)}", code="bad_role"
        )
    try:
        User._meta.get_field("username").run_validators(username)
    except ValidationError as exc:
        raise InvalidInput(
            "a username may contain only letters, digits and @ . + - _ (at most 150)",
            code="bad_username",
        ) from exc
    if not username:
        raise InvalidInput("a username is required", code="bad_username")
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise InvalidInput("the e-mail address is not valid", code="bad_email") from exc
    if User.objects.filter(username=username).exists():
        raise Conflict(f"staff user {username} already exists", code="exists")
    password = secrets.token_urlsafe(18)
    user = User.objects.create_user(username, email=email, password=password)
    user.is_staff = True
    user.is_superuser = role == Role.PRIVACY_OFFICER
    user.save(update_fields=["is_staff", "is_superuser"])
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    audit_record(
        actor=actor,
        action="console.staff.created",
        detail={"user": f"user:{user.pk}", "role": role},
    )
    return user, password


@transaction.atomic
def staff_password_reset(*, actor: str, username: str) -> str:
    """Give a staff user a new generated password and return it (once, never stored in clear).

    For an account whose password is lost: the old password stops working, the user's
    sessions end (Django checks the password hash on each request) and a lockout of the
    username is lifted, since it was most likely earned by trying the forgotten password.
    """
    user = User.objects.select_for_update().filter(username=username, is_staff=True).first()
    if user is None:
        raise NotFound(f"no staff user {username}", code="no_staff_user")
    password = secrets.token_urlsafe(18)
    user.set_password(password)
    user.save(update_fields=["password"])
    LoginThrottle.objects.filter(
        scope=LoginThrottle.Scope.USERNAME, key=username_key(username)
    ).delete()
    audit_record(
        actor=actor, action="console.staff.password_reset", detail={"user": f"user:{user.pk}"}
    )
    return password


@transaction.atomic
def login_failure_record(*, username: str, network: str | None) -> datetime | None:
    """Count a failed login against the username and the client network.

    Returns when the lock ends if this failure locked either of them, else None. A failure
    while already locked is not counted, so a lock never grows beyond LOCK.
    """
    now = timezone.now()
    # Forget counters whose window and lock have both passed, so that a spray of made-up
    # usernames leaves no rows behind.
    LoginThrottle.objects.filter(window_start__lte=now - WINDOW).exclude(
        locked_until__gt=now
    ).delete()
    locked_until = None
    counters = [(LoginThrottle.Scope.USERNAME, username_key(username), USERNAME_LIMIT)]
    if network is not None:
        counters.append((LoginThrottle.Scope.NETWORK, network_key(network), NETWORK_LIMIT))
    for scope, key, limit in counters:
        row, just_locked = _failure_count(scope=scope, key=key, limit=limit, now=now)
        if just_locked:
            _lock_audit(row=row, username=username)
            locked_until = row.locked_until
    return locked_until


@transaction.atomic
def login_success_record(*, username: str) -> None:
    """A successful login forgives the username's earlier failures (not the network's)."""
    LoginThrottle.objects.filter(key=username_key(username)).delete()


def _failure_count(
    *, scope: str, key: str, limit: int, now: datetime
) -> tuple[LoginThrottle, bool]:
    row, _ = LoginThrottle.objects.select_for_update().get_or_create(
        key=key, defaults={"scope": scope, "window_start": now}
    )
    if row.is_locked(now):
        return row, False
    if row.locked_until is not None or row.window_start <= now - WINDOW:
        # The lock or the window has passed: start counting afresh.
        row.failures, row.window_start, row.locked_until = 0, now, None
    row.failures += 1
    just_locked = row.failures >= limit
    if just_locked:
        row.locked_until = now + LOCK
    row.save()
    return row, just_locked


def _lock_audit(*, row: LoginThrottle, username: str) -> None:
    detail: dict[str, object] = {
        "scope": row.scope,
        "failures": row.failures,
        "minutes": int(LOCK.total_seconds() // 60),
    }
    actor = "system:console"
    if row.scope == LoginThrottle.Scope.USERNAME:
        user = User.objects.filter(username=username).first()
        if user is not None:
            actor = actor_for(user)
        else:
            # Not a staff account: the attempted name may be anything, even personal data.
            detail["username_hash"] = row.key
    else:
        detail["network_hash"] = row.key
    audit_record(actor=actor, action="console.login.locked", detail=detail)
