"""The officer and the auditor read policy versions and the audit log."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from hogo.roles import Role, role_grant, role_revoke

READERS = [Role.PRIVACY_OFFICER, Role.AUDITOR]
PERMS = ["policy.view_policyversion", "audit.view_auditevent"]


def grant(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role in READERS:
        role_grant(apps, role, PERMS, using=schema_editor.connection.alias)


def revoke(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role in READERS:
        role_revoke(apps, role, PERMS, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("console", "0002_roles"),
        ("policy", "0001_initial"),
        ("audit", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
