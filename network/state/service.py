"""Read and bump the shared counters (see `Counter`)."""

from collections.abc import Callable

from tortoise.expressions import F

from network.state.models import Counter

CONTENT = "content"

_local_listeners: list[Callable[[str], None]] = []


def on_local_bump(listener: Callable[[str], None]) -> None:
    """Register a callable run after this process bumps a counter (cache fast path)."""
    _local_listeners.append(listener)


async def bump(name: str = CONTENT) -> None:
    """Increase a counter; call inside the transaction of the change it reports."""
    updated = await Counter.filter(name=name).update(value=F("value") + 1)
    if not updated:
        await Counter.create(name=name, value=1)
    for listener in _local_listeners:
        listener(name)


async def read(name: str = CONTENT) -> int:
    counter = await Counter.get_or_none(name=name)
    return counter.value if counter else 0
