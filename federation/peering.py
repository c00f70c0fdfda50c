"""Peering two instances with a one-time invitation code.

B's admin runs `network peer invite`; A's admin runs `network peer add B-URL CODE`:

1. A reads B's instance document and B's token keys, and registers B as a
   `private_key_jwt` client of A's token endpoint holding the `federation` scope;
2. A posts the code, its own instance document and that client id to B
   (`POST /federation/peers`);
3. B checks the code (stored hashed, single use, expiring), reads A's instance
   document and token keys from the base URL A claims (so A must really serve them),
   registers A as a client the same way, records A as a peer and answers with its own
   document and the client id it registered for A;
4. A records B as a peer.

After that each side can ask the other's token endpoint for a token with an assertion
signed by its own token key, and pull the other's feed. Every step is audited; a
failure on B's side leaves A with nothing registered.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx

from federation.instance import PROTOCOL_VERSION, instance_document
from federation.models import Invitation, Peer, PeerState
from network.access.principal import SYSTEM, Principal
from network.audit import service as audit
from network.auth import service as identity
from network.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from network.settings import Settings
from network.transactions import atomic

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
MAX_DOCUMENT_BYTES = 64 * 1024
DOCUMENT_FIELDS = ("id", "name", "baseUrl", "jwksUri", "feedEndpoint", "hintEndpoint",
                   "tokenEndpoint")  # fmt: skip


class PeeringError(InvalidInput):
    """The other instance could not be reached or answered something unusable."""


@dataclass(frozen=True)
class Remote:
    """Another instance as its document and keys describe it."""

    document: dict[str, Any]
    token_keys: dict[str, Any]
    envelope_keys: dict[str, Any]


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _require_admin(principal: Principal) -> None:
    if not (principal.is_system or principal.is_network_admin):
        raise PermissionDenied("Only network admins manage peers.")


async def invite(principal: Principal, *, expires_in: timedelta) -> str:
    """A new invitation code (shown once; stored hashed)."""
    _require_admin(principal)
    if not timedelta(minutes=1) <= expires_in <= timedelta(days=7):
        raise InvalidInput("An invitation lasts from a minute to 7 days.", field="expiresIn")
    code = f"pn-invite-{secrets.token_urlsafe(24)}"
    async with atomic():
        row = await Invitation.create(
            code_hash=_hash(code), expires_at=datetime.now(UTC) + expires_in
        )
        await audit.record(
            principal, "peer.invite", target_type="invitation", target_id=str(row.id),
            detail={"expires_at": row.expires_at.isoformat(timespec="seconds")},
        )  # fmt: skip
    return code


async def fetch_remote(client: httpx.AsyncClient, base_url: str) -> Remote:
    """Another instance's document and keys, read from its base URL and checked."""
    base = _base(base_url)
    document = await _json(client, f"{base}/.well-known/practice-network")
    for name in DOCUMENT_FIELDS:
        if not isinstance(document.get(name), str) or not document[name]:
            raise PeeringError(f"{base} answers an instance document without {name}.")
    if document.get("protocolVersion") != PROTOCOL_VERSION:
        raise PeeringError(
            f"{base} speaks federation protocol {document.get('protocolVersion')!r}."
        )
    if _base(document["baseUrl"]) != base:
        raise PeeringError(f"{base} says its base URL is {document['baseUrl'][:200]}.")
    for name in ("jwksUri", "feedEndpoint", "hintEndpoint", "tokenEndpoint"):
        if not same_origin(document[name], base):
            raise PeeringError(f"{name} of {base} points to another host.")
    token_keys = await _json(client, f"{base}/.well-known/jwks.json")
    envelope_keys = await _json(client, document["jwksUri"])
    for keys in (token_keys, envelope_keys):
        if not isinstance(keys.get("keys"), list) or not keys["keys"]:
            raise PeeringError(f"{base} publishes no keys.")
    return Remote(document, token_keys, envelope_keys)


