"""The staff roles as groups, with the permissions of the models that exist so far.

Later apps grant their own permissions to these groups in their own data migrations with
`hogo.roles.role_grant`.
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from hogo.roles import Role, role_grant

MANAGE = ("add", "change", "delete", "view")
GRANTS: dict[Role, list[str]] = {
    Role.PRIVACY_OFFICER: [
        *(f"auth.{action}_{model}" for model in ("user", "group") for action in MANAGE),
        *(f"api.{action}_apitoken" for action in MANAGE),
        "console.view_loginthrottle",
        "console.delete_loginthrottle",
    ],
    Role.DESK_OPERATOR: [],
    Role.MARKETING_USER: [],
    Role.AUDITOR: [
        "auth.view_user",
        "auth.view_group",
        "api.view_apitoken",
        "console.view_loginthrottle",
    ],
}


def roles_create(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role, perms in GRANTS.items():
        role_grant(apps, role, perms, using=schema_editor.connection.alias)


def roles_delete(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=Role.values).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("api", "0001_initial"),
        ("console", "0001_initial"),
    ]

    operations = [migrations.RunPython(roles_create, roles_delete)]
