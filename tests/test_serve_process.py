"""`network serve` as a real process over real HTTP: health, GraphQL, clean refusal."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from network.settings import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(settings: Settings, log_path: Path, **env: str) -> Iterator[str]:
    """`network serve` in its own process on a free port; yields its base URL."""
    port = _free_port()
    log = log_path.open("w")
    environment = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "NETWORK_INSTANCE_ID": "served.instance",
        "NETWORK_DATA_DIR": str(settings.data_dir),
        # These processes share the suite's database and the peers other tests left in
        # it: they are not the instance those peers belong to, so they do not sync.
        "NETWORK_FEDERATION_SYNC_IN_SERVE": "0",
        **env,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "network.cli", "serve", "--port", str(port)],
        env=environment,
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


@pytest.fixture
def server(settings: Settings, tmp_path: Path) -> Iterator[str]:
    with served(settings, tmp_path / "server.log") as base:
        yield base


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
    # Then one sync round per active peer, a line each (peers other tests left behind).
    first = network("worker", "--once", "--batch", "100").splitlines()
    assert first[0] == f"Ran {queued} job(s)."
    assert all(line.startswith("Synced ") for line in first[1:])
    assert network("worker", "--once").splitlines()[0] == "Ran 0 job(s)."


async def test_a_change_reaches_the_cache_of_every_process(
    settings: Settings, tmp_path: Path
) -> None:
    """Two app processes cache the same read; a publish made elsewhere reaches both."""
    from network.access.principal import SYSTEM
    from network.publications import service as publications
    from network.publications.models import Publication, PublicationStatus, Visibility
    from network.state import service as state

    query = {"query": "{ policies(first: 1) { totalCount } }"}

    async def count(http: httpx.AsyncClient, base: str) -> int:
        response = await http.post(f"{base}/graphql", json=query)
        return int(response.json()["data"]["policies"]["totalCount"])

    with served(settings, tmp_path / "a.log") as a, served(settings, tmp_path / "b.log") as b:
        async with httpx.AsyncClient() as http:
            before = await count(http, a)
            assert await count(http, b) == before  # both processes now hold it cached
            draft = await Publication.filter(status=PublicationStatus.DRAFT, kind="POLICY").first()
            assert draft is not None
            await publications.publish_publication(
                SYSTEM, draft.id, instance_id=draft.origin_instance, visibility=Visibility.PUBLIC
            )
            try:
                started = time.monotonic()
                seen = {a: before, b: before}
                while time.monotonic() - started < 5 and set(seen.values()) != {before + 1}:
                    for base in (a, b):
                        seen[base] = await count(http, base)
                assert seen == {a: before + 1, b: before + 1}
                assert time.monotonic() - started < 3  # the counter is re-read every second
            finally:
                await Publication.filter(id=draft.id).update(
                    status=PublicationStatus.DRAFT, published_at=None
                )
                await state.bump()
