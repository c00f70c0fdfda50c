"""Turning a verified ID token into a member of an office.

The provider has already proven who the person is; this decides whether they may
enter this office of the network, and with which role.
"""

from datetime import UTC, datetime
from typing import Any

from network.access.principal import ANONYMOUS, Principal, PrincipalKind
from network.audit import service as audit
from network.auth.models import IdentityProvider
from network.offices.models import Member, Office, OfficeRole

_RANK = {OfficeRole.VIEWER: 0, OfficeRole.PUBLISHER: 1, OfficeRole.OFFICE_ADMIN: 2}


class SignInRefused(Exception):
    """The person proved who they are but may not sign in; the message says why and
    what to do, and is safe to show them."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


def mapped_role(provider: IdentityProvider, claims: dict[str, Any]) -> OfficeRole | None:
    """The highest role any of the person's claim values maps to, if any."""
    raw = claims.get(provider.role_claim)
    values = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []
    roles = [
        OfficeRole(provider.role_mapping[value])
        for value in values
        if isinstance(value, str) and value in provider.role_mapping
    ]
    return max(roles, key=_RANK.__getitem__) if roles else None


async def sign_in_member(
    office: Office, provider: IdentityProvider, claims: dict[str, Any], *, ip: str = ""
) -> Member:
    issuer, subject = str(claims["iss"]), str(claims["sub"])
    email = str(claims.get("email") or "").strip().lower()
    if provider.allowed_email_domains:
        domain = email.rsplit("@", 1)[-1] if "@" in email else ""
        if claims.get("email_verified") is not True or domain not in provider.allowed_email_domains:
            await _refused(office, "email_domain", {"domain": domain}, ip)
            raise SignInRefused(
                f"{office.name} accepts verified addresses at "
                f"{', '.join(provider.allowed_email_domains)} only. "
                "Sign in with your office account.",
                "email_domain",
            )
    member = await Member.get_or_none(issuer=issuer, subject=subject)
    if member is not None and member.office_id != office.id:  # type: ignore[attr-defined]
        await _refused(office, "other_office", {}, ip)
        raise SignInRefused(
            "This account belongs to another office of the network; sign in there.", "other_office"
        )
    if member is not None and not member.is_active:
        await _refused(office, "disabled", {"member": member.id}, ip)
        raise SignInRefused(
            "Your account is disabled. Ask an admin of your office to enable it.", "disabled"
        )
    role = mapped_role(provider, claims)
    now = datetime.now(UTC)
    name = str(claims.get("name") or "")[:200]
    if member is None:
        member = await Member.create(
            office_id=office.id,
            issuer=issuer,
            subject=subject,
            email=email,
            display_name=name,
            office_role=role or OfficeRole(provider.default_role),
            last_seen_at=now,
        )
    else:
        member.email, member.display_name, member.last_seen_at = email, name, now
        if role is not None and role != member.office_role:
            member.office_role = role
        await member.save()
    actor = Principal(
        kind=PrincipalKind.MEMBER,
        office_id=office.id,
        member_id=member.id,
        label=f"member:{member.id}",
    )
    await audit.record(
        actor,
        "sign_in",
        target_type="member",
        target_id=member.id,
        office_id=office.id,
        ip=ip,
        detail={"role": str(member.office_role)},
    )
    return member


async def _refused(office: Office, reason: str, detail: dict[str, Any], ip: str) -> None:
    await audit.record(
        ANONYMOUS,
        "sign_in",
        outcome="failure",
        target_type="office",
        target_id=office.id,
        office_id=office.id,
        detail={"reason": reason, **detail},
        ip=ip,
    )


async def record_failure(
    office: Office | None, reason: str, ip: str, detail: dict[str, Any] | None = None
) -> None:
    """Audit a sign-in that failed before a member was known (bad state, bad token...).

    Detail values may come from the request or the provider: strings are cut to 100
    printable characters (PostgreSQL's JSON refuses NUL)."""
    clean = {
        key: "".join(c for c in value[:100] if c.isprintable()) if isinstance(value, str) else value
        for key, value in (detail or {}).items()
    }
    await audit.record(
        ANONYMOUS,
        "sign_in",
        outcome="failure",
        target_type="office",
        target_id=office.id if office else "",
        office_id=office.id if office else None,
        detail={"reason": reason, **clean},
        ip=ip,
    )
