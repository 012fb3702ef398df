from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Max
from django.utils import timezone

from hogo.console.models import LoginThrottle
from hogo.console.throttle import network_key, username_key
from hogo.roles import Role, has_role


def user_has_role(user: User | AnonymousUser, *roles: Role) -> bool:
    return has_role(user, *roles)


def login_locked_until(
    *, username: str, network: str | None, now: datetime | None = None
) -> datetime | None:
    """When the lock on this username or client network ends, or None if neither is locked."""
    keys = [username_key(username)]
    if network is not None:
        keys.append(network_key(network))
    latest: datetime | None = LoginThrottle.objects.filter(
        key__in=keys, locked_until__gt=now or timezone.now()
    ).aggregate(until=Max("locked_until"))["until"]
    return latest


def staff_roles() -> list[tuple[str, list[str]]]:
    """Every staff user's username with the roles they hold, by username."""
    users = User.objects.filter(is_staff=True).order_by("username").prefetch_related("groups")
    return [
        (user.username, sorted(g.name for g in user.groups.all() if g.name in Role.values))
        for user in users
    ]
