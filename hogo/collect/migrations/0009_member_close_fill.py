"""Closes the member accounts of people the vault closed before erasure closed accounts too
(until 0007 an erased person's member number, password and links survived)."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.utils import timezone


def close_orphaned(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    Member = apps.get_model("collect", "Member")
    Member.objects.exclude(status="closed").exclude(subject__status="active").update(
        status="closed",
        member_number=None,
        password="",
        activation_digest="",
        activation_expires_at=None,
        closed_at=timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("collect", "0008_member_close"),
        ("vault", "0001_initial"),
    ]

    operations = [migrations.RunPython(close_orphaned, migrations.RunPython.noop)]
