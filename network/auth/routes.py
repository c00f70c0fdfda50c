"""HTTP endpoints of sign-in and of the authorization server.

/login, /auth/callback/{office}, /logout: browser sign-in through each office's
own OpenID provider (authorization code + PKCE, state and nonce).
/oauth/token, /.well-known/jwks.json, /.well-known/oauth-authorization-server:
the token endpoint for API clients and its metadata (RFC 8414).

The client's address comes from `network.http.client_address` (X-Forwarded-For only
from configured proxies); it keys the per-address limits and is what the audit log
records. The token endpoint limits requests per address and, separately, failed
attempts per (client, address): whoever knows a client's id can exhaust that budget
for their own address only, never lock the client out elsewhere.
"""

import hmac
import logging
from typing import Any
from urllib.parse import parse_qsl

import httpx
from authlib.integrations.base_client import OAuthError
from joserfc.errors import JoseError
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from network.auth import sessions
from network.auth.keys import published_keys
from network.auth.models import IdentityProvider
from network.auth.oidc import ProviderClients
from network.auth.pages import (
    abilities,
    office_picker,
    page,
    sign_in_error,
    signed_in,
    welcome,
)
from network.auth.ratelimit import RateLimiter
from network.auth.secrets import derive
from network.auth.signin import SignInRefused, record_failure, sign_in_member
from network.auth.tokens import TokenServer, claimed_client_id, exchange_token
from network.http.body import BodyRejected, read_limited
from network.http.client_address import TrustedProxies, client_address, rate_limit_key
from network.offices.models import Member, Office, OfficeRole
from network.settings import Settings

log = logging.getLogger("network.auth")
MAX_TOKEN_REQUEST_BYTES = 16 * 1024
MAX_LOGOUT_BYTES = 4 * 1024
MAX_SLUG_LENGTH = 80  # the column


