"""Findings of the outside security probe of the identity layer, each as a test:
tokens naming random kids (finding 3), unauthenticated 500s at the token endpoint
(7), locking a client out by its id (8), and the smaller refusals (10)."""

import asyncio
import base64
import json
import logging
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from network.access.principal import SYSTEM
from network.app import create_app
from network.audit.models import AuditEvent
from network.auth import keys, sessions
from network.auth import service as identity
from network.auth.models import SigningKey, WebSession
from network.auth.secrets import encrypt
from network.offices.models import Member, Office
from tests.test_tokens import _assertion as make_assertion
from tests.test_tokens import _key_client

BASE = "http://hardening.test"
VIEWER = "{ viewer { kind signedIn } }"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def _app(settings, **overrides):
    return create_app(replace(settings, base_url=BASE, response_cache_enabled=False, **overrides))


def _http(app, address: str = "127.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url=BASE)


@pytest.fixture(scope="module")
def app(settings):
    return _app(settings, token_per_minute=10_000)


@pytest.fixture
async def http(app):
    async with _http(app) as client:
        yield client


@pytest.fixture
def no_tracebacks(caplog):
    """Fails the test if anything logged an error or a traceback."""
    caplog.set_level(logging.DEBUG)
    yield
    bad = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not bad, [r.getMessage() for r in bad]


def _basic(client_id: str, secret: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


async def _token(http: httpx.AsyncClient, headers=None, **form) -> httpx.Response:
    return await http.post(
        "/oauth/token", data={"grant_type": "client_credentials", **form}, headers=headers or {}
    )


def _oauth_error(response: httpx.Response, status: int, error: str) -> None:
    """RFC 6749 section 5.2: a JSON object with `error` and `error_description`."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == error and isinstance(body["error_description"], str), body


async def _secret_client(scopes=("read",)):
    office = await Office.get(slug="harlow-county-da")
    return await identity.create_api_client(
        SYSTEM, office.id, identity.NewApiClient(name="hardening", scopes=scopes)
    )


def _assertion(key: RSAKey, client_id: str, **overrides) -> str:
    return make_assertion(key, client_id, BASE, **overrides)


def _jwt_form(assertion: str, **extra: str) -> dict[str, str]:
    return {"client_assertion_type": ASSERTION_TYPE, "client_assertion": assertion, **extra}


def _access_token(key: RSAKey, client_id: str, *, header=None, **overrides) -> str:
    now = int(time.time())
    claims = {
        "iss": BASE,
        "aud": BASE,
        "iat": now,
        "exp": now + 300,
        "client_id": client_id,
        "sub": client_id,
        "scope": "read",
        "jti": uuid.uuid4().hex,
        **overrides,
    }
    protected = {"alg": "RS256", "typ": "at+jwt", "kid": key.kid, **(header or {})}
    return jwt.encode(protected, {k: v for k, v in claims.items() if v is not None}, key)


async def _as_bearer(http: httpx.AsyncClient, token: str) -> httpx.Response:
    return await http.post(
        "/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {token}"}
    )


# --- finding 3: a random kid must not cost a key reload ---------------------------


async def test_random_kids_do_not_reload_keys_and_a_new_key_is_still_accepted(
    settings, http, monkeypatch
) -> None:
    interval = 1.0
    monkeypatch.setattr(keys, "UNKNOWN_KID_RELOAD_SECONDS", interval)
    api_client, secret = await _secret_client()
    token = (await _token(http, _basic(api_client.client_id, secret))).json()["access_token"]
    # Given a process that has not loaded any key yet (a restart),
    keys.forget_keys()
    before = keys.loads.snapshot()
    # verifying a token and publishing the JWKS read public keys only.
    assert (await _as_bearer(http, token)).status_code == 200
    assert (await http.get("/.well-known/jwks.json")).status_code == 200
    assert keys.loads.decryptions == before.decryptions
    loaded = keys.loads.public
    # When tokens naming many distinct unknown kids arrive,
    stranger = RSAKey.generate_key(2048, private=True)
    started = time.monotonic()
    for _ in range(40):
        forged = _access_token(stranger, api_client.client_id, header={"kid": uuid.uuid4().hex})
        assert (await _as_bearer(http, forged)).status_code == 401
    elapsed = time.monotonic() - started
    # then no private key is decrypted and reloads are bounded by time, not by kids.
    assert keys.loads.decryptions == before.decryptions
    assert keys.loads.public - loaded <= 1 + int(elapsed / interval)
    # A key another process has just made (a row in the shared database) is accepted
    # once the reload interval has passed, still without decrypting anything here.
    fresh = RSAKey.generate_key(
        2048, parameters={"kid": f"other-{uuid.uuid4().hex[:8]}", "alg": "RS256"}, private=True
    )
    row = await SigningKey.create(
        kid=fresh.kid,
        private_jwk_encrypted=encrypt(settings, json.dumps(fresh.as_dict(private=True))),
        public_jwk=fresh.as_dict(private=False),
    )
    try:
        signed_elsewhere = _access_token(fresh, api_client.client_id)
        deadline = time.monotonic() + interval + 3.0
        status = 0
        while time.monotonic() < deadline:
            status = (await _as_bearer(http, signed_elsewhere)).status_code
            if status == 200:
                break
            await asyncio.sleep(0.1)
        assert status == 200
        assert keys.loads.decryptions == before.decryptions
    finally:
        await SigningKey.filter(id=row.id).update(retired_at=datetime.now(UTC))
        keys.forget_keys()


# --- finding 7: unauthenticated 500s at the token endpoint ------------------------


@pytest.mark.parametrize("client_id", ["x" * 65, "pn_" + "y" * 400, "a\x00b", "tab\there"])
@pytest.mark.parametrize("method", ["post", "basic", "assertion"])
async def test_odd_client_ids_are_unknown_clients(http, no_tracebacks, client_id, method) -> None:
    key = RSAKey.generate_key(2048, parameters={"kid": "k"}, private=True)
    if method == "post":
        response = await _token(http, client_id=client_id, client_secret="x")
    elif method == "basic":
        response = await _token(http, _basic(client_id, "x"))
    else:
        response = await _token(http, **_jwt_form(_assertion(key, client_id)))
    _oauth_error(response, 401 if method == "basic" else 400, "invalid_client")
    event = await AuditEvent.filter(action="token.issue").order_by("-id").first()
    assert event is not None and event.outcome == "failure" and event.target_id == ""


async def test_assertion_naming_a_secret_client_is_refused(http, no_tracebacks) -> None:
    api_client, _ = await _secret_client()
    key = RSAKey.generate_key(2048, parameters={"kid": "k"}, private=True)
    response = await _token(http, **_jwt_form(_assertion(key, api_client.client_id)))
    _oauth_error(response, 400, "invalid_client")


@pytest.mark.parametrize("jti", ["j" * 256, "a\x00b"])
async def test_unstorable_assertion_ids_are_refused(http, no_tracebacks, jti) -> None:
    api_client, key = await _key_client()
    response = await _token(http, **_jwt_form(_assertion(key, api_client.client_id, jti=jti)))
    _oauth_error(response, 400, "invalid_client")


@pytest.mark.parametrize(
    ("forwarded", "audited"),
    [
        ("x" * 100, ""),
        ("203.0.113.9, " * 10 + "y" * 70, ""),
        ("fe80::1%" + "z" * 80, "fe80::1"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
    ],
)
async def test_forwarded_for_is_validated_before_use(
    settings, no_tracebacks, forwarded, audited
) -> None:
    trusting = _app(settings, trusted_proxies=("127.0.0.1",), token_per_minute=10_000)
    client_id = f"pn_probe_{uuid.uuid4().hex[:12]}"
    async with _http(trusting) as http:
        response = await _token(
            http, {"x-forwarded-for": forwarded}, client_id=client_id, client_secret="x"
        )
    _oauth_error(response, 400, "invalid_client")
    event = await AuditEvent.get(action="token.issue", target_id=client_id)
    assert event.ip == audited


async def test_mixing_authentication_methods_is_refused(http, no_tracebacks) -> None:
    # RFC 6749 section 2.3: one authentication method per request, so the client the
    # limits count is the client that is authenticated.
    api_client, secret = await _secret_client()
    response = await _token(
        http, _basic("pn_someone_else", "x"), client_id=api_client.client_id, client_secret=secret
    )
    _oauth_error(response, 400, "invalid_request")


# --- finding 8: failures are counted per (client, address) ------------------------


async def test_failures_elsewhere_never_lock_out_a_correct_secret(settings) -> None:
    limited = _app(settings, token_per_minute=8)  # 4 failures per (client, address)
    api_client, secret = await _secret_client()
    wrong, right = _basic(api_client.client_id, "wrong"), _basic(api_client.client_id, secret)
    async with _http(limited, "198.51.100.7") as attacker, _http(limited, "203.0.113.5") as owner:
        statuses = [(await _token(attacker, wrong)).status_code for _ in range(6)]
        assert statuses == [401] * 4 + [429] * 2
        # The owner, from an address with no failures, still gets its tokens,
        statuses = [(await _token(owner, right)).status_code for _ in range(8)]
        assert statuses == [200] * 8
        # and the per-address limit still holds.
        _oauth_error(await _token(owner, right), 429, "slow_down")


# --- finding 10: assertion lifetime, client_id, bearer lifetime and headers, logout ---


@pytest.mark.parametrize(
    ("iat", "exp", "accepted"),
    [
        (0, 600, False),  # lives ten minutes
        (None, 600, False),  # no iat, expires ten minutes ahead
        (3600, 3660, False),  # a short lifetime, but issued an hour ahead
        (0, 300, True),
        (None, 240, True),
    ],
)
async def test_assertion_lifetime_is_capped(http, no_tracebacks, iat, exp, accepted) -> None:
    api_client, key = await _key_client()
    now = int(time.time())
    assertion = _assertion(
        key, api_client.client_id, iat=None if iat is None else now + iat, exp=now + exp
    )
    response = await _token(http, **_jwt_form(assertion))
    if accepted:
        assert response.status_code == 200, response.text
    else:
        _oauth_error(response, 400, "invalid_client")


@pytest.mark.parametrize("exp", [float("nan"), 1e300, "soon"])
async def test_assertion_expiry_must_be_a_near_number(http, no_tracebacks, exp) -> None:
    api_client, key = await _key_client()
    response = await _token(http, **_jwt_form(_assertion(key, api_client.client_id, exp=exp)))
    _oauth_error(response, 400, "invalid_client")


async def test_hostile_sign_in_inputs_are_clean_refusals(settings, app, no_tracebacks) -> None:
    office = await Office.get(slug="wabash-valley-prosecutor")
    await identity.configure_identity_provider(
        SYSTEM,
        settings,
        office.id,
        identity.IdentityProviderInput(
            issuer="https://idp.wabash.test", client_id="pn", client_secret="s"
        ),
    )
    async with _http(app) as browser:
        for path, status in (
            ("/login?office=" + "x" * 300, 404),
            ("/login?office=a%00b", 400),  # NUL never reaches a query
            ("/auth/callback/a%00b", 400),
            (f"/auth/callback/{office.slug}?error=bad%00", 400),
        ):
            response = await browser.get(path)
            assert response.status_code == status and "Traceback" not in response.text, path
        response = await browser.get(f"/auth/callback/{office.slug}?error=bad%01%7f" + "x" * 500)
        assert response.status_code == 401 and "Traceback" not in response.text
    event = await AuditEvent.filter(action="sign_in", office_id=office.id).order_by("-id").first()
    assert event is not None and event.detail["error"] == "bad" + "x" * 95


async def test_form_client_id_must_be_the_assertion_subject(http, no_tracebacks) -> None:
    api_client, key = await _key_client()
    other, _ = await _secret_client()
    mismatched = await _token(
        http, **_jwt_form(_assertion(key, api_client.client_id), client_id=other.client_id)
    )
    _oauth_error(mismatched, 400, "invalid_client")
    matching = await _token(
        http, **_jwt_form(_assertion(key, api_client.client_id), client_id=api_client.client_id)
    )
    assert matching.status_code == 200, matching.text


@pytest.mark.parametrize(
    ("header", "lifetime", "accepted"),
    [
        ({}, "max", True),
        ({}, "max+1", False),
        ({}, "no iat", False),
        ({"jku": "https://evil.test/jwks.json"}, "max", False),
        ({"x5u": "https://evil.test/cert.pem"}, "max", False),
        ({"x5c": ["MIIB"]}, "max", False),
        ({"jwk": {"kty": "oct", "k": "AAAA"}}, "max", False),
    ],
)
async def test_bearer_tokens_with_long_lives_or_key_headers_are_refused(
    settings, http, header, lifetime, accepted
) -> None:
    api_client, _ = await _secret_client()
    ring = await keys.key_ring(settings)
    longest = min(settings.access_token_seconds, 900)
    now = int(time.time())
    claims = {
        "max": {"iat": now, "exp": now + longest},
        "max+1": {"iat": now, "exp": now + longest + 1},
        "no iat": {"iat": None, "exp": now + 60},
    }[lifetime]
    token = _access_token(ring.signing, api_client.client_id, header=header, **claims)
    response = await _as_bearer(http, token)
    assert response.status_code == (200 if accepted else 401), response.text


async def _signed_in(settings) -> tuple[str, WebSession]:
    member = await Member.filter(is_active=True).order_by("id").first()
    assert member is not None
    return await sessions.start_session(member, settings)


async def _signed_in_now(browser: httpx.AsyncClient) -> bool:
    response = await browser.post("/graphql", json={"query": VIEWER})
    return bool(response.json()["data"]["viewer"]["signedIn"])


@pytest.mark.parametrize("how", ["header", "form"])
async def test_logout_needs_the_session_csrf_token(settings, app, how) -> None:
    token, session = await _signed_in(settings)
    async with _http(app) as browser:
        browser.cookies.set(sessions.COOKIE, token, domain="hardening.test")
        for attempt in (
            {},
            {"headers": {"x-csrf-token": session.csrf_token + "x"}},
            {"data": {"csrf_token": session.csrf_token[:-1]}},
        ):
            refused = await browser.post("/logout", **attempt)
            assert refused.status_code == 403 and "Traceback" not in refused.text
            assert await WebSession.filter(token_hash=session.token_hash).exists()
            assert await _signed_in_now(browser)
        proof = (
            {"headers": {"x-csrf-token": session.csrf_token}}
            if how == "header"
            else {"data": {"csrf_token": session.csrf_token}}
        )
        done = await browser.post("/logout", **proof)
        assert done.status_code == 303 and done.headers["location"] == "/login"
        assert not await WebSession.filter(token_hash=session.token_hash).exists()
        browser.cookies.set(sessions.COOKIE, token, domain="hardening.test")
        assert not await _signed_in_now(browser)


async def test_logout_without_a_live_session_just_clears_the_cookie(app) -> None:
    async with _http(app) as browser:
        assert (await browser.post("/logout")).status_code == 303
        browser.cookies.set(sessions.COOKIE, "stale-token", domain="hardening.test")
        response = await browser.post("/logout")
        assert response.status_code == 303 and "pn_session=" in response.headers["set-cookie"]
