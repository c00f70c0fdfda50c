"""Keeping peers in sync from a long-running process (`network serve`, `network worker`).

The `Runner` pulls every peer whose next pull is due, and wakes at once when a peer
hints that its feed grew. It also sends hints: once a transaction that appended to
our feed commits, every active peer is told (after a short pause that gathers a burst
of publishes into one hint each). Hints carry nothing but "pull now": a receiver
trusts only what it pulls and verifies. A lost hint costs at most one poll interval.
"""

import asyncio
import contextlib
import logging
from datetime import UTC, datetime

import httpx

from federation import client, feed, peering, sync, verifying
from federation.models import FEED_COUNTER, Peer, PeerState
from network.access.principal import Principal
from network.errors import Conflict
from network.settings import Settings
from network.state import service as state

log = logging.getLogger("federation.runner")

HINT_DELAY_SECONDS = 0.05
FEED_CHECK_SECONDS = 0.5
IDLE_CHECK_SECONDS = 5.0
LEASED_RETRY_SECONDS = 2.0

_runner: "Runner | None" = None


class Runner:
    def __init__(self, settings: Settings, owner: str) -> None:
        self.settings = settings
        self.owner = owner
        self._wake = asyncio.Event()
        self._hint_due = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        global _runner
        _runner = self
        self._tasks = [
            asyncio.create_task(self._pull_loop(), name="federation-pull"),
            asyncio.create_task(self._hint_loop(), name="federation-hints"),
        ]

    async def stop(self) -> None:
        global _runner
        if _runner is self:
            _runner = None
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        verifying.close()

    def wake(self) -> None:
        self._wake.set()

    def hint_peers(self) -> None:
        self._hint_due.set()

    async def _pull_loop(self) -> None:
        starting = True  # after a restart, catch up with every peer at once
        async with httpx.AsyncClient() as http:
            while True:
                self._wake.clear()
                try:
                    ids = await (sync.active() if starting else sync.due())
                    starting = False
                    skipped = 0
                    for peer_id in ids:
                        outcome = await sync.sync_peer(self.settings, http, peer_id, self.owner)
                        skipped += outcome.skipped
                        if outcome.error:
                            log.warning("sync %s", outcome.line())
                        elif outcome.applied or outcome.quarantined:
                            log.info("sync %s", outcome.line())
                    wait = await self._seconds_to_next()
                    if skipped:  # another process holds a peer: look again in a while
                        wait = max(wait, LEASED_RETRY_SECONDS)
                except Exception:  # keep the loop alive through a database outage
                    log.exception("federation pull loop")
                    wait = IDLE_CHECK_SECONDS
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=wait)

    async def _seconds_to_next(self) -> float:
        upcoming = (
            await Peer.filter(state=PeerState.ACTIVE, next_attempt_at__not_isnull=True)
            .order_by("next_attempt_at")
            .only("id", "next_attempt_at")
            .first()
        )
        if upcoming is None or upcoming.next_attempt_at is None:
            return IDLE_CHECK_SECONDS
        seconds = (upcoming.next_attempt_at - datetime.now(UTC)).total_seconds()
        return min(max(seconds, 0.05), IDLE_CHECK_SECONDS)

    async def _hint_loop(self) -> None:
        """Hint peers when this process appended to the feed (at once) or another
        process did (seen within `FEED_CHECK_SECONDS` through the feed's counter)."""
        seen = await self._feed_counter()
        async with httpx.AsyncClient() as http:
            while True:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._hint_due.wait(), timeout=FEED_CHECK_SECONDS)
                try:
                    counter = await self._feed_counter()
                    if not self._hint_due.is_set() and counter == seen:
                        continue
                    await asyncio.sleep(HINT_DELAY_SECONDS)
                    self._hint_due.clear()
                    seen = max(seen, counter)
                    peers = await Peer.filter(state=PeerState.ACTIVE)
                    await asyncio.gather(*(self._hint(http, p) for p in peers))
                except Exception:  # keep the loop alive through a database outage
                    log.exception("federation hints")
                    await asyncio.sleep(IDLE_CHECK_SECONDS)

    async def _feed_counter(self) -> int:
        try:
            return await state.read(FEED_COUNTER)
        except Exception:
            log.exception("reading the feed counter")
            return -1

    async def _hint(self, http: httpx.AsyncClient, peer: Peer) -> None:
        try:
            await client.hint(self.settings, http, peer)
        except client.PeerUnavailable as error:
            log.info("hint to %s not delivered: %s", peer.instance_id, error)


def current() -> Runner | None:
    """The runner of this process, if it runs one."""
    return _runner


def feed_grew() -> None:
    """After a commit that appended to the feed: hint peers, if this process runs."""
    if _runner is not None:
        _runner.hint_peers()


async def hinted(peer: Peer) -> None:
    """A peer hinted: its next pull is due now (any process's runner may take it),
    and this process's runner wakes."""
    await Peer.filter(id=peer.id, state=PeerState.ACTIVE).update(next_attempt_at=datetime.now(UTC))
    if _runner is not None:
        _runner.wake()


async def sync_now(principal: Principal, instance_id: str) -> Peer:
    """An admin asks for a pull from a peer now rather than at its next turn."""
    peer = await peering.get_peer(principal, instance_id)
    if peer.state != PeerState.ACTIVE:
        raise Conflict("This peer is paused; resume it to sync.", field="instanceId")
    await hinted(peer)
    return peer


feed.on_append(feed_grew)
