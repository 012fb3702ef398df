"""Items of identifiers carry their blind-index digest instead of a link to the `BlindIndex`
row: the link's index was one more B-tree to write for every item (hogo/vault/README.md,
"Speed"). The digests are copied from the linked rows (and back, when unapplied); no value is
opened."""

from django.db import migrations, models

FORWARD = """
UPDATE vault_item SET digest = (
    SELECT b.digest FROM vault_blindindex b WHERE b.id = vault_item.identifier_id
) WHERE identifier_id IS NOT NULL
"""
BACKWARD = """
UPDATE vault_item SET identifier_id = (
    SELECT b.id FROM vault_blindindex b
    WHERE b.subject_id = vault_item.subject_id AND b.digest = vault_item.digest
) WHERE digest <> ''
"""


class Migration(migrations.Migration):
    dependencies = [
        ("vault", "0005_redundant_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="item",
            name="digest",
            field=models.CharField(blank=True, default="", max_length=32),
            preserve_default=False,
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.RemoveField(
            model_name="item",
            name="identifier",
        ),
    ]
