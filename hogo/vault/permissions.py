"""Which staff role may do what with subjects, and read for which purposes.

Reading is purpose-bound twice: the role must be allowed to state the purpose (here), and the
person's own acquisitions must allow it (access/). The officer may state any purpose of the
active policy; the other roles state the purposes the policy's `[staff.purposes]` gives them.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User

from hogo.policy.schema import Policy
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.roles import Role, has_role

REGISTER_ROLES = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR, Role.MARKETING_USER)
REQUEST_ROLES = (Role.PRIVACY_OFFICER, Role.DESK_OPERATOR)

Someone = AbstractBaseUser | AnonymousUser


def _roles(user: Someone, *roles: str) -> bool:
    return isinstance(user, User | AnonymousUser) and has_role(user, *roles)


def role_purposes() -> dict[str, tuple[str, ...]]:
    """Role -> the purposes the active policy lets it state; none before a policy is loaded."""
    try:
        granted = policy_active().staff.purposes
    except PolicyNotLoaded:
        return {}
    return {role: purposes for role, purposes in granted.items() if purposes}


def purpose_allowed(user: Someone, purpose: str) -> bool:
    if _roles(user, Role.PRIVACY_OFFICER):
        return True
    return any(
        purpose in purposes and _roles(user, role) for role, purposes in role_purposes().items()
    )


def can_register(user: Someone) -> bool:
    return _roles(user, *REGISTER_ROLES)


def can_handle_requests(user: Someone) -> bool:
    """Suspension, lifting it and erasure: the desk's request handling and the officer."""
    return _roles(user, *REQUEST_ROLES)


def can_read(user: Someone) -> bool:
    return _roles(user, Role.PRIVACY_OFFICER, *role_purposes())


def can_use_beyond_purpose(user: Someone) -> bool:
    """A read under a statutory exception (Art. 18(3)): the privacy officer's decision alone."""
    return _roles(user, Role.PRIVACY_OFFICER)


def purpose_roles(policy: Policy) -> dict[str, tuple[str, ...]]:
    """Purpose id -> the roles that may state it when reading, as `purpose_allowed` decides:
    the privacy officer for every purpose, the others as the policy's `[staff.purposes]`."""
    return {
        purpose: (
            Role.PRIVACY_OFFICER.value,
            *(role for role, granted in policy.staff.purposes.items() if purpose in granted),
        )
        for purpose in policy.purposes
    }
