"""Federation's GraphQL root fields, composed into the schema by `network.wiring`
(the API package knows nothing of federation). Thin adapters over
`federation.peering`, which decides who may do what: network admins only."""

import asyncio
import bisect
from datetime import datetime, timedelta

import httpx
import strawberry

from federation import feed, peering, quarantine, runner
from federation.models import Peer, PeerState, Quarantined, QuarantineState
from network.api.core.payload import UserError, attempt

PeerStateEnum = strawberry.enum(
    PeerState,
    name="PeerState",
    description="ACTIVE peers are synced; PAUSED ones are left alone until resumed.",
)


@strawberry.type(name="Peer", description="Another instance this one exchanges feeds with.")
class PeerType:
    instance_id: str
    name: str
    base_url: str
    state: PeerStateEnum  # type: ignore[valid-type]
    cursor: str = strawberry.field(
        description="The last sequence number of the peer's feed applied here (a string: "
        "it may exceed 2^53)."
    )
    last_success_at: datetime | None
    last_error: str
    last_error_at: datetime | None
    failures: int = strawberry.field(description="Failed sync rounds in a row.")
    next_attempt_at: datetime | None
    feed_head: str = strawberry.field(
        description="The newest sequence number the peer reported when last pulled."
    )
    lag: str = strawberry.field(
        description="Entries of the peer's feed not pulled yet, as of the last pull."
    )
    relay: bool = strawberry.field(
        description="Whether entries received from other peers are served on to this one."
    )
    relays_to_us: bool = strawberry.field(
        description="Whether the peer serves other origins' entries to this instance (as "
        "its last page said)."
    )
    model: strawberry.Private[Peer]

    acknowledged: str = strawberry.field(
        description="How far the peer has applied this instance's feed (the sequence "
        "number its latest pull started after)."
    )
    checked_at: datetime | None = strawberry.field(
        description="When digests of the peer's items were last compared with what "
        "was applied here (anti-entropy)."
    )

    counts: strawberry.Private["PeerCounts"]

    @strawberry.field(description="Entries from this peer waiting for an admin.")
    async def quarantined(self) -> int:
        return (await self.counts.quarantined()).get(self.instance_id, 0)

    @strawberry.field(
        description="Retractions of this instance's items the peer has not applied yet."
    )
    async def unacknowledged_retractions(self, info: strawberry.Info) -> int:
        seqs = await self.counts.retractions(info.context.settings.instance_id)
        return len(seqs) - bisect.bisect_right(seqs, self.model.acked_seq)

    @classmethod
    def of(cls, peer: Peer, counts: "PeerCounts | None" = None) -> "PeerType":
        return cls(
            counts=counts or PeerCounts([peer]),
            feed_head=str(peer.feed_head),
            lag=str(max(peer.feed_head - peer.cursor, 0)),
            relay=peer.relay,
            relays_to_us=peer.relays_to_us,
            acknowledged=str(peer.acked_seq),
            checked_at=peer.checked_at,
            model=peer,
            instance_id=peer.instance_id,
            name=peer.name,
            base_url=peer.base_url,
            state=PeerState(peer.state),
            cursor=str(peer.cursor),
            last_success_at=peer.last_success_at,
            last_error=peer.last_error,
            last_error_at=peer.last_error_at,
            failures=peer.failures,
            next_attempt_at=peer.next_attempt_at,
        )


class PeerCounts:
    """What the peers of one answer count, each read once for all of them and only
    when asked for (a query per peer and field otherwise)."""

    def __init__(self, peers: list[Peer]) -> None:
        self.since = min((p.acked_seq for p in peers), default=0)
        self._quarantined: asyncio.Future[dict[str, int]] | None = None
        self._retractions: asyncio.Future[list[int]] | None = None

    def quarantined(self) -> asyncio.Future[dict[str, int]]:
        if self._quarantined is None:
            self._quarantined = asyncio.ensure_future(quarantine.open_counts())
        return self._quarantined

    def retractions(self, origin: str) -> asyncio.Future[list[int]]:
        """Our tombstones after the oldest acknowledgement among the peers."""
        if self._retractions is None:
            self._retractions = asyncio.ensure_future(feed.retractions_after(origin, self.since))
        return self._retractions


QuarantineStateEnum = strawberry.enum(
    QuarantineState,
    name="QuarantineState",
    description="OPEN entries wait for an admin; DISCARDED ones stay on record.",
)


@strawberry.type(
    name="QuarantinedEntry",
    description="An entry a peer served that was not applied, and why. What it names "
    "(origin, item, version) is what the entry claims: unverified when the reason is "
    "about its signature.",
)
class QuarantinedEntryType:
    id: int
    peer: str
    seq: str
    origin: str
    item_id: str
    version: int
    reason: str = strawberry.field(
        description="malformed, algorithm, unknown_key, signature, invalid, not_canonical, "
        "origin, unknown_origin, conflict, after_retraction or kind."
    )
    message: str
    state: QuarantineStateEnum  # type: ignore[valid-type]
    attempts: int
    received_at: datetime
    resolved_at: datetime | None

    @classmethod
    def of(cls, row: Quarantined) -> "QuarantinedEntryType":
        return cls(
            id=row.id,
            peer=row.peer,
            seq=str(row.seq),
            origin=row.origin,
            item_id=row.item_id,
            version=row.version,
            reason=row.reason,
            message=row.message,
            state=QuarantineState(row.state),
            attempts=row.attempts,
            received_at=row.received_at,
            resolved_at=row.resolved_at,
        )


