"""Reading request bodies with a hard size limit (declared or not: chunked), a deadline,
and a bounded number of readers at once (rules in `network.http.body_guard`)."""

import asyncio
from contextlib import aclosing

from starlette.requests import ClientDisconnect, Request

from network.http.body_guard import (
    RETRY_AFTER_SECONDS,
    BodyReaders,
    body_readers,
    log_client_gone,
)

# Every refusal below leaves (part of) the body unread on the connection, so the
# connection cannot carry another request: ask the server to close it.
_CLOSE = {"connection": "close"}


class BodyRejected(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = {**_CLOSE, **(headers or {})}


class ClientGone(BodyRejected):
    """The client closed the connection before its body arrived; already logged. Any
    answer to it is dropped by the server, so callers may treat it as any refusal."""


async def read_limited(request: Request, limit: int, readers: BodyReaders | None = None) -> bytes:
    """The whole body, at most `limit` bytes, within the readers' deadline.

    Raises BodyRejected: 400 bad Content-Length, 413 too large, 503 every reading slot
    taken (with Retry-After), 408 not arrived in time, ClientGone if the client left.
    `readers` defaults to the application's (see BodyGuardMiddleware).
    """
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise BodyRejected(400, "Content-Length is not a number.")
        if int(declared) > limit:
            raise BodyRejected(413, f"Request bodies are limited to {limit} bytes.")
    readers = readers or body_readers(request.scope)
    if not readers.try_acquire():
        raise BodyRejected(
            503,
            "Too many requests are sending a body right now; retry shortly.",
            {"retry-after": str(RETRY_AFTER_SECONDS)},
        )
    chunks: list[bytes] = []
    size = 0
    try:
        # asyncio, not anyio: the ORM ties the app to asyncio anyway, and this costs
        # half as much per request (measured ~7 µs against ~12 µs).
        async with asyncio.timeout(readers.timeout_seconds):
            async with aclosing(request.stream()) as stream:
                async for chunk in stream:
                    size += len(chunk)
                    if size > limit:
                        raise BodyRejected(413, f"Request bodies are limited to {limit} bytes.")
                    chunks.append(chunk)
    except TimeoutError:
        raise BodyRejected(
            408,
            f"The request body did not arrive within {readers.timeout_seconds:g} seconds.",
        ) from None
    except ClientDisconnect:
        expected = f" of {declared}" if declared is not None else ""
        log_client_gone(request.scope, f"{size}{expected} body bytes received")
        raise ClientGone(400, "The client closed the connection mid-body.") from None
    finally:
        readers.release()
    return b"".join(chunks)
