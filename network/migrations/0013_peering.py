"""Peering: invitations, peers, and API clients that belong to a peer instance
instead of an office."""

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.migrations import operations as ops

from federation.models import PeerState
from network.migration_ops import AddFilledField


class Migration(migrations.Migration):
    dependencies = [("network", "0012_federation")]

    initial = False

    operations = [
        ops.CreateModel(
            name="Invitation",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("code_hash", fields.CharField(unique=True, max_length=64)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("expires_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("used_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("used_by", fields.CharField(default="", max_length=200)),
            ],
            options={
                "table": "federation_invitation",
                "app": "network",
                "pk_attr": "id",
                "table_description": "A one-time code another instance's admin uses to peer with this one. Only its",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Peer",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("instance_id", fields.CharField(unique=True, max_length=200)),
                ("name", fields.CharField(max_length=200)),
                ("base_url", fields.CharField(max_length=500)),
                ("token_endpoint", fields.CharField(max_length=500)),
                ("feed_endpoint", fields.CharField(max_length=500)),
                ("hint_endpoint", fields.CharField(max_length=500)),
                ("jwks_uri", fields.CharField(max_length=500)),
                (
                    "envelope_keys",
                    fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads),
                ),
                (
                    "keys_fetched_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("client_id_at_them", fields.CharField(max_length=64)),
                ("their_client_id", fields.CharField(max_length=64)),
                (
                    "state",
                    fields.CharEnumField(
                        default=PeerState.ACTIVE,
                        description="ACTIVE: ACTIVE\nPAUSED: PAUSED",
                        enum_type=PeerState,
                        max_length=8,
                    ),
                ),
                ("cursor", fields.BigIntField(default=0)),
                (
                    "last_success_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("last_error", fields.TextField(default="", unique=False)),
                (
                    "last_error_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("failures", fields.IntField(default=0)),
                (
                    "next_attempt_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("lease_owner", fields.CharField(default="", max_length=100)),
                (
                    "lease_until",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "federation_peer",
                "app": "network",
                "pk_attr": "id",
                "table_description": "Another instance this one exchanges feeds with, and how far it has read its",
            },
            bases=["Model"],
        ),
        ops.AlterModelOptions(
            name="ApiClient",
            options={
                "table": "api_client",
                "app": "network",
                "pk_attr": "id",
                "table_description": "A machine client of the token endpoint (client_credentials): an office's, or a",
            },
        ),
        ops.AlterField(
            model_name="ApiClient",
            name="office",
            field=fields.ForeignKeyField(
                "network.Office",
                source_field="office_id",
                null=True,
                db_constraint=True,
                to_field="id",
                related_name="api_clients",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        AddFilledField(
            model_name="ApiClient",
            name="peer_instance",
            field=fields.CharField(default="", max_length=200),
        ),
    ]
