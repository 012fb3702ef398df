"""The ledger's count of values held reads the (acquisition, category) pairs from an index
alone (hogo/ledger/README.md, "Speed"): that index replaces the foreign key's own, which it
serves as well, so an insert writes as many B-trees as before."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("vault", "0011_board_indexes")]

    operations = [
        migrations.AddIndex(
            model_name="item",
            index=models.Index(fields=["acquisition", "category"], name="vault_item_held"),
        ),
        migrations.AlterField(
            model_name="item",
            name="acquisition",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="items",
                to="vault.acquisition",
            ),
        ),
    ]
