"""Federation: envelope keys and the feed. The feed's counter row exists from the
start, so the first two appenders serialize on its lock like all later ones."""

from typing import Any

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.data import JSON_DUMPS
from tortoise.migrations import operations as ops


async def _counter(apps: Any, schema_editor: Any) -> None:
    await schema_editor.client.execute_script(
        "INSERT INTO counter (name, value) VALUES ('federation.feed', 0)"
    )


async def _no_counter(apps: Any, schema_editor: Any) -> None:
    await schema_editor.client.execute_script("DELETE FROM counter WHERE name = 'federation.feed'")


class Migration(migrations.Migration):
    dependencies = [("network", "0011_cell_series_index")]

    initial = False

    operations = [
        ops.CreateModel(
            name="EnvelopeKey",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("kid", fields.CharField(unique=True, max_length=64)),
                ("private_jwk_encrypted", fields.TextField(unique=False)),
                ("public_jwk", fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("retired_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                (
                    "verify_until",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "federation_key",
                "app": "network",
                "pk_attr": "id",
                "table_description": "An Ed25519 key the instance signs feed entries with.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="FeedEntry",
            fields=[
                (
                    "seq",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("origin", fields.CharField(max_length=200)),
                ("item_id", fields.CharField(max_length=64)),
                ("version", fields.IntField()),
                ("kind", fields.CharField(max_length=32)),
                ("envelope", fields.TextField(unique=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "federation_feed",
                "app": "network",
                "unique_together": (("origin", "item_id", "version"),),
                "pk_attr": "seq",
                "table_description": "One entry of the instance's feed: a monotonic sequence number and the signed",
            },
            bases=["Model"],
        ),
        ops.RunPython(_counter, _no_counter),
    ]
