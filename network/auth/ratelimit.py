"""Token-bucket rate limits for sign-in and the token endpoint, per process.

Each app process limits on its own; with N processes behind a balancer the effective
limit is at most N times the configured one, which is still a hard ceiling on
guessing and a cheap shield for the identity providers behind sign-in.

`check` counts every request; `wait` and `spend` let a caller count only some
(failed attempts) while still refusing once the budget is gone.
"""

import time
from dataclasses import dataclass

MAX_KEYS = 50_000


@dataclass
class Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(self, per_minute: int, burst: int | None = None) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst if burst is not None else per_minute)
        self._buckets: dict[str, Bucket] = {}

    def _bucket(self, key: str, now: float) -> Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= MAX_KEYS:
                self._forget_full(now)
            bucket = self._buckets[key] = Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        return bucket

    def _forget_full(self, now: float) -> None:
        """Drop buckets that have refilled (they hold nothing a new bucket would not);
        only if every bucket is still draining, drop them all."""
        refill = self.burst / self.rate if self.rate else float("inf")
        self._buckets = {
            key: bucket for key, bucket in self._buckets.items() if now - bucket.updated < refill
        }
        if len(self._buckets) >= MAX_KEYS:
            self._buckets.clear()

    def check(self, key: str) -> float:
        """0 when allowed (and counted), else the seconds to wait before retrying."""
        wait = self.wait(key)
        if not wait:
            self._buckets[key].tokens -= 1
        return wait

    def wait(self, key: str) -> float:
        """0 when one more would be allowed, else the seconds to wait; counts nothing."""
        bucket = self._bucket(key, time.monotonic())
        return 0.0 if bucket.tokens >= 1 else (1 - bucket.tokens) / self.rate

    def spend(self, key: str) -> None:
        """Count one against `key` (a failure), whether or not budget is left."""
        bucket = self._bucket(key, time.monotonic())
        bucket.tokens = max(0.0, bucket.tokens - 1)
