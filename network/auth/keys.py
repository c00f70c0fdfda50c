"""The instance's signing keys: created on first use, published as a JWKS.

Signing and verifying are kept apart. Only the token endpoint signs: it holds the
newest key's private half, decrypted once per process and again only when a newer
key appears. Verification and the JWKS use the public JWKs alone, so they never
decrypt anything.

An access token naming a kid this process does not know may come from a key another
process has just made, so the public keys are read again, but at most once per
`UNKNOWN_KID_RELOAD_SECONDS` per process however many distinct kids arrive: a flood
of random kids costs one read of public keys per interval (probe finding 3), and a
new key is accepted here within that interval of its first use. Both views are also
refreshed after `RELOAD_SECONDS` (rotation, retirement).
"""

import json
import math
import secrets as random
import time
from dataclasses import dataclass, replace
from typing import Any

from joserfc.errors import JoseError
from joserfc.jwk import KeySet, RSAKey
from tortoise.transactions import in_transaction

from network.auth.models import SigningKey
from network.auth.secrets import decrypt, encrypt
from network.settings import Settings

ALGORITHM = "RS256"
RELOAD_SECONDS = 300.0
UNKNOWN_KID_RELOAD_SECONDS = 5.0


@dataclass
class KeyLoads:
    """How often this process read the public keys and decrypted a private key."""

    public: int = 0
    decryptions: int = 0

    def snapshot(self) -> "KeyLoads":
        return replace(self)


loads = KeyLoads()


@dataclass(frozen=True)
class PublicKeys:
    """The active keys' public halves: what tokens verify with and the JWKS shows."""

    by_kid: dict[str, RSAKey]
    jwks: dict[str, Any]
    loaded_at: float


@dataclass(frozen=True)
class KeyRing:
    """What the token endpoint signs with."""

    signing: RSAKey
    # The signing key alone as a key set: signing with a set makes joserfc put the
    # key's `kid` in the header, which verifiers need to pick the key.
    signing_set: KeySet
    verifying: KeySet
    jwks: dict[str, Any]
    loaded_at: float


_public: PublicKeys | None = None
_signing: KeyRing | None = None
_unknown_kid_reload_at = -math.inf


async def _public_rows() -> list[dict[str, Any]]:
    """Active keys, newest first; the encrypted private column is not even read."""
    return list(
        await SigningKey.filter(retired_at=None).order_by("-id").values("kid", "public_jwk")
    )


def _publish(rows: list[dict[str, Any]]) -> PublicKeys:
    global _public
    by_kid: dict[str, RSAKey] = {}
    for row in rows:
        try:
            by_kid[str(row["kid"])] = RSAKey.import_key(row["public_jwk"])
        except (JoseError, ValueError, TypeError, KeyError):
            continue  # a damaged row verifies nothing; the others still work
    loads.public += 1
    _public = PublicKeys(
        by_kid=by_kid,
        jwks={"keys": [row["public_jwk"] for row in rows]},
        loaded_at=time.monotonic(),
    )
    return _public


async def public_keys() -> PublicKeys:
    keys = _public
    if keys is None or time.monotonic() - keys.loaded_at > RELOAD_SECONDS:
        keys = _publish(await _public_rows())
    return keys


async def published_keys(settings: Settings) -> PublicKeys:
    """The JWKS: never empty, so a new instance creates its first key here."""
    keys = await public_keys()
    if not keys.by_kid:
        await key_ring(settings)
        keys = await public_keys()
    return keys


async def verifying_key(kid: str) -> RSAKey | None:
    """The public key named `kid`, or None. An unknown kid triggers a read of the
    public keys at most once per `UNKNOWN_KID_RELOAD_SECONDS` in this process."""
    global _unknown_kid_reload_at
    keys = await public_keys()
    key = keys.by_kid.get(kid)
    if key is None:
        now = time.monotonic()
        if now - _unknown_kid_reload_at >= UNKNOWN_KID_RELOAD_SECONDS:
            _unknown_kid_reload_at = now
            key = _publish(await _public_rows()).by_kid.get(kid)
    return key


async def key_ring(settings: Settings) -> KeyRing:
    """The newest active key for signing, created if there is none. Its private half
    is decrypted only when this process has not decrypted that same key before."""
    global _signing
    ring = _signing
    if ring is not None and time.monotonic() - ring.loaded_at <= RELOAD_SECONDS:
        return ring
    rows = await _public_rows()
    if not rows:
        async with in_transaction():
            rows = await _public_rows()
            if not rows:
                await _create(settings)
                rows = await _public_rows()
    newest = str(rows[0]["kid"])
    if ring is not None and ring.signing.kid == newest:
        signing = ring.signing
    else:
        encrypted = await SigningKey.filter(kid=newest).values_list(
            "private_jwk_encrypted", flat=True
        )
        signing = RSAKey.import_key(json.loads(decrypt(settings, str(encrypted[0]))))
        loads.decryptions += 1
    public = _publish(rows)
    _signing = KeyRing(
        signing=signing,
        signing_set=KeySet([signing]),
        verifying=KeySet(list(public.by_kid.values())),
        jwks=public.jwks,
        loaded_at=time.monotonic(),
    )
    return _signing


async def _create(settings: Settings) -> SigningKey:
    kid = random.token_urlsafe(12)
    key = RSAKey.generate_key(
        2048, parameters={"kid": kid, "alg": ALGORITHM, "use": "sig"}, private=True
    )
    return await SigningKey.create(
        kid=kid,
        algorithm=ALGORITHM,
        private_jwk_encrypted=encrypt(settings, json.dumps(key.as_dict(private=True))),
        public_jwk=key.as_dict(private=False),
    )


def forget_keys() -> None:
    """Drop every cached key (tests and key rotation)."""
    global _public, _signing, _unknown_kid_reload_at
    _public = _signing = None
    _unknown_kid_reload_at = -math.inf
