"""The OIDC test harness end to end, without the project's app: a real oidc-provider process,
the browser login flow driven by httpx, the code exchange and ID token verification (joserfc)."""

import secrets
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from joserfc import errors, jwt
from joserfc.jwk import KeySet

from tests.oidc.harness import OidcProvider, complete_login, complete_login_async, pkce_pair

REDIRECT_URI = "http://127.0.0.1:9/callback"  # never requested
CLIENT = {
    "client_id": "practice-network",
    "client_secret": "s3cret",
    "redirect_uris": [REDIRECT_URI],
}
ACCOUNTS = {
    "ana@office-a.example": {
        "name": "Ana Prosecutor",
        "groups": ["editors", "staff"],
        "email_verified": True,
    },
}


def authorize_url(op: OidcProvider, state: str, nonce: str, challenge: str | None) -> str:
    params = {
        "response_type": "code",
        "client_id": CLIENT["client_id"],
        "redirect_uri": REDIRECT_URI,
        "scope": "openid email profile",
        "state": state,
        "nonce": nonce,
    }
    if challenge is not None:
        params |= {"code_challenge": challenge, "code_challenge_method": "S256"}
    return f"{op.metadata['authorization_endpoint']}?{urlencode(params)}"


def callback_params(callback: str) -> dict[str, str]:
    assert callback.split("?", 1)[0] == REDIRECT_URI
    return {key: values[0] for key, values in parse_qs(urlsplit(callback).query).items()}


def token_request(code: str, verifier: str) -> dict[str, Any]:
    return {
        "auth": (CLIENT["client_id"], CLIENT["client_secret"]),  # client_secret_basic
        "data": {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
            "code_verifier": verifier,
        },
    }


def verified_claims(id_token: str, jwks: dict[str, Any], issuer: str, nonce: str) -> dict[str, Any]:
    token = jwt.decode(id_token, KeySet.import_key_set(jwks), algorithms=["RS256"])
    assert token.header["alg"] == "RS256"
    jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": CLIENT["client_id"]},
        nonce={"essential": True, "value": nonce},
        sub={"essential": True},
        exp={"essential": True},
        iat={"essential": True},
    ).validate(token.claims)
    return token.claims


def sign_in(op: OidcProvider, login: str) -> tuple[str, str, dict[str, Any]]:
    """The whole code flow with a sync client: (id_token, nonce, jwks)."""
    verifier, challenge = pkce_pair()
    state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    with httpx.Client(trust_env=False, timeout=10) as browser:
        callback = complete_login(browser, authorize_url(op, state, nonce, challenge), login)
    params = callback_params(callback)
    assert params["state"] == state
    with httpx.Client(trust_env=False, timeout=10) as backchannel:
        tokens = backchannel.post(
            op.metadata["token_endpoint"], **token_request(params["code"], verifier)
        )
        tokens.raise_for_status()
        jwks = backchannel.get(op.metadata["jwks_uri"]).json()
    return tokens.json()["id_token"], nonce, jwks


async def test_code_flow_with_pkce_yields_a_verifiable_id_token() -> None:
    login = "ana@office-a.example"
    async with (
        OidcProvider(clients=[CLIENT], accounts=ACCOUNTS) as op,
        httpx.AsyncClient(trust_env=False, timeout=10) as http,
    ):
        issuer = op.issuer
        assert issuer == f"http://127.0.0.1:{op.port}"
        assert op.metadata["issuer"] == op.issuer
        assert op.metadata["code_challenge_methods_supported"] == ["S256"]
        verifier, challenge = pkce_pair()
        state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)

        callback = await complete_login_async(
            http, authorize_url(op, state, nonce, challenge), login
        )

        params = callback_params(callback)
        assert params["state"] == state
        assert params["code"]
        assert params["iss"] == op.issuer  # RFC 9207
        response = await http.post(
            op.metadata["token_endpoint"], **token_request(params["code"], verifier)
        )
        assert response.status_code == 200, response.text
        tokens = response.json()
        jwks = (await http.get(op.metadata["jwks_uri"])).json()

    claims = verified_claims(tokens["id_token"], jwks, issuer, nonce)
    assert claims["iss"] == issuer
    assert claims["aud"] == CLIENT["client_id"]
    assert claims["sub"] == login
    assert claims["email"] == login
    assert claims["email_verified"] is True
    assert claims["name"] == "Ana Prosecutor"
    assert claims["groups"] == ["editors", "staff"]


def test_two_providers_are_independent() -> None:
    with (
        OidcProvider(clients=[CLIENT], accounts=ACCOUNTS) as first,
        OidcProvider(clients=[CLIENT]) as second,
    ):
        assert first.issuer != second.issuer
        first_token, first_nonce, first_jwks = sign_in(first, "ana@office-a.example")
        second_token, second_nonce, second_jwks = sign_in(second, "bo@office-b.example")

        assert verified_claims(first_token, first_jwks, first.issuer, first_nonce)["groups"] == [
            "editors",
            "staff",
        ]
        unknown = verified_claims(second_token, second_jwks, second.issuer, second_nonce)
        assert unknown["sub"] == unknown["email"] == "bo@office-b.example"
        assert unknown["email_verified"] is False
        assert unknown["groups"] == []
        assert "name" not in unknown

        for token, other_jwks in ((first_token, second_jwks), (second_token, first_jwks)):
            with pytest.raises(errors.JoseError):  # no key with that kid
                jwt.decode(token, KeySet.import_key_set(other_jwks), algorithms=["RS256"])
            other_key = KeySet.import_key_set(other_jwks).keys[0]
            with pytest.raises(errors.BadSignatureError):  # and the other key does not verify it
                jwt.decode(token, other_key, algorithms=["RS256"])

        # PKCE is mandatory: without a code challenge the provider sends the browser back with an error.
        with httpx.Client(trust_env=False, timeout=10) as browser:
            url = authorize_url(first, "s", "n", challenge=None)
            refused = callback_params(complete_login(browser, url, "ana@office-a.example"))
        assert refused["error"] == "invalid_request"
        assert "PKCE" in refused["error_description"]
        assert "code" not in refused
        discovery = first.discovery_url

    with pytest.raises(httpx.ConnectError):  # stopped on exit
        httpx.get(discovery, timeout=2, trust_env=False)


def test_slow_provider_times_out_clients() -> None:
    with OidcProvider(clients=[CLIENT], slow_ms=1500) as op:
        discovery = op.discovery_url
        with pytest.raises(httpx.TimeoutException):
            httpx.get(discovery, timeout=0.5, trust_env=False)
        # ... while a patient client still gets the document.
        assert httpx.get(discovery, timeout=5, trust_env=False).json()["issuer"] == op.issuer
