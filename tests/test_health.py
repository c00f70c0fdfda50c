"""Health endpoints: process up, and ready only with a reachable, migrated database."""

import httpx
from tortoise import connections


async def test_healthz(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_when_migrated(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["pendingMigrations"] == []


async def test_readyz_reports_pending_migrations(app_client: httpx.AsyncClient) -> None:
    client = connections.get("default")
    rows = await client.execute_query_dict(
        "SELECT id, name FROM tortoise_migrations WHERE name = '0002_search_index'"
    )
    assert rows
    await client.execute_query(f"DELETE FROM tortoise_migrations WHERE id = {int(rows[0]['id'])}")
    try:
        response = await app_client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["pendingMigrations"] == ["0002_search_index"]
    finally:
        await client.execute_query(
            "INSERT INTO tortoise_migrations (app, name, applied_at) "
            "SELECT app, '0002_search_index', applied_at FROM tortoise_migrations "
            "WHERE name = '0001_initial'"
        )
    assert (await app_client.get("/readyz")).status_code == 200
