"""Transactions that know when they committed.

`atomic()` is Tortoise's `in_transaction()` plus after-commit callbacks: work that
must only happen once a change is durable and visible (telling this process's caches
that the content changed, say) is registered with `after_commit` and runs when the
outermost atomic block commits, never when it rolls back. Outside any atomic block a
callback runs at once: the write it follows was already committed on its own.
"""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

_pending: ContextVar[list[Callable[[], None]] | None] = ContextVar(
    "after_commit_callbacks", default=None
)


@asynccontextmanager
async def atomic() -> AsyncIterator[BaseDBAsyncClient]:
    """One transaction; nested blocks join the outermost one's callbacks."""
    outer = _pending.get()
    if outer is not None:
        async with in_transaction() as connection:
            yield connection
        return
    callbacks: list[Callable[[], None]] = []
    token = _pending.set(callbacks)
    try:
        async with in_transaction() as connection:
            yield connection
    finally:
        _pending.reset(token)
    for callback in callbacks:
        callback()


def after_commit(callback: Callable[[], None]) -> None:
    """Run `callback` once the current atomic block commits (at once outside one)."""
    pending = _pending.get()
    if pending is None:
        callback()
    else:
        pending.append(callback)
