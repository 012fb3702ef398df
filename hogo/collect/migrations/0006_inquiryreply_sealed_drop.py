"""The sealed reply columns, moved into vault notes by 0005, go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("collect", "0005_inquiryreply_notes_fill"),
    ]

    operations = [
        migrations.RemoveField(model_name="inquiryreply", name="subject_line_sealed"),
        migrations.RemoveField(model_name="inquiryreply", name="body_sealed"),
    ]
