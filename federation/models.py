"""What federation stores: the instance's envelope keys and its feed."""

from typing import Any

from tortoise import fields
from tortoise.models import Model


class EnvelopeKey(Model):
    """An Ed25519 key the instance signs feed entries with.

    The newest key not retired signs. A retired key stops signing at once but stays
    published, so peers can still verify what it signed, until `verify_until`; after
    that it is dropped from the key set.
    """

    id = fields.IntField(primary_key=True)
    kid = fields.CharField(max_length=64, unique=True)
    private_jwk_encrypted = fields.TextField()
    public_jwk: dict[str, Any] = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)
    retired_at = fields.DatetimeField(null=True)
    verify_until = fields.DatetimeField(null=True)

    class Meta:
        table = "federation_key"


class FeedEntry(Model):
    """One entry of the instance's feed: a monotonic sequence number and the signed
    envelope of one version of one item. Appended in the transaction of the change it
    records, never changed."""

    seq = fields.BigIntField(primary_key=True)
    origin = fields.CharField(max_length=200)
    item_id = fields.CharField(max_length=64)
    version = fields.IntField()
    kind = fields.CharField(max_length=32)
    envelope = fields.TextField()  # a compact JWS over the canonical JSON
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "federation_feed"
        unique_together = (("origin", "item_id", "version"),)
