"""Identity arguments and their conversion to the services' inputs.

Conversions that can fail raise `InvalidInput`; mutations call them inside
`attempt`, so the failure reaches the caller as a payload error on that field.
"""

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from network.access.principal import Principal
from network.api.core.enums import ClientAuthMethodEnum, OfficeRoleEnum
from network.audit import service as audit
from network.auth import service as identity
from network.auth.models import ClientAuthMethod
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.offices import service as offices
from network.offices.models import OfficeRole


@strawberry.input
class AuditEventFilter:
    actions: list[str] | None = None
    office_slug: str | None = None
    outcome: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@strawberry.input
class IdentityProviderInput:
    office_slug: str
    issuer: str
    client_id: str
    client_secret: str | None = strawberry.field(
        default=None, description="Leave out to keep the stored secret."
    )
    allowed_email_domains: list[str] = strawberry.field(default_factory=list)
    role_claim: str = "groups"
    # No `{}` default: graphql-core cannot print an object default of the JSON scalar
    # in introspection, so tools that load the schema (GraphiQL, code generators)
    # failed on it. Null (or leaving it out) means "no mapping".
    role_mapping: JSON | None = strawberry.field(
        default=None,
        description='Claim value to office role, e.g. {"pn-admins": "OFFICE_ADMIN"}; '
        "null or left out: no mapping.",
    )
    default_role: OfficeRoleEnum = OfficeRole.VIEWER  # type: ignore[valid-type]
    enabled: bool = True


@strawberry.input
class CreateApiClientInput:
    office_slug: str
    name: str
    scopes: list[str]
    auth_method: ClientAuthMethodEnum = ClientAuthMethod.CLIENT_SECRET_BASIC  # type: ignore[valid-type]
    jwks: JSON | None = strawberry.field(
        default=None, description="Public keys, for private_key_jwt clients."
    )


@strawberry.input
class SetMemberRoleInput:
    member_id: int
    office_role: OfficeRoleEnum | None = None  # type: ignore[valid-type]
    is_convener: bool | None = None
    is_network_admin: bool | None = None
    is_active: bool | None = None


async def acting_office_id(principal: Principal, slug: str | None) -> int:
    """The office a request acts on: the named one, or the caller's own."""
    if slug is None:
        if principal.office_id is None:
            raise PermissionDenied("Sign in as a member of an office.")
        return principal.office_id
    found = await offices.offices_by_slugs([slug])
    if not found:
        raise NotFound(f"No office with slug {slug!r}.", field="officeSlug")
    return found[0].id


def audit_filter(spec: AuditEventFilter, office_id: int | None) -> audit.AuditFilter:
    return audit.AuditFilter(
        actions=tuple(spec.actions or ()),
        office_id=office_id,
        outcome=spec.outcome,
        since=spec.since,
        until=spec.until,
    )


def identity_provider_settings(value: IdentityProviderInput) -> identity.IdentityProviderInput:
    return identity.IdentityProviderInput(
        issuer=value.issuer,
        client_id=value.client_id,
        client_secret=value.client_secret,
        allowed_email_domains=tuple(value.allowed_email_domains),
        role_claim=value.role_claim,
        role_mapping=_role_mapping(value.role_mapping),
        default_role=OfficeRole(value.default_role),
        enabled=value.enabled,
    )


def new_api_client(value: CreateApiClientInput) -> identity.NewApiClient:
    return identity.NewApiClient(
        name=value.name,
        scopes=tuple(value.scopes),
        auth_method=ClientAuthMethod(value.auth_method),
        jwks=value.jwks if isinstance(value.jwks, dict) else None,
    )


def _role_mapping(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidInput("roleMapping maps claim values (strings) to roles.", field="roleMapping")
    return dict(value)
