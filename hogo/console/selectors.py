from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User

from hogo.console.throttle import NETWORK, USERNAME
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
