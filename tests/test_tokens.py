"""The token endpoint and bearer tokens: client_credentials with secrets and with
private_key_jwt, RFC 9068 access tokens, revocation, and every refusal."""

import base64
import time
import uuid
from dataclasses import replace

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from network.access.principal import SYSTEM
from network.app import create_app
from network.audit.models import AuditEvent
from network.auth import service as identity
from network.auth.models import ClientAuthMethod
from network.offices.models import Office

BASE = "http://instance.test"


def _basic(client_id: str, secret: str) -> dict[str, str]:
    raw = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return {"authorization": f"Basic {raw}"}


VIEWER = "{ viewer { kind officeSlug scopes } }"


@pytest.fixture(scope="module")
async def client(settings):
    app = create_app(
        replace(settings, base_url=BASE, response_cache_enabled=False, token_per_minute=60)
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE) as http:
        yield http


async def _secret_client(scopes=("read",), office_slug="harlow-county-da"):
    office = await Office.get(slug=office_slug)
    created, secret = await identity.create_api_client(
        SYSTEM, office.id, identity.NewApiClient(name="export job", scopes=scopes)
    )
    return created, secret


async def _token(http: httpx.AsyncClient, headers=None, **form) -> httpx.Response:
    return await http.post(
        "/oauth/token", data={"grant_type": "client_credentials", **form}, headers=headers or {}
    )


async def test_client_secret_basic_issues_a_short_rfc9068_token(client) -> None:
    api_client, secret = await _secret_client(("read", "metrics:write"))
    response = await _token(client, _basic(api_client.client_id, secret), scope="read")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"].lower() == "bearer" and body["scope"] == "read"
    assert 0 < body["expires_in"] <= 900
    assert response.headers["cache-control"] == "no-store"
    jwks = (await client.get("/.well-known/jwks.json")).json()
    decoded = jwt.decode(body["access_token"], KeySet.import_key_set(jwks), algorithms=["RS256"])
    assert decoded.header["typ"] == "at+jwt"
    assert decoded.header["kid"] in {key["kid"] for key in jwks["keys"]}
    claims = decoded.claims
    assert (
        claims["iss"] == BASE
        and claims["aud"] == BASE
        and claims["client_id"] == api_client.client_id
    )
    assert claims["sub"] == api_client.client_id and claims["exp"] - claims["iat"] <= 900
    event = await AuditEvent.filter(action="token.issue", target_id=api_client.client_id).first()
    assert event is not None and event.outcome == "success"
    assert secret not in str(event.detail) and body["access_token"] not in str(event.detail)


async def test_client_secret_post_and_default_scopes(client) -> None:
    api_client, secret = await _secret_client(("read", "publications:write"))
    response = await _token(client, client_id=api_client.client_id, client_secret=secret)
    assert response.status_code == 200, response.text
    assert response.json()["scope"] == "publications:write read"


async def test_bearer_token_makes_the_client_the_principal(client) -> None:
    api_client, secret = await _secret_client(("read",))
    token = (await _token(client, _basic(api_client.client_id, secret))).json()["access_token"]
    response = await client.post(
        "/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {token}"}
    )
    viewer = response.json()["data"]["viewer"]
    assert viewer == {"kind": "client", "officeSlug": "harlow-county-da", "scopes": ["read"]}
    assert response.headers["cache-control"] == "private, no-store"
    anonymous = await client.post("/graphql", json={"query": VIEWER})
    assert anonymous.headers["cache-control"] == "no-cache"


