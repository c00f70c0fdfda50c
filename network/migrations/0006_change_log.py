from tortoise import fields, migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("network", "0005_identity")]

    initial = False

    operations = [
        ops.CreateModel(
            name="ChangeRecord",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("kind", fields.CharField(max_length=40)),
                ("object_id", fields.BigIntField()),
                ("version", fields.IntField()),
                ("action", fields.CharField(max_length=40)),
                ("occurred_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "change_log",
                "app": "network",
                "indexes": [Index(fields=["kind", "object_id"])],
                "pk_attr": "id",
                "table_description": "What changed (`kind` and `object_id`), to which `version`, and how (`action`).",
            },
            bases=["Model"],
        ),
    ]
