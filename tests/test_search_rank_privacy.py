"""Search ranks and order depend only on what the caller may read.

An outside probe showed that, on SQLite, adding an office-only draft that contains a
word changed the rank an anonymous caller saw for that word (bm25 takes document
frequencies and average lengths from every indexed row, hidden ones included). These
tests add such a draft through the service layer and require every anonymous rank
and position to stay exactly the same, on both engines.
"""

import httpx
from tortoise import connections

from network.access.principal import ANONYMOUS, member_principal
from network.offices.models import Attribution, Office, OfficeRole
from network.publications import service as publications
from network.publications.models import Publication, PublicationKind, Visibility
from network.search import service as search
from network.search.schema import is_postgres
from network.settings import Settings
from tests.conftest import gql

# Words the demo corpus uses in public items, one phrase, and a broad word.
QUERIES = ("restorative", "diversion", "office", "cash bail", '"mental health"', "victim")
DISTINCTIVE = "zyxquorble"

SEARCH_RANKS = """
query($query: String!) {
  search(query: $query, first: 100) { edges { node { rank publication { ... on Node { id } } } } }
}
"""


async def _service_view(text: str, rank_window: int = 2000) -> list[tuple[int, float]]:
    page = await search.search(
        ANONYMOUS,
        text,
        kind=None,
        spec=None,
        first=100,
        after=None,
        max_page_size=100,
        rank_window=rank_window,
    )
    return [(hit.publication_id, hit.rank) for hit in page.items]


async def _graphql_view(client: httpx.AsyncClient, text: str) -> list[tuple[str, float]]:
    body = await gql(client, SEARCH_RANKS, {"query": text})
    assert "errors" not in body, body
    edges = body["data"]["search"]["edges"]
    return [(e["node"]["publication"]["id"], e["node"]["rank"]) for e in edges]


async def _snapshot(client: httpx.AsyncClient) -> dict[str, object]:
    views: dict[str, object] = {}
    for text in QUERIES:
        views[f"service:{text}"] = await _service_view(text)
        # A small window: which matches get ranked must not depend on hidden rows.
        views[f"window:{text}"] = await _service_view(text, rank_window=3)
        views[f"graphql:{text}"] = await _graphql_view(client, text)
    return views


async def _hidden_draft(settings: Settings) -> Publication:
    """An office-only draft full of the searched words, long enough to move any
    corpus-wide statistic (document frequencies, average lengths, row count)."""
    office = await Office.get(slug="harlow-county-da")
    publisher = member_principal(office_id=office.id, member_id=None, role=OfficeRole.PUBLISHER)
    words = " ".join(QUERIES).replace('"', "")
    draft = publications.RevisionDraft(
        title=f"{words} {DISTINCTIVE}",
        summary=f"{words} {words} {DISTINCTIVE}",
        body=" ".join([f"{words} {DISTINCTIVE} unrelated filler text"] * 300),
    )
    return await publications.create_publication(
        publisher,
        office,
        publications.NewPublication(
            kind=PublicationKind.POLICY,
            draft=draft,
            topics=("charging-standards",),
            visibility=Visibility.OFFICE,
            attribution=Attribution.NAMED,
        ),
        instance_id=settings.instance_id,
        generalized_k=3,
    )


async def _remove(publication_id: int) -> None:
    client = connections.get("default")
    if not is_postgres(str(client.capabilities.dialect)):
        await client.execute_query("DELETE FROM publication_fts WHERE rowid = ?", [publication_id])
    await Publication.filter(id=publication_id).delete()


async def test_hidden_draft_changes_no_anonymous_rank_or_order(
    settings: Settings, app_client: httpx.AsyncClient
) -> None:
    # given what an anonymous caller sees for words the draft will contain
    before = await _snapshot(app_client)
    assert all(before[f"service:{text}"] for text in QUERIES), before
    # when an office publisher drafts an office-only item full of those words
    draft = await _hidden_draft(settings)
    try:
        assert draft.id not in {pid for pid, _ in await _service_view(DISTINCTIVE)}
        after = await _snapshot(app_client)
    finally:
        await _remove(draft.id)
    # then every rank and every position is exactly what it was
    for key, seen in before.items():
        assert after[key] == seen, key


async def test_ranks_still_prefer_title_and_summary_matches(settings: Settings) -> None:
    """Privacy must not flatten relevance: a title hit outranks a body-only hit."""
    hits = await _service_view("restorative")
    titles = dict(
        await Publication.filter(id__in=[pid for pid, _ in hits]).values_list("id", "title")
    )
    in_title = [rank for pid, rank in hits if "restor" in titles[pid].lower()]
    elsewhere = [rank for pid, rank in hits if "restor" not in titles[pid].lower()]
    assert in_title and elsewhere
    assert min(in_title) > max(elsewhere)
    assert [rank for _, rank in hits] == sorted((rank for _, rank in hits), reverse=True)
