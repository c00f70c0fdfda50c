"""Peering real instances over real HTTP: a one-time code, both sides registered as
each other's private_key_jwt clients, tokens from each other's token endpoint, and
feeds read with them; bad codes and impostors refused."""

import json
import subprocess
import sys
from pathlib import Path

import httpx

from tests.conftest import ENGINE
from tests.instances import Instance, instance

# Run in an instance's own environment (its database, secret and id): read a peer's
# feed the way sync does, with a token from the peer's token endpoint.
READ_FEED = """
import asyncio, json, sys
import httpx
from tortoise import Tortoise
from federation import client
from federation.models import Peer
from network.db import tortoise_config
from network.settings import load_settings

async def main():
    settings = load_settings()
    await Tortoise.init(config=tortoise_config(settings))
    try:
        peer = await Peer.get(instance_id=sys.argv[1])
        async with httpx.AsyncClient() as http:
            try:
                page = await client.feed_page(settings, http, peer, after=0, limit=500)
            except client.PeerUnavailable as error:
                page = {"error": str(error), "status": error.status}
        print(json.dumps(page))
    finally:
        await Tortoise.close_connections()

asyncio.run(main())
"""


def _read_feed(reader: Instance, peer_id: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", READ_FEED, peer_id],
        env=reader.env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _code(node: Instance) -> str:
    done = node.cli("peer", "invite", "--expires-in", "10m")
    code = done.stdout.strip().splitlines()[-1]
    assert code.startswith("pn-invite-") and " " not in code
    return code


def test_two_instances_peer_and_read_each_others_feeds(tmp_path: Path) -> None:
    with instance(tmp_path, "a", engine=ENGINE) as a, instance(tmp_path, "b") as b:
        b.cli("demo")  # publishes items shared beyond the network: B's feed fills
        code = _code(b)
        # A wrong code, and a forged one, are refused before B fetches anything.
        for wrong in ("pn-invite-" + "x" * 32, "not-a-code"):
            refused = a.cli("peer", "add", b.base, wrong, check=False)
            assert refused.returncode == 1 and "refused" in refused.stderr, refused.stderr
        added = a.cli("peer", "add", b.base, code)
        assert "Peered with b.test" in added.stdout
        assert "b.test\tACTIVE" in a.cli("peer", "list").stdout
        assert "a.test\tACTIVE" in b.cli("peer", "list").stdout
        # The code was used once: replaying it straight to B is refused.
        replay = httpx.post(
            f"{b.base}/federation/peers",
            json={"code": code, "instance": {"baseUrl": a.base, "id": "a.test"},
                  "clientId": "x"},
        )  # fmt: skip
        assert replay.status_code == 403

        page = _read_feed(a, "b.test")
        assert "error" not in page, page
        assert page["origin"] == "b.test" and len(page["entries"]) >= 5
        assert [e["seq"] for e in page["entries"]] == sorted(e["seq"] for e in page["entries"])
        # And the other way: B holds a client at A too (A's feed is empty: no demo).
        back = _read_feed(b, "a.test")
        assert back.get("entries") == [], back

        # Paused or removed, the peer's client is gone on the other side.
        b.cli("peer", "remove", "a.test")
        assert "a.test" not in b.cli("peer", "list").stdout
        cut = _read_feed(a, "b.test")
        assert cut.get("status") in (400, 401), cut


def test_an_impostor_cannot_claim_another_instance(tmp_path: Path) -> None:
    with instance(tmp_path, "c") as c, instance(tmp_path, "d") as d:
        code = _code(d)
        # Claims to be c.test but gives d's own URL: d reads that document and finds
        # another id, so nothing is registered.
        impostor = httpx.post(
            f"{d.base}/federation/peers",
            json={"code": code, "instance": {"baseUrl": d.base, "id": "c.test"},
                  "clientId": "whatever"},
        )  # fmt: skip
        assert impostor.status_code == 400
        assert "another id" in impostor.json()["message"] or "itself" in impostor.json()["message"]
        assert "c.test" not in d.cli("peer", "list").stdout
        for body in ({}, [], {"code": 5}, {"code": "pn-invite-x", "instance": "x"}):
            assert httpx.post(f"{d.base}/federation/peers", json=body).status_code in (400, 403)
        # The code was spent by the impostor's attempt: the real instance needs a new one.
        assert c.cli("peer", "add", d.base, code, check=False).returncode == 1
        assert "Peered with d.test" in c.cli("peer", "add", d.base, _code(d)).stdout
