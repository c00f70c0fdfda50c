"""Recording changes and delivering them to the consumers registered for their kind.

Deliveries, chosen by each consumer when it subscribes:
- `IN_TRANSACTION`: awaited inside the change's transaction; if it fails, the change
  rolls back with it (the search index, the shared cache counter, the federation
  feed: what must never disagree with the data).
- `AFTER_COMMIT`: run in this process once the transaction committed (fast paths such
  as marking this process's caches stale); never for a rolled-back change.
- `QUEUED`: a job is enqueued in the same transaction and a worker calls the consumer
  later, with retries (slow or remote work).
"""

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from network.changes.models import ChangeRecord
from network.db import insert_rows
from network.jobs import service as jobs
from network.transactions import after_commit

log = logging.getLogger("network.changes")

DELIVER_JOB = "changes.deliver"


class Delivery(StrEnum):
    IN_TRANSACTION = "in_transaction"
    AFTER_COMMIT = "after_commit"
    QUEUED = "queued"


@dataclass(frozen=True)
class Change:
    kind: str
    object_id: int
    version: int
    action: str
    record_id: int = 0


Consumer = Callable[[Change], Awaitable[None]]
LocalConsumer = Callable[[Change], None]


@dataclass(frozen=True)
class Batched:
    """An in-transaction consumer that can also take many changes at once (a page of
    federated copies): `many` does in a few statements what `one` does per change."""

    one: Consumer
    many: Callable[[list[Change]], Awaitable[None]]

    async def __call__(self, change: Change) -> None:
        await self.one(change)


@dataclass(frozen=True)
class Subscription:
    name: str
    kinds: frozenset[str]
    delivery: Delivery
    consumer: Any


_subscriptions: dict[str, Subscription] = {}


def subscribe(
    name: str, kinds: set[str] | frozenset[str], consumer: Any, *, delivery: Delivery
) -> None:
    """Register `consumer` for changes of `kinds` under a unique `name` (registering the
    same name again replaces it, so wiring twice is harmless). AFTER_COMMIT consumers
    are plain functions; the others are coroutine functions."""
    _subscriptions[name] = Subscription(name, frozenset(kinds), delivery, consumer)


def unsubscribe(name: str) -> None:
    _subscriptions.pop(name, None)


def subscriptions() -> list[Subscription]:
    return list(_subscriptions.values())


async def record(kind: str, object_id: int, version: int, action: str) -> Change:
    """Append a change and deliver it; call inside the transaction of the change."""
    row = await ChangeRecord.create(kind=kind, object_id=object_id, version=version, action=action)
    change = Change(kind, object_id, version, action, row.id)
    for subscription in list(_subscriptions.values()):
        if kind not in subscription.kinds:
            continue
        if subscription.delivery is Delivery.IN_TRANSACTION:
            await subscription.consumer(change)
        elif subscription.delivery is Delivery.AFTER_COMMIT:
            after_commit(functools.partial(subscription.consumer, change))
        else:
            await jobs.enqueue(DELIVER_JOB, {"change": row.id, "consumer": subscription.name})
    return change


async def record_many(kind: str, items: list[tuple[int, int, str]]) -> list[Change]:
    """Append many changes of one kind, each (object id, version, action), and deliver
    them: batched consumers get the whole list once. Call inside the transaction."""
    if not items:
        return []
    subscribed = [s for s in _subscriptions.values() if kind in s.kinds]
    if any(s.delivery is Delivery.QUEUED for s in subscribed):
        return [await record(kind, *item) for item in items]  # jobs need each row's id
    now = datetime.now(UTC)
    await insert_rows(ChangeRecord, ("kind", "object_id", "version", "action", "occurred_at"),
                      [(kind, *item, now) for item in items])  # fmt: skip
    recorded = [Change(kind, object_id, version, action) for object_id, version, action in items]
    for subscription in subscribed:
        if subscription.delivery is Delivery.IN_TRANSACTION:
            if isinstance(subscription.consumer, Batched):
                await subscription.consumer.many(recorded)
            else:
                for change in recorded:
                    await subscription.consumer(change)
        else:
            for change in recorded:
                after_commit(functools.partial(subscription.consumer, change))
    return recorded


async def deliver_queued(payload: dict[str, Any]) -> None:
    """The job handler of QUEUED deliveries: the recorded change, to one consumer."""
    subscription = _subscriptions.get(str(payload.get("consumer")))
    if subscription is None:
        raise LookupError(f"no change consumer named {payload.get('consumer')!r}")
    row = await ChangeRecord.get_or_none(id=int(payload["change"]))
    if row is None:
        log.warning("change %s is gone; nothing to deliver", payload["change"])
        return
    await subscription.consumer(Change(row.kind, row.object_id, row.version, row.action, row.id))


def register_jobs() -> None:
    """Make the queue able to run QUEUED deliveries (done when wiring)."""
    jobs.register(DELIVER_JOB, deliver_queued)
