"""Identity mutations: thin adapters over `network.auth.service`, which decides who
may do what. Expected failures come back as payload errors (`attempt`)."""

from typing import Any

import strawberry

from network.api.core.payload import attempt
from network.api.identity.inputs import (
    CreateApiClientInput,
    IdentityProviderInput,
    SetMemberRoleInput,
    acting_office_id,
    identity_provider_settings,
    new_api_client,
)
from network.api.identity.types import (
    ApiClientType,
    ConfigureIdentityProviderPayload,
    CreateApiClientPayload,
    IdentityProviderType,
    MemberType,
    RevokeApiClientPayload,
    SetMemberRolePayload,
)
from network.auth import service as identity
from network.offices.models import OfficeRole


@strawberry.type
class IdentityMutation:
    @strawberry.mutation(description="Connect or change an office's OpenID provider.")
    async def configure_identity_provider(
        self, info: strawberry.Info, input: IdentityProviderInput
    ) -> ConfigureIdentityProviderPayload:
        principal = info.context.principal

        async def work() -> Any:
            office_id = await acting_office_id(principal, input.office_slug)
            return await identity.configure_identity_provider(
                principal, info.context.settings, office_id, identity_provider_settings(input)
            )

        provider, errors = await attempt(work)
        return ConfigureIdentityProviderPayload(
            identity_provider=IdentityProviderType.from_model(provider) if provider else None,
            errors=errors,
        )

    @strawberry.mutation(description="Create an API client; its secret is returned once.")
    async def create_api_client(
        self, info: strawberry.Info, input: CreateApiClientInput
    ) -> CreateApiClientPayload:
        principal = info.context.principal

        async def work() -> Any:
            office_id = await acting_office_id(principal, input.office_slug)
            return await identity.create_api_client(principal, office_id, new_api_client(input))

        created, errors = await attempt(work)
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
        client, errors = await attempt(
            lambda: identity.revoke_api_client(info.context.principal, client_id)
        )
        return RevokeApiClientPayload(
            api_client=ApiClientType.from_model(client) if client else None, errors=errors
        )

    @strawberry.mutation(description="Change a member's office or network roles, or disable them.")
    async def set_member_role(
        self, info: strawberry.Info, input: SetMemberRoleInput
    ) -> SetMemberRolePayload:
        member, errors = await attempt(
            lambda: identity.set_member_role(
                info.context.principal,
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
