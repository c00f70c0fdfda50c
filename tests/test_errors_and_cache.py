"""Unexpected errors are masked with a request id; the response cache is scoped and
invalidated by changes."""

import logging
from dataclasses import replace

import httpx
import pytest

from network.access.principal import SYSTEM, member_principal
from network.api.cache import cache_key
from network.app import create_app
from network.offices.models import Office, OfficeRole
from network.publications import queries
from network.publications import service as publications
from network.publications.models import Publication, PublicationStatus, Visibility
from tests.conftest import as_principal, gql

COUNT = "{ policies(first: 1) { totalCount } }"


async def test_unexpected_error_is_masked_and_logged(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*args, **kwargs):
        raise RuntimeError("connection string postgres://secret@db")

    monkeypatch.setattr(queries, "list_publications", broken)
    with caplog.at_level(logging.ERROR, logger="network.api"):
        response = await app_client.post(
            "/graphql",
            json={"query": "{ policies { totalCount } }"},
            headers={"x-request-id": "req-123"},
        )
    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert "secret" not in response.text
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": "req-123"}
    assert response.headers["x-request-id"] == "req-123"
    assert any("req-123" in r.getMessage() and r.exc_info for r in caplog.records)


@pytest.fixture
async def cached_client(settings) -> httpx.AsyncClient:
    app = create_app(replace(settings, response_cache_enabled=True))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
    ) as client:
        client.app = app  # type: ignore[attr-defined]
        yield client


async def test_cache_serves_repeats_and_drops_on_change(
    settings, cached_client: httpx.AsyncClient
) -> None:
    cache = cached_client.app.state.response_cache  # type: ignore[attr-defined]
    before = (await gql(cached_client, COUNT))["data"]["policies"]["totalCount"]
    hits = cache.hits
    assert (await gql(cached_client, COUNT))["data"]["policies"]["totalCount"] == before
    assert cache.hits == hits + 1
    draft = await Publication.filter(status=PublicationStatus.DRAFT, kind="POLICY").first()
    assert draft is not None
    await publications.publish_publication(
        SYSTEM, draft.id, instance_id=draft.origin_instance, visibility=Visibility.PUBLIC
    )
    try:
        after = (await gql(cached_client, COUNT))["data"]["policies"]["totalCount"]
        assert after == before + 1
    finally:
        await Publication.filter(id=draft.id).update(
            status=PublicationStatus.DRAFT, published_at=None
        )
        from network.state import service as state

        await state.bump()


async def test_cache_is_scoped_by_visibility(settings, cached_client: httpx.AsyncClient) -> None:
    anonymous = (await gql(cached_client, COUNT))["data"]["policies"]["totalCount"]
    office = await Office.first()
    assert office is not None
    member = member_principal(office_id=office.id, member_id=0, role=OfficeRole.VIEWER)
    async with as_principal(cached_client, member) as client:
        seen = (await gql(client, COUNT))["data"]["policies"]["totalCount"]
    assert seen > anonymous
    assert (await gql(cached_client, COUNT))["data"]["policies"]["totalCount"] == anonymous


async def test_errors_are_not_cached(cached_client: httpx.AsyncClient) -> None:
    cache = cached_client.app.state.response_cache  # type: ignore[attr-defined]
    query = "{ policies(first: 0) { totalCount } }"
    for _ in range(2):
        body = await gql(cached_client, query)
        assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    assert cache_key("anonymous", query, "", "") not in cache._entries
    ok = "{ policies(first: 1) { totalCount } }"
    await gql(cached_client, ok)
    assert cache_key("anonymous", ok, "", "") in cache._entries
