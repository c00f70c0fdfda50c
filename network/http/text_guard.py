"""Text that may reach the database never holds NUL (U+0000).

PostgreSQL's text and JSON types cannot store the NUL character: a string holding
one fails inside the driver, after the request has passed every other check, and
SQLite would store it where PostgreSQL cannot. Such text is never meaningful in a
policy, a slug or an id, so it is refused where requests enter: here for URLs (path
and query string, every route), by the GraphQL layer for variables and string
literals, and by the token endpoint's client id validation.
"""

from collections.abc import Mapping
from typing import Any

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

NUL = "\x00"
NUL_MESSAGE = "Text must not contain the NUL character (U+0000)."


def has_nul(value: Any) -> bool:
    """Whether any string in a decoded JSON value (keys included) holds NUL."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, Mapping):
        return any(has_nul(key) or has_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(has_nul(item) for item in value)
    return False


class NulGuardMiddleware:
    """Refuses (400) any HTTP request whose path or query string holds NUL."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (
            NUL in scope.get("path", "") or b"%00" in scope.get("query_string", b"")
        ):
            await PlainTextResponse(NUL_MESSAGE, status_code=400)(scope, receive, send)
            return
        await self.app(scope, receive, send)
