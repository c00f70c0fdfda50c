from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.data import JSON_DUMPS
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from federation.models import QuarantineState
from network.migration_ops import AddFilledField


class Migration(migrations.Migration):
    dependencies = [("network", "0013_peering")]

    initial = False

    operations = [
        ops.CreateModel(
            name="RemoteOrigin",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("instance_id", fields.CharField(unique=True, max_length=200)),
                ("name", fields.CharField(max_length=200)),
                ("base_url", fields.CharField(max_length=500)),
                ("jwks_uri", fields.CharField(max_length=500)),
                (
                    "envelope_keys",
                    fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads),
                ),
                (
                    "keys_fetched_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("keys_via", fields.CharField(default="", max_length=200)),
                ("via", fields.CharField(max_length=200)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "federation_origin",
                "app": "network",
                "pk_attr": "id",
                "table_description": "An instance whose entries reach this one through a peer that relays them, not",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Quarantined",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("peer", fields.CharField(max_length=200)),
                ("seq", fields.BigIntField()),
                ("origin", fields.CharField(default="", max_length=200)),
                ("item_id", fields.CharField(default="", max_length=64)),
                ("version", fields.IntField(default=0)),
                ("reason", fields.CharField(max_length=32)),
                ("message", fields.TextField(default="", unique=False)),
                ("envelope", fields.TextField(unique=False)),
                (
                    "state",
                    fields.CharEnumField(
                        default=QuarantineState.OPEN,
                        description="OPEN: OPEN\nDISCARDED: DISCARDED",
                        enum_type=QuarantineState,
                        max_length=12,
                    ),
                ),
                ("attempts", fields.IntField(default=1)),
                ("received_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "resolved_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "federation_quarantine",
                "app": "network",
                "unique_together": (("peer", "seq"),),
                "indexes": [Index(fields=["state", "peer"])],
                "pk_attr": "id",
                "table_description": "An entry a peer served that was not applied: it failed verification or",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Received",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("origin", fields.CharField(max_length=200)),
                ("item_id", fields.CharField(max_length=64)),
                ("version", fields.IntField()),
                ("kind", fields.CharField(max_length=32)),
                ("digest", fields.CharField(max_length=64)),
                ("final", fields.BooleanField(default=False)),
                ("via", fields.CharField(max_length=200)),
                ("applied_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "federation_received",
                "app": "network",
                "unique_together": (("origin", "item_id"),),
                "pk_attr": "id",
                "table_description": "The newest version of each item of another origin applied here, and the digest",
            },
            bases=["Model"],
        ),
        AddFilledField(
            model_name="Office",
            name="placeholder",
            field=fields.BooleanField(default=False),
        ),
        AddFilledField(
            model_name="Peer",
            name="acked_seq",
            field=fields.BigIntField(default=0),
        ),
        ops.AddField(
            model_name="Peer",
            name="checked_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        AddFilledField(
            model_name="Peer",
            name="feed_head",
            field=fields.BigIntField(default=0),
        ),
        AddFilledField(
            model_name="Peer",
            name="relay",
            field=fields.BooleanField(default=False),
        ),
        AddFilledField(
            model_name="Publication",
            name="origin_name",
            field=fields.CharField(default="", max_length=200),
        ),
    ]
