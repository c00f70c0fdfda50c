"""Read and bump the shared counters (see `Counter`)."""

from collections.abc import Callable

from tortoise.expressions import F

from network.state.models import Counter
from network.transactions import after_commit

CONTENT = "content"

_local_listeners: list[Callable[[str], None]] = []


def on_local_bump(listener: Callable[[str], None]) -> None:
    """Register a callable run after this process bumps a counter (cache fast path)."""
    _local_listeners.append(listener)


async def bump(name: str = CONTENT) -> None:
    """Increase a counter; call inside the transaction of the change it reports.

    This process's listeners hear of it once that transaction commits: told earlier,
    a cache could re-read the old generation and keep stale answers under the new one.
    """
    updated = await Counter.filter(name=name).update(value=F("value") + 1)
    if not updated:
        await Counter.create(name=name, value=1)
    after_commit(lambda: _notify(name))


def _notify(name: str) -> None:
    for listener in _local_listeners:
        listener(name)


async def read(name: str = CONTENT) -> int:
    counter = await Counter.get_or_none(name=name)
    return counter.value if counter else 0
