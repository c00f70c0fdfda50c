"""The token endpoint: an OAuth 2 authorization server for office API clients.

Built on Authlib's server classes: client_credentials (RFC 6749 section 4.4), client
authentication by secret or by private_key_jwt (RFC 7523 section 2.2), and JWT access
tokens (RFC 9068) signed with the instance key, at most 15 minutes long.

Authlib's server core is synchronous, so everything it needs from the database is
loaded before it runs (the client), and what it decides is written afterwards (the
assertion's jti, which makes a replayed assertion fail: RFC 7523 section 3, item 7).

What a request claims is checked at the boundary, before it reaches the database or
Authlib: a client id that is not 1 to 64 visible characters (the column) is simply an
unknown client; assertions are checked in `network.auth.assertions`.
"""

import base64
import binascii
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import unquote

import orjson
from authlib.oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, InvalidScopeError, OAuth2Request
from authlib.oauth2.rfc6749.grants import ClientCredentialsGrant
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload
from authlib.oauth2.rfc9068 import JWTBearerTokenGenerator
from joserfc import jws
from joserfc.errors import JoseError
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from network.access.principal import Principal, PrincipalKind
from network.access.scopes import FEDERATION, SCOPES
from network.audit import service as audit
from network.auth.assertions import ASSERTION_TYPE, PrivateKeyJWT
from network.auth.bearer import access_token_lifetime
from network.auth.keys import ALGORITHM, KeyRing, key_ring
from network.auth.models import ApiClient, ClientAssertion, ClientAuthMethod
from network.auth.secrets import secret_matches
from network.settings import Settings

SECRET_METHODS = {ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.CLIENT_SECRET_POST}
# RFC 6749 appendix A.1: a client id is visible ASCII (VSCHAR); ours fit the 64-character
# column. Anything else names no client and never reaches a query.
CLIENT_ID = re.compile(r"[\x20-\x7e]{1,64}")


def valid_client_id(value: object) -> bool:
    return isinstance(value, str) and CLIENT_ID.fullmatch(value) is not None


class ClientRecord(ClientMixin):
    """An `ApiClient` as Authlib sees it."""

    def __init__(self, model: ApiClient) -> None:
        self.model = model

    def get_client_id(self) -> str:
        return self.model.client_id

    def get_default_redirect_uri(self) -> None:
        return None

    def get_allowed_scope(self, scope: str) -> str:
        """All of the client's scopes when none is asked for; a request for a scope the
        client does not hold is refused rather than quietly narrowed."""
        allowed = set(self.model.scopes)
        if not scope:
            return " ".join(sorted(allowed))
        requested = scope.split()
        if not set(requested) <= allowed:
            raise InvalidScopeError(
                description=f"This client may request: {' '.join(sorted(allowed))}."
            )
        return " ".join(requested)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return False

    def check_client_secret(self, client_secret: str) -> bool:
        return secret_matches(client_secret, self.model.secret_hash)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        if endpoint != "token":
            return False
        registered = ClientAuthMethod(self.model.auth_method)
        if registered in SECRET_METHODS:
            return method in {m.value for m in SECRET_METHODS}
        return method == registered.value

    def check_response_type(self, response_type: str) -> bool:
        return False

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == ClientCredentialsGrant.GRANT_TYPE


