"""The chain scheme of each event: existing events are plain SHA-256 (1), new ones HMAC (2).

Plain SQL rather than AddField: on SQLite, Django adds a NOT NULL column by rebuilding the table,
which would drop the append-only triggers with the old table. Adding a column with a constant
default touches no row, so no UPDATE trigger fires on either database.
"""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

ADD = "ALTER TABLE audit_auditevent ADD COLUMN chain smallint NOT NULL DEFAULT 1 CHECK (chain >= 0)"
DROP = "ALTER TABLE audit_auditevent DROP COLUMN chain"


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    schema_editor.execute(ADD, params=None)


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_subjects_index")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(forwards, backwards)],
            state_operations=[
                migrations.AddField(
                    model_name="auditevent",
                    name="chain",
                    field=models.PositiveSmallIntegerField(
                        choices=[
                            (1, "SHA-256 (unkeyed, before the audit key)"),
                            (2, "HMAC-SHA256 under the audit key"),
                        ],
                        db_default=1,
                        default=2,
                    ),
                ),
            ],
        ),
    ]
