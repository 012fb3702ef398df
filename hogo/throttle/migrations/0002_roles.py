"""The officer sees the throttle counters and lifts a lock by deleting one; auditors see them
(as they saw the console's login counters before)."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from hogo.roles import Role, role_grant, role_revoke

GRANTS = {
    Role.PRIVACY_OFFICER: ["throttle.view_throttle", "throttle.delete_throttle"],
    Role.AUDITOR: ["throttle.view_throttle"],
}


def grant(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role, perms in GRANTS.items():
        role_grant(apps, role, perms, using=schema_editor.connection.alias)


def revoke(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role, perms in GRANTS.items():
        role_revoke(apps, role, perms, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("throttle", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
