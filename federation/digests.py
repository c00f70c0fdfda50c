"""Anti-entropy: what an instance holds of an origin's items, as digests to compare.

The cursor makes a pull resume where the last one committed, but an entry can still be
lost: a peer restored from a backup reissues sequence numbers, an entry was discarded
from quarantine by mistake, a bug. So from time to time a puller compares, per bucket
of items (`BUCKETS`, by a hash of the item id), the digest of "id:version" of the
newest version of every item: the origin computes it from its feed, the puller from
what it applied (`Received`). For a bucket that differs, the origin lists its items
with the sequence number of their newest entry, and the puller fetches again the
entries of items it lacks or holds an older version of, and applies them like any
other (verified, idempotent, quarantined when refused).
"""

import hashlib
from collections.abc import Iterable

from federation.models import FeedEntry, Received

BUCKETS = 64


def bucket_of(item_id: str) -> int:
    return hashlib.sha256(item_id.encode()).digest()[0] % BUCKETS


def digest(items: Iterable[tuple[str, int]]) -> str:
    lines = sorted(f"{item}:{version}" for item, version in items)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def bucketed(items: dict[str, int]) -> list[str]:
    """The digest of each bucket of `items` (item id -> newest version)."""
    buckets: list[list[tuple[str, int]]] = [[] for _ in range(BUCKETS)]
    for item, version in items.items():
        buckets[bucket_of(item)].append((item, version))
    return [digest(bucket) for bucket in buckets]


async def feed_items(origin: str) -> dict[str, tuple[int, int]]:
    """Item id -> (newest version, its sequence number) in this instance's feed."""
    newest: dict[str, tuple[int, int]] = {}
    rows = await FeedEntry.filter(origin=origin).values_list("item_id", "version", "seq")
    for item, version, seq in rows:
        held = newest.get(item)
        if held is None or version > held[0]:
            newest[item] = (version, seq)
    return newest


async def feed_digests(origin: str) -> tuple[list[str], int]:
    items = await feed_items(origin)
    return bucketed({item: version for item, (version, _) in items.items()}), len(items)


async def feed_bucket(origin: str, bucket: int) -> list[tuple[str, int, int]]:
    """(item id, newest version, sequence number) of the feed's items in `bucket`."""
    items = await feed_items(origin)
    return sorted(
        (item, version, seq) for item, (version, seq) in items.items() if bucket_of(item) == bucket
    )


async def received_items(origin: str) -> dict[str, int]:
    """Item id -> newest version applied here, for items of `origin`."""
    rows = await Received.filter(origin=origin).values_list("item_id", "version")
    return {str(item): int(version) for item, version in rows}