async def test_revoked_client_is_refused_and_its_tokens_stop_working(client) -> None:
    api_client, secret = await _secret_client()
    token = (await _token(client, _basic(api_client.client_id, secret))).json()["access_token"]
    headers = {"authorization": f"Bearer {token}"}
    assert (
        await client.post("/graphql", json={"query": VIEWER}, headers=headers)
    ).status_code == 200
    await identity.revoke_api_client(SYSTEM, api_client.client_id)
    refused = await client.post("/graphql", json={"query": VIEWER}, headers=headers)
    assert refused.status_code == 401
    assert 'error="invalid_token"' in refused.headers["www-authenticate"]
    again = await _token(client, _basic(api_client.client_id, secret))
    assert again.status_code == 401 and again.json()["error"] == "invalid_client"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-4] + ("AAAA" if not t.endswith("AAAA") else "BBBB"),
        lambda t: "not.a.token",
        lambda t: t.split(".")[0] + ".e30.",
    ],
)
async def test_tampered_bearer_tokens_are_401(client, mangle) -> None:
    api_client, secret = await _secret_client()
    token = (await _token(client, _basic(api_client.client_id, secret))).json()["access_token"]
    response = await client.post(
        "/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {mangle(token)}"}
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_foreign_or_untyped_jwts_are_not_access_tokens(client) -> None:
    stranger = RSAKey.generate_key(2048, parameters={"kid": "stranger"}, private=True)
    now = int(time.time())
    claims = {"iss": BASE, "aud": BASE, "exp": now + 60, "iat": now, "client_id": "x", "sub": "x"}
    forged = jwt.encode({"alg": "RS256", "kid": "stranger", "typ": "at+jwt"}, claims, stranger)
    untyped = jwt.encode({"alg": "RS256", "kid": "stranger"}, claims, stranger)
    for token, text in ((forged, "signature"), (untyped, "typ")):
        response = await client.post(
            "/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {token}"}
        )
        assert response.status_code == 401 and text in response.json()["errors"][0]["message"]
    unsigned = (
        base64.urlsafe_b64encode(b'{"alg":"none","typ":"at+jwt"}').decode().rstrip("=") + ".e30."
    )
    response = await client.post(
        "/graphql", json={"query": VIEWER}, headers={"authorization": f"Bearer {unsigned}"}
    )
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("headers", "form", "status", "error"),
    [
        # RFC 6749 section 5.2: 401 when credentials came in the Authorization header.
        ({}, {"client_id": "pn_nobody", "client_secret": "x"}, 400, "invalid_client"),
        (_basic("pn_nobody", "x"), {}, 401, "invalid_client"),
        ({}, {}, 401, "invalid_client"),
        ({"authorization": "Basic !!!"}, {}, 401, "invalid_client"),
    ],
)
async def test_bad_client_credentials(client, headers, form, status, error) -> None:
    response = await _token(client, headers, **form)
    assert response.status_code == status and response.json()["error"] == error


async def test_wrong_secret_and_wrong_grant_and_scope(client) -> None:
    api_client, secret = await _secret_client(("read",))
    wrong = await _token(client, _basic(api_client.client_id, secret + "x"))
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    grant = await client.post(
        "/oauth/token",
        data={"grant_type": "password"},
        headers=_basic(api_client.client_id, secret),
    )
    assert grant.status_code == 400 and grant.json()["error"] == "unsupported_grant_type"
    scope = await _token(client, _basic(api_client.client_id, secret), scope="metrics:write")
    assert scope.status_code == 400 and scope.json()["error"] == "invalid_scope"
    json_body = await client.post("/oauth/token", json={"grant_type": "client_credentials"})
    assert (
        json_body.status_code == 400
        and "x-www-form-urlencoded" in json_body.json()["error_description"]
    )
    failures = await AuditEvent.filter(
        action="token.issue", outcome="failure", target_id=api_client.client_id
    ).count()
    assert failures >= 2


def _assertion(key: RSAKey, client_id: str, base: str = BASE, **overrides) -> str:
    """A private_key_jwt assertion (RFC 7523) for `client_id`, audience `base`'s token
    endpoint; an override of None leaves that claim out."""
    now = int(time.time())
    claims = {
        "iss": client_id,
        "sub": client_id,
        "aud": f"{base}/oauth/token",
        "exp": now + 60,
        "iat": now,
        "jti": uuid.uuid4().hex,
    }
    claims.update(overrides)
    return jwt.encode(
        {"alg": "RS256", "kid": key.kid}, {k: v for k, v in claims.items() if v is not None}, key
    )


