"""Identity administration: identity providers, members and their roles, API clients.

Every function takes the acting principal and decides here whether it may act:
an office admin manages their own office; a network admin manages any office and
the network roles; SYSTEM is the command line.
"""

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, cast
from urllib.parse import urlsplit

from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from network.access.principal import SYSTEM, Principal
from network.access.scopes import FEDERATION, SCOPES
from network.audit import service as audit
from network.auth.credentials import CREDENTIALS
from network.auth.models import ApiClient, ClientAuthMethod, IdentityProvider
from network.auth.secrets import encrypt, hash_secret, new_secret
from network.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from network.offices.models import Member, Office, OfficeRole
from network.settings import Settings
from network.state import service as state
from network.transactions import atomic


def _require_office_admin(principal: Principal, office_id: int) -> None:
    if not principal.is_admin_of(office_id):
        raise PermissionDenied("Only an admin of this office can do that.")


def _check_issuer(issuer: str) -> str:
    parts = urlsplit(issuer)
    local = parts.hostname in {"127.0.0.1", "localhost", "::1"}
    if parts.scheme != "https" and not (parts.scheme == "http" and local):
        raise InvalidInput("The issuer must be an https:// URL.", field="issuer")
    if parts.query or parts.fragment or not parts.hostname:
        raise InvalidInput("The issuer is a bare URL with no query or fragment.", field="issuer")
    return issuer


@dataclass(frozen=True)
class IdentityProviderInput:
    issuer: str
    client_id: str
    client_secret: str | None = None
    allowed_email_domains: tuple[str, ...] = ()
    role_claim: str = "groups"
    role_mapping: dict[str, str] = field(default_factory=dict)
    default_role: OfficeRole = OfficeRole.VIEWER
    enabled: bool = True


async def configure_identity_provider(
    principal: Principal, settings: Settings, office_id: int, spec: IdentityProviderInput
) -> IdentityProvider:
    """Create or replace an office's provider; a None secret keeps the stored one."""
    _require_office_admin(principal, office_id)
    issuer = _check_issuer(spec.issuer.strip())
    if not spec.client_id.strip():
        raise InvalidInput("The client id is required.", field="clientId")
    for claim_value, role in spec.role_mapping.items():
        if role not in OfficeRole.__members__:
            raise InvalidInput(
                f"Unknown role {role!r} for claim value {claim_value!r}.", field="roleMapping"
            )
    domains = sorted({d.strip().lower().lstrip("@") for d in spec.allowed_email_domains if d})
    async with atomic():
        existing = await IdentityProvider.get_or_none(office_id=office_id)
        if existing is None and not spec.client_secret:
            raise InvalidInput("The client secret is required.", field="clientSecret")
        values: dict[str, Any] = {
            "issuer": issuer,
            "client_id": spec.client_id.strip(),
            "allowed_email_domains": domains,
            "role_claim": spec.role_claim,
            "role_mapping": dict(spec.role_mapping),
            "default_role": spec.default_role.value,
            "enabled": spec.enabled,
        }
        if spec.client_secret:
            values["client_secret_encrypted"] = encrypt(settings, spec.client_secret)
        if existing is None:
            provider = await IdentityProvider.create(office_id=office_id, **values)
        else:
            await IdentityProvider.filter(id=existing.id).update(**values)
            provider = await IdentityProvider.get(id=existing.id)
        await audit.record(
            principal,
            "identity_provider.configure",
            target_type="office",
            target_id=office_id,
            office_id=office_id,
            detail={"issuer": issuer, "client_id": values["client_id"]},
        )
    return provider


@dataclass(frozen=True)
class NewApiClient:
    name: str
    scopes: tuple[str, ...]
    auth_method: ClientAuthMethod = ClientAuthMethod.CLIENT_SECRET_BASIC
    jwks: dict[str, Any] | None = None


