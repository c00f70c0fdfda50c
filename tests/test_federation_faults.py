"""Sync between real instances when the way between them is bad: a proxy that drops,
fails, delays, duplicates, reorders, replays, damages, truncates and cuts short what
it carries, and a peer whose clock is off. After each: the same items on both sides,
none duplicated, none lost, nothing damaged accepted and nothing sound quarantined."""

import asyncio
import json
import random
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from federation.sync import PAGE_SIZE
from tests.conftest import ENGINE
from tests.instances import Instance, free_port, instance
from tests.test_federation_sync import act, peer

PAGE_FAULTS = ("duplicate", "reorder", "damage", "skip")  # need a page of entries
BYTE_FAULTS = ("drop", "error", "delay", "replay", "garble", "truncate")  # any answer
FAULTS = PAGE_FAULTS + BYTE_FAULTS


class Proxy:
    """An HTTP/1.1 relay in front of an instance. While `faulty`, every other answer
    from the feed and digest endpoints is spoilt: pages of entries in turn by each of
    PAGE_FAULTS, other answers by each of BYTE_FAULTS. All other paths, and every
    answer while not faulty, pass as they came."""

    def __init__(self, upstream_port: int, seed: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.upstream = f"http://127.0.0.1:{upstream_port}"
        self.rng = random.Random(seed)
        self.faulty = False
        self.faults: Counter[str] = Counter()
        self._seen: Counter[bool] = Counter()  # answers seen while faulty, by "is a page"
        self._previous = b""
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "Proxy":
        self._thread.start()
        assert self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", self.port)
        )
        self._ready.set()
        self._loop.run_forever()
        server.close()
        self._loop.run_until_complete(server.wait_closed())
        self._loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            line, *lines = head.split("\r\n")
            method, target, _ = line.split(" ", 2)
            headers = dict(
                (name.strip().lower(), value.strip())
                for name, value in (h.split(":", 1) for h in lines if ":" in h)
            )
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            passed = {k: v for k, v in headers.items()
                      if k not in ("host", "connection", "content-length", "accept-encoding")}  # fmt: skip
            async with httpx.AsyncClient() as client:
                answer = await client.request(
                    method, self.upstream + target, headers=passed, content=body, timeout=30
                )
            status, content = answer.status_code, answer.content
            if self.faulty and target.startswith(("/federation/feed", "/federation/digest")):
                page = _entries(status, content) is not None
                self._seen[page] += 1
                if self._seen[page] % 2 == 0:
                    kinds = PAGE_FAULTS if page else BYTE_FAULTS
                    fault = kinds[(self._seen[page] // 2 - 1) % len(kinds)]
                    spoilt = await self._spoil(fault, status, content)
                    if spoilt is None:
                        return  # dropped: the connection closes without an answer
                    status, content = spoilt
                if target.startswith("/federation/feed"):
                    self._previous = answer.content
            writer.write(
                f"HTTP/1.1 {status} Relayed\r\ncontent-type: application/json\r\n"
                f"content-length: {len(content)}\r\nconnection: close\r\n\r\n".encode()
                + content
            )
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, httpx.HTTPError):
            pass
        finally:
            writer.close()

    async def _spoil(self, fault: str, status: int, content: bytes) -> tuple[int, bytes] | None:
        if fault == "replay" and not self._previous:
            fault = "error"
        self.faults[fault] += 1
        if fault == "drop":
            return None
        if fault == "error":
            return 502, b'{"message": "bad gateway"}'
        if fault == "delay":
            await asyncio.sleep(self.rng.uniform(0.2, 1.0))
            return status, content
        if fault == "replay":
            return 200, self._previous  # an earlier page, for another request
        if fault == "garble":
            spot = self.rng.randrange(len(content))
            return status, content[:spot] + bytes([content[spot] ^ 0x20]) + content[spot + 1 :]
        if fault == "truncate":
            return status, content[: len(content) // 2]
        page = json.loads(content)
        entries = page["entries"]
        if fault == "duplicate":
            spot = self.rng.randrange(len(entries))
            entries.insert(spot, entries[spot])
        elif fault == "reorder":
            entries.reverse()
        elif fault == "damage":
            item = entries[self.rng.randrange(len(entries))]
            header, payload, signature = item["envelope"].split(".")
            spot = len(payload) // 2
            swapped = "A" if payload[spot] != "A" else "B"
            item["envelope"] = (
                f"{header}.{payload[:spot]}{swapped}{payload[spot + 1 :]}.{signature}"
            )
        elif fault == "skip":
            page["next"], page["more"] = page["last"], False  # the rest of the feed jumped
        return status, json.dumps(page).encode()


def _entries(status: int, content: bytes) -> list[Any] | None:
    """The entries of a feed page worth reordering (two or more), else None."""
    if status != 200:
        return None
    page = json.loads(content)
    entries = page.get("entries") if "last" in page else None
    return entries if isinstance(entries, list) and len(entries) >= 2 else None


def _round(node: Instance, *prefix: str) -> str:
    """One `network worker --once` of `node` (under `prefix`, a wrapper); its line
    about peer a.test."""
    done = subprocess.run(
        [sys.executable, "-m", *(prefix or ("network.cli",)), "worker", "--once"],
        env=node.env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return next(line for line in done.stdout.splitlines() if line.startswith("Synced a.test"))


def _same_items(a: Instance, b: Instance) -> dict[str, Any]:
    """What A's feed holds of its items is what B applied; one copy per item, each at
    the newest version (retracted where that was a tombstone); nothing quarantined."""
    origin = act(a, "state", origin="a.test")["items"]
    here = act(b, "state", origin="a.test")
    assert here["items"] == origin
    ids = [row[0] for row in here["copies"]]
    assert len(ids) == len(set(ids)), "an item copied twice"
    for item, version, status in here["copies"]:
        assert origin[item][0] == version
        assert (status == "RETRACTED") == (origin[item][1] == "retraction"), (item, status)
    shared = {item for item, (_, kind) in origin.items() if kind == "publication"}
    assert shared <= set(ids)
    assert here["quarantined"] == 0
    return here


def test_sync_through_a_proxy_that_spoils_what_it_carries(tmp_path: Path) -> None:
    a_port = free_port()
    quick_checks = {
        "NETWORK_FEDERATION_SYNC_IN_SERVE": "0",
        "NETWORK_FEDERATION_CHECK_SECONDS": "1",
    }
    with (
        Proxy(a_port, seed=5) as proxy,
        instance(tmp_path, "a", engine=ENGINE, port=a_port,
                 env={"NETWORK_BASE_URL": proxy.base}) as a,
        instance(tmp_path, "b", env=quick_checks) as b,
    ):  # fmt: skip
        act(a, "office", slug="lowmoor-da", name="Lowmoor County DA")
        act(a, "fill", count=8 * PAGE_SIZE)  # enough pages for every page fault
        kept = act(a, "publish", office="lowmoor-da", title="Kept", attribution="NAMED")
        gone = act(a, "publish", office="lowmoor-da", title="Gone")
        act(a, "revise", id=kept["id"], title="Kept, revised", body="Second text.")
        act(a, "retract", id=gone["id"], reason="Withdrawn.")
        peer(a, b)  # B reads A's document through the proxy, still sound
        proxy.faulty = True
        failed = 0
        for _ in range(40):
            failed += "failed:" in _round(b)
            if min(proxy.faults[f] for f in FAULTS) >= 1:
                break
        assert all(proxy.faults[f] >= 1 for f in FAULTS), proxy.faults
        assert failed >= 3  # the spoilt answers did fail rounds (and nothing was applied)
        proxy.faulty = False
        for _ in range(5):
            line = _round(b)
            status = {p["id"]: p for p in act(b, "peers")["peers"]}["a.test"]
            if " ok;" in line and status["cursor"] == status["head"]:
                break
        here = _same_items(a, b)
        versions = {item: (version, status) for item, version, status in here["copies"]}
        assert versions[kept["id"]][0] > 1 and versions[kept["id"]][1] == "PUBLISHED"


def test_a_peer_whose_clock_is_off_still_syncs(tmp_path: Path) -> None:
    """B's clock is ten minutes ahead, then ten minutes behind: A's token endpoint
    refuses the assertions B dates by it, B reads A's time from the refusal and syncs."""
    with (
        instance(tmp_path, "a", engine=ENGINE) as a,
        instance(tmp_path, "b", env={"NETWORK_FEDERATION_SYNC_IN_SERVE": "0"}) as b,
    ):
        act(a, "office", slug="lowmoor-da", name="Lowmoor County DA")
        peer(a, b)
        for shift in ("600", "-600"):
            act(a, "publish", office="lowmoor-da", title=f"Published with B at {shift} s")
            line = _round(b, "tests.skewed", shift)
            assert " ok;" in line and " 1 applied" in line, line
        _same_items(a, b)


def test_keys_rotated_while_peered(tmp_path: Path) -> None:
    """A rotates its signing key while B is peered: B reads A's keys again when an
    entry names a key it does not hold, at most once a minute (a second rotation
    within the minute makes its round wait, nothing quarantined), and every key's
    entries are applied."""
    with (
        instance(tmp_path, "a", engine=ENGINE) as a,
        instance(tmp_path, "b", env={"NETWORK_FEDERATION_SYNC_IN_SERVE": "0"}) as b,
    ):
        act(a, "office", slug="lowmoor-da", name="Lowmoor County DA")
        peer(a, b)
        for key in ("first", "second", "third"):
            act(a, "publish", office="lowmoor-da", title=f"Signed with the {key} key")
            line = _round(b)
            if key == "third":  # B read A's keys moments ago, for the second
                assert "failed:" in line and "read again after" in line, line
                act(b, "age_keys", peer="a.test")
                line = _round(b)
            assert " ok;" in line and " 1 applied" in line, line
            assert "signing with" in a.cli("keys", "rotate").stdout
        _same_items(a, b)
