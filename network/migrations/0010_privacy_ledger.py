from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("network", "0009_metrics_releases")]

    initial = False

    operations = [
        ops.CreateModel(
            name="PrivacySpend",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="privacy_spends",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("month", fields.DateField()),
                (
                    "metric",
                    fields.ForeignKeyField(
                        "network.MetricDefinition",
                        source_field="metric_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="privacy_spends",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "release",
                    fields.ForeignKeyField(
                        "network.Release",
                        source_field="release_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="privacy_spends",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("epsilon", fields.DecimalField(max_digits=12, decimal_places=6)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "metric_privacy_spend",
                "app": "network",
                "indexes": [Index(fields=["office_id", "month"])],
                "pk_attr": "id",
                "table_description": "The privacy budget ledger: epsilon an office spent on one month by releasing",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="Release",
            name="epsilon",
            field=fields.DecimalField(null=True, max_digits=12, decimal_places=6),
        ),
    ]
