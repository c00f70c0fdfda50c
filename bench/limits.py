"""What the request limits cost, in process, against the same requests without them.

Runs persisted operations through the ASGI app (no HTTP server or load tool, so the
numbers isolate the app) on the demo network, uncached, in three configurations:
as shipped (cost limit, body guard, canonical visibility scope), without the cost
limiter, and without the body guard middleware. Also times the cost estimate alone
per operation and a cached hit (byte-accounted cache). Prints a table and writes
bench/RESULTS-limits.md.

    .venv/bin/python bench/limits.py [--database-url URL] [--iterations 300]
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OPERATIONS = ("BrowsePolicies", "SearchPublications", "PublicationDetail")


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def _time_requests(client: Any, body: dict[str, Any], iterations: int) -> list[float]:
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        response = await client.post("/graphql", json=body)
        samples.append(time.perf_counter() - start)
        if response.status_code != 200 or "errors" in response.json():
            raise SystemExit(f"request failed: {response.text[:300]}")
    return samples


async def main(database_url: str | None, iterations: int) -> str:
    import httpx
    from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse
    from tortoise import Tortoise

    from network.api import cost
    from network.api.persisted import document_hash, load_documents
    from network.app import OPERATIONS_DIR, create_app
    from network.cli import migrate_database
    from network.db import tortoise_config
    from network.demo.loader import load_demo
    from network.publications.models import Publication, PublicationStatus, Visibility
    from network.settings import load_settings
    from network.wiring import graphql_schema

    tmp = Path(tempfile.mkdtemp(prefix="pn-limits-"))
    settings = replace(load_settings(), data_dir=tmp)
    settings = replace(settings, database_url=database_url or f"sqlite://{tmp / 'demo.sqlite3'}")
    await migrate_database(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    try:
        await load_demo(settings, seed=7)
        item = await Publication.filter(
            visibility=Visibility.PUBLIC, status=PublicationStatus.PUBLISHED, kind="POLICY"
        ).first()
        assert item is not None
        from strawberry.relay import to_base64

        from network.api.core.ids import publication_node_id

        texts = {
            path.stem: path.read_text(encoding="utf-8")
            for path in sorted(OPERATIONS_DIR.glob("*.graphql"))
        }
        variables = {
            "BrowsePolicies": {"first": 20},
            "SearchPublications": {"query": "diversion", "first": 20},
            "PublicationDetail": {
                "id": to_base64("Policy", publication_node_id(item.origin_instance, item.origin_id))
            },
        }
        bodies = {
            name: {"documentId": document_hash(texts[name]), "variables": variables[name]}
            for name in OPERATIONS
        }
        assert set(load_documents(OPERATIONS_DIR)) >= {b["documentId"] for b in bodies.values()}

        # The estimate alone, per operation.
        schema = graphql_schema(settings)._schema
        estimate_rows = []
        for name in OPERATIONS:
            document = parse(texts[name])
            fragments = {
                d.name.value: d
                for d in document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            operation = next(
                d for d in document.definitions if isinstance(d, OperationDefinitionNode)
            )
            pricer = cost.OperationCost(schema, fragments, variables[name], 100)
            value = pricer.of_operation(operation)
            start = time.perf_counter()
            for _ in range(2000):
                pricer.of_operation(operation)
            estimate_rows.append((name, value, (time.perf_counter() - start) / 2000 * 1e6))

        shipped = create_app(replace(settings, response_cache_enabled=False))
        no_guard = create_app(replace(settings, response_cache_enabled=False))
        no_guard.user_middleware = [
            m for m in no_guard.user_middleware if "BodyGuard" not in getattr(m.cls, "__name__", "")
        ]
        cached = create_app(replace(settings, response_cache_enabled=True))
        original_on_execute = cost.CostLimiter.on_execute

        def skip(self: Any) -> Iterator[None]:
            yield

        results: dict[tuple[str, str], list[float]] = {}
        configurations = (
            ("as shipped", shipped, False),
            ("without cost limit", shipped, True),
            ("without body guard", no_guard, False),
            ("cached hit", cached, False),
        )
        clients = {
            label: httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1"
            )
            for label, app, _ in configurations
        }
        # Configurations take turns in rounds of 20, so drift on a shared machine (other
        # processes, CPU frequency) falls on all of them alike.
        for label, _, _ in configurations:
            for name in OPERATIONS:
                await _time_requests(clients[label], bodies[name], 20)  # warm-up
                results[(label, name)] = []
        for _ in range(max(1, iterations // 20)):
            for label, _, drop_cost in configurations:
                cost.CostLimiter.on_execute = skip if drop_cost else original_on_execute  # type: ignore[method-assign]
                for name in OPERATIONS:
                    results[(label, name)] += await _time_requests(clients[label], bodies[name], 20)
        for client in clients.values():
            await client.aclose()
        cost.CostLimiter.on_execute = original_on_execute  # type: ignore[method-assign]
        hits = cached.state.response_cache.hits
        misses = cached.state.response_cache.misses
    finally:
        await Tortoise.close_connections()

    lines = [
        "# What the request limits cost",
        "",
        f"In process through the ASGI app, demo network, {iterations} sequential requests per "
        "cell after 20 warm-up requests, configurations interleaved in rounds of 20 (engine: "
        f"{'SQLite' if settings.is_sqlite else 'PostgreSQL'}). Uncached unless stated.",
        "",
        "| operation | configuration | req/s | p50 ms | p95 ms | p99 ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name in OPERATIONS:
        for label, _, _ in configurations:
            samples = results[(label, name)]
            lines.append(
                f"| {name} | {label} | {len(samples) / sum(samples):,.0f} | "
                f"{_percentile(samples, 0.5):.2f} | {_percentile(samples, 0.95):.2f} | "
                f"{_percentile(samples, 0.99):.2f} |"
            )
    lines += [
        "",
        f"Cached configuration: {hits} hits, {misses} misses "
        f"(hit rate {hits / max(1, hits + misses):.1%}).",
        "",
        "| operation | estimated cost | estimate alone, µs |",
        "|---|---:|---:|",
    ]
    for name, value, micros in estimate_rows:
        lines.append(f"| {name} | {value:,} | {micros:.1f} |")
    median = {
        (label, name): statistics.median(results[(label, name)]) * 1000
        for label, _, _ in configurations
        for name in OPERATIONS
    }
    lines += ["", "Median overhead of each limit (ms, as shipped minus without it):", ""]
    for name in OPERATIONS:
        lines.append(
            f"- {name}: cost limit {median[('as shipped', name)] - median[('without cost limit', name)]:+.3f}, "
            f"body guard {median[('as shipped', name)] - median[('without body guard', name)]:+.3f}"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS-limits.md")
    args = parser.parse_args()
    report = asyncio.run(main(args.database_url, args.iterations))
    print(report)
    args.output.write_text(report, encoding="utf-8")
