"""The floor: the same reads as the browse and search operations, in hand-written SQL
through the bare driver (asyncpg pool / one aiosqlite connection, like the app), with
no HTTP and no GraphQL. What the app adds on top of this is its overhead."""

import asyncio
from typing import Any

import aiosqlite
import asyncpg

from bench.common import SEARCH_TERMS, drive
from network.search.query import parse

PUBLIC = "kind = 'POLICY' AND status = 'PUBLISHED' AND visibility = 'PUBLIC'"
PAGE_COLUMNS = (
    "id, title, summary, status, visibility, attribution, attribution_label, effective_date, "
    "published_at, office_id, head_revision_id"
)


class Pg:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        async with self.pool.acquire() as conn:
            return await conn.fetch(sql, *args)


class Lite:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        sql = _qmarks(sql)
        flat: list[Any] = []
        for arg in args:
            flat.extend(arg if isinstance(arg, list) else [arg])
        async with self.conn.execute(
            sql.replace("<LIST>", ",".join("?" * _list_len(args))), flat
        ) as cursor:
            return list(await cursor.fetchall())


def _list_len(args: tuple[Any, ...]) -> int:
    return next((len(a) for a in args if isinstance(a, list)), 0)


def _qmarks(sql: str) -> str:
    for n in range(9, 0, -1):
        sql = sql.replace(f"= ANY(${n})", "IN (<LIST>)").replace(f"${n}", f"?{n}")
    return sql


async def _connect(url: str) -> Pg | Lite:
    if url.startswith("sqlite://"):
        conn = await aiosqlite.connect(url[len("sqlite://") :])
        return Lite(conn)
    pool = await asyncpg.create_pool(
        url.replace("postgres://", "postgresql://"), min_size=10, max_size=10
    )
    return Pg(pool)


async def _close(db: Pg | Lite) -> None:
    if isinstance(db, Pg):
        await db.pool.close()
    else:
        await db.conn.close()


async def _page_related(db: Pg | Lite, rows: list[Any]) -> None:
    ids = [r[0] for r in rows]
    await db.fetch(
        "SELECT id, name, state, region, size_band FROM office WHERE id = ANY($1)",
        list({r[9] for r in rows}),
    )
    await db.fetch(
        "SELECT publication_id, topic_id FROM publication_topic WHERE publication_id = ANY($1)", ids
    )
    await db.fetch("SELECT id, slug, name FROM topic WHERE id = ANY($1)", list(range(1, 51)))
    await db.fetch(
        "SELECT id, number, effective_date, change_summary FROM revision WHERE id = ANY($1)",
        [r[10] for r in rows if r[10] is not None],
    )


async def browse(url: str, seconds: int, concurrency: int) -> dict[str, Any]:
    db = await _connect(url)
    try:
        cursors: list[int | None] = [None]
        for _ in range(49):
            rows = await db.fetch(
                f"SELECT id FROM publication WHERE {PUBLIC} AND ($1 = 0 OR id < $1) ORDER BY id DESC LIMIT 20",
                cursors[-1] or 0,
            )
            if len(rows) < 20:
                break
            cursors.append(rows[-1][0])

        async def one(i: int) -> None:
            after = cursors[i % len(cursors)] or 0
            rows = await db.fetch(
                f"SELECT {PAGE_COLUMNS} FROM publication WHERE {PUBLIC} AND ($1 = 0 OR id < $1) "
                "ORDER BY id DESC LIMIT 21",
                after,
            )
            await db.fetch(f"SELECT count(*) FROM publication WHERE {PUBLIC}")
            await _page_related(db, rows[:20])

        result = await drive(one, seconds, concurrency)
        return {**result, "statements": 6}
    finally:
        await _close(db)


VISIBLE = "SELECT id FROM publication WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC'"

