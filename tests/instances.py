"""Real instances for federation tests: each its own database, data directory and
instance id, migrated and served by `network` in its own process on 127.0.0.1."""

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import create_database, drop_database


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Instance:
    name: str
    base: str
    env: dict[str, str]
    log: Path

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "network.cli", *args],
            env=self.env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if check and done.returncode != 0:
            raise AssertionError(f"network {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done


def _database_url(engine: str, directory: Path, name: str) -> str:
    if engine != "postgres":
        return f"sqlite://{directory / 'db.sqlite3'}"
    return asyncio.run(create_database(directory, name)).database_url


@contextmanager
def instance(tmp: Path, label: str, *, engine: str = "sqlite") -> Iterator[Instance]:
    """A migrated instance served in its own process; stopped (and its PostgreSQL
    database dropped) afterwards."""
    directory = tmp / label
    directory.mkdir(parents=True, exist_ok=True)
    port = free_port()
    db_name = f"pn_fed_{label}_{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(engine, directory, db_name),
        "NETWORK_DATA_DIR": str(directory),
        "NETWORK_INSTANCE_ID": f"{label}.test",
        "NETWORK_INSTANCE_NAME": f"Instance {label.upper()}",
        "NETWORK_BASE_URL": f"http://127.0.0.1:{port}",
    }
    node = Instance(label, env["NETWORK_BASE_URL"], env, directory / "serve.log")
    node.cli("migrate")
    log = node.log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "network.cli", "serve", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"{label} exited: {node.log.read_text()}")
            try:
                if httpx.get(f"{node.base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise AssertionError(f"{label} did not start within 30 s")
        yield node
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()
        if engine == "postgres":
            asyncio.run(drop_database(db_name))
