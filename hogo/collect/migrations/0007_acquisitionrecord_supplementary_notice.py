"""The supplementary notice a form showed, kept on its acquisition record (nullable: older
records and channels without a notice have none)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("collect", "0006_inquiryreply_sealed_drop"),
        ("vault", "0006_item_digest"),
    ]

    operations = [
        migrations.AddField(
            model_name="acquisitionrecord",
            name="supplementary_notice",
            field=models.CharField(blank=True, default="", max_length=64),
        ),
        migrations.AddField(
            model_name="acquisitionrecord",
            name="supplementary_notice_version",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddConstraint(
            model_name="acquisitionrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("supplementary_notice", ""), ("supplementary_notice_version__isnull", True)
                    ),
                    models.Q(
                        models.Q(("supplementary_notice", ""), _negated=True),
                        ("supplementary_notice_version__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="collect_record_notice_with_version",
            ),
        ),
    ]
