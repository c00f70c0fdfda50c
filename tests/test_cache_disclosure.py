"""The response cache never serves one caller's view to another.

Every persisted query runs first as one kind of caller of the authorization matrix
(filling a fresh cache), then anonymously through that same cache; the anonymous
answer must equal an anonymous run with no cache at all.
"""

from dataclasses import replace
from typing import Any

import httpx
import pytest
from graphql import OperationType, parse

from network.access.principal import ANONYMOUS, Principal
from network.api.persisted import load_documents
from network.app import OPERATIONS_DIR, create_app
from network.offices.models import Attribution, Office
from network.publications.models import Publication, PublicationStatus, Visibility
from network.settings import Settings
from tests.conftest import node_id
from tests.test_authorization_matrix import HOME, ROLES, _principal


def _queries() -> dict[str, str]:
    """Persisted query operations by name, with their document ids."""
    found: dict[str, str] = {}
    for document_id, text in load_documents(OPERATIONS_DIR).items():
        operation = parse(text).definitions[0]
        if operation.operation is OperationType.QUERY:  # type: ignore[attr-defined]
            found[operation.name.value] = document_id  # type: ignore[attr-defined]
    return found


async def _variables() -> dict[str, dict[str, Any]]:
    """Variables that put the home office's pseudonymous public item in every answer."""
    home = await Office.get(slug=HOME)
    item = await Publication.filter(
        office_id=home.id,
        attribution=Attribution.PSEUDONYMOUS,
        visibility=Visibility.PUBLIC,
        status=PublicationStatus.PUBLISHED,
        revision_count__gte=2,
    ).first()
    assert item is not None, "the demo must give the home office a revised pseudonymous item"
    word = item.title.split()[0]
    return {
        "PublicationDetail": {"id": node_id(item)},
        "RevisionDiff": {"id": node_id(item), "fromNumber": 1, "toNumber": 2},
        "SearchPublications": {"query": word, "first": 100},
        "BrowsePolicies": {"first": 100},
        "BrowseBriefs": {"first": 100},
        "Offices": {"first": 100},
        "ApiClients": {"officeSlug": HOME},
        "OfficeMembers": {"officeSlug": HOME},
    }


def _client(settings: Settings, principal: Principal, *, cache: bool) -> httpx.AsyncClient:
    app = create_app(replace(settings, response_cache_enabled=cache))

    async def with_principal(scope, receive, send):  # type: ignore[no-untyped-def]
        scope["principal"] = principal
        await app(scope, receive, send)

    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=with_principal), base_url="http://127.0.0.1"
    )


def _strip(value: Any) -> Any:
    """The answer without per-request noise (request ids)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != "requestId"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


async def _run(client: httpx.AsyncClient, document_id: str, variables: dict[str, Any]) -> Any:
    response = await client.post(
        "/graphql", json={"documentId": document_id, "variables": variables}
    )
    assert response.status_code == 200, response.text
    return _strip(response.json())


@pytest.mark.parametrize("role", ROLES)
async def test_cached_answers_depend_only_on_the_visibility_key(
    settings: Settings, app_client: httpx.AsyncClient, role: str
) -> None:
    queries = _queries()
    assert {"BrowsePolicies", "PublicationDetail", "SearchPublications"} <= set(queries)
    variables = await _variables()
    caller = await _principal(role)
    async with _client(settings, ANONYMOUS, cache=False) as uncached:
        expected = {
            name: await _run(uncached, doc, variables.get(name, {}))
            for name, doc in queries.items()
        }
    # Given a cache filled by this caller, shared by the anonymous caller below
    cached_app = create_app(replace(settings, response_cache_enabled=True))

    def through(principal: Principal) -> httpx.AsyncClient:
        async def with_principal(scope, receive, send):  # type: ignore[no-untyped-def]
            scope["principal"] = principal
            await cached_app(scope, receive, send)

        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=with_principal), base_url="http://127.0.0.1"
        )

    async with through(caller) as first, through(ANONYMOUS) as anonymous:
        for name, doc in queries.items():
            await _run(first, doc, variables.get(name, {}))
            # When an anonymous caller asks the same
            seen = await _run(anonymous, doc, variables.get(name, {}))
            # Then it gets exactly the anonymous answer
            assert seen == expected[name], (role, name)
    # and the cache was shared exactly when the two callers' visibility keys agree
    shared = caller.visibility_key() == ANONYMOUS.visibility_key()
    assert (cached_app.state.response_cache.hits > 0) == shared


async def test_a_client_without_read_does_not_unmask_its_office(
    settings: Settings, app_client: httpx.AsyncClient
) -> None:
    """The probe's case: a metrics-only client of the office reads its pseudonymous item."""
    variables = (await _variables())["PublicationDetail"]
    detail = _queries()["PublicationDetail"]
    caller = await _principal("client_metrics")
    async with _client(settings, caller, cache=False) as client:
        body = await _run(client, detail, variables)
    assert body["data"]["node"]["attribution"] == "PSEUDONYMOUS"
    assert body["data"]["node"]["office"] is None
    # A member of the office does see its own office on it.
    async with _client(settings, await _principal("viewer"), cache=False) as client:
        body = await _run(client, detail, variables)
    assert body["data"]["node"]["office"]["name"]