async def accept(
    settings: Settings, client: httpx.AsyncClient, code: object, claimed: object,
    client_id_at_them: object,
) -> dict[str, Any]:  # fmt: skip
    """B's side of `peer add`: check the code, read A where it says it lives, register
    it. Returns B's document and the client id B registered for A."""
    if not isinstance(code, str) or not code.startswith("pn-invite-") or len(code) > 100:
        raise PermissionDenied("This invitation code is not valid.")
    if not isinstance(client_id_at_them, str) or not 0 < len(client_id_at_them) <= 64:
        raise InvalidInput("clientId is missing.", field="clientId")
    if not isinstance(claimed, dict) or not isinstance(claimed.get("baseUrl"), str):
        raise InvalidInput("instance.baseUrl is missing.", field="instance")
    base = claimed["baseUrl"]
    async with atomic():
        # Used up first, in its own transaction: a second attempt with the same code
        # fails even if this one fails later.
        used = await Invitation.filter(
            code_hash=_hash(code), used_at=None, expires_at__gt=datetime.now(UTC)
        ).update(used_at=datetime.now(UTC), used_by=str(claimed.get("id", ""))[:200])
    if not used:
        raise PermissionDenied("This invitation code is unknown, used or expired.")
    remote = await fetch_remote(client, base)
    if remote.document["id"] != claimed.get("id"):
        raise PeeringError("The instance at that base URL has another id.")
    if remote.document["id"] == settings.instance_id:
        raise Conflict("An instance cannot peer with itself.")
    registered = await _register(settings, remote, client_id_at_them)
    return {"instance": instance_document(settings), "clientId": registered}


async def add(
    principal: Principal, settings: Settings, client: httpx.AsyncClient, url: str, code: str
) -> Peer:
    """A's side: peer with the instance at `url` using B's invitation `code`."""
    _require_admin(principal)
    remote = await fetch_remote(client, url)
    if remote.document["id"] == settings.instance_id:
        raise Conflict("An instance cannot peer with itself.")
    if await Peer.filter(instance_id=remote.document["id"]).exists():
        raise Conflict(f"Already peered with {remote.document['id']}.")
    peer_client = await identity.register_peer_client(
        remote.document["id"], remote.document["name"], remote.token_keys
    )
    try:
        try:
            response = await client.post(
                f"{_base(url)}/federation/peers",
                json={
                    "code": code,
                    "instance": instance_document(settings),
                    "clientId": peer_client.client_id,
                },
                timeout=TIMEOUT,
            )
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            raise PeeringError(f"{url[:200]} cannot be reached ({type(error).__name__}).") from None
        answer = _answer(response)
        ours = answer.get("clientId")
        if not isinstance(ours, str) or not 0 < len(ours) <= 64:
            raise PeeringError("The other instance answered without a client id.")
    except BaseException:
        await identity.remove_peer_client(peer_client.client_id)
        raise
    async with atomic():
        peer = await _peer_row(remote, client_id_at_them=ours, their_client=peer_client.client_id)
        await audit.record(
            principal, "peer.add", target_type="peer", target_id=peer.instance_id,
            detail={"base_url": peer.base_url},
        )  # fmt: skip
    return peer


async def _register(settings: Settings, remote: Remote, client_id_at_them: str) -> str:
    if await Peer.filter(instance_id=remote.document["id"]).exists():
        raise Conflict(f"Already peered with {remote.document['id']}.")
    async with atomic():
        peer_client = await identity.register_peer_client(
            remote.document["id"], remote.document["name"], remote.token_keys
        )
        peer = await _peer_row(
            remote, client_id_at_them=client_id_at_them, their_client=peer_client.client_id
        )
        await audit.record(
            SYSTEM, "peer.accept", target_type="peer", target_id=peer.instance_id,
            detail={"base_url": peer.base_url},
        )  # fmt: skip
    return peer_client.client_id


