"""Database triggers that refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) of audit events.

The model refuses them too; the triggers also stop raw SQL and other programs. SQLSTATE 23000
on PostgreSQL and RAISE(ABORT) on SQLite both surface as IntegrityError.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

SQL = {
    ("sqlite", "forwards"): [
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END",
        "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_auditevent "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END",
    ],
    ("sqlite", "backwards"): [
        "DROP TRIGGER IF EXISTS audit_event_no_update",
        "DROP TRIGGER IF EXISTS audit_event_no_delete",
    ],
    ("postgresql", "forwards"): [
        """
        CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
                USING ERRCODE = 'integrity_constraint_violation';
        END
        $$
        """,
        "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_auditevent "
        "FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()",
        "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_auditevent "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()",
    ],
    ("postgresql", "backwards"): [
        "DROP TRIGGER IF EXISTS audit_event_no_change ON audit_auditevent",
        "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_auditevent",
        "DROP FUNCTION IF EXISTS audit_event_refuse_change()",
    ],
}


def run(schema_editor: BaseDatabaseSchemaEditor, direction: str) -> None:
    vendor = schema_editor.connection.vendor
    if (vendor, direction) not in SQL:
        raise NotImplementedError(f"the audit log supports SQLite and PostgreSQL, not {vendor}")
    for statement in SQL[vendor, direction]:
        schema_editor.execute(statement, params=None)


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    run(schema_editor, "forwards")


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    run(schema_editor, "backwards")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
