"""The search backend is chosen from the connection's dialect and runs on the
connection it is given, so an index write joins (and rolls back with) the caller's
transaction. Ranking and visibility are covered through the service in test_search*."""

from types import SimpleNamespace
from typing import Any

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from network.publications.models import Publication, PublicationStatus, Visibility
from network.search.backends import backend_for
from network.search.backends.postgres import PostgresSearch
from network.search.backends.sqlite import SqliteSearch
from network.search.query import MATCH_START, parse
from tests.conftest import ENGINE

WORD = "quillivant"


class _Rollback(Exception):
    pass


def test_the_backend_follows_the_dialect(settings) -> None:
    backend = backend_for(connections.get("default"))
    assert type(backend) is (PostgresSearch if ENGINE == "postgres" else SqliteSearch)
    unknown: Any = SimpleNamespace(capabilities=SimpleNamespace(dialect="mssql"))
    with pytest.raises(LookupError):
        backend_for(unknown)


async def test_an_index_write_joins_the_callers_transaction(settings) -> None:
    # given a public item and the query for a word no document contains
    item = await Publication.filter(
        status=PublicationStatus.PUBLISHED, visibility=Visibility.PUBLIC
    ).first()
    assert item is not None
    allowed = Publication.filter(id=item.id).values_list("id")
    parsed = parse(WORD)
    assert await backend_for(connections.get("default")).count(parsed, allowed) == 0
    # when its text is replaced inside a transaction that then rolls back
    with pytest.raises(_Rollback):
        async with in_transaction() as connection:
            backend = backend_for(connection)
            await backend.index(item.id, f"{WORD} pilot", "summary", f"The {WORD} body text.")
            inside = await backend.ranked(parsed, allowed, size=5, start=0, rank_window=2000)
            raise _Rollback
    # then the transaction saw the new text, and nothing of it outlived the rollback
    assert [m.publication_id for m in inside] == [item.id]
    assert MATCH_START in inside[0].snippet and inside[0].rank > 0
    assert await backend_for(connections.get("default")).count(parsed, allowed) == 0
    title = parse(f'"{item.title}"')
    assert await backend_for(connections.get("default")).count(title, allowed) == 1
