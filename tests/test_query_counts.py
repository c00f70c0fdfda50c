"""Related data loads through DataLoaders: SQL statements do not grow with page size."""

import httpx

from network.app import OPERATIONS_DIR
from tests.conftest import gql
from tests.diagnostics import count_queries

BROWSE = (OPERATIONS_DIR / "BrowsePolicies.graphql").read_text()
BRIEFS = (OPERATIONS_DIR / "BrowseBriefs.graphql").read_text()
SEARCH = (OPERATIONS_DIR / "SearchPublications.graphql").read_text()


async def _statements(client: httpx.AsyncClient, query: str, variables: dict) -> int:
    with count_queries() as counter:
        body = await gql(client, query, variables)
    assert "errors" not in body, body
    return len(counter.statements)


async def test_browse_policies_statements_constant_in_page_size(
    app_client: httpx.AsyncClient,
) -> None:
    small = await _statements(app_client, BROWSE, {"first": 5})
    large = await _statements(app_client, BROWSE, {"first": 50})
    assert small == large
    assert small <= 6


async def test_browse_briefs_statements_constant_in_page_size(
    app_client: httpx.AsyncClient,
) -> None:
    assert await _statements(app_client, BRIEFS, {"first": 5}) == await _statements(
        app_client, BRIEFS, {"first": 40}
    )


async def test_search_statements_constant_in_page_size(app_client: httpx.AsyncClient) -> None:
    small = await _statements(app_client, SEARCH, {"query": "office", "first": 5})
    large = await _statements(app_client, SEARCH, {"query": "office", "first": 50})
    assert small == large


async def test_counter_sees_statements(app_client: httpx.AsyncClient) -> None:
    """The counter itself must count, or the tests above would pass vacuously."""
    assert await _statements(app_client, "{ metricDefinitions { key } }", {}) == 1
