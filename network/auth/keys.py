"""The instance's signing keys: created on first use, published as a JWKS.

Private keys are stored encrypted (see `secrets`); each process keeps the key ring
in memory and reloads it when it meets an unknown `kid` (a key made by another
process) or after `RELOAD_SECONDS`.
"""

import json
import secrets as random
import time
from dataclasses import dataclass
from typing import Any

from joserfc.jwk import KeySet, RSAKey
from tortoise.transactions import in_transaction

from network.auth.models import SigningKey
from network.auth.secrets import decrypt, encrypt
from network.settings import Settings

ALGORITHM = "RS256"
RELOAD_SECONDS = 300.0


@dataclass(frozen=True)
class KeyRing:
    signing: RSAKey
    # The signing key alone as a key set: signing with a set makes joserfc put the
    # key's `kid` in the header, which verifiers need to pick the key.
    signing_set: KeySet
    verifying: KeySet
    jwks: dict[str, Any]
    loaded_at: float


_ring: KeyRing | None = None


async def _load(settings: Settings) -> KeyRing:
    rows = await SigningKey.filter(retired_at=None).order_by("-id")
    if not rows:
        async with in_transaction():
            rows = await SigningKey.filter(retired_at=None).order_by("-id")
            if not rows:
                rows = [await _create(settings)]
    newest = rows[0]
    signing = RSAKey.import_key(json.loads(decrypt(settings, newest.private_jwk_encrypted)))
    public = [row.public_jwk for row in rows]
    return KeyRing(
        signing=signing,
        signing_set=KeySet([signing]),
        verifying=KeySet.import_key_set({"keys": public}),
        jwks={"keys": public},
        loaded_at=time.monotonic(),
    )


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


async def key_ring(settings: Settings, *, unknown_kid: str | None = None) -> KeyRing:
    global _ring
    ring = _ring
    stale = ring is None or time.monotonic() - ring.loaded_at > RELOAD_SECONDS
    missing = bool(unknown_kid) and ring is not None and not _has_kid(ring, str(unknown_kid))
    if stale or missing:
        ring = _ring = await _load(settings)
    assert ring is not None
    return ring


def _has_kid(ring: KeyRing, kid: str) -> bool:
    return any(key.get("kid") == kid for key in ring.jwks["keys"])


def forget_keys() -> None:
    """Drop the cached ring (tests and key rotation)."""
    global _ring
    _ring = None
