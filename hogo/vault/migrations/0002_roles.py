from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from hogo.roles import Role, role_grant, role_revoke

# The masked subject pages are for the officer and the desk; revealing a value also needs a
# stated purpose that the role may use (hogo/vault/README.md, "Roles and purposes").
GRANTS = {
    Role.PRIVACY_OFFICER: ["vault.view_subject", "vault.reveal_subject"],
    Role.DESK_OPERATOR: ["vault.view_subject", "vault.reveal_subject"],
}


def grant(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role, perms in GRANTS.items():
        role_grant(apps, role, perms, using=schema_editor.connection.alias)


def revoke(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role, perms in GRANTS.items():
        role_revoke(apps, role, perms, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("vault", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
