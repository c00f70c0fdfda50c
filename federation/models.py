"""What federation stores: the instance's envelope keys and its feed."""

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

# The shared counter appenders bump (see `federation.feed`); runners watch it to hint
# peers when another process appended.
FEED_COUNTER = "federation.feed"


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


class PeerState(StrEnum):
    ACTIVE = "ACTIVE"
    PAUSED = "PAUSED"


class Invitation(Model):
    """A one-time code another instance's admin uses to peer with this one. Only its
    SHA-256 is kept (the code is 192 random bits: a hash cannot be reversed)."""

    id = fields.IntField(primary_key=True)
    code_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    used_by = fields.CharField(max_length=200, default="")

    class Meta:
        table = "federation_invitation"


class Peer(Model):
    """Another instance this one exchanges feeds with, and how far it has read its
    feed. `client_id_at_them` is how this instance authenticates to the peer's token
    endpoint; `their_client_id` the client this instance registered for the peer."""

    id = fields.IntField(primary_key=True)
    instance_id = fields.CharField(max_length=200, unique=True)
    name = fields.CharField(max_length=200)
    base_url = fields.CharField(max_length=500)
    token_endpoint = fields.CharField(max_length=500)
    feed_endpoint = fields.CharField(max_length=500)
    hint_endpoint = fields.CharField(max_length=500)
    jwks_uri = fields.CharField(max_length=500)
    envelope_keys: dict[str, Any] = fields.JSONField(default=dict)
    keys_fetched_at = fields.DatetimeField(null=True)
    client_id_at_them = fields.CharField(max_length=64)
    their_client_id = fields.CharField(max_length=64)
    state = fields.CharEnumField(PeerState, max_length=8, default=PeerState.ACTIVE)
    cursor = fields.BigIntField(default=0)
    feed_head = fields.BigIntField(default=0)  # the newest sequence number it reported
    # How far the peer has applied our feed: the `after` of its latest pull (it asks
    # after what it committed), so our entries past it have not reached it yet.
    acked_seq = fields.BigIntField(default=0)
    # When this instance last compared its copy of the peer's items with the peer's
    # own digests (anti-entropy).
    checked_at = fields.DatetimeField(null=True)
    last_success_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")
    last_error_at = fields.DatetimeField(null=True)
    failures = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField(null=True)
    # Which worker syncs the peer now, and until when (one at a time per peer).
    lease_owner = fields.CharField(max_length=100, default="")
    lease_until = fields.DatetimeField(null=True)
    # Whether entries received from other peers are served on to this one.
    relay = fields.BooleanField(default=False)
    # Whether the peer serves us other origins' entries (what its last page said): when
    # it starts, its feed is pulled again from the start, since the cursor has passed
    # entries it kept from us until then.
    relays_to_us = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "federation_peer"


class RemoteOrigin(Model):
    """An instance whose entries reach this one through a peer that relays them, not
    directly: where it says it lives and the keys its entries are verified with. The
    keys are read from the origin itself when it can be reached; otherwise they are
    the ones the relaying peer holds for it (`keys_via`), trusted as far as that peer
    is."""

    id = fields.IntField(primary_key=True)
    instance_id = fields.CharField(max_length=200, unique=True)
    name = fields.CharField(max_length=200)
    base_url = fields.CharField(max_length=500)
    jwks_uri = fields.CharField(max_length=500)
    envelope_keys: dict[str, Any] = fields.JSONField(default=dict)
    keys_fetched_at = fields.DatetimeField(null=True)
    keys_via = fields.CharField(max_length=200, default="")  # "" when read from the origin
    via = fields.CharField(max_length=200)  # the peer that relays it
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "federation_origin"


class Received(Model):
    """The newest version of each item of another origin applied here, and the digest
    of its signed payload: what makes applying idempotent (the same version again is
    a no-op, an older one never overwrites, the same version with other content is a
    conflict). A retraction stays here as the tombstone that no replayed or late
    entry can undo."""

    id = fields.IntField(primary_key=True)
    origin = fields.CharField(max_length=200)
    item_id = fields.CharField(max_length=64)
    version = fields.IntField()
    kind = fields.CharField(max_length=32)
    digest = fields.CharField(max_length=64)
    final = fields.BooleanField(default=False)  # a retraction nothing may follow
    via = fields.CharField(max_length=200)  # the peer it came from
    applied_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "federation_received"
        unique_together = (("origin", "item_id"),)


class QuarantineState(StrEnum):
    OPEN = "OPEN"
    DISCARDED = "DISCARDED"


class Quarantined(Model):
    """An entry a peer served that was not applied: it failed verification or
    validation, or conflicts with what is here. Kept with its reason until an admin
    retries it (applied, it goes) or discards it (kept, marked, audited)."""

    id = fields.IntField(primary_key=True)
    peer = fields.CharField(max_length=200)  # instance id of the peer that served it
    seq = fields.BigIntField()
    origin = fields.CharField(max_length=200, default="")
    item_id = fields.CharField(max_length=64, default="")
    version = fields.IntField(default=0)
    reason = fields.CharField(max_length=32)
    message = fields.TextField(default="")
    envelope = fields.TextField()
    state = fields.CharEnumField(QuarantineState, max_length=12, default=QuarantineState.OPEN)
    attempts = fields.IntField(default=1)
    received_at = fields.DatetimeField(auto_now_add=True)
    resolved_at = fields.DatetimeField(null=True)

    class Meta:
        table = "federation_quarantine"
        unique_together = (("peer", "seq"),)
        indexes = (("state", "peer"),)
