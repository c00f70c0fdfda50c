"""One request cannot make the instance do unbounded work or hold unbounded memory:
operations are priced before they run, and the response cache is bounded in bytes."""

import gc
import tracemalloc
from dataclasses import replace

import httpx
import pytest
from graphql import OperationType, parse

from network.api.cache import ENTRY_OVERHEAD, ResponseCache, cache_key
from network.api.persisted import load_documents
from network.app import OPERATIONS_DIR, create_app
from network.settings import Settings
from tests.conftest import gql
from tests.diagnostics import count_queries

ALIASED_SEARCH = (
    "{ "
    + " ".join(
        f'a{i}: search(query: "diversion", first: 100) {{ edges {{ node {{ rank snippet '
        "publication { title ... on Policy { latestRevision { body } } } } } }"
        for i in range(30)
    )
    + " }"
)
BIG_PAGE = """
query($first: Int!) {
  policies(first: $first) {
    edges { node { title summary latestRevision { body } } }
  }
}
"""


async def _post(client: httpx.AsyncClient, query: str, variables: dict | None = None):
    return await client.post(
        "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"accept": "application/graphql-response+json"},
    )


async def test_a_costly_operation_is_refused_before_it_runs(app_client: httpx.AsyncClient) -> None:
    with count_queries() as counter:
        response = await _post(app_client, ALIASED_SEARCH)
    assert response.status_code == 400, response.text
    body = response.json()
    assert "data" not in body
    error = body["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY", error
    assert error["extensions"]["cost"] > 10_000
    assert "limit of 10000" in error["message"]
    assert counter.statements == []


async def test_cost_follows_page_sizes_given_in_variables(app_client: httpx.AsyncClient) -> None:
    three = (
        "query($n: Int) { "
        + " ".join(
            f"p{i}: briefs(first: $n) {{ edges {{ node {{ title sections {{ problem }} "
            "topics { slug name } linkedMetrics { key name } latestRevision { body } } } }"
            for i in range(3)
        )
        + " }"
    )
    assert (await _post(app_client, three, {"n": 10})).status_code == 200
    refused = await _post(app_client, three, {"n": 100})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"


@pytest.mark.parametrize("first", [20, 100])
async def test_every_persisted_operation_fits_the_limit_at_any_page_size(
    app_client: httpx.AsyncClient, first: int
) -> None:
    for document_id, text in load_documents(OPERATIONS_DIR).items():
        if parse(text).definitions[0].operation is not OperationType.QUERY:  # type: ignore[attr-defined]
            continue
        response = await app_client.post(
            "/graphql",
            json={
                "documentId": document_id,
                "variables": {
                    "first": first,
                    "query": "bail",
                    "id": "UG9saWN5Ong=",
                    "fromNumber": 1,
                    "toNumber": 2,
                },
            },
        )
        codes = {e["extensions"].get("code") for e in response.json().get("errors", [])}
        assert "QUERY_TOO_COSTLY" not in codes, (text.splitlines()[1], response.text)


async def test_cache_stays_within_its_byte_bound(settings: Settings) -> None:
    cache = ResponseCache(10_000, max_bytes=1_000_000, max_entry_bytes=200_000)

    async def body_of(size: int):
        async def compute() -> tuple[bytes, bool]:
            return b"x" * size, True

        return compute

    tracemalloc.start()
    try:
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        for i in range(300):
            await cache.get_or_compute(cache_key("anonymous", f"q{i}"), await body_of(150_000))
        for i in range(20):
            await cache.get_or_compute(cache_key("anonymous", f"big{i}"), await body_of(300_000))
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert cache.bytes <= 1_000_000
    assert len(cache) == 1_000_000 // (150_000 + ENTRY_OVERHEAD)
    assert cache.too_large == 20
    # what the process really retains is the bound plus bookkeeping, not 45 MB
    assert held < 1_000_000 + 100_000, held
    # the newest entries are the ones kept
    assert cache_key("anonymous", "q299") in cache._entries
    assert cache_key("anonymous", "q0") not in cache._entries


async def test_large_answers_do_not_grow_the_app_cache_past_its_bound(
    settings: Settings, app_client: httpx.AsyncClient
) -> None:
    """The probe's memory attack, scaled to the demo: many large anonymous variants."""
    bound = 400_000
    app = create_app(
        replace(
            settings,
            response_cache_enabled=True,
            response_cache_bytes=bound,
            response_cache_max_entry_bytes=150_000,
        )
    )
    cache = app.state.response_cache
    uncached = create_app(replace(settings, response_cache_enabled=False))
    held: dict[str, int] = {}
    sizes: list[int] = []
    # The warm-up runs fill what every app keeps anyway (parsed and validated documents,
    # prepared statements) in both apps, and the cached app's answers are then dropped;
    # the two measured runs differ by what the response cache holds.
    runs = (("warm-up", uncached), ("warm-up cached", app), ("uncached", uncached), ("cached", app))
    for name, target in runs:
        if name == "uncached":
            cache._clear()
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=target), base_url="http://127.0.0.1"
        ) as client:
            tracemalloc.start()
            try:
                gc.collect()
                before = tracemalloc.get_traced_memory()[0]
                for first in range(40, 100, 4):  # 15 variants
                    body = await gql(client, BIG_PAGE, {"first": first})
                    assert "errors" not in body
                    sizes.append(len(str(body)))
                gc.collect()
                held[name] = tracemalloc.get_traced_memory()[0] - before
            finally:
                tracemalloc.stop()
    assert sum(sizes) > 9 * bound, "the variants must together exceed the bound"
    assert cache.bytes <= bound
    assert cache.too_large > 0 or len(cache) < len(sizes) // 2
    # What the cache adds to the process is its bound, whatever was asked (twice the
    # bound leaves room for the interpreter's own noise between runs; an unbounded
    # cache would hold every variant, over nine times the bound).
    assert held["cached"] - held["uncached"] < bound * 2, held