async def _peer_row(remote: Remote, *, client_id_at_them: str, their_client: str) -> Peer:
    document = remote.document
    return await Peer.create(
        instance_id=document["id"],
        name=document["name"][:200],
        base_url=_base(document["baseUrl"]),
        token_endpoint=document["tokenEndpoint"],
        feed_endpoint=document["feedEndpoint"],
        hint_endpoint=document["hintEndpoint"],
        jwks_uri=document["jwksUri"],
        envelope_keys=remote.envelope_keys,
        client_id_at_them=client_id_at_them,
        their_client_id=their_client,
        state=PeerState.ACTIVE,
    )


async def list_peers(principal: Principal) -> list[Peer]:
    _require_admin(principal)
    return await Peer.all().order_by("instance_id")


async def get_peer(principal: Principal, instance_id: str) -> Peer:
    _require_admin(principal)
    peer = await Peer.get_or_none(instance_id=instance_id[:200])
    if peer is None:
        raise NotFound(f"No peer {instance_id[:200]!r}.")
    return peer


async def set_state(principal: Principal, instance_id: str, state: PeerState) -> Peer:
    peer = await get_peer(principal, instance_id)
    async with atomic():
        peer.state = state
        await peer.save(update_fields=["state"])
        await audit.record(
            principal, f"peer.{'pause' if state is PeerState.PAUSED else 'resume'}",
            target_type="peer", target_id=peer.instance_id,
        )  # fmt: skip
    return peer


async def set_relay(principal: Principal, instance_id: str, relay: bool) -> Peer:
    """Whether entries received from other peers are served on to this peer."""
    peer = await get_peer(principal, instance_id)
    async with atomic():
        peer.relay = relay
        await peer.save(update_fields=["relay"])
        await audit.record(
            principal, "peer.relay", target_type="peer", target_id=peer.instance_id,
            detail={"relay": "on" if relay else "off"},
        )  # fmt: skip
    return peer


async def remove(principal: Principal, instance_id: str) -> None:
    """Forget a peer: its client is revoked, its cursor and quarantine go."""
    _require_admin(principal)
    peer = await Peer.get_or_none(instance_id=instance_id)
    if peer is None:
        raise NotFound(f"No peer {instance_id[:200]!r}.")
    async with atomic():
        await identity.remove_peer_client(peer.their_client_id)
        await peer.delete()
        await audit.record(principal, "peer.remove", target_type="peer", target_id=instance_id)


def _base(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(f"{url[:200]!r} is not an http(s) URL.", field="url")
    if parts.query or parts.fragment:
        raise InvalidInput("A base URL has no query or fragment.", field="url")
    try:
        parts.port  # noqa: B018  (reading it checks it: 1 to 65535)
    except ValueError:
        raise InvalidInput(f"{url[:200]!r} has no valid port.", field="url") from None
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")


def same_origin(url: str, base: str) -> bool:
    a, b = urlsplit(url), urlsplit(base)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


async def _json(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    try:
        response = await client.get(url, timeout=TIMEOUT, follow_redirects=False)
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise PeeringError(f"{url[:200]} cannot be reached ({type(error).__name__}).") from None
    if response.status_code != 200:
        raise PeeringError(f"{url} answered {response.status_code}.")
    if len(response.content) > MAX_DOCUMENT_BYTES:
        raise PeeringError(f"{url} answered more than {MAX_DOCUMENT_BYTES} bytes.")
    try:
        value = response.json()
    except ValueError:
        raise PeeringError(f"{url} did not answer JSON.") from None
    if not isinstance(value, dict):
        raise PeeringError(f"{url} did not answer a JSON object.")
    return value


def _answer(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        value = {}
    if response.status_code != 200:
        message = value.get("message") if isinstance(value, dict) else None
        raise PeeringError(
            f"The other instance refused: {str(message or response.status_code)[:300]}"
        )
    if not isinstance(value, dict):
        raise PeeringError("The other instance answered something unusable.")
    return value
