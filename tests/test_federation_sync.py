"""Two real instances kept in sync over real HTTP: what A shares reaches B as
read-only copies (hinted at once), revisions and retractions follow, B catches up by
itself after being down, and what A keeps in its network never leaves it."""

import json
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx

from tests.conftest import ENGINE
from tests.instances import Instance, instance

PUBLIC_TITLE = "Pretrial release without cash bail: first-year review"


def act(node: Instance, command: str, **args: Any) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.federation_actions", command, json.dumps(args)],
        env=node.env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def peer(a: Instance, b: Instance) -> None:
    code = b.cli("peer", "invite").stdout.strip().splitlines()[-1]
    assert "Peered with" in a.cli("peer", "add", b.base, code).stdout


def public_titles(node: Instance) -> list[str]:
    """Titles of PUBLIC policies and briefs an anonymous reader of `node` sees."""
    query = "{ briefs(first: 100) { edges { node { title origin { id name } } } } }"
    answer = httpx.post(f"{node.base}/graphql", json={"query": query}, timeout=10).json()
    assert "errors" not in answer, answer
    return [e["node"]["title"] for e in answer["data"]["briefs"]["edges"]]


def wait_for(check: Any, seconds: float) -> float:
    """Seconds until `check()` held (AssertionError when it never did)."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s")


def copies(node: Instance, origin: str) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in act(node, "copies", origin=origin)["copies"]}


def test_shared_items_reach_the_peer_and_follow_their_origin(tmp_path: Path) -> None:
    with instance(tmp_path, "a", engine=ENGINE) as a, instance(tmp_path, "b") as b:
        a.cli("demo")
        peer(a, b)
        # B pulls by itself (a new peer is due at once): A's demo items shared beyond its
        # network arrive, and nothing A keeps to its network or office.
        shared = {
            i["id"]: i for i in act(a, "shared")["items"] if i["status"] != "DRAFT"
        }  # drafts meant for the federation have not gone out yet
        assert len(shared) > 20
        wait_for(lambda: len(copies(b, "a.test")) == len(shared), 60)
        received = copies(b, "a.test")
        for item_id, item in shared.items():
            assert received[item_id]["version"] == item["version"]
            assert received[item_id]["status"] == item["status"]
        assert all(c["originName"] == "Instance A" for c in received.values())

        # A publisher of A publishes: A hints B, which pulls at once.
        public = act(a, "publish", office="harlow-county-da", title=PUBLIC_TITLE,
                     visibility="PUBLIC", attribution="NAMED")  # fmt: skip
        took = wait_for(lambda: PUBLIC_TITLE in public_titles(b), 10)
        print(f"published on A, readable on B after {took:.2f} s")
        brief = act(a, "publish", office="kettering-county-da", title="Diversion intake",
                    attribution="PSEUDONYMOUS")  # fmt: skip
        kept = act(a, "publish", office="kettering-county-da", title="Network-only note",
                   visibility="NETWORK")  # fmt: skip
        wait_for(lambda: brief["id"] in copies(b, "a.test"), 10)
        here = copies(b, "a.test")
        assert kept["id"] not in here
        copy = here[brief["id"]]
        # Under its pseudonym only: the office that stands for it on B is a placeholder
        # that names no office.
        assert copy["label"] == brief["label"] and copy["attribution"] == "PSEUDONYMOUS"
        assert copy["office"]["placeholder"] and "kettering" not in json.dumps(copy).lower()
        named = here[public["id"]]
        assert named["office"]["name"] == "Harlow County District Attorney's Office"
        assert named["office"]["state"] == "NY" and not named["office"]["placeholder"]

        # A revision and then a retraction follow.
        act(a, "revise", id=brief["id"], title="Diversion intake, revised", body="Second text.")
        wait_for(lambda: copies(b, "a.test")[brief["id"]]["title"].endswith("revised"), 10)
        assert copies(b, "a.test")[brief["id"]]["body"] == "Second text."
        act(a, "retract", id=brief["id"], reason="Superseded.")
        wait_for(lambda: copies(b, "a.test")[brief["id"]]["status"] == "RETRACTED", 10)
        # Withdrawn from the federation: gone from B's readers too.
        act(a, "share", id=public["id"], visibility="NETWORK")
        wait_for(lambda: PUBLIC_TITLE not in public_titles(b), 10)

        # B goes down; A keeps publishing, revising and retracting.
        b.stop()
        later = [
            act(a, "publish", office="harlow-county-da", title=f"Offline item {n}",
                attribution="NAMED")
            for n in range(3)
        ]  # fmt: skip
        act(a, "retract", id=later[0]["id"], reason="Published in error.")
        ghost = act(a, "publish", office="harlow-county-da", title="Born and gone offline")
        act(a, "retract", id=ghost["id"], reason="Gone before B saw it.")
        b.start()
        # B catches up by itself, in order: the retracted ones arrive as tombstones.
        wait_for(lambda: all(i["id"] in copies(b, "a.test") for i in later[1:]), 30)
        here = copies(b, "a.test")
        assert here[later[0]["id"]]["status"] == "RETRACTED"
        assert here[ghost["id"]]["status"] == "RETRACTED"
        assert here[later[1]["id"]]["status"] == "PUBLISHED"
        status = {p["id"]: p for p in act(b, "peers")["peers"]}["a.test"]
        assert status["cursor"] == status["head"] and status["quarantined"] == 0
        assert status["lastSuccess"] is not None

        # The copies are read-only on B, with a typed error.
        assert "READ_ONLY_COPY" in read_only_error(b, later[1]["id"])


def read_only_error(node: Instance, origin_id: str) -> str:
    """Try to retract a copy on `node` as its system principal (a script)."""
    script = f"""
