"""Staff's TOTP secrets sealed with the key outside the database (hogo/console/totp_key.py):
the sealed column is added and every stored secret sealed into it (0007 drops the plain
column). Reversible: going back opens the sealed secrets into the plain column again."""

from typing import Any

from django.db import migrations, models

from hogo.console.totp_key import secret_open, secret_seal


def seal(apps: Any, schema_editor: Any) -> None:
    SecondFactor = apps.get_model("console", "SecondFactor")
    rows = SecondFactor.objects.using(schema_editor.connection.alias)
    # Every row is still plain here, so a missing key file may be made.
    for factor in rows.exclude(secret=""):
        factor.sealed = secret_seal(factor.secret, user_id=factor.user_id, create_key=True)
        factor.secret = ""
        factor.save(update_fields=["sealed", "secret"])


def unseal(apps: Any, schema_editor: Any) -> None:
    SecondFactor = apps.get_model("console", "SecondFactor")
    rows = SecondFactor.objects.using(schema_editor.connection.alias)
    for factor in rows.all():
        factor.secret = secret_open(factor.sealed, user_id=factor.user_id)
        factor.save(update_fields=["secret"])


class Migration(migrations.Migration):
    dependencies = [("console", "0005_secondfactor")]

    operations = [
        migrations.AlterField(
            model_name="secondfactor",
            name="secret",
            field=models.CharField(max_length=64, blank=True, default=""),
        ),
        migrations.AddField(
            model_name="secondfactor",
            name="sealed",
            field=models.BinaryField(default=b""),
            preserve_default=False,
        ),
        migrations.RunPython(seal, unseal),
    ]
