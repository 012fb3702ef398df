"""The plain TOTP secret column goes, once 0006 sealed every secret (its own migration, so that
PostgreSQL alters the table in a transaction of its own)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("console", "0006_secondfactor_sealed")]

    operations = [migrations.RemoveField(model_name="secondfactor", name="secret")]