async def create_api_client(
    principal: Principal, office_id: int, new: NewApiClient
) -> tuple[ApiClient, str | None]:
    """A new client and, for secret-based clients, its secret (shown once, never again)."""
    _require_office_admin(principal, office_id)
    if not new.name.strip():
        raise InvalidInput("Name the client.", field="name")
    unknown = sorted(set(new.scopes) - set(SCOPES))
    if unknown or not new.scopes:
        raise InvalidInput(
            f"Scopes must be chosen from {', '.join(SCOPES)}; got {', '.join(unknown) or 'none'}.",
            field="scopes",
        )
    secret: str | None = None
    jwks: dict[str, Any] = {}
    if new.auth_method is ClientAuthMethod.PRIVATE_KEY_JWT:
        jwks = _public_jwks(new.jwks)
    else:
        secret = new_secret()
    async with atomic():
        client = await ApiClient.create(
            client_id=f"pn_{new_secret()[:20]}",
            office_id=office_id,
            name=new.name.strip(),
            auth_method=new.auth_method,
            secret_hash=hash_secret(secret) if secret else "",
            jwks=jwks,
            scopes=sorted(set(new.scopes)),
            created_by_id=principal.member_id,
        )
        await audit.record(
            principal,
            "api_client.create",
            target_type="api_client",
            target_id=client.client_id,
            office_id=office_id,
            detail={"scopes": client.scopes, "auth_method": str(client.auth_method)},
        )
    return client, secret


async def register_peer_client(instance_id: str, name: str, jwks: dict[str, Any]) -> ApiClient:
    """The client a peer instance uses at this token endpoint: private_key_jwt with
    the peer's published token keys, the federation scope only, no office. Called by
    peering (which checks who asks); audited as the instance's own act."""
    keys = _public_jwks(jwks)
    async with atomic():
        client = await ApiClient.create(
            client_id=f"peer_{new_secret()[:20]}",
            office_id=None,
            peer_instance=instance_id[:200],
            name=f"Peer instance {name}"[:200],
            auth_method=ClientAuthMethod.PRIVATE_KEY_JWT,
            jwks=keys,
            scopes=[FEDERATION],
        )
        await audit.record(
            SYSTEM, "api_client.create", target_type="api_client", target_id=client.client_id,
            detail={"scopes": client.scopes, "peer": instance_id[:200]},
        )  # fmt: skip
    return client


async def remove_peer_client(client_id: str) -> None:
    """Revoke a peer's client (peering undone or removed); nothing when it is gone."""
    async with atomic():
        revoked = (
            await ApiClient.filter(client_id=client_id, revoked_at=None)
            .exclude(peer_instance="")
            .update(revoked_at=datetime.now(UTC))
        )
        if revoked:
            await state.bump(CREDENTIALS)
            await audit.record(
                SYSTEM, "api_client.revoke", target_type="api_client", target_id=client_id
            )


def _public_jwks(jwks: dict[str, Any] | None) -> dict[str, Any]:
    if not jwks or not isinstance(jwks.get("keys"), list) or not jwks["keys"]:
        raise InvalidInput(
            "private_key_jwt clients need a JWKS with their public keys.", field="jwks"
        )
    try:
        KeySet.import_key_set(cast(Any, jwks))
    except (JoseError, ValueError, TypeError) as exc:
        raise InvalidInput(f"The JWKS cannot be read: {exc}", field="jwks") from None
    private_members = {"d", "p", "q", "dp", "dq", "qi", "k"}
    if any(private_members & set(key) for key in jwks["keys"]):
        raise InvalidInput(
            "Send public keys only; the JWKS holds private key material.", field="jwks"
        )
    return {"keys": jwks["keys"]}


async def list_api_clients(principal: Principal, office_id: int) -> list[ApiClient]:
    _require_office_admin(principal, office_id)
    return await ApiClient.filter(office_id=office_id).order_by("-created_at", "-id")


