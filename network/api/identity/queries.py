"""Identity root fields: thin adapters over `network.auth.service` and
`network.audit.service`, which decide who may see what."""

import strawberry

from network.api.core.connection import Connection, build_connection
from network.api.identity.inputs import AuditEventFilter, acting_office_id, audit_filter
from network.api.identity.types import (
    ApiClientType,
    AuditEventType,
    IdentityProviderType,
    MemberType,
    ViewerType,
)
from network.audit import service as audit
from network.auth import service as identity


@strawberry.type
class IdentityQuery:
    @strawberry.field(description="Who is asking: anonymous, a member or an API client.")
    async def viewer(self, info: strawberry.Info) -> ViewerType:
        principal = info.context.principal
        office = (
            await info.context.loaders.offices.office.load(principal.office_id)
            if principal.office_id
            else None
        )
        return ViewerType(
            signed_in=principal.is_authenticated,
            kind=str(principal.kind),
            office_slug=office.slug if office else None,
            office_role=principal.office_role,
            is_convener=principal.is_convener,
            is_network_admin=principal.is_network_admin,
            scopes=sorted(principal.scopes),
            csrf_token=info.context.csrf_token,
        )

    @strawberry.field(description="An office's API clients (office admins).")
    async def api_clients(
        self, info: strawberry.Info, office_slug: str | None = None
    ) -> list[ApiClientType]:
        principal = info.context.principal
        office_id = await acting_office_id(principal, office_slug)
        return [
            ApiClientType.from_model(c)
            for c in await identity.list_api_clients(principal, office_id)
        ]

    @strawberry.field(description="An office's members and their roles (office admins).")
    async def office_members(
        self, info: strawberry.Info, office_slug: str | None = None
    ) -> list[MemberType]:
        principal = info.context.principal
        office_id = await acting_office_id(principal, office_slug)
        return [MemberType.from_model(m) for m in await identity.list_members(principal, office_id)]

    @strawberry.field(description="An office's identity provider settings, without the secret.")
    async def identity_provider(
        self, info: strawberry.Info, office_slug: str | None = None
    ) -> IdentityProviderType | None:
        principal = info.context.principal
        provider = await identity.get_identity_provider(
            principal, await acting_office_id(principal, office_slug)
        )
        return IdentityProviderType.from_model(provider) if provider else None

    @strawberry.field(description="The audit log, newest first (admins).")
    async def audit_events(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        filter: AuditEventFilter | None = None,
    ) -> Connection[AuditEventType]:
        principal = info.context.principal
        spec = filter or AuditEventFilter()
        office_id = (
            await acting_office_id(principal, spec.office_slug) if spec.office_slug else None
        )
        wanted = audit_filter(spec, office_id)
        page = await audit.list_events(
            principal,
            wanted,
            first=first,
            after=after,
            max_page_size=info.context.settings.max_page_size,
        )
        return build_connection(
            page, AuditEventType.from_model, lambda: audit.count_events(principal, wanted)
        )