class AuthRoutes:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.trusted_proxies = TrustedProxies.parse(settings.trusted_proxies)
        self.providers = ProviderClients(settings)
        self.token_server = TokenServer(settings)
        self.sign_in_limit = RateLimiter(settings.sign_in_per_minute)
        self.token_ip_limit = RateLimiter(settings.token_per_minute)
        # Failed attempts per (client, address), half the per-address budget. Only
        # failures count, so a correct secret from an address that has not failed
        # always passes this limit (the per-address one still applies).
        self.token_failure_limit = RateLimiter(max(1, settings.token_per_minute // 2))

    def _ip(self, request: Request) -> str:
        return client_address(request.scope, self.trusted_proxies)

    def routes(self) -> list[Route]:
        # Only the two sign-in steps carry the login-state cookie (state, nonce and
        # PKCE verifier of a sign-in in progress, signed); no other request pays for it.
        login_state = [
            Middleware(
                SessionMiddleware,
                secret_key=derive(self.settings, "login-state").hex(),
                session_cookie="pn_login",
                max_age=600,
                same_site="lax",
                https_only=self.settings.secure_cookies,
            )
        ]
        return [
            Route("/login", self.login, methods=["GET"], middleware=login_state),
            Route(
                "/auth/callback/{office}", self.callback, methods=["GET"], middleware=login_state
            ),
            Route("/logout", self.logout, methods=["POST"]),
            Route("/", self.home, methods=["GET"]),
            Route("/oauth/token", self.token, methods=["POST"]),
            Route("/.well-known/jwks.json", self.jwks, methods=["GET"]),
            Route("/.well-known/oauth-authorization-server", self.metadata, methods=["GET"]),
        ]

    # --- browser sign-in -------------------------------------------------------

    async def login(self, request: Request) -> Response:
        if wait := self.sign_in_limit.check(f"ip:{rate_limit_key(self._ip(request))}"):
            return _too_many(wait, html=True)
        slug = request.query_params.get("office")
        email = request.query_params.get("email", "").strip().lower()[:320]
        if not slug and "@" in email:
            slug = await _office_for_email(email.rsplit("@", 1)[1])
            if slug is None:
                return sign_in_error(
                    "No office of this network signs in with that email domain. "
                    "Choose your office from the list instead.",
                    404,
                )
        if not slug:
            rows = await IdentityProvider.filter(enabled=True).select_related("office")
            return office_picker(sorted((p.office.slug, p.office.name) for p in rows))
        office, provider = await _office_provider(slug)
        if office is None or provider is None:
            return sign_in_error(
                "That office has not connected an identity provider here. "
                "Ask your office admin, or choose another office.",
                404,
            )
        client = self.providers.client_for(provider)
        redirect_uri = f"{self.settings.base_url.rstrip('/')}/auth/callback/{office.slug}"
        try:
            metadata = await client.load_server_metadata()
            if metadata.get("issuer") != provider.issuer:
                # OpenID Connect Discovery 1.0, section 4.3: the issuer in the
                # metadata must be exactly the one configured.
                await record_failure(office, "issuer_mismatch", self._ip(request))
                return sign_in_error(
                    "Your office's identity provider describes itself with a different "
                    "issuer than the one configured. An office admin must correct the "
                    "issuer URL.",
                    502,
                    retry=False,
                )
            return await client.authorize_redirect(request, redirect_uri)
        except (httpx.HTTPError, OAuthError, ValueError) as exc:
            await record_failure(
                office, "provider_unreachable", self._ip(request), {"error": type(exc).__name__}
            )
            return sign_in_error(
                "Your office's identity provider did not answer. Try again in a few "
                "minutes; if it persists, tell your office's IT team.",
                502,
            )

    async def callback(self, request: Request) -> Response:
        if wait := self.sign_in_limit.check(f"ip:{rate_limit_key(self._ip(request))}"):
            return _too_many(wait, html=True)
        office, provider = await _office_provider(str(request.path_params["office"]))
        if office is None or provider is None:
            return sign_in_error("Unknown office in the sign-in response.", 404)
        if error := request.query_params.get("error"):
            # Anyone can send this; keep it short and printable (PostgreSQL's JSON
            # refuses NUL) before it is stored or shown.
            error = "".join(c for c in error[:100] if c.isprintable()) or "unknown"
            await record_failure(office, "provider_error", self._ip(request), {"error": error})
            return sign_in_error(f"Your identity provider refused the sign-in ({error}).", 401)
        client = self.providers.client_for(provider)
        try:
            token = await client.authorize_access_token(
                request,
                # The ID token must come from exactly this office's issuer.
                claims_options={
                    "iss": {"essential": True, "value": provider.issuer},
                    "sub": {"essential": True},
                },
                leeway=60,
            )
        except OAuthError as exc:
            await record_failure(
                office, "invalid_response", self._ip(request), {"error": exc.error or ""}
            )
            return sign_in_error(
                "The sign-in response could not be verified (it may be stale, reused or "
                "from another browser window).",
                401,
            )
        except JoseError as exc:
            await record_failure(
                office, "invalid_id_token", self._ip(request), {"error": exc.error}
            )
            return sign_in_error(
                f"The identity provider's ID token was refused: {exc.description or exc.error}.",
                401,
            )
        except httpx.HTTPError as exc:
            await record_failure(
                office, "provider_unreachable", self._ip(request), {"error": type(exc).__name__}
            )
            return sign_in_error(
                "Your office's identity provider did not answer while finishing the "
                "sign-in. Try again in a few minutes.",
                502,
            )
        claims: dict[str, Any] = dict(token.get("userinfo") or {})
        if not claims:
            await record_failure(office, "no_id_token", self._ip(request))
            return sign_in_error("The identity provider sent no ID token.", 401)
        try:
            member = await sign_in_member(office, provider, claims, ip=self._ip(request))
        except SignInRefused as refused:
            return sign_in_error(refused.message, 403, retry=False)
        session_token, _ = await sessions.start_session(member, self.settings)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            sessions.COOKIE,
            session_token,
            max_age=self.settings.session_hours * 3600,
            httponly=True,
            samesite="lax",
            secure=self.settings.secure_cookies,
            path="/",
        )
        return response

    async def home(self, request: Request) -> Response:
        """Where sign-in lands: who you are and what you may do (a stand-in until the
        web interface has its home page)."""
        principal = request.scope.get("principal")
        member_id = getattr(principal, "member_id", None)
        member = (
            await Member.get_or_none(id=member_id).select_related("office")
            if request.scope.get("auth_via") == "cookie" and member_id is not None
            else None
        )
        if member is None or principal is None:
            return welcome()
        return signed_in(
            name=member.display_name or member.email or member.subject,
            office=member.office.name,
            role=OfficeRole(member.office_role).name.replace("_", " ").lower(),
            network_roles=[
                label
                for flag, label in (
                    (member.is_convener, "convener"),
                    (member.is_network_admin, "network admin"),
                )
                if flag
            ],
            abilities=abilities(principal),
            csrf_token=str(request.scope.get("csrf_token", "")),
        )

    async def logout(self, request: Request) -> Response:
        """End the session, given its CSRF token (header or form field): otherwise any
        site could sign a member out with a cross-site form. Without a live session
        there is nothing to protect, and the cookie is just cleared."""
        token = request.cookies.get(sessions.COOKIE)
        live = await sessions.principal_from_session(token) if token else None
        if token and live is not None:
            _, expected = live
            sent = request.headers.get("x-csrf-token") or await _form_field(request, "csrf_token")
            if not hmac.compare_digest(sent.encode(), expected.encode()):
                return page(
                    "Sign-out did not complete",
                    "<p>The sign-out request did not carry this page's security token. "
                    "Go back, reload the page and sign out again.</p>",
                    403,
                )
            await sessions.end_session(token)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(sessions.COOKIE, path="/")
        return response

    # --- authorization server ---------------------------------------------------

    async def token(self, request: Request) -> Response:
        address = self._ip(request)
        if wait := self.token_ip_limit.check(f"ip:{rate_limit_key(address)}"):
            return _too_many(wait)
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return JSONResponse(
                {
                    "error": "invalid_request",
                    "error_description": "Send the form as application/x-www-form-urlencoded.",
                },
                status_code=400,
            )
        try:
            raw = await read_limited(request, MAX_TOKEN_REQUEST_BYTES)
            form = dict(parse_qsl(raw.decode(), keep_blank_values=True))
        except BodyRejected as rejected:
            return JSONResponse(
                {"error": "invalid_request", "error_description": rejected.message},
                status_code=rejected.status,
                headers=rejected.headers,
            )
        except UnicodeDecodeError:
            return JSONResponse(
                {"error": "invalid_request", "error_description": "The form is not UTF-8."},
                status_code=400,
            )
        # Keyed by the claimed client (or none) and the address, so failures from
        # one address never count against the same client elsewhere.
        failures = f"{claimed_client_id(request.headers, form) or '-'}|{rate_limit_key(address)}"
        if wait := self.token_failure_limit.wait(failures):
            return _too_many(wait)
        status, body, headers = await exchange_token(
            self.token_server, str(request.url), request.headers, form, ip=address
        )
        if status != 200:
            self.token_failure_limit.spend(failures)
        response = JSONResponse(body, status_code=status)
        for name, value in headers:
            if name.lower() != "content-type":
                response.headers[name] = value
        response.headers["cache-control"] = "no-store"
        return response

    async def jwks(self, request: Request) -> Response:
        keys = await published_keys(self.settings)
        return JSONResponse(keys.jwks, headers={"cache-control": "public, max-age=300"})

    async def metadata(self, request: Request) -> Response:
        issuer = self.settings.base_url.rstrip("/")
        return JSONResponse(
            {
                "issuer": issuer,
                "token_endpoint": f"{issuer}/oauth/token",
                "jwks_uri": f"{issuer}/.well-known/jwks.json",
                "grant_types_supported": ["client_credentials"],
                "token_endpoint_auth_methods_supported": [
                    "client_secret_basic",
                    "client_secret_post",
                    "private_key_jwt",
                ],
                "token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256", "PS256"],
                "scopes_supported": list(self.token_server.scopes_supported or []),
                "response_types_supported": [],
            }
        )


