"""Identity in the schema: the viewer, members, API clients, identity providers, the
audit log, and the payloads of identity mutations. Secrets never appear here except
a new client's secret, once, in the payload that created it."""

from datetime import datetime
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from network.api.core.enums import ClientAuthMethodEnum, OfficeRoleEnum
from network.api.core.payload import UserError
from network.audit.models import AuditEvent
from network.auth.models import ApiClient, IdentityProvider
from network.offices.models import Member


@strawberry.type(name="Viewer")
class ViewerType:
    signed_in: bool
    kind: str
    office_slug: str | None
    office_role: OfficeRoleEnum | None  # type: ignore[valid-type]
    is_convener: bool
    is_network_admin: bool
    scopes: list[str]
    csrf_token: str | None = strawberry.field(
        description="Send as X-CSRF-Token with cookie-authenticated mutations."
    )


@strawberry.type(name="Member")
class MemberType:
    id: int
    email: str
    display_name: str
    office_role: OfficeRoleEnum  # type: ignore[valid-type]
    is_convener: bool
    is_network_admin: bool
    is_active: bool
    last_seen_at: datetime | None

    @classmethod
    def from_model(cls, member: Member) -> "MemberType":
        return cls(
            id=member.id,
            email=member.email,
            display_name=member.display_name,
            office_role=member.office_role,
            is_convener=member.is_convener,
            is_network_admin=member.is_network_admin,
            is_active=member.is_active,
            last_seen_at=member.last_seen_at,
        )


@strawberry.type(name="ApiClient")
class ApiClientType:
    client_id: str
    name: str
    auth_method: ClientAuthMethodEnum  # type: ignore[valid-type]
    scopes: list[str]
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None

    @classmethod
    def from_model(cls, client: ApiClient) -> "ApiClientType":
        return cls(
            client_id=client.client_id,
            name=client.name,
            auth_method=client.auth_method,
            scopes=list(client.scopes),
            created_at=client.created_at,
            revoked_at=client.revoked_at,
            last_used_at=client.last_used_at,
        )


@strawberry.type(name="IdentityProviderSettings")
class IdentityProviderType:
    issuer: str
    client_id: str
    has_client_secret: bool
    allowed_email_domains: list[str]
    role_claim: str
    role_mapping: JSON
    default_role: OfficeRoleEnum  # type: ignore[valid-type]
    enabled: bool

    @classmethod
    def from_model(cls, provider: IdentityProvider) -> "IdentityProviderType":
        return cls(
            issuer=provider.issuer,
            client_id=provider.client_id,
            has_client_secret=bool(provider.client_secret_encrypted),
            allowed_email_domains=list(provider.allowed_email_domains),
            role_claim=provider.role_claim,
            role_mapping=cast(Any, dict(provider.role_mapping)),
            default_role=provider.default_role,
            enabled=provider.enabled,
        )


@strawberry.type(name="AuditEvent")
class AuditEventType:
    occurred_at: datetime
    action: str
    outcome: str
    actor: str
    target_type: str
    target_id: str
    detail: JSON
    ip: str

    @classmethod
    def from_model(cls, event: AuditEvent) -> "AuditEventType":
        return cls(
            occurred_at=event.occurred_at,
            action=event.action,
            outcome=event.outcome,
            actor=event.actor_label,
            target_type=event.target_type,
            target_id=event.target_id,
            detail=cast(Any, dict(event.detail)),
            ip=event.ip,
        )


@strawberry.type
class ConfigureIdentityProviderPayload:
    identity_provider: IdentityProviderType | None
    errors: list[UserError]


@strawberry.type
class CreateApiClientPayload:
    api_client: ApiClientType | None
    client_secret: str | None = strawberry.field(
        description="Shown once: store it now, it cannot be read again."
    )
    errors: list[UserError]


@strawberry.type
class RevokeApiClientPayload:
    api_client: ApiClientType | None
    errors: list[UserError]


@strawberry.type
class SetMemberRolePayload:
    member: MemberType | None
    errors: list[UserError]
