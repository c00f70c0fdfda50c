"""Identity: office identity providers, API clients, instance signing keys, sessions.

No secret is stored in the clear: identity-provider client secrets and private keys
are encrypted with the instance secret key; API client secrets and session tokens
are stored only as hashes.
"""

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class ClientAuthMethod(StrEnum):
    CLIENT_SECRET_BASIC = "client_secret_basic"  # noqa: S105 - a method name, not a secret
    CLIENT_SECRET_POST = "client_secret_post"  # noqa: S105
    PRIVATE_KEY_JWT = "private_key_jwt"


class IdentityProvider(Model):
    """An office's OpenID provider and how its claims map to roles."""

    id = fields.IntField(primary_key=True)
    office: fields.OneToOneRelation[Any] = fields.OneToOneField(
        "network.Office", related_name="identity_provider", on_delete=fields.CASCADE
    )
    issuer = fields.CharField(max_length=500)
    client_id = fields.CharField(max_length=255)
    client_secret_encrypted = fields.TextField(default="")
    allowed_email_domains: list[str] = fields.JSONField(default=list)
    role_claim = fields.CharField(max_length=100, default="groups")
    role_mapping: dict[str, str] = fields.JSONField(default=dict)
    default_role = fields.CharField(max_length=16, default="VIEWER")
    enabled = fields.BooleanField(default=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "identity_provider"


class ApiClient(Model):
    """A machine client of the token endpoint (client_credentials): an office's, or a
    peer instance's (registered by peering, holding only the federation scope)."""

    id = fields.IntField(primary_key=True)
    client_id = fields.CharField(max_length=64, unique=True)
    # The office the client acts for; none for a peer instance's client.
    office: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="api_clients", null=True, on_delete=fields.CASCADE
    )
    # The instance id of a peer this client was registered for by peering, else "".
    peer_instance = fields.CharField(max_length=200, default="")
    name = fields.CharField(max_length=200)
    auth_method = fields.CharEnumField(ClientAuthMethod, max_length=32)
    secret_hash = fields.CharField(max_length=128, default="")
    jwks: dict[str, Any] = fields.JSONField(default=dict)
    scopes: list[str] = fields.JSONField(default=list)
    created_by: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Member", related_name="api_clients", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_client"


class ClientAssertion(Model):
    """Seen `jti` values of private_key_jwt assertions, kept until they expire, so an
    assertion can be used once only (RFC 7523 section 3, item 7)."""

    id = fields.BigIntField(primary_key=True)
    client_id = fields.CharField(max_length=64)
    jti = fields.CharField(max_length=255)
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "client_assertion"
        unique_together = (("client_id", "jti"),)


class SigningKey(Model):
    """The instance's keys for access tokens (the newest active one signs)."""

    id = fields.IntField(primary_key=True)
    kid = fields.CharField(max_length=64, unique=True)
    algorithm = fields.CharField(max_length=16, default="RS256")
    private_jwk_encrypted = fields.TextField()
    public_jwk: dict[str, Any] = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)
    retired_at = fields.DatetimeField(null=True)

    class Meta:
        table = "signing_key"


class WebSession(Model):
    """A signed-in browser. The cookie holds a random token and only its hash is stored,
    so a database leak does not leak live sessions."""

    token_hash = fields.CharField(max_length=64, primary_key=True)
    member: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Member", related_name="sessions", on_delete=fields.CASCADE
    )
    csrf_token = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "web_session"
