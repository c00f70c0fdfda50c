"""Relay connections with cursor pagination and an on-demand total count."""

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry
from strawberry import relay

from network.pagination import Page

NodeT = TypeVar("NodeT")
ItemT = TypeVar("ItemT")


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: relay.PageInfo
    count_fn: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="Items matching the filter, over all pages (one query).")
    async def total_count(self) -> int:
        return await self.count_fn()


def build_connection(
    page: Page[ItemT],
    convert: Callable[[ItemT], NodeT],
    count_fn: Callable[[], Awaitable[int]],
) -> Connection[NodeT]:
    edges = [
        Edge(cursor=c, node=convert(item)) for item, c in zip(page.items, page.cursors, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
        ),
        count_fn=count_fn,
    )
