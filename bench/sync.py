"""What federated sync costs, between two real instances over real HTTP.

Instance A (its own process and database) holds a feed of N signed entries (new
items, later versions of some, retractions of others); instance B is peered with it
the way admins do it (`network peer invite` / `network peer add`). Then, in this
process, against B's database:

- download: every page of A's feed fetched with B's token, nothing else (the floor:
  HTTP, JSON and A's reads);
- download + verify: each envelope also opened against A's keys;
- sync: a full round (`federation.sync.sync_peer`): download, verify, apply to B's
  database and move the cursor, page by page;

and, with both instances syncing by themselves, the hinted latency: an item published
on A (in another process, so A's runner sees it through the feed counter) until B
serves it to an anonymous reader.

Prints a table and writes bench/RESULTS-sync-ENGINE.md.

    .venv/bin/python bench/sync.py [--entries 20000] [--engine sqlite|postgres] [--hinted 20]
"""

import argparse
import asyncio
import cProfile
import importlib
import json
import os
import pstats
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import httpx  # noqa: E402
from joserfc.jwk import OKPKey  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from federation import client, sync  # noqa: E402
from federation.envelope import open_envelope  # noqa: E402
from federation.models import Peer  # noqa: E402
from network.db import tortoise_config  # noqa: E402
from network.settings import load_settings  # noqa: E402
from network.wiring import wire  # noqa: E402

POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BODY_WORDS = 200
PROFILE = os.environ.get("BENCH_PROFILE") == "1"  # print where a sync round's time goes
# Wall-clock seconds spent in each step of a sync round (nested steps are inside their
# callers; fetching runs beside applying). Printed under the table.
TIMED = (
    "federation.sync:_fetch", "federation.sync:_apply_page", "federation.apply:apply_page",
    "network.publications.copies:apply_changes", "network.publications.copies:_offices",
    "network.publications.copies:_existing", "network.publications.copies:_revisions",
    "network.publications.copies:_topics", "network.publications.copies:update_rows",
    "network.changes.log:record_many", "network.search.reindex:index_changes",
    "network.search.reindex:index_heads", "federation.feed:append_relayed",
    "federation.apply:insert_rows", "federation.apply:update_rows",
)  # fmt: skip

FILL = """
import asyncio, sys, uuid
from tortoise import Tortoise
from federation import envelope, keys
from federation.models import FeedEntry
from network.db import tortoise_config
from network.settings import load_settings

WORDS = " ".join(f"word{j % 97}" for j in range(int(sys.argv[2])))

def body(i, version):
    return {
        "kind": "POLICY", "visibility": "FEDERATED", "title": f"Pretrial release {i}",
        "summary": "How the office decides on release conditions.",
        "attribution": "PSEUDONYMOUS", "attributionLabel": f"Office B{i % 300:04d}",
        "office": {}, "topics": ["bail-pretrial", "charging-standards"],
        "effectiveDate": "2024-03-01", "sunsetDate": None,
        "publishedAt": "2024-03-02T10:00:00+00:00", "sourceReference": "",
        "revision": {
            "number": version, "title": f"Pretrial release {i}", "summary": "Release.",
            "body": WORDS, "sections": {}, "evidenceLevel": None, "evidenceStudies": None,
            "changeSummary": "Initial version.", "publishedAt": "2024-03-02T10:00:00+00:00",
        },
    }

async def main():
    settings = load_settings()
    await Tortoise.init(config=tortoise_config(settings))
    signer = await keys.signer(settings)
    total, rows, items = int(sys.argv[1]), [], []
    for n in range(total):
        if n % 10 == 9 and items:  # a retraction of an earlier item
            item, version = items.pop(n % len(items)), 4
            kind, payload = "retraction", {"kind": "POLICY", "reason": "Superseded.",
                "withdrawn": False, "retractedAt": "2024-05-01T10:00:00+00:00"}
        elif n % 10 == 8 and items:  # a new version of an earlier item
            item, version = items[n % len(items)], 3
            kind, payload = "publication", body(n, 2)
        else:
            item, version = str(uuid.uuid4()), 1
            items.append(item)
            kind, payload = "publication", body(n, 1)
        token = envelope.seal(signer.key, signer.kid, {"origin": settings.instance_id,
            "id": item, "version": version, "kind": kind, "body": payload})
        rows.append(FeedEntry(origin=settings.instance_id, item_id=item, version=version,
                              kind=kind, envelope=token))
        if len(rows) == 1000:
            await FeedEntry.bulk_create(rows)
            rows = []
    if rows:
        await FeedEntry.bulk_create(rows)
    await Tortoise.close_connections()

asyncio.run(main())
"""

