"""The instance's envelope keys: Ed25519, created on first use, rotated on demand.

The newest key that is not retired signs. Rotation adds a key and retires the others
for signing; a retired key stays in the published key set until its `verify_until`
(`NETWORK_FEDERATION_KEY_RETENTION_DAYS` after rotation), so entries it signed still
verify on every peer while they refetch keys, and then it is gone. Private halves
are stored encrypted with the instance secret, like the token signing keys.

This process keeps the signing key for `RELOAD_SECONDS`: after a rotation elsewhere
it may sign with the retired key for that long, which peers still accept.
"""

import json
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from joserfc.jwk import OKPKey
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from federation.models import EnvelopeKey
from network.auth.secrets import decrypt, encrypt
from network.settings import Settings

ALGORITHM = "Ed25519"  # RFC 9864's fully specified name for EdDSA over Ed25519
RELOAD_SECONDS = 60.0


@dataclass(frozen=True)
class Signer:
    kid: str
    key: OKPKey
    loaded_at: float


_signer: Signer | None = None


def forget() -> None:
    """Drop the cached signing key (tests, rotation in this process)."""
    global _signer
    _signer = None


async def signer(settings: Settings) -> Signer:
    """The key that signs now, created when the instance has none."""
    global _signer
    cached = _signer
    if cached is not None and time.monotonic() - cached.loaded_at <= RELOAD_SECONDS:
        return cached
    row = await EnvelopeKey.filter(retired_at=None).order_by("-id").first()
    if row is None:
        async with in_transaction():
            row = await EnvelopeKey.filter(retired_at=None).order_by("-id").first()
            if row is None:
                row = await _create(settings)
    if cached is not None and cached.kid == row.kid:
        key = cached.key
    else:
        key = OKPKey.import_key(json.loads(decrypt(settings, row.private_jwk_encrypted)))
    _signer = Signer(row.kid, key, time.monotonic())
    return _signer


async def published(now: datetime | None = None) -> list[dict[str, Any]]:
    """The public keys peers may verify with: active ones, and retired ones until
    their `verify_until`; newest first."""
    now = now or datetime.now(UTC)
    rows = await EnvelopeKey.filter(Q(retired_at=None) | Q(verify_until__gt=now)).order_by("-id")
    return [row.public_jwk for row in rows]


async def rotate(settings: Settings) -> tuple[str, list[str]]:
    """A new signing key; the keys that signed until now are retired for signing and
    kept for verification for the retention period. Returns the new kid and the
    retired ones."""
    now = datetime.now(UTC)
    keep = now + timedelta(days=settings.federation_key_retention_days)
    async with in_transaction():
        retired = [row.kid for row in await EnvelopeKey.filter(retired_at=None)]
        await EnvelopeKey.filter(retired_at=None).update(retired_at=now, verify_until=keep)
        row = await _create(settings)
    forget()
    return row.kid, retired


async def _create(settings: Settings) -> EnvelopeKey:
    kid = secrets.token_urlsafe(12)
    key = OKPKey.generate_key(
        "Ed25519", parameters={"kid": kid, "alg": ALGORITHM, "use": "sig"}, private=True
    )
    return await EnvelopeKey.create(
        kid=kid,
        private_jwk_encrypted=encrypt(settings, json.dumps(key.as_dict(private=True))),
        public_jwk=key.as_dict(private=False),
    )