class ClientCredentials(ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = [
        ClientAuthMethod.CLIENT_SECRET_BASIC.value,
        ClientAuthMethod.CLIENT_SECRET_POST.value,
        ClientAuthMethod.PRIVATE_KEY_JWT.value,
    ]


class FormRequest(OAuth2Request):
    """A token request as Authlib reads it.

    Authlib refuses URIs that are not https. Whether this instance is behind TLS is
    decided by its deployment (NETWORK_BASE_URL; TLS usually ends at a proxy), and
    the client_credentials grant uses the URI for nothing else, so the request is
    handed over under its https form.
    """

    def __init__(self, uri: str, headers: Any, form: dict[str, str]) -> None:
        super().__init__("POST", "https://" + uri.split("://", 1)[-1], headers=headers)
        self.payload = BasicOAuth2Payload(form)
        self._form = form

    @property
    def form(self) -> dict[str, str]:
        return self._form


@dataclass
class Exchange:
    """What one token request loaded before, and decided during, the sync core."""

    clients: dict[str, ClientRecord]
    jtis: list[tuple[str, str, int]] = field(default_factory=list)


class AccessTokens(JWTBearerTokenGenerator):
    """RFC 9068 tokens: `typ: at+jwt`, audience this instance, office in a claim."""

    def __init__(self, issuer: str, ring_of: Any, lifetime: int) -> None:
        super().__init__(issuer=issuer, alg=ALGORITHM, expires_generator=lambda *_: lifetime)
        self.ring_of = ring_of

    def get_jwks(self) -> Any:
        ring: KeyRing = self.ring_of()
        return ring.signing_set

    def get_audiences(self, client: ClientRecord, user: Any, scope: str) -> str:
        return self.issuer

    def get_extra_claims(
        self, client: ClientRecord, grant_type: str, user: Any, scope: str
    ) -> dict[str, Any]:
        return {"office_id": client.model.office_id}  # type: ignore[attr-defined]


class TokenServer(AuthorizationServer):
    def __init__(self, settings: Settings) -> None:
        # Peer instances' clients hold the federation scope, which office clients
        # are never given (it is not in SCOPES).
        super().__init__(scopes_supported=[*SCOPES, FEDERATION])
        self.settings = settings
        self._exchange: Exchange | None = None
        self._ring: KeyRing | None = None
        issuer = settings.base_url.rstrip("/")
        self.register_grant(ClientCredentials)
        self.register_client_auth_method(
            PrivateKeyJWT.CLIENT_AUTH_METHOD,
            PrivateKeyJWT([f"{issuer}/oauth/token", issuer], self._remember_jti),
        )
        self.register_token_generator(
            "default", AccessTokens(issuer, lambda: self._ring, access_token_lifetime(settings))
        )

    def _remember_jti(self, client_id: str, jti: str, exp: int) -> None:
        if self._exchange is None:
            raise RuntimeError("a client assertion was checked outside a token exchange")
        self._exchange.jtis.append((client_id, jti, exp))

    def query_client(self, client_id: str) -> ClientRecord | None:
        if self._exchange is None:
            raise RuntimeError("a client was looked up outside a token exchange")
        return self._exchange.clients.get(client_id)

    def save_token(self, token: dict[str, Any], request: OAuth2Request) -> None:
        """JWT access tokens are not stored; issuance is audited after the response."""

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        return None

    def create_oauth2_request(self, request: OAuth2Request) -> OAuth2Request:
        return request

    def handle_response(self, status: int, body: Any, headers: Any) -> tuple[int, Any, Any]:
        return status, body, headers

    def issue(
        self, request: FormRequest, exchange: Exchange, ring: KeyRing
    ) -> tuple[int, dict[str, Any], list[tuple[str, str]]]:
        self._exchange, self._ring = exchange, ring
        try:
            status, body, headers = self.create_token_response(request)
        finally:
            self._exchange, self._ring = None, None
        return status, body, list(headers)


def authentication_methods(headers: Any, form: dict[str, str]) -> list[str]:
    """The client authentication methods a token request uses."""
    used = []
    if headers.get("authorization", "").lower().startswith("basic "):
        used.append(ClientAuthMethod.CLIENT_SECRET_BASIC.value)
    if "client_secret" in form:
        used.append(ClientAuthMethod.CLIENT_SECRET_POST.value)
    if "client_assertion" in form or "client_assertion_type" in form:
        used.append(ClientAuthMethod.PRIVATE_KEY_JWT.value)
    return used


def claimed_client_id(headers: Any, form: dict[str, str]) -> str | None:
    """The client id a token request claims, read before anything is verified; None
    when it claims none or one that cannot be a client id."""
    authorization = headers.get("authorization", "")
    claimed: object = None
    if authorization.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return None
        # RFC 6749 section 2.3.1: the id is form-encoded before Basic encoding.
        claimed = unquote(decoded.split(":", 1)[0])
    elif form.get("client_assertion_type") == ASSERTION_TYPE and form.get("client_assertion"):
        try:
            payload = jws.extract_compact(form["client_assertion"].encode()).payload
            claimed = orjson.loads(payload).get("sub")
        except (JoseError, ValueError, AttributeError):
            return None
    else:
        claimed = form.get("client_id")
    return claimed if isinstance(claimed, str) and valid_client_id(claimed) else None


async def exchange_token(
    server: TokenServer, uri: str, headers: Any, form: dict[str, str], *, ip: str
) -> tuple[int, dict[str, Any], list[tuple[str, str]]]:
    """Run one token request end to end; returns (status, JSON body, headers).

    `ip` is the client's address already validated (`network.http.client_address`).
    """
    client_id = claimed_client_id(headers, form)
    clients: dict[str, ClientRecord] = {}
    model = None
    if client_id:
        model = await ApiClient.get_or_none(client_id=client_id, revoked_at=None)
        if model is not None:
            clients[client_id] = ClientRecord(model)
    response_headers: list[tuple[str, str]] = []
    exchange = Exchange(clients=clients)
    if len(authentication_methods(headers, form)) > 1:
        # RFC 6749 section 2.3: one authentication method per request. Authlib would
        # try each in turn, so limits would count one client while another is tried.
        status, body = (
            400,
            {
                "error": "invalid_request",
                "error_description": "Use one client authentication method per request.",
            },
        )
    else:
        ring = await key_ring(server.settings)
        status, body, response_headers = server.issue(
            FormRequest(uri, headers, form), exchange, ring
        )
    if status == 200 and exchange.jtis:
        try:
            async with in_transaction():
                await ClientAssertion.filter(expires_at__lt=datetime.now(UTC)).delete()
                for assertion_client, jti, exp in exchange.jtis:
                    await ClientAssertion.create(
                        client_id=assertion_client,
                        jti=jti,
                        expires_at=datetime.fromtimestamp(exp, UTC) + timedelta(minutes=1),
                    )
        except IntegrityError:
            # No Authorization header was used, so 400 (RFC 6749 section 5.2), as
            # Authlib answers every other failed assertion.
            status, body = (
                400,
                {
                    "error": "invalid_client",
                    "error_description": "This client assertion was used before.",
                },
            )
    actor = (
        _client_principal(model)
        if model
        else Principal(kind=PrincipalKind.ANONYMOUS, label="unknown client")
    )
    await audit.record(
        actor,
        "token.issue",
        target_type="api_client",
        target_id=client_id or "",
        office_id=model.office_id if model else None,  # type: ignore[attr-defined]
        outcome="success" if status == 200 else "failure",
        detail={"scope": body.get("scope", "")}
        if status == 200
        else {"error": body.get("error", "")},
        ip=ip,
    )
    if status == 200 and model is not None:
        await ApiClient.filter(id=model.id).update(last_used_at=datetime.now(UTC))
    return status, body, response_headers


def _client_principal(model: ApiClient) -> Principal:
    return Principal(
        kind=PrincipalKind.CLIENT,
        office_id=model.office_id,  # type: ignore[attr-defined]
        scopes=frozenset(model.scopes),
        label=f"client:{model.client_id}",
    )
