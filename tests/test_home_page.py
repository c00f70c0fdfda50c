"""Sign-in lands on `/`: a page saying who you are and what you may do."""

import re
from html import escape

import httpx

from network.auth import sessions
from network.auth.models import WebSession
from network.offices.models import Member, OfficeRole
from network.settings import Settings


async def test_anonymous_home_offers_sign_in(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/")
    assert response.status_code == 200
    assert "href='/login'" in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]


async def test_signed_in_home_says_who_and_what(
    settings: Settings, app_client: httpx.AsyncClient
) -> None:
    admin = (
        await Member.filter(office_role=OfficeRole.OFFICE_ADMIN, is_active=True)
        .select_related("office")
        .first()
    )
    viewer = (
        await Member.filter(office_role=OfficeRole.VIEWER, is_active=True, is_network_admin=False)
        .select_related("office")
        .first()
    )
    assert admin is not None and viewer is not None
    pages = {}
    for member in (admin, viewer):
        token, session = await sessions.start_session(member, settings)
        response = await app_client.get("/", headers={"cookie": f"{sessions.COOKIE}={token}"})
        assert response.status_code == 200
        text = response.text
        assert escape(member.office.name) in text
        assert escape(member.display_name or member.email) in text
        # the sign-out form carries this session's CSRF token, so it works without scripts
        found = re.search(r"name=csrf_token value='([^']+)'", text)
        assert found and found.group(1) == session.csrf_token
        pages[member.office_role] = text
        signed_out = await app_client.post(
            "/logout",
            data={"csrf_token": found.group(1)},
            headers={"cookie": f"{sessions.COOKIE}={token}"},
        )
        assert signed_out.status_code == 303
        assert not await WebSession.filter(token_hash=session.token_hash).exists()
    assert "identity provider" in pages[OfficeRole.OFFICE_ADMIN]
    assert "identity provider" not in pages[OfficeRole.VIEWER]
    assert "office admin" in pages[OfficeRole.OFFICE_ADMIN]