# The statements the app's search service issues (network/search/service.py), written
# out with the anonymous visibility filter inlined.
PG_SEARCH = f"""
    WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', $1) AS query),
    candidates AS (
        SELECT s.publication_id,
               row_number() OVER (ORDER BY (s.head @@ q.query) DESC, s.publication_id DESC) AS position
        FROM publication_search s, q
        WHERE s.document @@ q.query AND s.publication_id IN ({VISIBLE})
        ORDER BY position LIMIT 2000
    ),
    ordered AS (
        SELECT c.publication_id, c.position, c.position > 2000 AS beyond,
               CASE WHEN c.position <= 2000 THEN ts_rank_cd(s.document, q.query) END AS window_rank
        FROM candidates c JOIN publication_search s USING (publication_id), q
        ORDER BY beyond, window_rank DESC NULLS LAST, c.position LIMIT 21
    )
    SELECT o.publication_id, coalesce(o.window_rank, ts_rank_cd(s.document, q.query)) AS rank,
           ts_headline('english', s.body, q.query, 'MaxWords=35, MinWords=15, MaxFragments=2')
    FROM ordered o JOIN publication_search s USING (publication_id), q
    ORDER BY o.beyond, o.window_rank DESC NULLS LAST, o.position
"""


def sqlite_rank(phrases: tuple[str, ...]) -> tuple[str, list[str]]:
    """The app's SQLite ranking (network/search/service.py): visible matches scored from
    their own fields, 1 + 10 per phrase in the title + 4 per phrase in the summary."""
    ctes, terms, params = [], ["1.0"], []
    for phrase in phrases[:4]:
        for column, weight in (("title", 10.0), ("summary", 4.0)):
            n = len(params) + 2
            ctes.append(
                f", f{n} AS MATERIALIZED (SELECT rowid AS id FROM publication_fts "
                f"WHERE publication_fts MATCH ${n})"
            )
            terms.append(f"{weight} * (id IN (SELECT id FROM f{n}))")
            params.append(f"{{{column}}} : {phrase}")
    sql = (
        "WITH hits AS MATERIALIZED (SELECT rowid AS id FROM publication_fts "
        "WHERE publication_fts MATCH $1), "
        f"visible AS MATERIALIZED (SELECT id FROM hits WHERE id IN ({VISIBLE}))"
        + "".join(ctes)
        + f" SELECT id, {' + '.join(terms)} AS rank FROM visible "
        "ORDER BY rank DESC, id DESC LIMIT 21"
    )
    return sql, params


SQLITE_SNIPPETS = (
    "SELECT rowid, snippet(publication_fts, -1, '[', ']', ' … ', 24) FROM publication_fts "
    "WHERE publication_fts MATCH $1 AND rowid IN (<LIST>)"
)


async def search(url: str, seconds: int, concurrency: int) -> dict[str, Any]:
    db = await _connect(url)
    pg = isinstance(db, Pg)
    try:

        async def one(i: int) -> None:
            term = SEARCH_TERMS[i % len(SEARCH_TERMS)]
            if pg:
                hits = await db.fetch(PG_SEARCH, term)
            else:
                parsed = parse(term)
                expression = parsed.fts5
                rank_sql, rank_params = sqlite_rank(parsed.phrases)
                hits = await db.fetch(rank_sql, expression, *rank_params)
                if hits:
                    await db.fetch(SQLITE_SNIPPETS, expression, [h[0] for h in hits[:20]])
            ids = [h[0] for h in hits[:20]]
            if ids:
                await db.fetch(f"SELECT {PAGE_COLUMNS} FROM publication WHERE id = ANY($1)", ids)
                await db.fetch(
                    "SELECT publication_id, topic_id FROM publication_topic WHERE publication_id = ANY($1)",
                    ids,
                )

        result = await drive(one, seconds, concurrency)
        return {**result, "statements": 3 if pg else 4}
    finally:
        await _close(db)


if __name__ == "__main__":
    print(asyncio.run(browse("postgres://postgres@127.0.0.1:5432/bench_full", 3, 32)))
