"""Browser sessions: created at sign-in, resolved on each request, ended at sign-out.

The cookie carries a random token; the database keeps its SHA-256 and a CSRF token
that cookie-authenticated mutations must echo in a header.
"""

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from network.access.principal import Principal, member_principal
from network.auth.credentials import CREDENTIALS, cache
from network.auth.models import WebSession
from network.auth.secrets import hash_secret
from network.offices.models import Member, OfficeRole
from network.settings import Settings
from network.state import service as state

COOKIE = "pn_session"


async def start_session(member: Member, settings: Settings) -> tuple[str, WebSession]:
    # Sign-ins are rare next to requests: a good moment to forget expired sessions.
    await WebSession.filter(expires_at__lt=datetime.now(UTC)).delete()
    token = secrets.token_urlsafe(32)
    session = await WebSession.create(
        token_hash=hash_secret(token),
        member_id=member.id,
        csrf_token=secrets.token_urlsafe(24),
        expires_at=datetime.now(UTC) + timedelta(hours=settings.session_hours),
    )
    return token, session


async def end_session(token: str) -> None:
    deleted = await WebSession.filter(token_hash=hash_secret(token)).delete()
    if deleted:
        await state.bump(CREDENTIALS)


async def principal_from_session(token: str) -> tuple[Principal, str] | None:
    """The member behind a session cookie and the session's CSRF token, or None."""
    key = ("session", hash_secret(token))
    found, value = await cache.get(key)
    if not found:
        value = await _load(key[1])
        cache.put(key, value)
    if value is None or value["expires_at"] <= datetime.now(UTC):
        return None
    return value["principal"], value["csrf"]


async def _load(token_hash: str) -> dict[str, Any] | None:
    session = await WebSession.get_or_none(token_hash=token_hash).select_related("member")
    if session is None:
        return None
    member: Member = session.member
    if not member.is_active:
        return None
    principal = member_principal(
        office_id=member.office_id,  # type: ignore[attr-defined]
        member_id=member.id,
        role=OfficeRole(member.office_role),
        is_convener=member.is_convener,
        is_network_admin=member.is_network_admin,
        label=f"member:{member.id}",
    )
    return {"principal": principal, "csrf": session.csrf_token, "expires_at": session.expires_at}
