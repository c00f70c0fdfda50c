"""Limits on the clients that send request bodies, and quiet handling of those that leave.

Rules:
- A request body must arrive whole within `body_timeout_seconds` of the handler
  starting to read it, or the request answers 408 and the connection is closed
  (RFC 9110 section 15.5.9: the server SHOULD send `Connection: close`). A slow sender
  can no longer hold a connection, a task and its buffers for as long as it likes.
- At most `max_body_readers` requests per process read a body at once. Past that a
  request answers 503 with `Retry-After` at once (RFC 9110 sections 15.6.4 and
  10.2.3) instead of queueing: a queue would let slow senders delay every request
  behind them, and each waiter still holds a connection.
- A client that closes its connection mid-request (Starlette's `ClientDisconnect`,
  uvicorn's `ClientDisconnected`) is ordinary, not a server fault: one INFO line, no
  traceback, and no answer, since nobody is left to read it.

`BodyGuardMiddleware` puts one `BodyReaders` per application (built from settings)
on the request scope; `network.http.body.read_limited` enforces it.
"""

import logging
from dataclasses import dataclass, field

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.utils import ClientDisconnected

from network.settings import Settings

log = logging.getLogger("network.http")

SCOPE_KEY = "network.body_readers"
# Seconds a refused client is asked to wait: slots free up as bodies finish or time out.
RETRY_AFTER_SECONDS = 1


@dataclass
class BodyReaders:
    """How long a body may take, and the slots for reading bodies at once (per process:
    the event loop is single-threaded, so a plain counter is exact)."""

    timeout_seconds: float
    max_readers: int
    active: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if not self.timeout_seconds > 0:
            raise ValueError(
                f"NETWORK_BODY_TIMEOUT_SECONDS must be above 0, got {self.timeout_seconds}"
            )
        if self.max_readers < 1:
            raise ValueError(f"NETWORK_MAX_BODY_READERS must be at least 1, got {self.max_readers}")

    @classmethod
    def from_settings(cls, settings: Settings) -> "BodyReaders":
        return cls(settings.body_timeout_seconds, settings.max_body_readers)

    def try_acquire(self) -> bool:
        """Take a slot if one is free; never waits."""
        if self.active >= self.max_readers:
            return False
        self.active += 1
        return True

    def release(self) -> None:
        self.active -= 1


# For applications built without the middleware: the settings' defaults, shared.
_FALLBACK = BodyReaders(Settings.body_timeout_seconds, Settings.max_body_readers)


def body_readers(scope: Scope) -> BodyReaders:
    readers = scope.get(SCOPE_KEY)
    return readers if isinstance(readers, BodyReaders) else _FALLBACK


def log_client_gone(scope: Scope, detail: str) -> None:
    """The one line written for a client that left mid-request (path shown escaped, so
    a crafted path cannot forge further log lines)."""
    client = scope.get("client")
    peer = f"{client[0]}:{client[1]}" if client else "unknown client"
    log.info(
        "client %s went away mid-request: %s %r (%s)",
        peer,
        scope.get("method", ""),
        scope.get("path", ""),
        detail,
    )


class BodyGuardMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.readers = BodyReaders.from_settings(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope[SCOPE_KEY] = self.readers
        try:
            await self.app(scope, receive, send)
        except (ClientDisconnect, ClientDisconnected) as exc:
            log_client_gone(scope, type(exc).__name__)
