"""Full-text search over policies and briefs: one interface, two engines.

SQLite uses an FTS5 table; PostgreSQL a weighted tsvector with a GIN index ranked by
ts_rank_cd. Both are kept current by `index_publication`, called in the same
transaction as every new revision. Visibility and filters come from the publications
module as a subquery of allowed ids, so search can never show what a list would hide.

A rank, and so the order, depends only on matches the caller may read: ts_rank_cd
reads one document and the query (no corpus statistics), and the PostgreSQL rank
window is chosen among visible matches; on SQLite, where bm25 would read statistics of
every indexed row, hidden drafts included, each document is scored from its own
fields (`_sqlite_score`).
"""

from dataclasses import dataclass
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

from network.access.principal import Principal
from network.db import subquery_sql
from network.pagination import Page, check_page_size, decode_cursor, offset_page
from network.publications.filters import PublicationFilter
from network.publications.models import Publication, PublicationKind, Revision
from network.publications.queries import revision_text, scoped_q
from network.search.query import (
    MATCH_END,
    MATCH_START,
    MAX_SCORED_PHRASES,
    ParsedQuery,
    highlight,
    parse,
)
from network.search.schema import is_postgres

CURSOR_KIND = "search"
_HEADLINE = (
    f"StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


@dataclass(frozen=True)
class SearchHit:
    publication_id: int
    rank: float
    snippet: str


def _client() -> BaseDBAsyncClient:
    return connections.get("default")


def _dialect(client: BaseDBAsyncClient) -> str:
    return str(client.capabilities.dialect)


async def index_publication(
    publication: Publication, revision: Revision, client: BaseDBAsyncClient | None = None
) -> None:
    """Replace the indexed text of a publication with that of `revision`."""
    client = client or _client()
    body = revision_text(revision)
    if is_postgres(_dialect(client)):
        await client.execute_query(
            "INSERT INTO publication_search (publication_id, title, summary, body) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT (publication_id) DO UPDATE SET "
            "title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body",
            [publication.id, revision.title, revision.summary, body],
        )
    else:
        await client.execute_query("DELETE FROM publication_fts WHERE rowid = ?", [publication.id])
        await client.execute_query(
            "INSERT INTO publication_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)",
            [publication.id, revision.title, revision.summary, body],
        )


async def _allowed_ids_sql(
    principal: Principal, kind: PublicationKind | None, spec: PublicationFilter | None
) -> tuple[str, list[Any]]:
    """The visible, filtered ids as SQL placed after the query text ($1 on PostgreSQL)."""
    queryset = Publication.filter(await scoped_q(principal, kind, spec)).values_list("id")
    return subquery_sql(queryset, first_placeholder=2)


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
    allowed_sql, allowed_params = await _allowed_ids_sql(principal, kind, spec)
    client = _client()
    if is_postgres(_dialect(client)):
        # Ranking reads each match's whole tsvector (TOASTed, so decompressed): for a
        # broad term that is most of the table. So only the first `rank_window`
        # matches, taken title/summary matches first and then newest, are ordered by
        # rank; any further matches follow in that same order. The order does not
        # depend on the page asked for, so cursors stay consistent.
        # The query is a MATERIALIZED CTE so the planner cannot see its selectivity
        # and always uses the GIN index (a sequential scan would detoast every row).
        n = len(allowed_params)
        sql = f"""
            WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', $1) AS query),
            candidates AS (
                SELECT s.publication_id,
                       row_number() OVER (
                           ORDER BY (s.head @@ q.query) DESC, s.publication_id DESC
                       ) AS position
                FROM publication_search s, q
                WHERE s.document @@ q.query
                  AND s.publication_id IN ({allowed_sql})
                ORDER BY position
                LIMIT ${n + 3}
            ),
            ordered AS (
                SELECT c.publication_id, c.position, c.position > ${n + 2} AS beyond,
                       CASE WHEN c.position <= ${n + 2}
                            THEN ts_rank_cd(s.document, q.query) END AS window_rank
                FROM candidates c JOIN publication_search s USING (publication_id), q
                ORDER BY beyond, window_rank DESC NULLS LAST, c.position
                LIMIT ${n + 4} OFFSET ${n + 5}
            )
            SELECT o.publication_id,
                   coalesce(o.window_rank, ts_rank_cd(s.document, q.query)) AS rank,
                   ts_headline('english', s.body, q.query, '{_HEADLINE}') AS snippet
            FROM ordered o JOIN publication_search s USING (publication_id), q
            ORDER BY o.beyond, o.window_rank DESC NULLS LAST, o.position
        """
        cap = max(rank_window, start + size + 1)
        params = [parsed.text, *allowed_params, rank_window, cap, size + 1, start]
        rows = await client.execute_query_dict(sql, params)
    else:
        rows = await _sqlite_ranked(client, parsed, allowed_sql, allowed_params, size, start)
    return offset_page(CURSOR_KIND, [_hit(row) for row in rows[: size + 1]], size, start)


# Column weights of the SQLite rank (the ratio bm25 used here before): a phrase in the
# title counts most, then in the summary; every match scores at least 1 (body only).
_FIELD_WEIGHTS = (("title", 10.0), ("summary", 4.0))


def _sqlite_score(parsed: ParsedQuery) -> tuple[str, str, list[str]]:
    """Relevance from the document alone: 1 plus a weight for each (phrase, field) the
    document contains, per field of `_FIELD_WEIGHTS`.

    FTS5's bm25 is not usable: its document frequencies, row count and average
    length cover every indexed row, drafts and office-only items included, so adding
    a hidden item moved the ranks anonymous callers saw. A column-filtered MATCH per
    (phrase, field) reads only the index and costs less than bm25 did (measured in
    process at 50,000 publications over the 40 benchmark terms, first page: mean
    12 -> 10 ms, slowest 33 -> 18 ms). Returns (CTEs, rank expression over `id`,
    parameters of the CTEs).
    """
    ctes: list[str] = []
    terms = ["1.0"]
    params: list[str] = []
    for phrase in parsed.phrases[:MAX_SCORED_PHRASES]:
        for column, weight in _FIELD_WEIGHTS:
            name = f"f{len(ctes)}"
            ctes.append(
                f"{name} AS MATERIALIZED (SELECT rowid AS id FROM publication_fts "
                "WHERE publication_fts MATCH ?)"
            )
            terms.append(f"{weight} * (id IN (SELECT id FROM {name}))")
            params.append(f"{{{column}}} : {phrase}")
    return "".join(f", {cte}" for cte in ctes), " + ".join(terms), params


async def _sqlite_ranked(
    client: BaseDBAsyncClient,
    parsed: ParsedQuery,
    allowed_sql: str,
    allowed_params: list[Any],
    size: int,
    start: int,
) -> list[dict[str, Any]]:
    """Rank on SQLite in two statements.

    FTS5 re-runs the whole MATCH for every value of a `rowid IN (...)` constraint
    (measured: 12 ms alone, 11.9 s with the 25,000 visible ids of the national data
    set), so matches are materialized first and filtered afterwards; snippets, which
    must be computed inside a MATCH query, are then taken for the page's rows only.
    Rank and order depend only on the visible matches themselves (`_sqlite_score`);
    equal ranks go newest first.
    """
    score_ctes, rank, score_params = _sqlite_score(parsed)
    ranked = await client.execute_query_dict(
        "WITH hits AS MATERIALIZED ("
        "  SELECT rowid AS id FROM publication_fts WHERE publication_fts MATCH ?), "
        f"visible AS MATERIALIZED (SELECT id FROM hits WHERE id IN ({allowed_sql}))"
        f"{score_ctes} "
        f"SELECT id, {rank} AS rank FROM visible ORDER BY rank DESC, id DESC LIMIT ? OFFSET ?",
        [parsed.fts5, *allowed_params, *score_params, size + 1, start],
    )
    page_ids = [int(row["id"]) for row in ranked[:size]]
    snippets: dict[int, str] = {}
    if page_ids:
        marks = ", ".join("?" for _ in page_ids)
        rows = await client.execute_query_dict(
            f"SELECT rowid AS id, snippet(publication_fts, -1, '{MATCH_START}', '{MATCH_END}', "
            f"' … ', 24) AS snippet FROM publication_fts "
            f"WHERE publication_fts MATCH ? AND rowid IN ({marks})",
            [parsed.fts5, *page_ids],
        )
        snippets = {int(row["id"]): row["snippet"] for row in rows}
    return [
        {"id": row["id"], "rank": row["rank"], "snippet": snippets.get(int(row["id"]), "")}
        for row in ranked
    ]


def _hit(row: dict[str, Any]) -> SearchHit:
    values = list(row.values())
    publication_id, rank, snippet = int(values[0]), float(values[1]), str(values[2] or "")
    return SearchHit(publication_id, rank, highlight(snippet))


async def count_matches(
    principal: Principal,
    text: str,
    *,
    kind: PublicationKind | None,
    spec: PublicationFilter | None,
) -> int:
    parsed = parse(text)
    allowed_sql, allowed_params = await _allowed_ids_sql(principal, kind, spec)
    client = _client()
    if is_postgres(_dialect(client)):
        sql = (
            "WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', $1) AS query) "
            "SELECT count(*) FROM publication_search s, q WHERE s.document @@ q.query "
            f"AND s.publication_id IN ({allowed_sql})"
        )
        params = [parsed.text, *allowed_params]
    else:
        sql = (
            "WITH hits AS MATERIALIZED (SELECT rowid AS id FROM publication_fts "
            f"WHERE publication_fts MATCH ?) SELECT count(*) FROM hits WHERE id IN ({allowed_sql})"
        )
        params = [parsed.fts5, *allowed_params]
    rows = await client.execute_query_dict(sql, params)
    return int(next(iter(rows[0].values())))
