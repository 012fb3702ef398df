from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from hogo.roles import Role, role_grant, role_revoke

# The desk answers inquiries; the officer sees every collection record; auditors read them.
RECORDS = [
    "collect.view_acquisitionrecord",
    "collect.view_noticetext",
    "collect.view_receiptrecord",
    "collect.view_importjob",
    "collect.view_member",
    "collect.view_inquirycase",
]
GRANTS = {
    Role.PRIVACY_OFFICER: RECORDS,
    Role.AUDITOR: RECORDS,
    Role.DESK_OPERATOR: ["collect.view_inquirycase", "collect.view_acquisitionrecord"],
}


def grant(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role, perms in GRANTS.items():
        role_grant(apps, role, perms, using=schema_editor.connection.alias)


def revoke(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    for role, perms in GRANTS.items():
        role_revoke(apps, role, perms, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("collect", "0002_import_report"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