PUBLISH = """
import asyncio, json, sys, time
import httpx
from tortoise import Tortoise
from network.access.principal import SYSTEM
from network.db import tortoise_config
from network.offices.models import Attribution, Office, OfficeKind, Region
from network.offices.service import NewOffice, create_office, pseudonym_key
from network.publications import service
from network.publications.models import PublicationKind, Visibility
from network.settings import load_settings
from network.wiring import wire

QUERY = "{ policies(first: 5) { edges { node { title } } } }"

async def main():
    settings = load_settings()
    wire(settings)
    await Tortoise.init(config=tortoise_config(settings))
    office = await Office.get_or_none(slug="bench-office") or await create_office(
        SYSTEM, NewOffice("bench-office", "Bench County DA", "Bench County", "OR",
                          OfficeKind.COUNTY, 200_000, Region.WEST), pseudonym_key=pseudonym_key(settings))
    latencies = []
    async with httpx.AsyncClient() as http:
        for n in range(int(sys.argv[2])):
            title = f"Hinted item {n} {time.time_ns()}"
            new = service.NewPublication(
                kind=PublicationKind.POLICY, visibility=Visibility.PUBLIC,
                draft=service.RevisionDraft(title=title, body="Published for the bench."),
                topics=("bail-pretrial",), attribution=Attribution.PSEUDONYMOUS)
            created = await service.create_publication(
                SYSTEM, office, new, instance_id=settings.instance_id, generalized_k=5)
            start = time.perf_counter()
            await service.publish_publication(SYSTEM, created.id, instance_id=settings.instance_id)
            while True:
                answer = (await http.post(sys.argv[1], json={"query": QUERY})).json()
                titles = [e["node"]["title"] for e in answer["data"]["policies"]["edges"]]
                if title in titles:
                    break
                if time.perf_counter() - start > 30:
                    raise SystemExit(f"{title} never reached the peer")
                await asyncio.sleep(0.01)
            latencies.append(time.perf_counter() - start)
            await asyncio.sleep(0.3)
    await Tortoise.close_connections()
    print(json.dumps(latencies))

asyncio.run(main())
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Node:
    """One instance: its environment, database and `network serve` process."""

    def __init__(self, label: str, directory: Path, engine: str, **extra: str) -> None:
        self.label = label
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.database = f"bench_sync_{label}_{uuid.uuid4().hex[:6]}"
        directory.mkdir(parents=True, exist_ok=True)
        url = (
            f"sqlite://{directory / 'db.sqlite3'}"
            if engine == "sqlite"
            else POSTGRES.rsplit("/", 1)[0].replace("postgresql://", "postgres://")
            + f"/{self.database}"
        )
        self.env = {
            **os.environ,
            "DATABASE_URL": url,
            "NETWORK_DATA_DIR": str(directory),
            "NETWORK_INSTANCE_ID": f"{label}.bench",
            "NETWORK_INSTANCE_NAME": f"Bench {label.upper()}",
            "NETWORK_BASE_URL": self.base,
            "NETWORK_SECRET_KEY": f"bench-secret-{label}-" + "x" * 40,
            **extra,
        }
        self.engine = engine
        self.log = (directory / "serve.log").open("a")
        self.process: subprocess.Popen[bytes] | None = None

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], env=self.env, capture_output=True, text=True, cwd=ROOT,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"{self.label}: {' '.join(args[:3])} failed:\n{done.stderr}")
        return done.stdout

    def cli(self, *args: str) -> str:
        return self.run("-m", "network.cli", *args)

    def serve(self, **extra: str) -> None:
        self.env.update(extra)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "network.cli", "serve", "--port", str(self.port)],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        raise SystemExit(f"{self.label} did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None


async def _database(node: Node, create: bool) -> None:
    if node.engine != "postgres":
        return
    admin = await asyncpg.connect(POSTGRES)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{node.database}" WITH (FORCE)')
        if create:
            await admin.execute(f'CREATE DATABASE "{node.database}"')
    finally:
        await admin.close()


STEPS: list[str] = []


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}"


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed() -> dict[str, list[float]]:
    """Wrap the TIMED coroutines so each call adds its wall-clock seconds."""
    spent: dict[str, list[float]] = {}
    for name in TIMED:
        module_name, attribute = name.split(":")
        module = importlib.import_module(module_name)
        original = getattr(module, attribute)
        spent[name] = []

        def wrapper(original: Any = original, bucket: list[float] = spent[name]) -> Any:
            async def call(*args: Any, **kwargs: Any) -> Any:
                start = time.perf_counter()
                try:
                    return await original(*args, **kwargs)
                finally:
                    bucket.append(time.perf_counter() - start)

            return call

        setattr(module, attribute, wrapper())
    return spent


async def measure(b: Node, entries: int) -> list[tuple[str, str, str, str]]:
    os.environ.update({k: v for k, v in b.env.items() if k.startswith(("NETWORK_", "DATABASE"))})
    settings = load_settings()
    spent = timed()
    wire(settings)  # the change-log consumers a serving instance has (search index, caches)
    await Tortoise.init(config=tortoise_config(settings))
    rows: list[tuple[str, str, str, str]] = []
    try:
        peer = await Peer.get(instance_id="a.bench")
        async with httpx.AsyncClient() as http:
            known = {k["kid"]: OKPKey.import_key(k) for k in peer.envelope_keys["keys"]}

            async def key_for(kid: str) -> OKPKey | None:
                return known.get(kid)

            # download only, then download + verify: nothing written to B
            for verify in (False, True):
                start, after, seen, pages = time.perf_counter(), 0, 0, []
                while True:
                    t0 = time.perf_counter()
                    page = await client.feed_page(
                        settings, http, peer, after=after, limit=sync.PAGE_SIZE
                    )
                    for item in page["entries"]:
                        if verify:
                            await open_envelope(item["envelope"], key_for, origin="a.bench")
                        seen += 1
                    pages.append((time.perf_counter() - t0) * 1000)
                    after = page["next"]
                    if not page["more"]:
                        break
                took = time.perf_counter() - start
                assert seen == entries, (seen, entries)
                name = "download + verify" if verify else "download (floor)"
                rows.append((name, rate(seen, took), f"{statistics.median(pages):.1f}",
                             f"{rss_mib():.0f}"))  # fmt: skip
            profiler = cProfile.Profile() if PROFILE else None
            if profiler:
                profiler.enable()
            for bucket in spent.values():
                bucket.clear()
            start = time.perf_counter()
            pages_ms: list[float] = []
            outcome = sync.Round(peer="a.bench")
            while True:
                t0 = time.perf_counter()
                outcome = await sync.sync_peer(settings, http, peer.id, "bench")
                pages_ms.append((time.perf_counter() - t0) * 1000 / max(outcome.pages, 1))
                if outcome.error or outcome.cursor >= entries or outcome.pages == 0:
                    break
            took = time.perf_counter() - start
            if profiler:
                profiler.disable()
                profiler.dump_stats(os.environ.get("BENCH_PROFILE_OUT", "/dev/null"))
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
            if outcome.error:
                raise SystemExit(f"sync failed: {outcome.error}")
            done = await Peer.get(id=peer.id)
            assert done.cursor == done.feed_head, (done.cursor, done.feed_head)
            rows.append(("sync (verify + apply)", rate(entries, took),
                         f"{statistics.median(pages_ms):.1f}", f"{rss_mib():.0f}"))  # fmt: skip
            STEPS.extend(
                f"| {name.split(':')[1]} | {len(calls)} | {sum(calls):.2f} | "
                f"{1000 * sum(calls) / max(len(calls), 1):.1f} |"
                for name, calls in spent.items() if calls
            )  # fmt: skip
    finally:
        await Tortoise.close_connections()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--hinted", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    a = Node("a", work / "a", args.engine, NETWORK_FEDERATION_SYNC_IN_SERVE="0")
    b = Node("b", work / "b", args.engine, NETWORK_FEDERATION_SYNC_IN_SERVE="0")
    try:
        for node in (a, b):
            asyncio.run(_database(node, create=True))
            node.cli("migrate")
        t0 = time.perf_counter()
        a.run("-c", FILL, str(args.entries), str(BODY_WORDS))
        fill = time.perf_counter() - t0
        a.serve()
        b.serve()
        code = b.cli("peer", "invite").strip().splitlines()[-1]
        a.cli("peer", "add", b.base, code)
        rows = asyncio.run(measure(b, args.entries))
        # Hinted latency: both sync by themselves now.
        for node in (a, b):
            node.stop()
            node.serve(NETWORK_FEDERATION_SYNC_IN_SERVE="1")
        time.sleep(2)
        latencies = json.loads(
            a.run("-c", PUBLISH, f"{b.base}/graphql", str(args.hinted)).strip().splitlines()[-1]
        )
    finally:
        for node in (a, b):
            node.stop()
            asyncio.run(_database(node, create=False))
        shutil.rmtree(work, ignore_errors=True)
    latencies_ms = sorted(x * 1000 for x in latencies)
    p50 = statistics.median(latencies_ms)
    p95 = latencies_ms[min(len(latencies_ms) - 1, int(len(latencies_ms) * 0.95))]
    table = [
        f"| path | entries/s | ms per {sync.PAGE_SIZE}-entry page (p50) | bench RSS MiB |",
        "|---|---:|---:|---:|",
        *(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |" for r in rows),
    ]
    text = "\n".join([
        f"# Federated sync ({args.engine}, {args.entries:,} entries of about "
        f"{BODY_WORDS} words; 80% new items, 10% new versions, 10% retractions)",
        "",
        f"A's feed filled in {fill:.1f} s ({rate(args.entries, fill)} entries/s sealed and "
        "stored).",
        "",
        *table,
        "",
        f"Hinted publish on A until an anonymous reader of B sees it ({len(latencies)} "
        f"items): p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {max(latencies_ms):.0f} ms.",
        "",
        "Where the sync's wall-clock time went (steps nest; fetching and checking the next "
        "page run beside applying one):",
        "",
        "| step | calls | seconds | ms per call |",
        "|---|---:|---:|---:|",
        *STEPS,
        "",
    ])  # fmt: skip
    print(text)
    (ROOT / "bench" / f"RESULTS-sync-{args.engine}.md").write_text(text)


if __name__ == "__main__":
    main()