async def revoke_api_client(principal: Principal, client_id: str) -> ApiClient:
    client = await ApiClient.get_or_none(client_id=client_id)
    if client is None:
        raise NotFound("No such API client.")
    try:
        _require_office_admin(principal, client.office_id)  # type: ignore[attr-defined]
    except PermissionDenied:
        raise NotFound("No such API client.") from None
    if client.revoked_at is not None:
        raise Conflict("This client is already revoked.", field="clientId")
    async with atomic():
        client.revoked_at = datetime.now(UTC)
        await client.save(update_fields=["revoked_at"])
        await state.bump(CREDENTIALS)
        await audit.record(
            principal,
            "api_client.revoke",
            target_type="api_client",
            target_id=client.client_id,
            office_id=client.office_id,  # type: ignore[attr-defined]
        )
    return client


async def set_member_role(
    principal: Principal,
    member_id: int,
    *,
    office_role: OfficeRole | None = None,
    is_convener: bool | None = None,
    is_network_admin: bool | None = None,
    is_active: bool | None = None,
) -> Member:
    member = await Member.get_or_none(id=member_id)
    if member is None:
        raise NotFound("No such member.")
    try:
        _require_office_admin(principal, member.office_id)  # type: ignore[attr-defined]
    except PermissionDenied:
        raise NotFound("No such member.") from None
    if (is_convener is not None or is_network_admin is not None) and not (
        principal.is_system or principal.is_network_admin
    ):
        raise PermissionDenied("Only a network admin can change network roles.")
    if principal.member_id == member.id and (is_active is False or is_network_admin is False):
        raise InvalidInput("You cannot disable yourself or drop your own admin role.")
    before = _roles(member)
    if office_role is not None:
        member.office_role = office_role
    if is_convener is not None:
        member.is_convener = is_convener
    if is_network_admin is not None:
        member.is_network_admin = is_network_admin
    if is_active is not None:
        member.is_active = is_active
    async with atomic():
        await member.save()
        await state.bump(CREDENTIALS)
        await audit.record(
            principal,
            "member.role_change",
            target_type="member",
            target_id=member.id,
            office_id=member.office_id,  # type: ignore[attr-defined]
            detail={"before": before, "after": _roles(member)},
        )
    return member


def _roles(member: Member) -> dict[str, Any]:
    return {
        "office_role": str(member.office_role),
        "is_convener": member.is_convener,
        "is_network_admin": member.is_network_admin,
        "is_active": member.is_active,
    }


async def create_network_admin(
    office_slug: str, *, issuer: str, subject: str, email: str, name: str = ""
) -> Member:
    """Bootstrap: make (issuer, subject) a network admin of an office (command line)."""
    office = await Office.get_or_none(slug=office_slug)
    if office is None:
        raise NotFound(f"No office with slug {office_slug!r}.")
    async with atomic():
        member, _ = await Member.get_or_create(
            issuer=issuer,
            subject=subject,
            defaults={"office_id": office.id, "email": email, "display_name": name},
        )
        if member.office_id != office.id:  # type: ignore[attr-defined]
            raise Conflict("That identity already belongs to another office.")
        member.is_network_admin = True
        member.office_role = OfficeRole.OFFICE_ADMIN
        member.is_active = True
        await member.save()
        await audit.record(
            replace(SYSTEM, label="command line"),
            "member.role_change",
            target_type="member",
            target_id=member.id,
            office_id=office.id,
            detail={"after": _roles(member), "via": "network admin create"},
        )
    return member


async def list_members(principal: Principal, office_id: int) -> list[Member]:
    _require_office_admin(principal, office_id)
    return await Member.filter(office_id=office_id).order_by("display_name", "id")


async def get_identity_provider(principal: Principal, office_id: int) -> IdentityProvider | None:
    _require_office_admin(principal, office_id)
    return await IdentityProvider.get_or_none(office_id=office_id)
