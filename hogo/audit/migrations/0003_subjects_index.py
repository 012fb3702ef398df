"""On PostgreSQL, a GIN index so "every event about subject X" (desk disclosures, the API's
subject filter) stays fast on a long log. SQLite has no equivalent; it scans."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX audit_event_subjects_gin ON audit_auditevent "
            "USING gin (subjects jsonb_path_ops)",
            params=None,
        )


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS audit_event_subjects_gin", params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]

    operations = [migrations.RunPython(forwards, backwards)]
