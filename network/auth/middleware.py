"""Builds the request's `Principal` from a bearer token or the session cookie.

Anonymous requests (no Authorization header, no session cookie) pass straight
through. A bad bearer token is refused with 401 and a WWW-Authenticate header
(RFC 6750 section 3); an expired or unknown session cookie is treated as anonymous,
since the page can simply offer to sign in again.
"""

from http.cookies import SimpleCookie

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send

from network.auth.bearer import InvalidToken, principal_from_bearer
from network.auth.sessions import COOKIE, principal_from_session
from network.settings import Settings


class PrincipalMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # The token endpoint authenticates clients itself (Basic or an assertion).
        if scope["type"] != "http" or scope["path"] == "/oauth/token":
            await self.app(scope, receive, send)
            return
        authorization = cookie_header = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                authorization = value.decode("latin-1")
            elif name == b"cookie":
                cookie_header = value.decode("latin-1")
        if authorization is not None:
            scheme, _, token = authorization.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                await _unauthorized(send, "invalid_request", "Use 'Authorization: Bearer <token>'.")
                return
            try:
                scope["principal"] = await principal_from_bearer(token.strip(), self.settings)
            except InvalidToken as exc:
                await _unauthorized(send, "invalid_token", str(exc))
                return
            scope["auth_via"] = "bearer"
        elif cookie_header and COOKIE in cookie_header:
            cookies = SimpleCookie()
            cookies.load(cookie_header)
            morsel = cookies.get(COOKIE)
            if morsel is not None and morsel.value:
                found = await principal_from_session(morsel.value)
                if found is not None:
                    scope["principal"], scope["csrf_token"] = found
                    scope["auth_via"] = "cookie"
        await self.app(scope, receive, send)


async def _unauthorized(send: Send, error: str, description: str) -> None:
    challenge = f'Bearer error="{error}", error_description="{description}"'
    body = orjson.dumps(
        {"errors": [{"message": description, "extensions": {"code": "UNAUTHENTICATED"}}]}
    )
    await send(
        {
            "type": "http.response.start",
            "status": 401,
            "headers": [
                (b"content-type", b"application/json"),
                (b"www-authenticate", challenge.encode("latin-1", "replace")),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
