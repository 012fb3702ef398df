import secrets
from datetime import datetime

from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from hogo.audit.services import actor_for, audit_record
from hogo.console.throttle import LOCK, NETWORK, USERNAME
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.roles import Role
from hogo.throttle.services import Throttle, throttle_fail, throttle_forgive


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
    throttle_forgive(rule=USERNAME, value=username)
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
    locked_until = None
    counters = [(USERNAME, username)]
    if network is not None:
        counters.append((NETWORK, network))
    for rule, value in counters:
        row = throttle_fail(rule=rule, value=value, now=now)
        if row is not None:
            _lock_audit(row=row, username=username)
            locked_until = row.locked_until
    return locked_until


@transaction.atomic
def login_success_record(*, username: str) -> None:
    """A successful login forgives the username's earlier failures (not the network's)."""
    throttle_forgive(rule=USERNAME, value=username)


def _lock_audit(*, row: Throttle, username: str) -> None:
    scope = "username" if row.scope == USERNAME.scope else "network"
    detail: dict[str, object] = {
        "scope": scope,
        "failures": row.count,
        "minutes": int(LOCK.total_seconds() // 60),
    }
    actor = "system:console"
    if row.scope == USERNAME.scope:
        user = User.objects.filter(username=username).first()
        if user is not None:
            actor = actor_for(user)
        else:
            # Not a staff account: the attempted name may be anything, even personal data.
            detail["username_hash"] = row.key
    else:
        detail["network_hash"] = row.key
    audit_record(actor=actor, action="console.login.locked", detail=detail)


@transaction.atomic
def staff_disable(*, actor: str, user_id: int, acting_user_id: int) -> User:
    """Disable a staff account: it can no longer log in, and its sessions end at their next
    request (Django refuses inactive users). Nobody disables their own account, so an officer
    cannot lock the last officer out by mistake."""
    if user_id == acting_user_id:
        raise Conflict("you cannot disable your own account", code="self")
    user = User.objects.select_for_update().filter(pk=user_id, is_staff=True).first()
    if user is None:
        raise NotFound(f"no staff user {user_id}", code="no_staff_user")
    if not user.is_active:
        raise Conflict("this account is already disabled", code="disabled")
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit_record(actor=actor, action="console.staff.disabled", detail={"user": f"user:{user.pk}"})
    return user
