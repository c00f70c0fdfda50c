"""Talking to a peer: an access token from its token endpoint, then its feed.

The token comes from the client_credentials grant with `private_key_jwt` (RFC 7523
section 2.2): an assertion signed with this instance's token key, whose public half
the peer read from our JWKS when we peered. Assertions live 60 seconds and carry a
fresh `jti`, so a captured one cannot be replayed. Tokens are kept until a little
before they expire.
"""

import email.utils
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any

import httpx
import orjson
from joserfc import jwt

from federation.models import Peer
from network.auth.keys import ALGORITHM, key_ring
from network.settings import Settings

log = logging.getLogger("federation.client")

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
ASSERTION_SECONDS = 60
EARLY_SECONDS = 30
CLOCK_TOLERANCE_SECONDS = 10  # a difference the peer's leeway absorbs
MAX_CLOCK_OFFSET_SECONDS = 7 * 24 * 3600  # beyond this a Date header is not believed


class PeerUnavailable(RuntimeError):
    """The peer could not be asked, or answered with an error. `status` is the HTTP
    status when there was one (a sync decides on it whether and when to retry)."""

    def __init__(
        self, message: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass
class _Token:
    value: str
    expires_at: float


_tokens: dict[str, _Token] = {}
_offsets: dict[str, float] = {}  # a peer's clock minus ours, learnt from a refusal


def forget_tokens() -> None:
    _tokens.clear()


async def token(settings: Settings, client: httpx.AsyncClient, peer: Peer) -> str:
    """An access token for `peer`'s feed (cached until shortly before it expires).

    An assertion's times are checked by the peer's clock. When the peer refuses one
    and its `Date` header shows its clock is off from ours, the assertion is made
    again in its time, and later ones for it too: a peer with a wrong clock (or a
    wrong clock here) still syncs, with a warning in the log."""
    cached = _tokens.get(peer.instance_id)
    if cached is not None and cached.expires_at - EARLY_SECONDS > time.time():
        return cached.value
    offset = _offsets.get(peer.instance_id, 0.0)
    response = await _ask_token(settings, client, peer, offset)
    if response.status_code in (400, 401):
        theirs = _clock_offset(response)
        if theirs is not None and abs(theirs - offset) > CLOCK_TOLERANCE_SECONDS:
            log.warning(
                "%s's clock is %+.0f s from ours: assertions for it are dated by its clock",
                peer.instance_id, theirs,
            )  # fmt: skip
            _offsets[peer.instance_id] = theirs
            response = await _ask_token(settings, client, peer, theirs)
    body = _json(response)
    if response.status_code != 200 or not isinstance(body.get("access_token"), str):
        raise PeerUnavailable(
            f"token refused: {str(body.get('error') or response.status_code)[:200]}",
            response.status_code,
        )
    lifetime = body.get("expires_in")
    seconds = lifetime if isinstance(lifetime, int) and 0 < lifetime <= 3600 else 60
    _tokens[peer.instance_id] = _Token(body["access_token"], time.time() + seconds)
    return str(body["access_token"])


async def _ask_token(
    settings: Settings, client: httpx.AsyncClient, peer: Peer, offset: float
) -> httpx.Response:
    ring = await key_ring(settings)
    now = int(time.time() + offset)
    assertion = jwt.encode(
        {"alg": ALGORITHM, "kid": ring.signing.kid},
        {
            "iss": peer.client_id_at_them,
            "sub": peer.client_id_at_them,
            "aud": peer.token_endpoint,
            "iat": now,
            "exp": now + ASSERTION_SECONDS,
            "jti": secrets.token_urlsafe(18),
        },
        ring.signing_set,
        algorithms=[ALGORITHM],
    )
    try:
        return await client.post(
            peer.token_endpoint,
            data={
                "grant_type": "client_credentials",
                "scope": "federation",
                "client_assertion_type": ASSERTION_TYPE,
                "client_assertion": assertion,
            },
            timeout=TIMEOUT,
        )
    except httpx.HTTPError as error:
        raise PeerUnavailable(f"token endpoint unreachable ({type(error).__name__})") from None


def _clock_offset(response: httpx.Response) -> float | None:
    """How far the answering server's clock is ahead of ours, from its `Date`
    header (RFC 9110 section 6.6.1; to the second); None without a usable one."""
    try:
        when = email.utils.parsedate_to_datetime(response.headers.get("date", ""))
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    offset = when.timestamp() - time.time()
    return offset if abs(offset) <= MAX_CLOCK_OFFSET_SECONDS else None


async def feed_page(
    settings: Settings, client: httpx.AsyncClient, peer: Peer, *, after: int, limit: int
) -> dict[str, Any]:
    """One page of `peer`'s feed after sequence number `after`."""
    params = {"after": str(after), "limit": str(limit)}
    return await _peer_get(settings, client, peer, peer.feed_endpoint, params)


def _retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("retry-after", "")
    return float(raw) if raw.isascii() and raw.isdigit() else None


async def _peer_get(
    settings: Settings, client: httpx.AsyncClient, peer: Peer, url: str, params: dict[str, str]
) -> dict[str, Any]:
    """A GET with the peer's access token; PeerUnavailable with the status (and the
    peer's message) for anything but 200."""
    bearer = await token(settings, client, peer)
    try:
        response = await client.get(
            url, params=params, headers={"authorization": f"Bearer {bearer}"}, timeout=TIMEOUT
        )
    except httpx.HTTPError as error:
        raise PeerUnavailable(f"{url} unreachable ({type(error).__name__})") from None
    if response.status_code == 401:
        _tokens.pop(peer.instance_id, None)  # expired or revoked: a new one next time
    body = _json(response)
    if response.status_code != 200:
        raise PeerUnavailable(
            f"{url} answered {response.status_code}: {str(body.get('message', ''))[:200]}",
            response.status_code,
            _retry_after(response),
        )
    return body


async def digests(
    settings: Settings, client: httpx.AsyncClient, peer: Peer, bucket: int | None = None
) -> dict[str, Any]:
    """The peer's item digests, or one bucket's items (anti-entropy)."""
    url = peer.base_url.rstrip("/") + "/federation/digest"
    params = {} if bucket is None else {"bucket": str(bucket)}
    return await _peer_get(settings, client, peer, url, params)


async def entries_by_seq(
    settings: Settings, client: httpx.AsyncClient, peer: Peer, seqs: list[int]
) -> dict[str, Any]:
    """Entries of the peer's feed by sequence number (anti-entropy refetch)."""
    wanted = ",".join(str(s) for s in seqs)
    return await _peer_get(settings, client, peer, peer.feed_endpoint, {"seqs": wanted})


async def envelope_keys(client: httpx.AsyncClient, jwks_uri: str) -> list[dict[str, Any]]:
    """An instance's published envelope keys, read again (after a rotation there)."""
    try:
        response = await client.get(jwks_uri, timeout=TIMEOUT, follow_redirects=False)
    except httpx.HTTPError as error:
        raise PeerUnavailable(f"key set unreachable ({type(error).__name__})") from None
    keys = _json(response).get("keys")
    if response.status_code != 200 or not isinstance(keys, list):
        raise PeerUnavailable(f"key set answered {response.status_code}", response.status_code)
    return [k for k in keys if isinstance(k, dict)]


async def origins(
    settings: Settings, client: httpx.AsyncClient, peer: Peer
) -> list[dict[str, Any]]:
    """The other origins the peer may relay, with where they live and their keys."""
    url = peer.base_url.rstrip("/") + "/federation/origins"
    listed = (await _peer_get(settings, client, peer, url, {})).get("origins")
    return [o for o in listed if isinstance(o, dict)] if isinstance(listed, list) else []


async def hint(settings: Settings, client: httpx.AsyncClient, peer: Peer) -> None:
    """Tell the peer there is something new in our feed (it pulls; nothing else)."""
    bearer = await token(settings, client, peer)
    try:
        response = await client.post(
            peer.hint_endpoint,
            headers={"authorization": f"Bearer {bearer}"},
            timeout=httpx.Timeout(5.0, connect=2.0),
        )
    except httpx.HTTPError as error:
        raise PeerUnavailable(f"hint unreachable ({type(error).__name__})") from None
    if response.status_code == 401:
        _tokens.pop(peer.instance_id, None)
    if response.status_code not in (200, 202):
        raise PeerUnavailable(f"hint answered {response.status_code}", response.status_code)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        value = orjson.loads(response.content)  # a page is ~1 MB: 3x the standard parser
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}
