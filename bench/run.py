"""Load benchmark: the browse and search queries at concurrency 32, on PostgreSQL and
SQLite, beside the same reads in raw SQL (the floor) and PostGraphile 4 over the same
tables (the peer). Prints a Markdown table and writes it to bench/RESULTS.md.

Every HTTP scenario is driven by wrk with the same script, connections and duration.
The database must hold data from bench/generate.py.
"""

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
OPERATIONS = ROOT / "graphql" / "operations"
BROWSE = (OPERATIONS / "BrowsePolicies.graphql").read_text()
SEARCH = (OPERATIONS / "SearchPublications.graphql").read_text()


SERVER = "network (uvicorn, 1 process)"


@dataclass
class Row:
    scenario: str
    engine: str
    server: str
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    rss_mb: float | None
    statements: int | str
    errors: int


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rss_mb(pid: int) -> float | None:
    """Peak resident memory (VmHWM) of a process, in MiB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@contextmanager
def serve(command: list[str], env: dict[str, str], health_url: str) -> Iterator[int]:
    log = (WORK / "server.log").open("a")
    process = subprocess.Popen(command, env={**os.environ, **env}, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited; see {WORK / 'server.log'}")
            try:
                if httpx.get(health_url, timeout=1).status_code < 500:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            raise RuntimeError(f"{command} did not start")
        yield process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def wrk(port: int, bodies: list[str], seconds: int, connections: int, path: str) -> dict:
    bodies_file = WORK / "bodies.jsonl"
    bodies_file.write_text("\n".join(bodies) + "\n")
    env = {**os.environ, "BENCH_BODIES": str(bodies_file), "BENCH_PATH": path}
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "wrk.lua"),
        f"http://127.0.0.1:{port}{path}",
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    line = next(x for x in output.splitlines() if x.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def check_bodies(url: str, bodies: list[str]) -> None:
    """Every body must succeed before it is measured (errors are fast and would flatter)."""
    for body in bodies[:10]:
        response = httpx.post(url, content=body, headers={"content-type": "application/json"})
        payload = response.json()
        if response.status_code != 200 or payload.get("errors"):
            raise RuntimeError(f"benchmark request failed: {response.text[:300]}")


def browse_bodies(url: str, pages: int) -> list[str]:
    """The first `pages` pages of the browse query, by following cursors."""
    bodies, after = [], None
    for _ in range(pages):
        variables = {"first": 20, "after": after}
        body = json.dumps({"query": BROWSE, "variables": variables})
        data = httpx.post(url, content=body, headers={"content-type": "application/json"}).json()
        bodies.append(body)
        info = data["data"]["policies"]["pageInfo"]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    return bodies


def search_bodies() -> list[str]:
    from bench.common import SEARCH_TERMS

    return [
        json.dumps({"query": SEARCH, "variables": {"query": t, "first": 20}}) for t in SEARCH_TERMS
    ]


POSTGRAPHILE_BROWSE = """
query($offset: Int!) {
  allPublications(first: 20, offset: $offset, orderBy: ID_DESC,
    condition: {kind: "POLICY", status: "PUBLISHED", visibility: "PUBLIC"}) {
    totalCount
    nodes {
      id title summary status visibility attribution attributionLabel effectiveDate publishedAt
      officeByOfficeId { id name state region sizeBand }
      publicationTopicsByPublicationId { nodes { topicByTopicId { slug name } } }
      revisionsByPublicationId(first: 1, orderBy: NUMBER_DESC) {
        nodes { id number effectiveDate changeSummary }
      }
    }
  }
}
"""


def wrk_row(
    scenario: str, engine: str, server: str, result: dict, rss: float | None, statements: int | str
) -> Row:
    seconds = result["duration_us"] / 1e6
    return Row(
        scenario,
        engine,
        server,
        result["requests"] / seconds,
        result["p50"] / 1000,
        result["p95"] / 1000,
        result["p99"] / 1000,
        rss,
        statements,
        result["socket_errors"] + result["non2xx"],
    )


def render(rows: list[Row], meta: str) -> str:
    lines = [
        meta,
        "",
        "| scenario | engine | server | req/s | p50 ms | p95 ms | p99 ms | peak RSS MiB | SQL/request | errors |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        rss = f"{r.rss_mb:.0f}" if r.rss_mb else "—"
        lines.append(
            f"| {r.scenario} | {r.engine} | {r.server} | {r.rps:,.0f} | {r.p50_ms:.1f} | "
            f"{r.p95_ms:.1f} | {r.p99_ms:.1f} | {rss} | {r.statements} | {r.errors} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    from bench import floor, statements

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/bench_full")
    parser.add_argument("--sqlite", default=f"sqlite://{WORK / 'bench.sqlite3'}")
    parser.add_argument("--engines", default="postgres,sqlite")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--output", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    for engine in args.engines.split(","):
        url = args.postgres if engine == "postgres" else args.sqlite
        counts = asyncio.run(statements.per_request(url, BROWSE, SEARCH))
        for cached in (False, True):
            port = _free_port()
            env = {"DATABASE_URL": url, "NETWORK_RESPONSE_CACHE": "true" if cached else "false"}
            command = [sys.executable, "-m", "network.cli", "serve", "--port", str(port)]
            base = f"http://127.0.0.1:{port}"
            with serve(command, env, f"{base}/healthz") as pid:
                browse = browse_bodies(f"{base}/graphql", 50)
                searches = search_bodies()
                for name, bodies, count in (
                    ("browse", browse, counts[0]),
                    ("search", searches, counts[1]),
                ):
                    check_bodies(f"{base}/graphql", bodies)
                    wrk(port, bodies, 2, args.connections, "/graphql")  # warm-up
                    result = wrk(port, bodies, args.seconds, args.connections, "/graphql")
                    label = f"{name} ({'cached' if cached else 'uncached'})"
                    rows.append(wrk_row(label, engine, SERVER, result, _rss_mb(pid), count))
                    print(render(rows[-1:], ""), flush=True)
                    if not cached:
                        # One client at a time: the latency of a single uncached request.
                        result = wrk(port, bodies, args.seconds, 1, "/graphql")
                        label = f"{name} (uncached, 1 client)"
                        rows.append(wrk_row(label, engine, SERVER, result, _rss_mb(pid), count))
                        print(render(rows[-1:], ""), flush=True)
        for name, runner in (("browse", floor.browse), ("search", floor.search)):
            result = asyncio.run(runner(url, args.seconds, args.connections))
            rows.append(
                Row(
                    f"{name} (raw SQL floor)",
                    engine,
                    "python driver, no HTTP",
                    result["rps"],
                    result["p50"],
                    result["p95"],
                    result["p99"],
                    None,
                    result["statements"],
                    0,
                )
            )
            print(render(rows[-1:], ""), flush=True)
        if engine == "postgres":
            rows.append(postgraphile(url, args.seconds, args.connections))
            print(render(rows[-1:], ""), flush=True)
    meta = (
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {platform.machine()}, {os.cpu_count()} cores "
        f"(server, database and load tool share them); wrk -t2 -c{args.connections} "
        f"-d{args.seconds}s after a 2 s warm-up."
    )
    table = render(rows, meta) + ratios(rows)
    print(table)
    Path(args.output).write_text(
        "# Benchmark results\n\n"
        "Produced by `bench/run.sh`; see README.md for what each scenario measures.\n\n" + table
    )
    return 0


def ratios(rows: list[Row]) -> str:
    """Browse throughput against PostGraphile, measured in this same run."""
    peer = next((r for r in rows if r.server.startswith("PostGraphile")), None)
    if peer is None:
        return ""
    lines = ["", f"Browse on PostgreSQL against PostGraphile ({peer.rps:,.0f} req/s):", ""]
    for r in rows:
        if r.engine == "postgres" and r.scenario.startswith("browse (") and r.server == SERVER:
            lines.append(
                f"- {r.scenario}: {r.rps / peer.rps:.2f}x its requests/s, p99 {r.p99_ms:.1f} ms"
            )
    return "\n".join(lines) + "\n"


def postgraphile(url: str, seconds: int, connections: int) -> Row:
    binary = WORK / "node" / "node_modules" / ".bin" / "postgraphile"
    port = _free_port()
    command = [
        str(binary),
        "-c",
        url,
        "--schema",
        "public",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--disable-query-log",
        "--disable-graphiql",
    ]
    bodies = [
        json.dumps({"query": POSTGRAPHILE_BROWSE, "variables": {"offset": page * 20}})
        for page in range(50)
    ]
    with serve(command, {}, f"http://127.0.0.1:{port}/graphql") as pid:
        check_bodies(f"http://127.0.0.1:{port}/graphql", bodies)
        wrk(port, bodies, 2, connections, "/graphql")
        result = wrk(port, bodies, seconds, connections, "/graphql")
        return wrk_row("browse", "postgres", "PostGraphile 4 (node)", result, _rss_mb(pid), "—")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
