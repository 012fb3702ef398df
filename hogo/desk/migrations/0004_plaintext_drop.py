"""The plaintext columns, emptied into vault notes by 0003, go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0003_sealed_content_fill"),
    ]

    operations = [
        migrations.RemoveField(model_name="case", name="contact_email"),
        migrations.RemoveField(model_name="case", name="details"),
        migrations.RemoveField(model_name="case", name="refusal_explanation"),
        migrations.RemoveField(model_name="note", name="text"),
    ]
