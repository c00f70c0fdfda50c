"""Whose address a request comes from (probe finding 9): X-Forwarded-For counts only
when the direct peer is a configured proxy, in process and under `network serve`."""

import os
import subprocess
import sys
import uuid
from dataclasses import replace

import httpx
import pytest

from network.app import create_app
from network.audit.models import AuditEvent
from network.http.client_address import TrustedProxies, client_address, rate_limit_key
from tests.test_serve_process import served


def _scope(peer: str | None, *forwarded: str) -> dict:
    return {
        "type": "http",
        "client": (peer, 40000) if peer is not None else None,
        "headers": [(b"x-forwarded-for", value.encode("latin-1")) for value in forwarded],
    }


@pytest.mark.parametrize(
    ("trusted", "peer", "forwarded", "expected"),
    [
        # Nobody is trusted by default, loopback included.
        ((), "127.0.0.1", ("203.0.113.9",), "127.0.0.1"),
        (("127.0.0.1",), "127.0.0.1", ("203.0.113.9",), "203.0.113.9"),
        # Read right to left; the first hop that is not a trusted proxy is the client.
        (("10.0.0.0/8",), "10.0.0.2", ("198.51.100.1, 203.0.113.9, 10.0.0.7",), "203.0.113.9"),
        (("10.0.0.0/8",), "10.0.0.2", ("198.51.100.1", "203.0.113.9"), "203.0.113.9"),
        (("10.0.0.0/8",), "10.0.0.2", ("10.0.0.3, 10.0.0.7",), "10.0.0.3"),
        (("10.0.0.0/8",), "198.51.100.4", ("10.0.0.1",), "198.51.100.4"),
        # Hops are parsed as addresses, with or without a port; anything else is unknown.
        (("127.0.0.1",), "127.0.0.1", ("203.0.113.9:5555",), "203.0.113.9"),
        (("127.0.0.1",), "127.0.0.1", ("[2001:db8::1]:443",), "2001:db8::1"),
        (("127.0.0.1",), "127.0.0.1", ("x" * 100,), ""),
        (("127.0.0.1",), "127.0.0.1", ("",), ""),
        (("::1",), "::1", ("::ffff:203.0.113.9",), "203.0.113.9"),
        ((), "fe80::1%eth0", (), "fe80::1"),
        ((), "::ffff:127.0.0.1", (), "127.0.0.1"),
        ((), "testclient", (), ""),
        ((), None, (), ""),
    ],
)
def test_client_address(trusted, peer, forwarded, expected) -> None:
    assert client_address(_scope(peer, *forwarded), TrustedProxies.parse(trusted)) == expected


def test_resolving_twice_changes_nothing() -> None:
    """Under uvicorn with the same trusted list the peer is already resolved; resolving
    again gives the same answer, so served and in-process behave alike."""
    trusted = TrustedProxies.parse(["10.0.0.0/8"])
    for header in ("198.51.100.1, 203.0.113.9, 10.0.0.7", "10.0.0.3, 10.0.0.7", "junk, 10.0.0.7"):
        once = client_address(_scope("10.0.0.2", header), trusted)
        assert client_address(_scope(once, header), trusted) == once


def test_trusted_proxies_must_be_addresses_or_ranges() -> None:
    with pytest.raises(ValueError, match="NETWORK_TRUSTED_PROXIES"):
        TrustedProxies.parse(["10.0.0.0/8", "proxy.internal"])
    assert TrustedProxies.parse(["10.1.2.3/8"]).as_strings() == ["10.0.0.0/8"]


def test_ipv6_clients_share_a_limit_per_64() -> None:
    assert rate_limit_key("2001:db8:1:2::1") == rate_limit_key("2001:db8:1:2:ffff::9")
    assert rate_limit_key("2001:db8:1:3::1") != rate_limit_key("2001:db8:1:2::1")
    assert rate_limit_key("203.0.113.9") != rate_limit_key("203.0.113.10")


async def test_in_process_app_honours_only_configured_proxies(settings) -> None:
    app = create_app(replace(settings, trusted_proxies=("10.0.0.0/8",)))
    forged = {"x-forwarded-for": "192.0.2.66, 203.0.113.7"}
    for peer, expected in (("10.0.0.5", "203.0.113.7"), ("198.51.100.1", "198.51.100.1")):
        client_id = f"pn_addr_{uuid.uuid4().hex[:12]}"
        transport = httpx.ASGITransport(app=app, client=(peer, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://a.test") as http:
            response = await http.post(
                "/oauth/token",
                data={"grant_type": "client_credentials", "client_id": client_id},
                headers=forged,
            )
        assert response.status_code == 401, response.text
        assert (await AuditEvent.get(target_id=client_id)).ip == expected


async def _probe(base: str, forwarded: list[str]) -> tuple[list[str], list[int]]:
    """One failed token request per forged address, each for a distinct client id."""
    ids = [f"pn_fwd_{uuid.uuid4().hex[:12]}" for _ in forwarded]
    statuses = []
    async with httpx.AsyncClient(base_url=base) as http:
        for client_id, address in zip(ids, forwarded, strict=True):
            response = await http.post(
                "/oauth/token",
                data={"grant_type": "client_credentials", "client_id": client_id},
                headers={"x-forwarded-for": address},
            )
            statuses.append(response.status_code)
    return ids, statuses


@pytest.mark.parametrize("trusted", ["", "127.0.0.1"])
async def test_served_instance_trusts_forwarded_for_only_from_configured_proxies(
    settings, tmp_path, trusted
) -> None:
    forged = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]
    log = tmp_path / "server.log"
    with served(
        settings, log, NETWORK_TRUSTED_PROXIES=trusted, NETWORK_TOKEN_PER_MINUTE="3"
    ) as base:
        ids, statuses = await _probe(base, forged)
    audited = {e.target_id: e.ip for e in await AuditEvent.filter(target_id__in=ids)}
    if trusted:
        # Each forwarded address is its own client: its own limit, its own audit line.
        assert statuses == [401] * 4
        assert [audited[i] for i in ids] == forged
    else:
        # A forged header from loopback changes neither the limit nor the audit line.
        assert statuses == [401] * 3 + [429]
        assert [audited[i] for i in ids[:3]] == ["127.0.0.1"] * 3
    assert "Traceback" not in log.read_text()


def test_serve_refuses_a_malformed_trusted_proxy_list(settings) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "network.cli", "serve", "--port", "1"],
        env={
            **os.environ,
            "DATABASE_URL": settings.database_url,
            "NETWORK_TRUSTED_PROXIES": "10.0.0.0/8, proxy.internal",
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "NETWORK_TRUSTED_PROXIES" in result.stderr
    assert "Traceback" not in result.stderr
