from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.migrations import operations as ops

from network.auth.models import ClientAuthMethod


class Migration(migrations.Migration):
    dependencies = [("network", "0004_search_ranking")]

    initial = False

    operations = [
        ops.CreateModel(
            name="ApiClient",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("client_id", fields.CharField(unique=True, max_length=64)),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="api_clients",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("name", fields.CharField(max_length=200)),
                (
                    "auth_method",
                    fields.CharEnumField(
                        description="CLIENT_SECRET_BASIC: client_secret_basic\nCLIENT_SECRET_POST: client_secret_post\nPRIVATE_KEY_JWT: private_key_jwt",
                        enum_type=ClientAuthMethod,
                        max_length=32,
                    ),
                ),
                ("secret_hash", fields.CharField(default="", max_length=128)),
                ("jwks", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ("scopes", fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                (
                    "created_by",
                    fields.ForeignKeyField(
                        "network.Member",
                        source_field="created_by_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="api_clients",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("revoked_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                (
                    "last_used_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "api_client",
                "app": "network",
                "pk_attr": "id",
                "table_description": "An office's machine client for the token endpoint (client_credentials).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ClientAssertion",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("client_id", fields.CharField(max_length=64)),
                ("jti", fields.CharField(max_length=255)),
                (
                    "expires_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "client_assertion",
                "app": "network",
                "unique_together": (("client_id", "jti"),),
                "pk_attr": "id",
                "table_description": "Seen `jti` values of private_key_jwt assertions, kept until they expire, so an",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="IdentityProvider",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "office",
                    fields.OneToOneField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="identity_provider",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("issuer", fields.CharField(max_length=500)),
                ("client_id", fields.CharField(max_length=255)),
                ("client_secret_encrypted", fields.TextField(default="", unique=False)),
                (
                    "allowed_email_domains",
                    fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
                ),
                ("role_claim", fields.CharField(default="groups", max_length=100)),
                ("role_mapping", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ("default_role", fields.CharField(default="VIEWER", max_length=16)),
                ("enabled", fields.BooleanField(default=True)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "identity_provider",
                "app": "network",
                "pk_attr": "id",
                "table_description": "An office's OpenID provider and how its claims map to roles.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="SigningKey",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("kid", fields.CharField(unique=True, max_length=64)),
                ("algorithm", fields.CharField(default="RS256", max_length=16)),
                ("private_jwk_encrypted", fields.TextField(unique=False)),
                ("public_jwk", fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("retired_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "signing_key",
                "app": "network",
                "pk_attr": "id",
                "table_description": "The instance's keys for access tokens (the newest active one signs).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="WebSession",
            fields=[
                (
                    "token_hash",
                    fields.CharField(primary_key=True, unique=True, db_index=True, max_length=64),
                ),
                (
                    "member",
                    fields.ForeignKeyField(
                        "network.Member",
                        source_field="member_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="sessions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("csrf_token", fields.CharField(max_length=64)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "expires_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "web_session",
                "app": "network",
                "pk_attr": "token_hash",
                "table_description": "A signed-in browser. The cookie holds a random token and only its hash is stored,",
            },
            bases=["Model"],
        ),
    ]
