"""Origins that reach this instance through a peer that relays their entries.

When a peer serves an entry of an origin this instance does not know, it asks the
peer where that origin lives (`GET /federation/origins`) and records it. The keys are
then read from the origin itself when it answers; when it cannot be reached from here
(which is often why entries are relayed), the keys the relaying peer verifies it with
are taken instead, and `keys_via` says so: such entries are trusted as far as that
peer is. An origin that is also a peer of ours is always verified with the keys we
hold for it.
"""

import logging
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from federation import client
from federation.models import Peer, RemoteOrigin
from federation.peering import same_origin
from network.settings import Settings

log = logging.getLogger("federation.relays")


async def learn(
    http: httpx.AsyncClient, settings: Settings, peer: Peer, origin: str
) -> RemoteOrigin | None:
    """Record `origin` as `peer` describes it, with its keys; None when the peer
    does not list it (or lists it unusably)."""
    try:
        listed = await client.origins(settings, http, peer)
    except client.PeerUnavailable as error:
        log.info("%s lists no origins: %s", peer.instance_id, error)
        return None
    found = next((o for o in listed if o.get("id") == origin), None)
    if found is None or origin == settings.instance_id:
        return None
    fields = {name: found.get(name) for name in ("name", "baseUrl", "jwksUri")}
    if not all(isinstance(v, str) and 0 < len(v) <= 500 for v in fields.values()):
        return None
    base = str(fields["baseUrl"])
    if urlsplit(base).scheme not in ("http", "https") or not same_origin(
        str(fields["jwksUri"]), base
    ):
        return None
    keys_via = ""
    try:
        keys = await client.envelope_keys(http, str(fields["jwksUri"]))
    except client.PeerUnavailable:
        vouched = found.get("keys")
        keys = vouched.get("keys", []) if isinstance(vouched, dict) else []
        keys_via = peer.instance_id
    keys = [k for k in keys if isinstance(k, dict)]
    if not keys:
        return None
    row, _ = await RemoteOrigin.update_or_create(
        instance_id=origin,
        defaults={
            "name": str(fields["name"])[:200], "base_url": str(fields["baseUrl"]),
            "jwks_uri": str(fields["jwksUri"]), "envelope_keys": {"keys": keys},
            "keys_fetched_at": datetime.now(UTC), "keys_via": keys_via,
            "via": peer.instance_id,
        },
    )  # fmt: skip
    log.info("learned origin %s through %s (keys %s)", origin, peer.instance_id,
             f"vouched for by {keys_via}" if keys_via else "read from the origin")  # fmt: skip
    return row
