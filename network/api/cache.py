"""A response cache for read-only operations, scoped by what the caller may see.

Entries are keyed by (visibility key, document, operation name, variables) and
tagged with the shared content counter. Any change that could alter a response
bumps that counter in the same transaction; each process re-reads it at most every
`check_interval` seconds (at once after a change made in this process), so a
stale entry outlives a change in another process by at most that interval.
Concurrent misses for one key run the operation once (single flight).

Memory is bounded by bytes, not only by entries: the least recently used entries
go once the bodies held exceed `max_bytes`, and an answer larger than
`max_entry_bytes` is served but never kept (one huge answer would otherwise push
out hundreds of useful ones). Keys hold a digest of the request, not its text, so
a 200 KB document costs the cache 32 bytes of key.
"""

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from network.state import service as state

CacheKey = tuple[str, bytes]
# What an entry costs beyond its body: the key, the ordered-dict node, the bytes
# object's header (measured with tracemalloc: about 300 bytes).
ENTRY_OVERHEAD = 320


def cache_key(visibility_key: str, *parts: str) -> CacheKey:
    """A fixed-size key for a request: its visibility key and a digest of the rest."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\x00")
    return (visibility_key, digest.digest())


class ResponseCache:
    def __init__(
        self,
        max_entries: int,
        check_interval: float = 1.0,
        *,
        max_bytes: int = 32 * 1024 * 1024,
        max_entry_bytes: int = 512 * 1024,
    ) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self.check_interval = check_interval
        self._entries: OrderedDict[CacheKey, bytes] = OrderedDict()
        self._inflight: dict[CacheKey, asyncio.Future[bytes | None]] = {}
        self._generation: int | None = None
        self._checked_at = 0.0
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self.too_large = 0
        state.on_local_bump(self._mark_stale)

    def __len__(self) -> int:
        return len(self._entries)

    def _store(self, key: CacheKey, body: bytes) -> bool:
        if len(body) > self.max_entry_bytes:
            self.too_large += 1
            return False
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= len(old) + ENTRY_OVERHEAD
        self._entries[key] = body
        self.bytes += len(body) + ENTRY_OVERHEAD
        while self._entries and (
            self.bytes > self.max_bytes or len(self._entries) > self.max_entries
        ):
            _, evicted = self._entries.popitem(last=False)
            self.bytes -= len(evicted) + ENTRY_OVERHEAD
        return True

    def _clear(self) -> None:
        self._entries.clear()
        self.bytes = 0

    def _mark_stale(self, _name: str) -> None:
        self._checked_at = 0.0

    async def _refresh(self) -> None:
        now = time.monotonic()
        if self._generation is not None and now - self._checked_at < self.check_interval:
            return
        generation = await state.read()
        self._checked_at = now
        if generation != self._generation:
            self._clear()
            self._generation = generation

    async def get_or_compute(
        self, key: CacheKey, compute: Callable[[], Awaitable[tuple[bytes, bool]]]
    ) -> bytes:
        """The cached body for `key`, or `compute()`'s; stored only if it says cacheable."""
        await self._refresh()
        body = self._entries.get(key)
        if body is not None:
            self._entries.move_to_end(key)
            self.hits += 1
            return body
        pending = self._inflight.get(key)
        if pending is not None:
            shared = await asyncio.shield(pending)
            if shared is not None:
                self.hits += 1
                return shared
        self.misses += 1
        generation = self._generation
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            body, cacheable = await compute()
        except BaseException:
            future.set_result(None)
            raise
        finally:
            self._inflight.pop(key, None)
        if cacheable and generation == self._generation and self._store(key, body):
            future.set_result(body)
        elif not future.done():
            future.set_result(None)
        return body
