"""Room for the sealed content of cases (vault notes): note refs and the address's blind
index, next to the plaintext columns that 0003 moves into them and 0004 drops."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="contact_digest",
            field=models.CharField(blank=True, db_index=True, max_length=32),
        ),
        migrations.AddField(
            model_name="case",
            name="contact_note",
            field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AddField(
            model_name="case",
            name="details_note",
            field=models.CharField(
                blank=True, help_text="What was asked (kinds.py), as a vault note.", max_length=32
            ),
        ),
        migrations.AddField(
            model_name="case",
            name="refusal_note",
            field=models.CharField(blank=True, help_text="The explanation.", max_length=32),
        ),
        migrations.AddField(
            model_name="note",
            name="text_note",
            field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AddField(
            model_name="outboundmail",
            name="content_note",
            field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AlterField(
            model_name="outboundmail",
            name="body",
            field=models.TextField(blank=True),
        ),
        migrations.AlterField(
            model_name="outboundmail",
            name="subject",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AlterField(
            model_name="outboundmail",
            name="to",
            field=models.EmailField(blank=True, max_length=254),
        ),
    ]
