"""Migrations build the whole schema from empty, and the models never drift from them."""

import asyncio
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
            assert "50 topics and 34 standard metrics" in result.stdout
    finally:
        await drop_database(name)


_ROWS_AT_0006 = """
INSERT INTO metric_definition (key, name, description, unit, numerator, denominator,
  exclusions, frequency, desired_direction, rationale, disaggregations, source, is_standard)
VALUES ('c', 'C', '', 'COUNT', '', '', '', 'MONTHLY', 'UP', '', '[]', '', true),
       ('r', 'R', '', 'RATE', '', '', '', 'MONTHLY', 'UP', '', '[]', '', true),
       ('d', 'D', '', 'DAYS', '', '', '', 'MONTHLY', 'UP', '', '[]', '', true);
INSERT INTO office (slug, name, jurisdiction, state, kind, population_served, region,
  size_band, pseudonym, default_attribution, origin_instance, created_at, updated_at)
VALUES ('o', 'O', 'J', 'CA', 'COUNTY', 1, 'WEST', 'SMALL', 'p', 'NAMED', '',
  '2020-01-01', '2020-01-01');
INSERT INTO observation (office_id, metric_id, period_start, disaggregation, value,
  numerator, denominator, created_at)
VALUES (1, 1, '2024-01-01', '', 1234.0, NULL, NULL, '2024-01-01'),
       (1, 2, '2024-01-01', '', 0.25, 25.0, 100.0, '2024-01-01'),
       (1, 3, '2024-01-01', '', 123.5, NULL, NULL, '2024-01-01');
"""


async def test_an_instance_with_data_upgrades(settings, tmp_path) -> None:
    """Columns added to tables that already have rows, and floats turned into exact
    counts, on a database last migrated before publishing existed."""
    name = f"pn_up_{uuid.uuid4().hex[:8]}"
    old = await create_database(tmp_path, name)
    env = {**os.environ, "DATABASE_URL": old.database_url}
    try:
        done = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "tortoise", "migrate", "network", "0006_change_log"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        await _run_on(old.database_url, _ROWS_AT_0006)
        result = _network("migrate", database_url=old.database_url)
        assert result.returncode == 0, result.stderr
        rows = await _run_on(
            old.database_url,
            "SELECT o.count, o.numerator, o.denominator, o.value, m.unit, f.deny_terms "
            "FROM observation o JOIN metric_definition m ON m.id = o.metric_id "
            "JOIN office f ON f.id = o.office_id ORDER BY m.key",
        )
        got = {r["unit"]: r for r in rows}
        assert (got["COUNT"]["count"], got["COUNT"]["value"]) == (1234, None)
        assert (got["RATE"]["numerator"], got["RATE"]["denominator"]) == (25, 100)
        assert got["RATE"]["value"] is None
        assert float(got["DAYS"]["value"]) == 123.5
        assert got["DAYS"]["deny_terms"] in ("[]", [])
        # The unique key of a cell survives the column changes (SQLite rebuilds the table).
        with pytest.raises(Exception, match=r"(?i)unique"):
            await _run_on(
                old.database_url,
                "INSERT INTO observation (office_id, metric_id, period_start, disaggregation, "
                "created_at) VALUES (1, 1, '2024-01-01', '', '2024-01-01')",
            )
    finally:
        await drop_database(name)


async def _run_on(url: str, sql: str) -> list[dict]:
    """Run SQL on another database through its own Tortoise connection."""
    from tortoise.backends.base.config_generator import expand_db_url

    config = expand_db_url(url)
    client_class = __import__(config["engine"], fromlist=["client_class"]).client_class
    client = client_class(connection_name="upgrade", **config["credentials"])
    try:
        if sql.lstrip().upper().startswith("SELECT"):
            return await client.execute_query_dict(sql)
        await client.execute_script(sql)
        return []
    finally:
        await client.close()


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
