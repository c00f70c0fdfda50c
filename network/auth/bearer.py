"""Verifying bearer access tokens (RFC 6750) issued by this instance (RFC 9068).

Only public keys are used, picked by `kid` from this instance's own key set; a token
that names a key any other way, or lives longer than this instance issues tokens
for, is not one of ours and is refused before any signature work.
"""

import math
from typing import Any

from joserfc import jws, jwt
from joserfc.errors import JoseError

from network.access.principal import Principal, PrincipalKind
from network.auth.credentials import cache
from network.auth.keys import ALGORITHM, verifying_key
from network.auth.models import ApiClient
from network.settings import Settings

# RFC 9068 tokens here are short-lived: whatever the setting says, never over 15 minutes.
MAX_ACCESS_TOKEN_SECONDS = 900
# Header parameters that point at or carry a key (RFC 7515 sections 4.1.2 to 4.1.6).
# This instance signs with its own keys only, so a token carrying one is forged or
# confused (RFC 8725 section 3.10 warns against honouring them).
KEY_HEADERS = frozenset({"jku", "jwk", "x5u", "x5c"})
MAX_KID_LENGTH = 64  # the column that stores kids


class InvalidToken(Exception):
    """The bearer token is not one this instance accepts; the message says why."""


def access_token_lifetime(settings: Settings) -> int:
    """Seconds an access token of this instance lives (issued and accepted alike)."""
    return max(1, min(settings.access_token_seconds, MAX_ACCESS_TOKEN_SECONDS))


async def principal_from_bearer(token: str, settings: Settings) -> Principal:
    try:
        header = jws.extract_compact(token.encode()).protected
    except (JoseError, ValueError):
        raise InvalidToken("The access token is malformed.") from None
    # RFC 9068 section 4: the typ header must be at+jwt, so that an ID token or any
    # other JWT signed by the same key cannot pass for an access token.
    if str(header.get("typ", "")).lower() not in {"at+jwt", "application/at+jwt"}:
        raise InvalidToken("Not an access token (typ must be at+jwt).")
    if header.get("alg") != ALGORITHM:
        raise InvalidToken("The access token's algorithm is not accepted.")
    if KEY_HEADERS & header.keys():
        raise InvalidToken("The access token names its own key (jku, jwk, x5u or x5c).")
    kid = header.get("kid")
    if not isinstance(kid, str) or not 0 < len(kid) <= MAX_KID_LENGTH:
        raise InvalidToken("The access token's signature does not verify (no usable kid).")
    key = await verifying_key(kid)
    if key is None:
        raise InvalidToken("The access token's signature does not verify (unknown kid).")
    try:
        decoded = jwt.decode(token, key, algorithms=[ALGORITHM])
    except (JoseError, ValueError):
        raise InvalidToken("The access token's signature does not verify.") from None
    claims = decoded.claims
    issuer = settings.base_url.rstrip("/")
    registry = jwt.JWTClaimsRegistry(
        leeway=30,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": issuer},
        exp={"essential": True},
        iat={"essential": True},
        client_id={"essential": True},
    )
    try:
        registry.validate(claims)
    except JoseError as exc:
        raise InvalidToken(f"The access token is not valid here: {exc.description}") from None
    exp, iat = claims["exp"], claims["iat"]
    if not (finite_number(exp) and finite_number(iat)) or exp - iat > access_token_lifetime(
        settings
    ):
        raise InvalidToken("The access token lives longer than this instance issues them for.")
    client = await _active_client(str(claims["client_id"]))
    if client is None:
        raise InvalidToken("The client of this access token is revoked or unknown.")
    return Principal(
        kind=PrincipalKind.CLIENT,
        office_id=None if client["office_id"] is None else int(client["office_id"]),
        scopes=frozenset(str(claims.get("scope", "")).split()) & frozenset(client["scopes"]),
        label=f"client:{claims['client_id']}",
    )


def finite_number(value: Any) -> bool:
    """A JSON number usable in time arithmetic (not a bool, NaN or infinity)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


async def _active_client(client_id: str) -> dict[str, Any] | None:
    key = ("client", client_id)
    found, value = await cache.get(key)
    if not found:
        row = await ApiClient.get_or_none(client_id=client_id, revoked_at=None)
        value = {"office_id": row.office_id, "scopes": row.scopes} if row else None  # type: ignore[attr-defined]
        cache.put(key, value)
    return value
