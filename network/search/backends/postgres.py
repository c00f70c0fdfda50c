"""Full-text search on PostgreSQL: `publication_search`, a weighted tsvector with a GIN
index, ranked by ts_rank_cd (which reads one document and the query, no corpus
statistics) and highlighted by ts_headline.

The user's text goes in unchanged as $1 through `websearch_to_tsquery`, which never
fails on user input; the visible ids follow from $2.
"""

from tortoise.backends.base.client import BaseDBAsyncClient

from network.db import subquery_sql
from network.search.backends import AllowedIds, RankedMatch
from network.search.query import MATCH_END, MATCH_START, ParsedQuery

_HEADLINE = (
    f"StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


class PostgresSearch:
    __slots__ = ("client",)

    def __init__(self, client: BaseDBAsyncClient) -> None:
        self.client = client

    async def index(self, publication_id: int, title: str, summary: str, body: str) -> None:
        await self.client.execute_query(
            "INSERT INTO publication_search (publication_id, title, summary, body) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT (publication_id) DO UPDATE SET "
            "title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body",
            [publication_id, title, summary, body],
        )

    async def index_many(self, rows: list[tuple[int, str, str, str]]) -> None:
        await self.client.execute_many(
            "INSERT INTO publication_search (publication_id, title, summary, body) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT (publication_id) DO UPDATE SET "
            "title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body",
            [list(row) for row in rows],
        )

    async def ranked(
        self, parsed: ParsedQuery, allowed: AllowedIds, *, size: int, start: int, rank_window: int
    ) -> list[RankedMatch]:
        allowed_sql, allowed_params = subquery_sql(allowed, first_placeholder=2)
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
        rows = await self.client.execute_query_dict(sql, params)
        return [
            RankedMatch(int(row["publication_id"]), float(row["rank"]), str(row["snippet"] or ""))
            for row in rows
        ]

    async def count(self, parsed: ParsedQuery, allowed: AllowedIds) -> int:
        allowed_sql, allowed_params = subquery_sql(allowed, first_placeholder=2)
        rows = await self.client.execute_query_dict(
            "WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', $1) AS query) "
            "SELECT count(*) FROM publication_search s, q WHERE s.document @@ q.query "
            f"AND s.publication_id IN ({allowed_sql})",
            [parsed.text, *allowed_params],
        )
        return int(next(iter(rows[0].values())))