@strawberry.type
class RetryQuarantinedPayload:
    applied: bool = strawberry.field(
        description="True when the entry left the quarantine (applied, or already here)."
    )
    entry: QuarantinedEntryType | None = strawberry.field(
        description="The entry as it stands after the attempt."
    )
    errors: list[UserError]


@strawberry.type
class QuarantinedPayload:
    entry: QuarantinedEntryType | None
    errors: list[UserError]


@strawberry.type
class PeerInvitationPayload:
    code: str | None = strawberry.field(description="Shown once; give it to the other admin.")
    errors: list[UserError]


@strawberry.type
class PeerPayload:
    peer: PeerType | None
    errors: list[UserError]


@strawberry.type
class RemovePeerPayload:
    instance_id: str | None
    errors: list[UserError]


@strawberry.type
class FederationQuery:
    @strawberry.field(description="Peer instances and their sync status (network admins).")
    async def peers(self, info: strawberry.Info) -> list[PeerType]:
        peers = await peering.list_peers(info.context.principal)
        counts = PeerCounts(peers)
        return [PeerType.of(p, counts) for p in peers]

    @strawberry.field(description="Entries peers served that were not applied (network admins).")
    async def quarantined_entries(
        self,
        info: strawberry.Info,
        peer: str = "",
        state: QuarantineStateEnum = QuarantineState.OPEN,  # type: ignore[valid-type]
        first: int = 50,
    ) -> list[QuarantinedEntryType]:
        rows = await quarantine.list_quarantined(
            info.context.principal, state=QuarantineState(state), peer=peer, limit=first
        )
        return [QuarantinedEntryType.of(row) for row in rows]


@strawberry.type
class FederationMutation:
    @strawberry.mutation(description="A one-time code another instance peers with (admins).")
    async def create_peer_invitation(
        self, info: strawberry.Info, expires_in_minutes: int = 60
    ) -> PeerInvitationPayload:
        principal = info.context.principal

        async def work() -> str:
            return await peering.invite(principal, expires_in=timedelta(minutes=expires_in_minutes))

        code, errors = await attempt(work)
        return PeerInvitationPayload(code=code, errors=errors)

    @strawberry.mutation(description="Peer with the instance at `url` using its invitation code.")
    async def add_peer(self, info: strawberry.Info, url: str, code: str) -> PeerPayload:
        principal, settings = info.context.principal, info.context.settings

        async def work() -> Peer:
            async with httpx.AsyncClient() as client:
                return await peering.add(principal, settings, client, url, code)

        peer, errors = await attempt(work)
        return PeerPayload(peer=PeerType.of(peer) if peer else None, errors=errors)

    @strawberry.mutation(description="Pause or resume syncing with a peer.")
    async def set_peer_state(
        self,
        info: strawberry.Info,
        instance_id: str,
        state: PeerStateEnum,  # type: ignore[valid-type]
    ) -> PeerPayload:
        principal = info.context.principal

        async def work() -> Peer:
            return await peering.set_state(principal, instance_id, PeerState(state))

        peer, errors = await attempt(work)
        return PeerPayload(peer=PeerType.of(peer) if peer else None, errors=errors)

    @strawberry.mutation(
        description="Serve (or stop serving) entries received from other peers to a peer."
    )
    async def set_peer_relay(
        self, info: strawberry.Info, instance_id: str, relay: bool
    ) -> PeerPayload:
        principal = info.context.principal

        async def work() -> Peer:
            return await peering.set_relay(principal, instance_id, relay)

        peer, errors = await attempt(work)
        return PeerPayload(peer=PeerType.of(peer) if peer else None, errors=errors)

    @strawberry.mutation(description="Pull from a peer now instead of at its next turn.")
    async def sync_peer(self, info: strawberry.Info, instance_id: str) -> PeerPayload:
        principal = info.context.principal

        async def work() -> Peer:
            return await runner.sync_now(principal, instance_id)

        peer, errors = await attempt(work)
        return PeerPayload(peer=PeerType.of(peer) if peer else None, errors=errors)

    @strawberry.mutation(description="Verify and apply a quarantined entry again.")
    async def retry_quarantined_entry(
        self, info: strawberry.Info, id: int
    ) -> RetryQuarantinedPayload:
        principal, settings = info.context.principal, info.context.settings

        async def work() -> tuple[bool, Quarantined]:
            async with httpx.AsyncClient() as client:
                return await quarantine.retry(principal, settings, client, id)

        done, errors = await attempt(work)
        if done is None:
            return RetryQuarantinedPayload(applied=False, entry=None, errors=errors)
        applied, row = done
        return RetryQuarantinedPayload(
            applied=applied, entry=QuarantinedEntryType.of(row), errors=errors
        )

    @strawberry.mutation(description="Give up on a quarantined entry (kept on record).")
    async def discard_quarantined_entry(self, info: strawberry.Info, id: int) -> QuarantinedPayload:
        principal = info.context.principal

        async def work() -> Quarantined:
            return await quarantine.discard(principal, id)

        row, errors = await attempt(work)
        return QuarantinedPayload(
            entry=QuarantinedEntryType.of(row) if row else None, errors=errors
        )

    @strawberry.mutation(description="Stop peering: the peer's client is revoked here.")
    async def remove_peer(self, info: strawberry.Info, instance_id: str) -> RemovePeerPayload:
        principal = info.context.principal

        async def work() -> str:
            await peering.remove(principal, instance_id)
            return instance_id

        removed, errors = await attempt(work)
        return RemovePeerPayload(instance_id=removed, errors=errors)
