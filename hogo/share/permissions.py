"""Which staff role may do what with recipients and provisions.

Providing personal data to others, and keeping the register it rests on, is the privacy
officer's decision. Auditors read the register and the records (and export them for an
inspection); the desk reads a person's provision records to answer a disclosure request.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, User

from hogo.roles import Role, has_role

Someone = AbstractBaseUser | AnonymousUser


def _roles(user: Someone, *roles: str) -> bool:
    return isinstance(user, User | AnonymousUser) and has_role(user, *roles)


def can_manage(user: Someone) -> bool:
    """Register recipients, agreements, successions, joint use; provide; download packages."""
    return _roles(user, Role.PRIVACY_OFFICER)


def can_read(user: Someone) -> bool:
    """Read the register, provisions and records, and export the records."""
    return _roles(user, Role.PRIVACY_OFFICER, Role.AUDITOR)


def can_read_subject_records(user: Someone) -> bool:
    """Read one person's provision records (a disclosure request, Art. 33(5))."""
    return _roles(user, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.DESK_OPERATOR)
