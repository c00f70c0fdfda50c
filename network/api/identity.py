"""Identity queries and mutations: thin adapters over `network.auth.service` and
`network.audit.service`, which decide who may do what."""

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry

from network.access.principal import Principal
from network.api.types.connection import Connection, build_connection
from network.api.types.identity import (
    ApiClientType,
    AuditEventFilter,
    AuditEventType,
    ConfigureIdentityProviderPayload,
    CreateApiClientInput,
    CreateApiClientPayload,
    IdentityProviderInput,
    IdentityProviderType,
    MemberType,
    RevokeApiClientPayload,
    SetMemberRoleInput,
    SetMemberRolePayload,
    UserError,
    ViewerType,
)
from network.audit import service as audit
from network.auth import service as identity
from network.auth.models import ClientAuthMethod
from network.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from network.offices import service as offices
from network.offices.models import OfficeRole

T = TypeVar("T")


def _principal(info: strawberry.Info) -> Principal:
    return info.context.principal


async def _office_id(principal: Principal, slug: str | None) -> int:
    """The office a request acts on: the named one, or the caller's own."""
    if slug is None:
        if principal.office_id is None:
            raise PermissionDenied("Sign in as a member of an office.")
        return principal.office_id
    found = await offices.offices_by_slugs([slug])
    if not found:
        raise NotFound(f"No office with slug {slug!r}.", field="officeSlug")
    return found[0].id


async def _attempt(work: Callable[[], Awaitable[T]]) -> tuple[T | None, list[UserError]]:
    """Run a mutation's service call; expected errors become payload errors."""
    try:
        return await work(), []
    except DomainError as error:
        return None, [UserError.from_error(error)]


@strawberry.type
class IdentityQuery:
    @strawberry.field(description="Who is asking: anonymous, a member or an API client.")
    async def viewer(self, info: strawberry.Info) -> ViewerType:
        principal = _principal(info)
        office = (
            await info.context.loaders.office.load(principal.office_id)
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
        principal = _principal(info)
        office_id = await _office_id(principal, office_slug)
        return [
            ApiClientType.from_model(c)
            for c in await identity.list_api_clients(principal, office_id)
        ]

    @strawberry.field(description="An office's members and their roles (office admins).")
    async def office_members(
        self, info: strawberry.Info, office_slug: str | None = None
    ) -> list[MemberType]:
        principal = _principal(info)
        office_id = await _office_id(principal, office_slug)
        return [MemberType.from_model(m) for m in await identity.list_members(principal, office_id)]

    @strawberry.field(description="An office's identity provider settings, without the secret.")
    async def identity_provider(
        self, info: strawberry.Info, office_slug: str | None = None
    ) -> IdentityProviderType | None:
        principal = _principal(info)
        provider = await identity.get_identity_provider(
            principal, await _office_id(principal, office_slug)
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
        principal = _principal(info)
        spec = filter or AuditEventFilter()
        office_id = await _office_id(principal, spec.office_slug) if spec.office_slug else None
        audit_filter = audit.AuditFilter(
            actions=tuple(spec.actions or ()),
            office_id=office_id,
            outcome=spec.outcome,
            since=spec.since,
            until=spec.until,
        )
        page = await audit.list_events(
            principal,
            audit_filter,
            first=first,
            after=after,
            max_page_size=info.context.settings.max_page_size,
        )
        return build_connection(
            page, AuditEventType.from_model, lambda: audit.count_events(principal, audit_filter)
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Connect or change an office's OpenID provider.")
    async def configure_identity_provider(
        self, info: strawberry.Info, input: IdentityProviderInput
    ) -> ConfigureIdentityProviderPayload:
        principal = _principal(info)

        async def work() -> Any:
            office_id = await _office_id(principal, input.office_slug)
            return await identity.configure_identity_provider(
                principal,
                info.context.settings,
                office_id,
                identity.IdentityProviderInput(
                    issuer=input.issuer,
                    client_id=input.client_id,
                    client_secret=input.client_secret,
                    allowed_email_domains=tuple(input.allowed_email_domains),
                    role_claim=input.role_claim,
                    role_mapping=_mapping(input.role_mapping),
                    default_role=OfficeRole(input.default_role),
                    enabled=input.enabled,
                ),
            )

        provider, errors = await _attempt(work)
        return ConfigureIdentityProviderPayload(
            identity_provider=IdentityProviderType.from_model(provider) if provider else None,
            errors=errors,
        )

    @strawberry.mutation(description="Create an API client; its secret is returned once.")
    async def create_api_client(
        self, info: strawberry.Info, input: CreateApiClientInput
    ) -> CreateApiClientPayload:
        principal = _principal(info)

        async def work() -> Any:
            office_id = await _office_id(principal, input.office_slug)
            return await identity.create_api_client(
                principal,
                office_id,
                identity.NewApiClient(
                    name=input.name,
                    scopes=tuple(input.scopes),
                    auth_method=ClientAuthMethod(input.auth_method),
                    jwks=input.jwks if isinstance(input.jwks, dict) else None,
                ),
            )

        created, errors = await _attempt(work)
        client, secret = created if created else (None, None)
        return CreateApiClientPayload(
            api_client=ApiClientType.from_model(client) if client else None,
            client_secret=secret,
            errors=errors,
        )

    @strawberry.mutation(description="Revoke an API client; its tokens stop working.")
    async def revoke_api_client(
        self, info: strawberry.Info, client_id: str
    ) -> RevokeApiClientPayload:
        client, errors = await _attempt(
            lambda: identity.revoke_api_client(_principal(info), client_id)
        )
        return RevokeApiClientPayload(
            api_client=ApiClientType.from_model(client) if client else None, errors=errors
        )

    @strawberry.mutation(description="Change a member's office or network roles, or disable them.")
    async def set_member_role(
        self, info: strawberry.Info, input: SetMemberRoleInput
    ) -> SetMemberRolePayload:
        member, errors = await _attempt(
            lambda: identity.set_member_role(
                _principal(info),
                input.member_id,
                office_role=OfficeRole(input.office_role) if input.office_role else None,
                is_convener=input.is_convener,
                is_network_admin=input.is_network_admin,
                is_active=input.is_active,
            )
        )
        return SetMemberRolePayload(
            member=MemberType.from_model(member) if member else None, errors=errors
        )


def _mapping(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidInput("roleMapping maps claim values (strings) to roles.", field="roleMapping")
    return dict(value)
