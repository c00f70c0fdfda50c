"""Migrations build the whole schema from empty, and the models never drift from them."""

import os
import subprocess
import sys
import uuid

import pytest
from tortoise import Tortoise, connections
from tortoise.migrations.autodetector import MigrationAutodetector

from network.db import tortoise_config
from network.health import migrations_on_disk, pending_migrations
from tests.conftest import ENGINE, create_database, drop_database

TABLES = {
    "office",
    "member",
    "topic",
    "publication",
    "publication_topic",
    "publication_metric",
    "revision",
    "metric_definition",
    "observation",
    "metric_release",
    "audit_event",
    "counter",
}


async def test_models_match_migrations(settings) -> None:
    config = tortoise_config(settings)
    detector = MigrationAutodetector(Tortoise.apps, {"network": config["apps"]["network"]})
    assert await detector.changes() == [], "models changed: run `tortoise makemigrations`"


def _network(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "network.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


async def test_all_migrations_apply_from_empty(settings, tmp_path) -> None:
    """`network migrate` on an empty database, twice (the second run changes nothing)."""
    name = f"pn_mig_{uuid.uuid4().hex[:8]}"
    fresh = await create_database(tmp_path, name)
    try:
        for _ in range(2):
            result = _network("migrate", database_url=fresh.database_url)
            assert result.returncode == 0, result.stderr
            assert "50 topics and 20 standard metrics" in result.stdout
    finally:
        await drop_database(name)


async def test_session_database_is_fully_migrated(settings) -> None:
    assert await pending_migrations() == []
    assert len(migrations_on_disk()) >= 2
    client = connections.get("default")
    if ENGINE == "postgres":
        rows = await client.execute_query_dict(
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
        )
        index = await client.execute_query_dict(
            "SELECT indexname FROM pg_indexes WHERE indexname = 'publication_search_document_gin'"
        )
        assert index, "the GIN index on the search document exists"
    else:
        rows = await client.execute_query_dict(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
        assert "publication_fts" in {r["name"] for r in rows}
    assert {r["name"] for r in rows} >= TABLES


async def test_revisions_are_immutable(settings) -> None:
    from network.publications.models import ImmutableRevisionError, Revision

    revision = await Revision.first()
    assert revision is not None
    revision.body = "changed"
    with pytest.raises(ImmutableRevisionError):
        await revision.save()
    with pytest.raises(ImmutableRevisionError):
        await revision.delete()
    assert (await Revision.get(id=revision.id)).body != "changed"
