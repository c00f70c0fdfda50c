"""Full-text search over policies and briefs: one interface, two engines.

SQLite uses an FTS5 table; PostgreSQL a weighted tsvector with a GIN index ranked by
ts_rank_cd; each lives in `network.search.backends`, chosen from the connection's
dialect. Both are kept current by `index_publication`, called in the same transaction
as every new revision. Visibility and filters come from the publications module as a
queryset of allowed ids, so search can never show what a list would hide.

A rank, and so the order, depends only on matches the caller may read: ts_rank_cd
reads one document and the query (no corpus statistics), and the PostgreSQL rank
window is chosen among visible matches; on SQLite, where bm25 would read statistics of
every indexed row, hidden drafts included, each document is scored from its own
fields (`network.search.backends.sqlite._score`).
"""

from dataclasses import dataclass

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from network.access.principal import Principal
from network.pagination import Page, check_page_size, decode_cursor, offset_page
from network.publications.filters import PublicationFilter
from network.publications.models import Publication, PublicationKind, Revision
from network.publications.queries import document_text, revision_text, scoped_q
from network.search.backends import AllowedIds, backend_for
from network.search.query import highlight, parse

CURSOR_KIND = "search"


@dataclass(frozen=True)
class SearchHit:
    publication_id: int
    rank: float
    snippet: str


def _client() -> BaseDBAsyncClient:
    return connections.get("default")


async def index_publication(
    publication: Publication, revision: Revision, client: BaseDBAsyncClient | None = None
) -> None:
    """Replace the indexed text of a publication with that of `revision`."""
    backend = backend_for(client or _client())
    await backend.index(publication.id, revision.title, revision.summary, revision_text(revision))


async def index_heads(publication_ids: list[int]) -> None:
    """Index the head revision of each of these publications that has one, read as
    plain values (a page of federated copies indexes without building a model per
    row): one read of each table, one write per engine."""
    heads = dict(
        await Publication.filter(
            id__in=publication_ids, head_revision_id__not_isnull=True
        ).values_list("head_revision_id", "id")
    )
    if not heads:
        return
    revisions = await Revision.filter(id__in=list(heads)).values_list(
        "id", "title", "summary", "sections", "body"
    )
    await backend_for(_client()).index_many(
        [
            (heads[rid], title, summary, document_text(title, summary, sections, body))
            for rid, title, summary, sections, body in revisions
        ]
    )


async def _allowed_ids(
    principal: Principal, kind: PublicationKind | None, spec: PublicationFilter | None
) -> AllowedIds:
    """The ids `principal` may see among publications of `kind` matching `spec`."""
    return Publication.filter(await scoped_q(principal, kind, spec)).values_list("id")


async def search(
    principal: Principal,
    text: str,
    *,
    kind: PublicationKind | None,
    spec: PublicationFilter | None,
    first: int | None,
    after: str | None,
    max_page_size: int,
    rank_window: int = 2000,
) -> Page[SearchHit]:
    parsed = parse(text)
    size = check_page_size(first, max_page_size)
    offset = decode_cursor(CURSOR_KIND, after)
    start = 0 if offset is None else offset + 1
    allowed = await _allowed_ids(principal, kind, spec)
    matches = await backend_for(_client()).ranked(
        parsed, allowed, size=size, start=start, rank_window=rank_window
    )
    hits = [
        SearchHit(match.publication_id, match.rank, highlight(match.snippet))
        for match in matches[: size + 1]
    ]
    return offset_page(CURSOR_KIND, hits, size, start)


async def count_matches(
    principal: Principal,
    text: str,
    *,
    kind: PublicationKind | None,
    spec: PublicationFilter | None,
) -> int:
    parsed = parse(text)
    allowed = await _allowed_ids(principal, kind, spec)
    return await backend_for(_client()).count(parsed, allowed)
