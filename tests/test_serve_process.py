"""`network serve` as a real process over real HTTP: health, GraphQL, clean refusal."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from network.settings import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(settings: Settings, tmp_path) -> Iterator[str]:
    port = _free_port()
    log_path = tmp_path / "server.log"
    log = log_path.open("w")
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "NETWORK_INSTANCE_ID": "served.instance",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "network.cli", "serve", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"server exited: {log_path.read_text()}")
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise AssertionError("server did not start within 30 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


def test_served_instance_answers_graphql(server: str) -> None:
    assert httpx.get(f"{server}/readyz").json()["status"] == "ready"
    response = httpx.get(
        f"{server}/graphql",
        params={"query": "{ instance { id } policies(first: 3) { edges { node { title } } } }"},
        headers={"accept": "application/graphql-response+json"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["data"]["instance"]["id"] == "served.instance"
    assert len(body["data"]["policies"]["edges"]) == 3


def test_served_instance_refuses_garbage_without_traces(server: str) -> None:
    response = httpx.post(
        f"{server}/graphql",
        content=b"\x00\xff garbage",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert "Traceback" not in response.text
    assert response.json()["errors"][0]["message"] == "The request body is not valid JSON."


def test_reindex_and_worker_commands(settings: Settings) -> None:
    env = {**os.environ, "DATABASE_URL": settings.database_url}

    def network(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "network.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    queued = int(network("reindex").split()[1])
    assert queued >= 1
    assert network("worker", "--once", "--batch", "100") == f"Ran {queued} job(s).\n"
    assert network("worker", "--once") == "Ran 0 job(s).\n"