def _too_many(wait: float, *, html: bool = False) -> Response:
    seconds = str(max(1, int(wait + 0.999)))
    if html:
        response: Response = sign_in_error(
            f"Too many sign-in attempts from your network. Wait {seconds} seconds and try again.",
            429,
        )
    else:
        response = JSONResponse(
            {
                "error": "slow_down",
                "error_description": f"Too many requests; retry in {seconds} s.",
            },
            status_code=429,
        )
    response.headers["retry-after"] = seconds
    return response


async def _form_field(request: Request, name: str) -> str:
    """One field of a small urlencoded form body, or "" (never raises)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return ""
    try:
        raw = await read_limited(request, MAX_LOGOUT_BYTES)
        return dict(parse_qsl(raw.decode(), keep_blank_values=True)).get(name, "")
    except (BodyRejected, UnicodeDecodeError):
        return ""


async def _office_provider(slug: str) -> tuple[Office | None, IdentityProvider | None]:
    # Validated before the query: an over-long slug fails the ORM's length check and a
    # NUL character fails PostgreSQL, and either is just an unknown office.
    if not 0 < len(slug) <= MAX_SLUG_LENGTH or not slug.isprintable():
        return None, None
    office = await Office.get_or_none(slug=slug)
    if office is None:
        return None, None
    provider = await IdentityProvider.get_or_none(office_id=office.id, enabled=True)
    return office, provider


async def _office_for_email(domain: str) -> str | None:
    for provider in await IdentityProvider.filter(enabled=True).select_related("office"):
        if domain in (provider.allowed_email_domains or []):
            return str(provider.office.slug)
    return None
