from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User

from hogo.console.models import SecondFactor
from hogo.console.throttle import NETWORK, USERNAME
from hogo.console.totp_key import secret_open
from hogo.errors import NotFound
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.roles import Role, has_role
from hogo.throttle.selectors import throttle_locked_until
from hogo.throttle.services import Rule


def user_has_role(user: User | AnonymousUser, *roles: Role) -> bool:
    return has_role(user, *roles)


def login_locked_until(
    *, username: str, network: str | None, now: datetime | None = None
) -> datetime | None:
    """When the lock on this username or client network ends, or None if neither is locked."""
    checks: list[tuple[Rule, str]] = [(USERNAME, username)]
    if network is not None:
        checks.append((NETWORK, network))
    return throttle_locked_until(checks=checks, now=now)


def staff_roles() -> list[tuple[str, list[str]]]:
    """Every staff user's username with the roles they hold, by username."""
    users = User.objects.filter(is_staff=True).order_by("username").prefetch_related("groups")
    return [
        (user.username, sorted(g.name for g in user.groups.all() if g.name in Role.values))
        for user in users
    ]


@dataclass(frozen=True)
class StaffRow:
    """A staff account as the console's staff page lists it."""

    id: int
    username: str
    roles: tuple[str, ...]
    active: bool
    second_factor: bool
    last_login: datetime | None


def staff_list() -> list[StaffRow]:
    """Every staff account, active first, by username."""
    users = (
        User.objects.filter(is_staff=True)
        .order_by("-is_active", "username")
        .prefetch_related("groups")
        .select_related("second_factor")
    )
    return [
        StaffRow(
            id=user.pk,
            username=user.username,
            roles=tuple(sorted(g.name for g in user.groups.all() if g.name in Role.values)),
            active=user.is_active,
            second_factor=second_factor_enrolled(user=user),
            last_login=user.last_login,
        )
        for user in users
    ]


def staff_get(*, user_id: int) -> User:
    user = User.objects.filter(pk=user_id, is_staff=True).first()
    if user is None:
        raise NotFound(f"no staff user {user_id}", code="no_staff_user")
    return user


def second_factor_enrolled(*, user: User) -> bool:
    factor = SecondFactor.objects.filter(user=user).first()
    return factor is not None and factor.confirmed


def second_factor_required(*, user: User | AnonymousUser) -> bool:
    """Whether this user must have a second factor: the privacy officer, where the active
    policy says so (`[staff] officer_second_factor = true`)."""
    if not has_role(user, Role.PRIVACY_OFFICER):
        return False
    try:
        return policy_active().staff.officer_second_factor
    except PolicyNotLoaded:
        return False


def second_factor_pending(*, user: User) -> str | None:
    """The secret of an enrolment in progress (not yet confirmed), if any."""
    factor = SecondFactor.objects.filter(user=user, confirmed_at__isnull=True).first()
    return secret_open(factor.sealed, user_id=user.pk) if factor is not None else None
