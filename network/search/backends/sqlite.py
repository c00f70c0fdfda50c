"""Full-text search on SQLite: the FTS5 table `publication_fts`, keyed by publication id.

Queries use the FTS5 expression of `ParsedQuery` (quoted tokens only). The rank is a
per-document score (`_score`), never bm25, so it depends only on the matches the
caller may read.
"""

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from network.db import subquery_sql
from network.search.backends import AllowedIds, RankedMatch
from network.search.query import MATCH_END, MATCH_START, MAX_SCORED_PHRASES, ParsedQuery

# Column weights of the SQLite rank (the ratio bm25 used here before): a phrase in the
# title counts most, then in the summary; every match scores at least 1 (body only).
_FIELD_WEIGHTS = (("title", 10.0), ("summary", 4.0))


def _score(parsed: ParsedQuery) -> tuple[str, str, list[str]]:
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


class SqliteSearch:
    __slots__ = ("client",)

    def __init__(self, client: BaseDBAsyncClient) -> None:
        self.client = client

    async def index(self, publication_id: int, title: str, summary: str, body: str) -> None:
        await self.client.execute_query(
            "DELETE FROM publication_fts WHERE rowid = ?", [publication_id]
        )
        await self.client.execute_query(
            "INSERT INTO publication_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)",
            [publication_id, title, summary, body],
        )

    async def index_many(self, rows: list[tuple[int, str, str, str]]) -> None:
        await self.client.execute_many(
            "DELETE FROM publication_fts WHERE rowid = ?", [[row[0]] for row in rows]
        )
        await self.client.execute_many(
            "INSERT INTO publication_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)",
            [list(row) for row in rows],
        )

    async def ranked(
        self, parsed: ParsedQuery, allowed: AllowedIds, *, size: int, start: int, rank_window: int
    ) -> list[RankedMatch]:
        """Rank in two statements (`rank_window` is PostgreSQL's; every match is
        scored here).

        FTS5 re-runs the whole MATCH for every value of a `rowid IN (...)` constraint
        (measured: 12 ms alone, 11.9 s with the 25,000 visible ids of the national data
        set), so matches are materialized first and filtered afterwards; snippets, which
        must be computed inside a MATCH query, are then taken for the page's rows only.
        Rank and order depend only on the visible matches themselves (`_score`);
        equal ranks go newest first.
        """
        allowed_sql, allowed_params = subquery_sql(allowed)
        score_ctes, rank, score_params = _score(parsed)
        ranked = await self.client.execute_query_dict(
            "WITH hits AS MATERIALIZED ("
            "  SELECT rowid AS id FROM publication_fts WHERE publication_fts MATCH ?), "
            f"visible AS MATERIALIZED (SELECT id FROM hits WHERE id IN ({allowed_sql}))"
            f"{score_ctes} "
            f"SELECT id, {rank} AS rank FROM visible ORDER BY rank DESC, id DESC LIMIT ? OFFSET ?",
            [parsed.fts5, *allowed_params, *score_params, size + 1, start],
        )
        snippets = await self._snippets(parsed, [int(row["id"]) for row in ranked[:size]])
        return [
            RankedMatch(int(row["id"]), float(row["rank"]), snippets.get(int(row["id"]), ""))
            for row in ranked
        ]

    async def _snippets(self, parsed: ParsedQuery, page_ids: list[int]) -> dict[int, str]:
        if not page_ids:
            return {}
        marks = ", ".join("?" for _ in page_ids)
        rows = await self.client.execute_query_dict(
            f"SELECT rowid AS id, snippet(publication_fts, -1, '{MATCH_START}', '{MATCH_END}', "
            f"' … ', 24) AS snippet FROM publication_fts "
            f"WHERE publication_fts MATCH ? AND rowid IN ({marks})",
            [parsed.fts5, *page_ids],
        )
        return {int(row["id"]): str(row["snippet"] or "") for row in rows}

    async def count(self, parsed: ParsedQuery, allowed: AllowedIds) -> int:
        allowed_sql, allowed_params = subquery_sql(allowed)
        rows: list[dict[str, Any]] = await self.client.execute_query_dict(
            "WITH hits AS MATERIALIZED (SELECT rowid AS id FROM publication_fts "
            f"WHERE publication_fts MATCH ?) SELECT count(*) FROM hits WHERE id IN ({allowed_sql})",
            [parsed.fts5, *allowed_params],
        )
        return int(next(iter(rows[0].values())))
