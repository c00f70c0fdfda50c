"""Shared fixtures: a real database (SQLite file or PostgreSQL), migrated by the real
migrations and loaded with the demo network once per session.

TEST_DATABASE=sqlite (default) or TEST_DATABASE=postgres selects the engine; the
PostgreSQL server is the one on 127.0.0.1:5432 (override with TEST_POSTGRES_URL).
"""

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import asyncpg
import httpx
import pytest
from strawberry.relay import to_base64
from tortoise import Tortoise

from network.access.principal import Principal
from network.api.core.ids import publication_node_id
from network.app import create_app
from network.cli import migrate_database
from network.db import tortoise_config
from network.demo.loader import load_demo
from network.instance_secret import derive
from network.pagination import configure_cursors
from network.publications.models import Publication, PublicationKind
from network.settings import Settings, load_settings
from network.wiring import wire

ENGINE = os.environ.get("TEST_DATABASE", "sqlite")
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DEMO_SEED = 7


def _base_settings(tmp: Path) -> Settings:
    return replace(load_settings(), data_dir=tmp, instance_id="test.instance")


async def create_database(tmp: Path, name: str) -> Settings:
    """An empty database of the configured engine, and settings that point at it."""
    settings = _base_settings(tmp)
    if ENGINE == "postgres":
        admin = await asyncpg.connect(POSTGRES_URL.replace("postgres://", "postgresql://"))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            await admin.execute(f'CREATE DATABASE "{name}"')
        finally:
            await admin.close()
        url = POSTGRES_URL.rsplit("/", 1)[0] + f"/{name}"
    else:
        url = f"sqlite://{tmp / (name + '.sqlite3')}"
    return replace(settings, database_url=url)


async def drop_database(name: str) -> None:
    if ENGINE != "postgres":
        return
    admin = await asyncpg.connect(POSTGRES_URL.replace("postgres://", "postgresql://"))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(scope="session")
async def settings(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Settings]:
    """The session database: migrated from empty, then the demo network loaded."""
    name = f"pn_test_{uuid.uuid4().hex[:10]}"
    settings = await create_database(tmp_path_factory.mktemp("db"), name)
    await migrate_database(settings)
    configure_cursors(derive(settings, "cursor"))
    wire(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    await load_demo(settings, seed=DEMO_SEED)
    yield settings
    await Tortoise.close_connections()
    await drop_database(name)


@pytest.fixture(scope="session")
async def app_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The ASGI app in-process, sharing the session's Tortoise connections."""
    app = create_app(replace(settings, response_cache_enabled=False))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        yield client


def as_principal(app_client: httpx.AsyncClient, principal: Principal) -> httpx.AsyncClient:
    """A client whose requests carry `principal` as authentication would set it."""
    inner = app_client._transport.app  # type: ignore[attr-defined]

    async def with_principal(scope, receive, send):  # type: ignore[no-untyped-def]
        scope["principal"] = principal
        await inner(scope, receive, send)

    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=with_principal), base_url="http://127.0.0.1"
    )


async def gql(
    client: httpx.AsyncClient, query: str, variables: dict | None = None, **headers: str
) -> dict:
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"accept": "application/graphql-response+json", **headers},
    )
    assert response.status_code == 200, response.text
    return response.json()


def node_id(publication: Publication, type_name: str | None = None) -> str:
    """The global id the API gives `publication` (optionally under another type name)."""
    if type_name is None:
        type_name = "Policy" if publication.kind == PublicationKind.POLICY else "Brief"
    return to_base64(
        type_name, publication_node_id(publication.origin_instance, publication.origin_id)
    )
