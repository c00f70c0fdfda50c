"""The full-text engines behind one small interface, one implementation per dialect.

A backend owns its engine's index table (created by `network.search.schema`) and all
of its SQL. It knows nothing of principals: the service hands it the visible ids as a
queryset, and the backend splices that queryset where its own SQL needs it (through
`network.db.subquery_sql`, since only the backend knows its placeholder positions).
The choice of implementation is made once per dialect and kept for the process.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol, TypeAlias

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import ValuesListQuery

from network.search.query import ParsedQuery

# `Publication.filter(<visible and filtered>).values_list("id")`: the only rows a
# backend may count, rank or show.
AllowedIds: TypeAlias = ValuesListQuery[Any]


@dataclass(frozen=True, slots=True)
class RankedMatch:
    """One match as the engine returns it; `snippet` is raw text with the
    MATCH_START/MATCH_END markers, escaped by the service."""

    publication_id: int
    rank: float
    snippet: str


class SearchBackend(Protocol):
    """Index, rank and count over one engine; bound to the connection it runs on, so
    writes join the caller's transaction."""

    async def index(self, publication_id: int, title: str, summary: str, body: str) -> None:
        """Replace the indexed text of one publication."""
        ...

    async def index_many(self, rows: list[tuple[int, str, str, str]]) -> None:
        """Replace the indexed text of many: (publication id, title, summary, body)."""
        ...

    async def ranked(
        self, parsed: ParsedQuery, allowed: AllowedIds, *, size: int, start: int, rank_window: int
    ) -> list[RankedMatch]:
        """Up to `size + 1` visible matches from position `start`, best first (the
        extra one tells the page that more follow). The order must not depend on the
        page asked for, nor on rows outside `allowed`."""
        ...

    async def count(self, parsed: ParsedQuery, allowed: AllowedIds) -> int:
        """How many visible publications match."""
        ...


def backend_for(client: BaseDBAsyncClient) -> SearchBackend:
    """The search backend of `client`'s engine, running its statements on `client`."""
    return _factory(str(client.capabilities.dialect))(client)


@cache
def _factory(dialect: str) -> Callable[[BaseDBAsyncClient], SearchBackend]:
    # Imported here: the implementations import this module's types.
    from network.search.backends.postgres import PostgresSearch
    from network.search.backends.sqlite import SqliteSearch

    factories: dict[str, Callable[[BaseDBAsyncClient], SearchBackend]] = {
        "sqlite": SqliteSearch,
        "postgres": PostgresSearch,
    }
    try:
        return factories[dialect]
    except KeyError:
        raise LookupError(f"No full-text search backend for the {dialect!r} dialect.") from None
