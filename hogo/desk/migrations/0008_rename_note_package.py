"""`Note` becomes `CaseNote` and `Package` becomes `DisclosurePackage` (each name means one thing
in the whole project: the vault has notes and share has packages of its own). The tables keep
their names (`desk_note`, `desk_package`), so the rename moves no data."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0007_throttle_drop"),
    ]

    operations = [
        migrations.AlterModelTable(name="note", table="desk_note"),
        migrations.AlterModelTable(name="package", table="desk_package"),
        migrations.RenameModel(old_name="Note", new_name="CaseNote"),
        migrations.RenameModel(old_name="Package", new_name="DisclosurePackage"),
    ]
