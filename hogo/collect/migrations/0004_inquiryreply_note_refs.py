"""Room for the vault note refs of inquiry replies, next to the sealed columns that 0005 moves
into vault notes and 0006 drops."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("collect", "0003_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="inquiryreply",
            name="subject_line_note",
            field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AddField(
            model_name="inquiryreply",
            name="body_note",
            field=models.CharField(blank=True, max_length=32),
        ),
    ]
