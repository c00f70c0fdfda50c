"""Feed entries as signed envelopes: a compact JWS (RFC 7515 section 7.1) whose
payload is the canonical JSON (RFC 8785) of {origin, id, version, kind, body}.

Opening an envelope trusts nothing before the signature is checked, and little after:

- the protected header is read first and must say `alg: Ed25519` (RFC 9864), carry a
  `kid` and our `typ`, and no `crit` (RFC 7515 section 4.1.11: we understand no
  extension); `none`, HMAC and anything else is refused before a key is looked up, so
  no algorithm confusion is possible;
- the key is the origin's key named by `kid`, looked up by the caller (an unknown kid
  is its own error: the caller may refetch the origin's keys once);
- the payload must be an object of exactly the five members, with the types below,
  and byte for byte its own canonical form (a peer cannot slip in a second meaning
  for the same signature);
- the origin it names must be the one the caller expects (the peer that serves it, or
  the origin a relayed entry claims and whose keys verified it).
"""

import base64
import hashlib
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from joserfc import jws
from joserfc.jwk import OKPKey

from federation import canonical

TYP = "practice-network-entry+jws"
ALGORITHMS = ["Ed25519"]
MAX_ENVELOPE_BYTES = 3 * 1024 * 1024
MEMBERS = frozenset({"origin", "id", "version", "kind", "body"})