async def _key_client():
    key = RSAKey.generate_key(
        2048, parameters={"kid": "office-key-1", "alg": "RS256", "use": "sig"}, private=True
    )
    office = await Office.get(slug="cascade-county-pao")
    api_client, secret = await identity.create_api_client(
        SYSTEM,
        office.id,
        identity.NewApiClient(
            name="case system",
            scopes=("read",),
            auth_method=ClientAuthMethod.PRIVATE_KEY_JWT,
            jwks={"keys": [key.as_dict(private=False)]},
        ),
    )
    assert secret is None
    return api_client, key


def _jwt_form(assertion: str) -> dict[str, str]:
    return {
        "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion": assertion,
    }


async def test_private_key_jwt_once_only(client) -> None:
    api_client, key = await _key_client()
    assertion = _assertion(key, api_client.client_id)
    first = await _token(client, **_jwt_form(assertion))
    assert first.status_code == 200, first.text
    replay = await _token(client, **_jwt_form(assertion))
    assert replay.status_code == 400 and "used before" in replay.json()["error_description"]
    assert await AuditEvent.filter(
        action="token.issue", outcome="failure", target_id=api_client.client_id
    ).exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"aud": "http://elsewhere.test/oauth/token"},
        {"exp": int(time.time()) - 600},
        {"iss": "someone-else"},
        {"jti": None},
    ],
)
async def test_private_key_jwt_bad_assertions(client, overrides) -> None:
    api_client, key = await _key_client()
    response = await _token(client, **_jwt_form(_assertion(key, api_client.client_id, **overrides)))
    assert response.status_code == 400 and response.json()["error"] == "invalid_client"


async def test_private_key_jwt_with_another_key_is_refused(client) -> None:
    api_client, _ = await _key_client()
    other = RSAKey.generate_key(2048, parameters={"kid": "office-key-1"}, private=True)
    response = await _token(client, **_jwt_form(_assertion(other, api_client.client_id)))
    assert response.status_code == 400 and response.json()["error"] == "invalid_client"


async def test_private_key_jwks_must_be_public(settings) -> None:
    key = RSAKey.generate_key(2048, private=True)
    office = await Office.get(slug="cascade-county-pao")
    from network.errors import InvalidInput

    with pytest.raises(InvalidInput, match="private key material"):
        await identity.create_api_client(
            SYSTEM,
            office.id,
            identity.NewApiClient(
                name="x",
                scopes=("read",),
                auth_method=ClientAuthMethod.PRIVATE_KEY_JWT,
                jwks={"keys": [key.as_dict(private=True)]},
            ),
        )


async def test_metadata_and_jwks(client) -> None:
    metadata = (await client.get("/.well-known/oauth-authorization-server")).json()
    assert metadata["issuer"] == BASE and metadata["token_endpoint"] == f"{BASE}/oauth/token"
    assert "private_key_jwt" in metadata["token_endpoint_auth_methods_supported"]
    jwks = (await client.get(metadata["jwks_uri"].replace(BASE, ""))).json()
    assert jwks["keys"] and all("d" not in key for key in jwks["keys"])


async def test_token_endpoint_rate_limit(client) -> None:
    limited = None
    for _ in range(80):
        response = await _token(client, client_id="pn_flood", client_secret="x")
        if response.status_code == 429:
            limited = response
            break
    assert limited is not None
    assert int(limited.headers["retry-after"]) >= 1 and limited.json()["error"] == "slow_down"


async def test_oversize_token_request_is_refused(client) -> None:
    response = await client.post(
        "/oauth/token", data={"grant_type": "client_credentials", "pad": "x" * 20_000}
    )
    assert response.status_code == 413 and response.json()["error"] == "invalid_request"


async def test_oversize_chunked_token_request_is_refused(client) -> None:
    async def chunks():
        yield b"grant_type=client_credentials&pad="
        for _ in range(10):
            yield b"x" * 4096

    response = await client.post(
        "/oauth/token",
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