import asyncio
from tortoise import Tortoise
from network.access.principal import SYSTEM
from network.db import tortoise_config
from network.errors import DomainError
from network.publications import service
from network.publications.models import Publication
from network.settings import load_settings

async def main():
    settings = load_settings()
    await Tortoise.init(config=tortoise_config(settings))
    try:
        copy = await Publication.get(origin_id={origin_id!r})
        await service.retract_publication(
            SYSTEM, copy.id, instance_id=settings.instance_id, reason="x")
        print("retracted")
    except DomainError as error:
        print(error.code)
    finally:
        await Tortoise.close_connections()

asyncio.run(main())
"""
    done = subprocess.run(
        [sys.executable, "-c", script], env=node.env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_entries_are_relayed_with_their_origins_signature(tmp_path: Path) -> None:
    """C peers only with B, B with A: what A shares reaches C through B, once B relays
    to C, verified against A's own keys; nothing loops back to A."""
    with (
        instance(tmp_path, "a", engine=ENGINE) as a,
        instance(tmp_path, "b") as b,
        instance(tmp_path, "c") as c,
    ):
        act(a, "office", slug="lowmoor-da", name="Lowmoor County DA")
        peer(a, b)  # A and B pull each other
        peer(c, b)  # C and B pull each other; C never talks to A's feed
        first = act(a, "publish", office="lowmoor-da", title="Before relaying",
                    attribution="NAMED")  # fmt: skip
        wait_for(lambda: first["id"] in copies(b, "a.test"), 10)
        # B shares something of its own after it: C's cursor on B's feed passes the
        # entry of A that B holds, which B does not relay to C yet.
        act(b, "office", slug="fenwick-da", name="Fenwick County DA")
        own = act(b, "publish", office="fenwick-da", title="B's own", attribution="NAMED")
        c.cli("worker", "--once")
        assert copies(c, "a.test") == {} and own["id"] in copies(c, "b.test")
        assert "relay on" in b.cli("peer", "relay", "c.test", "on").stdout
        # C sees B relays now and pulls B's feed again from the start: what B applied
        # before relaying was on reaches C too.
        line = c.cli("worker", "--once").stdout.splitlines()[-1]
        assert "relaying started" in line and " 0 quarantined" in line, line
        assert first["id"] in copies(c, "a.test")
        second = act(a, "publish", office="lowmoor-da", title="Relayed at once",
                     attribution="NAMED")  # fmt: skip
        wait_for(lambda: second["id"] in copies(c, "a.test"), 10)
        here = copies(c, "a.test")[second["id"]]
        assert here["originName"] == "Instance A" and here["office"]["name"] == "Lowmoor County DA"
        act(a, "retract", id=first["id"], reason="Withdrawn at the source.")
        wait_for(lambda: copies(c, "a.test")[first["id"]]["status"] == "RETRACTED", 10)
        # B relays to A too: A is still never served its own entries back, and would
        # ignore them if it were.
        b.cli("peer", "relay", "a.test", "on")
        line = a.cli("worker", "--once").stdout.splitlines()[-1]
        assert line.startswith("Synced b.test: ok;") and " 0 quarantined" in line, line
        status = {p["id"]: p for p in act(a, "peers")["peers"]}["b.test"]
        assert status["quarantined"] == 0


def _stat(pid: int) -> list[str]:
    """Fields of /proc/PID/stat after the command name (state, parent, ...)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def _alive(pid: int) -> bool:
    fields = _stat(pid)
    return bool(fields) and fields[0] != "Z"


def _helpers(parent: int) -> set[int]:
    """The signature-checking helpers `parent` started."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _stat(int(entry.name))[1:2] == [str(parent)]:
            try:
                if b"spawn_main" in (entry / "cmdline").read_bytes():
                    found.add(int(entry.name))
            except OSError:
                continue
    return found


def _cursor(node: Instance) -> int:
    """The cursor of `node`'s first peer, read straight from its SQLite file (a
    process per look would be too slow to catch a sync in the middle)."""
    path = node.env["DATABASE_URL"].removeprefix("sqlite://")
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
        row = db.execute("SELECT cursor FROM federation_peer ORDER BY id LIMIT 1").fetchone()
    return int(row[0]) if row else 0


def test_a_peer_killed_mid_sync_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    """B is killed (SIGKILL) while pulling a large feed: every page it committed is
    whole with its cursor, and after a restart it carries on to exactly A's items."""
    count = 8000
    helpers = {"NETWORK_FEDERATION_VERIFY_PROCESSES": "1"}
    with (
        instance(tmp_path, "a", engine=ENGINE) as a,
        instance(tmp_path, "b", env=helpers) as b,
    ):
        act(a, "fill", count=count)
        peer(a, b)  # B starts pulling at once
        wait_for(lambda: _cursor(b) > 0, 60)  # its first page committed
        assert b.process is not None
        checking = _helpers(b.process.pid)
        assert checking  # its signatures are checked in a helper process
        b.stop(kill=True)
        wait_for(lambda: not any(map(_alive, checking)), 10)  # no orphan outlives it
        cut = act(b, "received", origin="a.test")
        assert cut["received"] == cut["copies"] < count  # whole pages only
        b.start()  # catches up by itself after a restart
        wait_for(lambda: act(b, "peers")["peers"][0]["cursor"] == count, 60)
        done = act(b, "received", origin="a.test")
        assert done == {"received": count, "copies": count}
        status = act(b, "peers")["peers"][0]
        assert status["quarantined"] == 0 and status["head"] == count
