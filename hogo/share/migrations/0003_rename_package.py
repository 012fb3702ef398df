"""`Package` becomes `ProvisionPackage` (the desk has disclosure packages of its own). The table
keeps its name (`share_package`), so the rename moves no data."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("share", "0002_statutory_exception"),
    ]

    operations = [
        migrations.AlterModelTable(name="package", table="share_package"),
        migrations.RenameModel(old_name="Package", new_name="ProvisionPackage"),
    ]