class EnvelopeError(ValueError):
    """Why an envelope was refused: `reason` is a short code kept with a quarantined
    entry, the message says more."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Entry:
    origin: str
    id: str
    version: int
    kind: str
    body: dict[str, Any]
    kid: str
    digest: str  # SHA-256 of the signed payload: equal digests, equal entries


def seal(key: OKPKey, kid: str, entry: dict[str, Any]) -> str:
    """Sign `entry` (the five members) as a compact JWS."""
    _members(entry)
    payload = canonical.encode(entry)
    header = {"alg": ALGORITHMS[0], "kid": kid, "typ": TYP}
    return jws.serialize_compact(header, payload, key, algorithms=ALGORITHMS)


@dataclass(frozen=True)
class Sealed:
    """A compact JWS split and decoded, its header checked, nothing else trusted."""

    kid: str
    signing_input: bytes
    signature: bytes
    payload: bytes

    def claims(self) -> dict[str, Any]:
        """The payload, parsed but not verified (to choose whose keys to verify
        it with)."""
        try:
            payload = orjson.loads(self.payload)
        except orjson.JSONDecodeError:
            raise EnvelopeError("invalid", "the payload is not JSON") from None
        if not isinstance(payload, dict):
            raise EnvelopeError("invalid", "the payload is not an object")
        return payload


def unseal(token: str) -> Sealed:
    """Split and decode an envelope and check its protected header (read before
    anything is verified: RFC 7515 section 7.1), or EnvelopeError."""
    segments = _segments(token)
    header = _object(segments[0], "the protected header", "malformed")
    if header.get("alg") not in ALGORITHMS:
        raise EnvelopeError("algorithm", f"algorithm {str(header.get('alg'))[:20]!r} refused")
    if header.get("typ") != TYP or "crit" in header:
        raise EnvelopeError("malformed", "unexpected protected header")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid or len(kid) > 64:
        raise EnvelopeError("malformed", "the header names no key")
    try:
        payload, signature = _b64decode(segments[1]), _b64decode(segments[2])
    except ValueError:
        raise EnvelopeError("malformed", "a segment is not base64url") from None
    return Sealed(kid, f"{segments[0]}.{segments[1]}".encode("ascii"), signature, payload)


def verify(sealed: Sealed, key: OKPKey, *, origin: str) -> Entry:
    """The entry `sealed` holds, if `key` signed it for `origin`; else EnvelopeError.

    The signature is checked with the key's Ed25519 public key directly: the header
    was already held to `alg: Ed25519`, and decoding the token once here (rather than
    again in a JOSE library after `unseal`) halves what opening costs a syncing peer."""
    public = key.public_key
    if not isinstance(public, Ed25519PublicKey):
        raise EnvelopeError("signature", f"key {sealed.kid!r} is not an Ed25519 key")
    try:
        public.verify(sealed.signature, sealed.signing_input)
    except InvalidSignature:
        raise EnvelopeError("signature", "the signature does not verify") from None
    entry = sealed.claims()
    try:
        _members(entry, deep=False)
        again = canonical.encode(entry)  # checks every value on the way
    except canonical.NotCanonical as error:
        raise EnvelopeError("invalid", str(error)) from None
    if again != sealed.payload:
        raise EnvelopeError("not_canonical", "the payload is not in canonical form")
    if entry["origin"] != origin:
        raise EnvelopeError(
            "origin", f"signed for {str(entry['origin'])[:80]!r}, expected {origin!r}"
        )
    return Entry(
        entry["origin"], entry["id"], entry["version"], entry["kind"], entry["body"],
        sealed.kid, hashlib.sha256(sealed.payload).hexdigest(),
    )  # fmt: skip


async def open_envelope(
    token: str,
    key_for: Callable[[str], Awaitable[OKPKey | None]],
    *,
    origin: str,
) -> Entry:
    """The verified entry, or EnvelopeError."""
    sealed = unseal(token)
    key = await key_for(sealed.kid)
    if key is None:
        raise EnvelopeError("unknown_key", f"no key {sealed.kid!r} for {origin}")
    return verify(sealed, key, origin=origin)


def claimed(token: str) -> dict[str, Any]:
    """The payload an envelope carries, read without verifying anything: to show an
    admin what a refused entry claims (whatever its header says)."""
    return _object(_segments(token)[1], "the payload", "invalid")


def claimed_origin(payload: dict[str, Any]) -> str:
    """The origin an unverified payload names (`verify` then checks it)."""
    origin = payload.get("origin")
    if not isinstance(origin, str) or not 0 < len(origin) <= 200:
        raise EnvelopeError("invalid", "the payload names no origin")
    return origin


def _segments(token: str) -> list[str]:
    if not isinstance(token, str) or len(token) > MAX_ENVELOPE_BYTES:
        raise EnvelopeError("malformed", "not an envelope of acceptable size")
    segments = token.split(".")
    if len(segments) != 3 or not token.isascii():
        raise EnvelopeError("malformed", "not a compact JWS")
    return segments


def _object(segment: str, what: str, not_object: str) -> dict[str, Any]:
    try:
        value = orjson.loads(_b64decode(segment))
    except (ValueError, orjson.JSONDecodeError):
        raise EnvelopeError("malformed", f"{what} is not base64url JSON") from None
    if not isinstance(value, dict):
        raise EnvelopeError(not_object, f"{what} is not an object")
    return value


_BASE64URL = re.compile(rb"[A-Za-z0-9_-]*")


def _b64decode(segment: str) -> bytes:
    """Strict unpadded base64url (RFC 7515 section 2): any other character refused,
    so one envelope has one spelling."""
    data = segment.encode("ascii")
    if not _BASE64URL.fullmatch(data) or len(data) % 4 == 1:
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))


def _members(entry: dict[str, Any], *, deep: bool = True) -> None:
    if set(entry) != MEMBERS:
        raise canonical.NotCanonical("an entry has exactly origin, id, version, kind, body")
    if not (isinstance(entry["origin"], str) and 0 < len(entry["origin"]) <= 200):
        raise canonical.NotCanonical("origin must be a string of at most 200 characters")
    if not (isinstance(entry["id"], str) and 0 < len(entry["id"]) <= 64):
        raise canonical.NotCanonical("id must be a string of at most 64 characters")
    version = entry["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise canonical.NotCanonical("version must be a positive integer")
    if not (isinstance(entry["kind"], str) and 0 < len(entry["kind"]) <= 32):
        raise canonical.NotCanonical("kind must be a string of at most 32 characters")
    if not isinstance(entry["body"], dict):
        raise canonical.NotCanonical("body must be an object")
    if deep:
        canonical.check(entry)
