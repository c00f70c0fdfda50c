"""Helpers every domain's loaders and resolvers share.

Each domain keeps its own DataLoaders (`network.api.<domain>.loaders`); these
helpers let a resolver answer synchronously from a primed loader and let a list
field see which fields its items will need.
"""

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from strawberry.dataloader import DataLoader

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")


def peek(loader: DataLoader[K, Any], key: K) -> tuple[bool, Any]:
    """The value a loader already holds for `key`, without scheduling a load."""
    future = loader.cache_map.get(key)
    if (
        future is not None
        and future.done()
        and not future.cancelled()
        and future.exception() is None
    ):
        return True, future.result()
    return False, None


def now_or_later(loader: DataLoader[K, V], key: K, convert: Callable[[V], R]) -> R | Awaitable[R]:
    """`convert(value)` at once when the loader holds it (primed), else an awaitable.

    A resolver returning a plain value lets graphql-core complete the field
    synchronously, which is several times cheaper than awaiting a coroutine per
    field; priming the loaders for a whole page makes that the common case.
    """
    found, value = peek(loader, key)
    if found:
        return convert(cast(V, value))

    async def later() -> R:
        return convert(await loader.load(key))

    return later()


def selected_names(info: Any) -> set[str]:
    """Every field name selected anywhere below the current field (fragments included)."""
    names: set[str] = set()
    stack = list(info.selected_fields)
    while stack:
        node = stack.pop()
        name = getattr(node, "name", None)
        if name:
            names.add(name)
        stack.extend(getattr(node, "selections", None) or [])
    return names
