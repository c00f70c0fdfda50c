"""Verifying bearer access tokens (RFC 6750) issued by this instance (RFC 9068)."""

from typing import Any

from joserfc import jws, jwt
from joserfc.errors import JoseError

from network.auth.credentials import cache
from network.auth.keys import ALGORITHM, key_ring
from network.auth.models import ApiClient
from network.auth.principal import Principal, PrincipalKind
from network.settings import Settings


class InvalidToken(Exception):
    """The bearer token is not one this instance accepts; the message says why."""


async def principal_from_bearer(token: str, settings: Settings) -> Principal:
    try:
        header = jws.extract_compact(token.encode()).protected
    except (JoseError, ValueError):
        raise InvalidToken("The access token is malformed.") from None
    # RFC 9068 section 4: the typ header must be at+jwt, so that an ID token or any
    # other JWT signed by the same key cannot pass for an access token.
    if header.get("typ", "").lower() not in {"at+jwt", "application/at+jwt"}:
        raise InvalidToken("Not an access token (typ must be at+jwt).")
    if header.get("alg") != ALGORITHM:
        raise InvalidToken("The access token's algorithm is not accepted.")
    ring = await key_ring(settings, unknown_kid=str(header.get("kid", "")))
    try:
        decoded = jwt.decode(token, ring.verifying, algorithms=[ALGORITHM])
    except (JoseError, ValueError):
        raise InvalidToken("The access token's signature does not verify.") from None
    claims = decoded.claims
    issuer = settings.base_url.rstrip("/")
    registry = jwt.JWTClaimsRegistry(
        leeway=30,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": issuer},
        exp={"essential": True},
        client_id={"essential": True},
    )
    try:
        registry.validate(claims)
    except JoseError as exc:
        raise InvalidToken(f"The access token is not valid here: {exc.description}") from None
    client = await _active_client(str(claims["client_id"]))
    if client is None:
        raise InvalidToken("The client of this access token is revoked or unknown.")
    return Principal(
        kind=PrincipalKind.CLIENT,
        office_id=int(client["office_id"]),
        scopes=frozenset(str(claims.get("scope", "")).split()) & frozenset(client["scopes"]),
        label=f"client:{claims['client_id']}",
    )


async def _active_client(client_id: str) -> dict[str, Any] | None:
    key = ("client", client_id)
    found, value = await cache.get(key)
    if not found:
        row = await ApiClient.get_or_none(client_id=client_id, revoked_at=None)
        value = {"office_id": row.office_id, "scopes": row.scopes} if row else None  # type: ignore[attr-defined]
        cache.put(key, value)
    return value
