"""A per-process cache of credential checks (active clients, live sessions).

Revoking a client, disabling a member, changing a role or signing out bumps the
shared `credentials` counter; each process re-reads it at most every
`CHECK_SECONDS`, so such a change takes effect everywhere within that time and at
once in the process that made it.
"""

import time
from typing import Any

from network.state import service as state

CREDENTIALS = "credentials"
CHECK_SECONDS = 1.0


class CredentialCache:
    def __init__(self) -> None:
        self._values: dict[Any, Any] = {}
        self._generation: int | None = None
        self._checked_at = 0.0
        state.on_local_bump(self._changed)

    def _changed(self, name: str) -> None:
        if name == CREDENTIALS:
            self._checked_at = 0.0

    async def _refresh(self) -> None:
        now = time.monotonic()
        if self._generation is not None and now - self._checked_at < CHECK_SECONDS:
            return
        generation = await state.read(CREDENTIALS)
        self._checked_at = now
        if generation != self._generation:
            self._values.clear()
            self._generation = generation

    async def get(self, key: Any) -> tuple[bool, Any]:
        await self._refresh()
        if key in self._values:
            return True, self._values[key]
        return False, None

    def put(self, key: Any, value: Any) -> None:
        if len(self._values) > 10_000:
            self._values.clear()
        self._values[key] = value


cache = CredentialCache()
