"""Full-text search: relevance, snippets, visibility, filters, and hostile input."""

import httpx
import pytest

from network.access.principal import ANONYMOUS
from network.app import OPERATIONS_DIR
from network.publications.models import Publication, PublicationStatus, Visibility
from network.search import service as search
from network.search.query import parse
from tests.conftest import gql

SEARCH = (OPERATIONS_DIR / "SearchPublications.graphql").read_text()


async def _hits(client: httpx.AsyncClient, text: str, **variables: object) -> list[dict]:
    body = await gql(client, SEARCH, {"query": text, "first": 50, **variables})
    assert "errors" not in body, body
    return [e["node"] for e in body["data"]["search"]["edges"]]


async def test_search_ranks_title_matches_first(app_client: httpx.AsyncClient) -> None:
    hits = await _hits(app_client, "restorative")
    assert hits
    ranks = [h["rank"] for h in hits]
    assert ranks == sorted(ranks, reverse=True)
    assert (
        "restorative" in hits[0]["publication"]["title"].lower() or "<mark>" in hits[0]["snippet"]
    )


async def test_snippets_mark_matches_and_escape_html(app_client: httpx.AsyncClient) -> None:
    hits = await _hits(app_client, "competency restoration")
    assert hits
    for hit in hits:
        assert "<mark>" in hit["snippet"]
        stripped = hit["snippet"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in stripped


async def test_search_only_returns_visible_items(settings, app_client: httpx.AsyncClient) -> None:
    hidden = await Publication.filter(visibility=Visibility.OFFICE).first()
    assert hidden is not None
    hits = await _hits(app_client, f'"{hidden.title}"')
    visible_ids = set(
        await Publication.filter(
            status=PublicationStatus.PUBLISHED, visibility=Visibility.PUBLIC
        ).values_list("id", flat=True)
    )
    page = await search.search(
        ANONYMOUS,
        f'"{hidden.title}"',
        kind=None,
        spec=None,
        first=100,
        after=None,
        max_page_size=100,
    )
    assert hidden.id not in {h.publication_id for h in page.items}
    assert {h.publication_id for h in page.items} <= visible_ids
    assert len(hits) == len(page.items)


async def test_search_kind_and_topic_filters(app_client: httpx.AsyncClient) -> None:
    briefs = await _hits(app_client, "office", kind="BRIEF")
    assert briefs and {h["publication"]["__typename"] for h in briefs} == {"Brief"}
    filtered = await _hits(app_client, "office", filter={"topics": ["bail-pretrial"]})
    family = {"bail-pretrial", "cash-bail", "detention-motions", "pretrial-services"}
    assert filtered and all(
        family & {t["slug"] for t in h["publication"]["topics"]} for h in filtered
    )


async def test_search_pages_and_counts(app_client: httpx.AsyncClient) -> None:
    body = await gql(app_client, SEARCH, {"query": "office", "first": 5})
    first = body["data"]["search"]
    assert first["totalCount"] > 5 and first["pageInfo"]["hasNextPage"]
    second = (
        await gql(
            app_client,
            SEARCH,
            {"query": "office", "first": 5, "after": first["pageInfo"]["endCursor"]},
        )
    )["data"]["search"]
    ids = [e["node"]["publication"]["id"] for e in first["edges"] + second["edges"]]
    assert len(ids) == len(set(ids)) == 10


async def test_exclusion_removes_matches(app_client: httpx.AsyncClient) -> None:
    everything = await _hits(app_client, "diversion")
    without = await _hits(app_client, "diversion -restorative")
    assert len(without) < len(everything)


@pytest.mark.parametrize(
    "hostile",
    [
        "NEAR(a b)",
        "title:bail",
        '"unterminated',
        "a OR",
        "*",
        "AND AND",
        "bail)",
        "'; DROP TABLE publication; --",
        "(((",
        "^bail",
    ],
)
async def test_hostile_queries_never_fail(app_client: httpx.AsyncClient, hostile: str) -> None:
    body = await gql(app_client, SEARCH, {"query": hostile})
    if "errors" in body:
        assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    else:
        assert isinstance(body["data"]["search"]["edges"], list)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "at least one word"),
        ("   ", "at least one word"),
        ("-bail", "not excluded"),
        ("x" * 301, "300 characters"),
    ],
)
async def test_empty_or_oversize_queries_are_clear_errors(
    app_client: httpx.AsyncClient, text: str, message: str
) -> None:
    body = await gql(app_client, SEARCH, {"query": text})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"
    assert message in body["errors"][0]["message"]


def test_fts5_expression_is_built_from_quoted_tokens_only() -> None:
    parsed = parse('bail NEAR(x) "cash bond" -juvenile title:foo')
    assert parsed.fts5 == '"bail" AND "NEAR x" AND "cash bond" AND "title foo" NOT "juvenile"'


async def test_small_rank_window_still_pages_through_every_match(settings) -> None:
    total = await search.count_matches(ANONYMOUS, "office", kind=None, spec=None)
    seen: list[int] = []
    after = None
    while True:
        page = await search.search(
            ANONYMOUS,
            "office",
            kind=None,
            spec=None,
            first=7,
            after=after,
            max_page_size=100,
            rank_window=3,
        )
        seen += [hit.publication_id for hit in page.items]
        if not page.has_next_page:
            break
        after = page.cursors[-1]
    assert total > 14
    assert len(seen) == len(set(seen)) == total
