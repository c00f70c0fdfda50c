"""Envelopes: canonical JSON signed with Ed25519; everything forged, tampered,
confused or malformed is refused with its reason, before or at the signature."""

import base64
import json

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st
from joserfc import jws
from joserfc.jwk import OctKey, OKPKey

from federation import canonical
from federation.envelope import TYP, EnvelopeError, open_envelope, seal

ORIGIN = "state-association.example"
ENTRY = {
    "origin": ORIGIN,
    "id": "6f1c2d8e-0000-4000-8000-000000000001",
    "version": 3,
    "kind": "publication",
    "body": {"title": "Pretrial release", "topics": ["bail-pretrial"], "count": 2**53 - 1},
}


def _key(kid: str = "k1") -> OKPKey:
    return OKPKey.generate_key("Ed25519", parameters={"kid": kid}, private=True)


def _finder(*keys: OKPKey):  # type: ignore[no-untyped-def]
    by_kid = {k.kid: k for k in keys}

    async def key_for(kid: str) -> OKPKey | None:
        return by_kid.get(kid)

    return key_for


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _signed(key: OKPKey, payload: bytes, **header: object) -> str:
    """A correctly signed compact JWS with any header (signed by hand: the library
    rightly refuses to produce some of these)."""
    protected = _b64(json.dumps({"alg": "Ed25519", "kid": key.kid, "typ": TYP, **header}).encode())
    signing_input = f"{protected}.{_b64(payload)}"
    signature = key.private_key.sign(signing_input.encode())  # type: ignore[union-attr]
    return f"{signing_input}.{_b64(signature)}"


async def _refused(token: str, *keys: OKPKey, origin: str = ORIGIN) -> str:
    with pytest.raises(EnvelopeError) as caught:
        await open_envelope(token, _finder(*keys), origin=origin)
    return caught.value.reason


async def test_a_sealed_entry_opens_to_what_was_signed() -> None:
    key = _key()
    entry = await open_envelope(seal(key, "k1", ENTRY), _finder(key), origin=ORIGIN)
    assert (entry.origin, entry.id, entry.version, entry.kind, entry.kid) == (
        ORIGIN, ENTRY["id"], 3, "publication", "k1",
    )  # fmt: skip
    assert entry.body == ENTRY["body"]


async def test_forgeries_and_tampering_are_refused() -> None:
    key, other = _key(), _key()  # same kid, different key: a forger's
    token = seal(key, "k1", ENTRY)
    assert await _refused(seal(other, "k1", ENTRY), key) == "signature"
    header, payload, signature = token.split(".")
    changed = json.loads(base64.urlsafe_b64decode(payload + "=="))
    changed["version"] = 4
    tampered = f"{header}.{_b64(rfc8785.dumps(changed))}.{signature}"
    assert await _refused(tampered, key) == "signature"
    assert await _refused(token, key, origin="national.example") == "origin"
    assert await _refused(seal(key, "k1", ENTRY), _key("k2")) == "unknown_key"


async def test_algorithm_confusion_is_refused_before_any_key_is_used() -> None:
    key = _key()
    payload = _b64(rfc8785.dumps(ENTRY))
    none = _b64(json.dumps({"alg": "none", "kid": "k1", "typ": TYP}).encode())
    assert await _refused(f"{none}.{payload}.", key) == "algorithm"
    # HMAC keyed with the public key's bytes: the classic confusion attack.
    secret = OctKey.import_key(json.dumps(key.as_dict(private=False)).encode())
    hs = jws.serialize_compact(
        {"alg": "HS256", "kid": "k1", "typ": TYP}, rfc8785.dumps(ENTRY), secret,
        algorithms=["HS256"],
    )  # fmt: skip
    assert await _refused(hs, key) == "algorithm"


async def test_a_signed_but_unfit_payload_is_refused() -> None:
    key = _key()
    # The hand-made signature is sound: the same route with a fit payload opens.
    assert (
        await open_envelope(_signed(key, rfc8785.dumps(ENTRY)), _finder(key), origin=ORIGIN)
    ).version == 3
    pretty = json.dumps(ENTRY, indent=2, sort_keys=True).encode()
    assert await _refused(_signed(key, pretty), key) == "not_canonical"
    extra = rfc8785.dumps({**ENTRY, "note": "x"})
    assert await _refused(_signed(key, extra), key) == "invalid"
    floaty = rfc8785.dumps({**ENTRY, "body": {"rate": 0.5}})
    assert await _refused(_signed(key, floaty), key) == "invalid"
    zero = rfc8785.dumps({**ENTRY, "version": 0})
    assert await _refused(_signed(key, zero), key) == "invalid"
    assert await _refused(_signed(key, b"[1, 2]"), key) == "invalid"
    critical = _signed(key, rfc8785.dumps(ENTRY), crit=["exp"], exp=1)
    assert await _refused(critical, key) == "malformed"
    typed = _signed(key, rfc8785.dumps(ENTRY), typ="JWT")
    assert await _refused(typed, key) == "malformed"
    for garbage in ("", "a.b", "not.a.jws", "é.é.é", "x" * (4 * 1024 * 1024)):
        assert await _refused(garbage, key) == "malformed"


async def test_one_spelling_per_envelope_and_only_ed25519_keys_verify() -> None:
    key = _key()
    token = seal(key, "k1", ENTRY)
    header, payload, signature = token.split(".")
    # base64 decoders that skip stray characters would accept these as the same token
    for spelled in (f"{header}.{payload}.{signature}=", f"{header}.{payload}.{signature[:-1]}!",
                    f"{header}.{payload}.+{signature}", f"{header}.{payload}=.{signature}"):  # fmt: skip
        assert await _refused(spelled, key) == "malformed"
    # a key of another curve published under the signer's kid verifies nothing
    x25519 = OKPKey.generate_key("X25519", parameters={"kid": "k1"}, private=False)
    assert await _refused(token, x25519) == "signature"
    assert (await open_envelope(token, _finder(key), origin=ORIGIN)).version == 3


def test_canonical_bodies_hold_only_exact_values() -> None:
    assert canonical.encode({"b": [True, None], "a": "é"}) == '{"a":"é","b":[true,null]}'.encode()
    for bad in ({"x": 1.5}, {"x": 2**53}, {"x": -(2**53)}, {1: "x"}, {"x": {1, 2}}):
        with pytest.raises(canonical.NotCanonical):
            canonical.encode(bad)
    deep: dict = {}
    node = deep
    for _ in range(canonical.MAX_DEPTH + 1):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(canonical.NotCanonical, match="deeper"):
        canonical.encode(deep)
    with pytest.raises(canonical.NotCanonical):
        seal(_key(), "k1", {**ENTRY, "body": {"rate": 0.25}})


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.text()
    | st.integers(min_value=-canonical.MAX_SAFE_INTEGER, max_value=canonical.MAX_SAFE_INTEGER),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=30,
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(JSON_VALUES)
def test_canonical_bytes_are_the_reference_implementations(value: object) -> None:
    """The fast path (orjson, ASCII keys) and the fallback both give RFC 8785's bytes."""
    try:
        reference = rfc8785.dumps(value)
    except rfc8785.CanonicalizationError:
        with pytest.raises(canonical.NotCanonical):
            canonical.encode(value)
        return
    assert canonical.encode(value) == reference
    assert canonical.is_canonical(reference, json.loads(reference))


def test_a_lone_surrogate_is_not_canonical_and_does_not_crash() -> None:
    parsed = json.loads('{"a": "\\ud800"}')
    assert not canonical.is_canonical(b'{"a":"\\ud800"}', parsed)
