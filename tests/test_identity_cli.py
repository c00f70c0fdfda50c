"""The command line bootstraps administration: network admins, providers, API clients."""

import asyncio
import base64
import os
import subprocess
import sys
from dataclasses import replace

import httpx

from network.app import create_app
from network.auth.models import ApiClient, IdentityProvider
from network.offices.models import Member, Office
from network.settings import Settings


async def _network(
    settings: Settings, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "NETWORK_DATA_DIR": str(settings.data_dir),
        **(env or {}),
    }
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "network.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_admin_create_bootstraps_a_network_admin(settings) -> None:
    result = await _network(
        settings,
        "admin",
        "create",
        "--office",
        "blue-ridge-commonwealths-attorney",
        "--issuer",
        "https://idp.blueridge.example",
        "--subject",
        "chief-1",
        "--email",
        "chief@blueridge.example",
    )
    assert result.returncode == 0, result.stderr
    member = await Member.get(issuer="https://idp.blueridge.example", subject="chief-1")
    assert member.is_network_admin and member.office_role == "OFFICE_ADMIN"
    again = await _network(
        settings,
        "admin",
        "create",
        "--office",
        "harlow-county-da",
        "--issuer",
        "https://idp.blueridge.example",
        "--subject",
        "chief-1",
    )
    assert again.returncode == 1 and "another office" in again.stderr


async def test_client_lifecycle_from_the_command_line(settings) -> None:
    created = await _network(
        settings,
        "client",
        "create",
        "--office",
        "prairie-county-pa",
        "--name",
        "nightly",
        "--scopes",
        "read,metrics:write",
    )
    assert created.returncode == 0, created.stderr
    lines = dict(line.split(": ", 1) for line in created.stdout.splitlines())
    client_id, secret = lines["client_id"], lines["client_secret"]
    stored = await ApiClient.get(client_id=client_id)
    assert (
        stored.secret_hash
        and secret not in stored.secret_hash
        and stored.scopes == ["metrics:write", "read"]
    )
    listed = await _network(settings, "client", "list", "--office", "prairie-county-pa")
    assert client_id in listed.stdout and "active" in listed.stdout
    app = create_app(replace(settings, response_cache_enabled=False))
    basic = {
        "authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    }
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
    ) as http:
        ok = await http.post(
            "/oauth/token", data={"grant_type": "client_credentials"}, headers=basic
        )
        assert ok.status_code == 200
        revoked = await _network(settings, "client", "revoke", client_id)
        assert revoked.returncode == 0 and f"Revoked {client_id}" in revoked.stdout
        refused = await http.post(
            "/oauth/token", data={"grant_type": "client_credentials"}, headers=basic
        )
        assert refused.status_code == 401
    twice = await _network(settings, "client", "revoke", client_id)
    assert twice.returncode == 1 and "already revoked" in twice.stderr


async def test_command_line_refusals_are_clear(settings) -> None:
    scopes = await _network(
        settings,
        "client",
        "create",
        "--office",
        "prairie-county-pa",
        "--name",
        "x",
        "--scopes",
        "everything",
    )
    assert scopes.returncode == 1 and "Scopes must be chosen from" in scopes.stderr
    office = await _network(settings, "client", "list", "--office", "no-such-office")
    assert office.returncode == 1 and "No office with slug" in office.stderr
    insecure = await _network(
        settings,
        "idp",
        "set",
        "--office",
        "prairie-county-pa",
        "--issuer",
        "http://idp.example",
        "--client-id",
        "pn",
        env={"IDP_CLIENT_SECRET": "s"},
    )
    assert insecure.returncode == 1 and "https://" in insecure.stderr
    for result in (scopes, office, insecure):
        assert "Traceback" not in result.stderr


async def test_idp_set_keeps_the_secret_out_of_sight(settings) -> None:
    secret = "idp-secret-value-123"
    result = await _network(
        settings,
        "idp",
        "set",
        "--office",
        "prairie-county-pa",
        "--issuer",
        "https://login.prairie.example",
        "--client-id",
        "practice-network",
        "--domains",
        "prairie.example",
        "--role",
        "pn-admins=OFFICE_ADMIN",
        env={"IDP_CLIENT_SECRET": secret},
    )
    assert result.returncode == 0, result.stderr
    assert secret not in result.stdout + result.stderr
    office = await Office.get(slug="prairie-county-pa")
    provider = await IdentityProvider.get(office_id=office.id)
    assert provider.role_mapping == {
        "pn-admins": "OFFICE_ADMIN"
    } and provider.allowed_email_domains == ["prairie.example"]
    assert provider.client_secret_encrypted and secret not in provider.client_secret_encrypted


async def test_provider_secret_never_leaves_through_the_api_or_audit(settings, app_client) -> None:
    from network.access.principal import SYSTEM
    from network.audit.models import AuditEvent
    from tests.conftest import as_principal

    secret = "idp-secret-value-123"
    await _network(
        settings,
        "idp",
        "set",
        "--office",
        "prairie-county-pa",
        "--issuer",
        "https://login.prairie.example",
        "--client-id",
        "practice-network",
        env={"IDP_CLIENT_SECRET": secret},
    )
    async with as_principal(app_client, SYSTEM) as client:
        response = await client.post(
            "/graphql",
            json={
                "query": '{ identityProvider(officeSlug: "prairie-county-pa") { issuer hasClientSecret } }'
            },
        )
    assert response.json()["data"]["identityProvider"] == {
        "issuer": "https://login.prairie.example",
        "hasClientSecret": True,
    }
    assert secret not in response.text
    events = await AuditEvent.filter(action="identity_provider.configure")
    assert events and all(secret not in str(e.detail) for e in events)
