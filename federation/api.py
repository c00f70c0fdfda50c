"""Federation's GraphQL root fields, composed into the schema by `network.wiring`
(the API package knows nothing of federation). Thin adapters over
`federation.peering`, which decides who may do what: network admins only."""

from datetime import datetime, timedelta

import httpx
import strawberry

from federation import peering
from federation.models import Peer, PeerState
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

    @classmethod
    def of(cls, peer: Peer) -> "PeerType":
        return cls(
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
        return [PeerType.of(p) for p in await peering.list_peers(info.context.principal)]


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

    @strawberry.mutation(description="Stop peering: the peer's client is revoked here.")
    async def remove_peer(self, info: strawberry.Info, instance_id: str) -> RemovePeerPayload:
        principal = info.context.principal

        async def work() -> str:
            await peering.remove(principal, instance_id)
            return instance_id

        removed, errors = await attempt(work)
        return RemovePeerPayload(instance_id=removed, errors=errors)
