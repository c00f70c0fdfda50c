"""Slow and vanishing request bodies, against a real `network serve` process.

The process runs with NETWORK_BODY_TIMEOUT_SECONDS=1 and NETWORK_MAX_BODY_READERS=2;
raw sockets play the slow clients: they send complete headers announcing 1,000 bytes,
then 10 bytes, then nothing.
"""

import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import orjson
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message

from network.http.body_guard import BodyGuardMiddleware, BodyReaders, log_client_gone
from network.settings import Settings
from tests.test_serve_process import served

GRAPHQL = ("/graphql", "application/json")
TOKEN = ("/oauth/token", "application/x-www-form-urlencoded")
GONE = "went away mid-request"


@pytest.fixture(scope="module")
def slow_server(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("slow-bodies") / "server.log"
    env = {"NETWORK_BODY_TIMEOUT_SECONDS": "1", "NETWORK_MAX_BODY_READERS": "2"}
    with served(settings, log, **env) as base:
        yield base, log


def _stall(base: str, target: tuple[str, str]) -> socket.socket:
    """Send the headers of a 1,000-byte POST and its first 10 bytes, then nothing."""
    url = urlsplit(base)
    host, port = str(url.hostname), int(url.port or 80)
    path, content_type = target
    sock = socket.create_connection((host, port), timeout=5)
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: {content_type}\r\n"
        "Accept: application/json\r\nContent-Length: 1000\r\n\r\n"
    )
    sock.sendall(head.encode() + b"x" * 10)
    return sock


def _response(sock: socket.socket, wait: float) -> tuple[int, dict[str, str], bytes]:
    """Read one response (status, lower-cased headers, body) within `wait` seconds."""
    sock.settimeout(wait)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        assert chunk, f"connection closed before a response: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines)}
    while len(body) < int(headers.get("content-length", "0")):
        chunk = sock.recv(4096)
        assert chunk, "connection closed mid-response"
        body += chunk
    return int(status_line.split()[1]), headers, body


def _closed_by_server(sock: socket.socket) -> bool:
    sock.settimeout(2)
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True


def _message(target: tuple[str, str], body: bytes) -> str:
    payload = orjson.loads(body)
    if target == TOKEN:
        assert payload["error"] == "invalid_request"
        return str(payload["error_description"])
    return str(payload["errors"][0]["message"])


@pytest.mark.parametrize("target", [GRAPHQL, TOKEN], ids=["graphql", "token"])
def test_a_body_that_stops_arriving_gets_408_and_a_closed_connection(
    slow_server: tuple[str, Path], target: tuple[str, str]
) -> None:
    base, _ = slow_server
    # given a client that sent 10 of the 1,000 bytes it announced
    started = time.monotonic()
    with _stall(base, target) as sock:
        # when it sends nothing more, then it is answered after the 1 s body timeout
        status, headers, body = _response(sock, wait=3)
        elapsed = time.monotonic() - started
        assert status == 408
        assert 0.9 <= elapsed < 2.0, elapsed
        assert headers["content-type"].startswith("application/json")
        assert "did not arrive within 1 seconds" in _message(target, body)
        # and the connection, which still holds part of a body, is closed
        assert headers.get("connection") == "close"
        assert _closed_by_server(sock)


def test_senders_beyond_the_reader_limit_get_503_at_once(slow_server: tuple[str, Path]) -> None:
    base, _ = slow_server
    # given two stalled senders holding both body-reading slots
    first, second = _stall(base, GRAPHQL), _stall(base, TOKEN)
    try:
        time.sleep(0.2)
        # when a third sender arrives
        started = time.monotonic()
        with _stall(base, GRAPHQL) as third:
            status, headers, body = _response(third, wait=0.7)
            # then it is refused at once, told when to retry, and not kept open
            assert time.monotonic() - started < 0.5
            assert status == 503
            assert headers["retry-after"] == "1"
            assert "retry shortly" in _message(GRAPHQL, body)
            assert _closed_by_server(third)
        # and the first two still get their own answer when their time is up
        assert _response(first, wait=2)[0] == 408
        assert _response(second, wait=2)[0] == 408
    finally:
        first.close()
        second.close()


def test_a_client_leaving_mid_body_is_one_log_line_without_traceback(
    slow_server: tuple[str, Path],
) -> None:
    base, log = slow_server
    before = log.read_text().count(GONE)
    # given clients that leave after 10 of 1,000 bytes, on both body-reading routes
    for target in (GRAPHQL, TOKEN):
        sock = _stall(base, target)
        time.sleep(0.3)
        sock.close()
    # then each is one line, and nothing else is logged about it
    deadline = time.monotonic() + 3
    while log.read_text().count(GONE) < before + 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # anything logged late would show now
    text = log.read_text()
    lines = [line for line in text.splitlines() if GONE in line]
    assert len(lines) == before + 2, text
    assert any("/graphql" in line and "10 of 1000 body bytes" in line for line in lines)
    assert any("/oauth/token" in line for line in lines)
    assert "Traceback" not in text
    assert "Exception in ASGI application" not in text
    # and the server goes on answering
    response = httpx.post(f"{base}/graphql", json={"query": "{ instance { id } }"}, timeout=5)
    assert response.status_code == 200
    assert response.json()["data"]["instance"]["id"] == "served.instance"


async def test_a_disconnect_outside_the_body_reader_is_one_line_too(
    caplog: pytest.LogCaptureFixture, settings: Settings
) -> None:
    """Any route that reads the request itself gets the same treatment from the
    middleware (placed as in `network.app`); driven over ASGI exactly as a server
    reports a vanished client."""

    async def echo(request: Request) -> Response:
        return Response(await request.body())

    app = Starlette(
        routes=[Route("/echo", echo, methods=["POST"])],
        middleware=[Middleware(BodyGuardMiddleware, settings=settings)],
    )
    messages: list[Message] = [
        {"type": "http.request", "body": b"0123456789", "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return messages.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/echo",
        "raw_path": b"/echo",
        "query_string": b"",
        "headers": [(b"content-length", b"1000")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    with caplog.at_level(logging.INFO, logger="network.http"):
        await app(scope, receive, send)  # type: ignore[arg-type]
    records = [r for r in caplog.records if GONE in r.getMessage()]
    assert len(records) == 1
    assert records[0].exc_info is None
    assert sent == []  # nobody is left to answer
    # a crafted path cannot forge a second line
    with caplog.at_level(logging.INFO, logger="network.http"):
        log_client_gone({**scope, "path": "/echo\nforged"}, "test")
    assert "\n" not in caplog.records[-1].getMessage()


@pytest.mark.parametrize(("timeout", "readers"), [(0.0, 64), (-1.0, 64), (10.0, 0)])
def test_limits_that_would_refuse_every_body_are_configuration_errors(
    timeout: float, readers: int
) -> None:
    with pytest.raises(ValueError, match="NETWORK_"):
        BodyReaders(timeout, readers)
