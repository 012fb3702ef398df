"""Staff roles, shared by every app (not an app itself, so apps left of `console` may import it).

A role is a Django group named after the role's value. The `console` app's data migration
creates the groups; each app grants its own permissions to them from its own data migrations
with `role_grant`.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db import DEFAULT_DB_ALIAS, models

if TYPE_CHECKING:
    # Only for annotations: models.py modules may import this one before auth is loaded.
    from django.contrib.auth.models import AnonymousUser, Permission, User


class Role(models.TextChoices):
    PRIVACY_OFFICER = "privacy_officer", "Privacy officer"
    DESK_OPERATOR = "desk_operator", "Desk operator"
    MARKETING_USER = "marketing_user", "Marketing user"
    AUDITOR = "auditor", "Auditor"


def has_role(user: "User | AnonymousUser", *role_values: str) -> bool:
    """Whether an active staff user holds at least one of these roles.

    Superusers hold every role, as they hold every permission in Django: a user made with
    `hogo createsuperuser` must not be locked out of role-checked pages.
    """
    unknown = set(role_values) - set(Role.values)
    if unknown:
        # A misspelt role would silently refuse everyone; fail where the mistake is.
        raise ValueError(f"unknown role(s): {', '.join(sorted(unknown))}")
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=role_values).exists()


def role_grant(
    apps: Apps, role: Role, perms: Sequence[str], *, using: str = DEFAULT_DB_ALIAS
) -> None:
    """Give a role's group permissions (`"app_label.codename"`), from a data migration.

    Django creates permissions only after all migrations ran (post_migrate), so on a fresh
    database they do not exist yet: create those of the named apps first, from the migration's
    historical models. The group is created if missing, so the calling migration need not
    depend on `console`'s.
    """
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.using(using).get_or_create(name=Role(role).value)
    group.permissions.add(*_permissions(apps, perms, using=using))


def role_revoke(
    apps: Apps, role: Role, perms: Sequence[str], *, using: str = DEFAULT_DB_ALIAS
) -> None:
    """Undo `role_grant` (for a data migration's reverse step)."""
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(using).filter(name=Role(role).value).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps, perms, using=using))


def _permissions(apps: Apps, perms: Sequence[str], *, using: str) -> list["Permission"]:
    from django.contrib.auth.management import create_permissions

    Permission = apps.get_model("auth", "Permission")
    wanted: list[tuple[str, str]] = []
    for dotted in perms:
        app_label, _, codename = dotted.partition(".")
        if not app_label or not codename:
            raise ValueError(f"permission {dotted!r} must look like 'app_label.codename'")
        wanted.append((app_label, codename))
    for app_label in sorted({app_label for app_label, _ in wanted}):
        create_permissions(
            global_apps.get_app_config(app_label), apps=apps, verbosity=0, using=using
        )
    found = []
    for app_label, codename in wanted:
        permission = (
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, codename=codename)
            .first()
        )
        if permission is None:
            raise LookupError(f"no permission {app_label}.{codename} at this migration")
        found.append(permission)
    return found
