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
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "network.cli", *args],
            env=self.env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if check and done.returncode != 0:
            raise AssertionError(f"network {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done

    def start(self) -> None:
        """Serve (again) on the same port, and wait until it answers."""
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "network.cli", "serve", "--port", str(self.port)],
                env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited: {self.log.read_text()}")
            try:
                if httpx.get(f"{self.base}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        raise AssertionError(f"{self.name} did not start within 30 s")

    def stop(self, *, kill: bool = False) -> None:
        if self.process is None:
            return
        if kill:
            self.process.kill()
        else:
            self.process.terminate()
        self.process.wait(timeout=15)
        self.process = None


def _database_url(engine: str, directory: Path, name: str) -> str:
    if engine != "postgres":
        return f"sqlite://{directory / 'db.sqlite3'}"
    return asyncio.run(create_database(directory, name)).database_url


@contextmanager
def instance(
    tmp: Path, label: str, *, engine: str = "sqlite", env: dict[str, str] | None = None,
    port: int = 0,
) -> Iterator[Instance]:  # fmt: skip
    """A migrated instance served in its own process (on `port`, or a free one);
    stopped (and its PostgreSQL database dropped) afterwards."""
    directory = tmp / label
    directory.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    db_name = f"pn_fed_{label}_{uuid.uuid4().hex[:8]}"
    environment = {
        **os.environ,
        "DATABASE_URL": _database_url(engine, directory, db_name),
        "NETWORK_DATA_DIR": str(directory),
        "NETWORK_INSTANCE_ID": f"{label}.test",
        "NETWORK_INSTANCE_NAME": f"Instance {label.upper()}",
        "NETWORK_BASE_URL": f"http://127.0.0.1:{port}",
        **(env or {}),
    }
    node = Instance(label, environment["NETWORK_BASE_URL"], environment,
                    directory / "serve.log", port)  # fmt: skip
    node.cli("migrate")
    node.log.write_text("")
    try:
        node.start()
        yield node
    finally:
        node.stop()
        if engine == "postgres":
            asyncio.run(drop_database(db_name))
