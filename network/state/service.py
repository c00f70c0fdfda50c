"""Read and bump the shared counters (see `Counter`)."""

from tortoise.expressions import F

from network.state.models import Counter

CONTENT = "content"

_local_listeners: list = []


def on_local_bump(listener) -> None:  # type: ignore[no-untyped-def]
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
    values = await Counter.filter(name=name).values_list("value", flat=True)
    return int(values[0]) if values else 0
