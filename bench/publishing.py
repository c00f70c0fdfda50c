"""What each publishing step costs through GraphQL, with the analysis apart.

Runs the mutations through the ASGI app (in process, no HTTP server) on the demo
network: createDraft (analysis included), resolveFinding, submitForReview, approve
and publish (no analysis: it redacts and writes the revision), per iteration on a
fresh draft. The baseline, measured in the same run, is the service call that writes
a revision without review or redaction (`publications.service.revise_publication`):
the floor a publish cannot go below. Prints a table and writes
bench/RESULTS-publishing.md.

    .venv/bin/python bench/publishing.py [--database-url URL] [--iterations 60]
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "## Practice\n\nDefendant John Whitaker (DOB 03/14/1991) was booked under "
    "BK-2024-019283. Mr. Whitaker entered the program; call Ms. Delgado at 555-201-3344. "
    "The office offers diversion before charging to every first retail-theft case under "
    "the felony threshold, and tracks completion monthly.\n"
)
CREATE = """mutation($input: CreateDraftInput!) { createDraft(input: $input) {
  publication { id } draft { findings { id blocking } } errors { code message } } }"""
RESOLVE = """mutation($input: ResolveFindingInput!) { resolveFinding(input: $input) {
  errors { code } } }"""
STEP = "mutation($id: ID!) { %s(id: $id) { errors { code message } } }"
PUBLISH = "mutation($id: ID!) { publish(id: $id) { publication { status } errors { code } } }"


def _ms(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def _call(client: Any, query: str, **variables: Any) -> tuple[float, dict[str, Any]]:
    start = time.perf_counter()
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    elapsed = time.perf_counter() - start
    body = response.json()
    if response.status_code != 200 or "errors" in body:
        raise SystemExit(f"request failed: {response.text[:300]}")
    payload = next(iter(body["data"].values()))
    if payload.get("errors"):
        raise SystemExit(f"mutation refused: {payload['errors']}")
    return elapsed, payload


async def main(database_url: str | None, iterations: int) -> str:
    import httpx
    from tortoise import Tortoise

    from network.access.principal import member_principal
    from network.app import create_app
    from network.cli import migrate_database
    from network.db import tortoise_config
    from network.demo.loader import load_demo
    from network.offices.models import Member, Office, OfficeRole
    from network.publications import service
    from network.publications.models import Publication, PublicationStatus
    from network.settings import load_settings
    from network.wiring import wire

    tmp = Path(tempfile.mkdtemp(prefix="pn-publishing-"))
    settings = replace(load_settings(), data_dir=tmp, response_cache_enabled=False)
    settings = replace(settings, database_url=database_url or f"sqlite://{tmp / 'demo.sqlite3'}")
    await migrate_database(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    wire(settings)
    try:
        await load_demo(settings, seed=7)
        office = await Office.get(slug="wabash-valley-prosecutor")

        async def member(role: OfficeRole) -> Any:
            row = await Member.filter(office_id=office.id, office_role=role).first()
            assert row is not None
            return member_principal(office_id=office.id, member_id=row.id, role=role)

        author, reviewer = await member(OfficeRole.PUBLISHER), await member(OfficeRole.OFFICE_ADMIN)
        app = create_app(settings)

        def client(principal: Any) -> httpx.AsyncClient:
            async def with_principal(scope: Any, receive: Any, send: Any) -> None:
                scope["principal"] = principal
                await app(scope, receive, send)

            return httpx.AsyncClient(
                transport=httpx.ASGITransport(app=with_principal), base_url="http://127.0.0.1"
            )

        timings: dict[str, list[float]] = {
            k: []
            for k in ("createDraft", "resolveFinding", "submitForReview", "approve", "publish")
        }
        tracemalloc.start()
        async with client(author) as as_author, client(reviewer) as as_reviewer:
            for i in range(iterations):
                fields = {
                    "title": f"Bench policy {i}",
                    "body": TEXT,
                    "topics": ["cash-bail"],
                    "visibility": "NETWORK",
                }
                elapsed, payload = await _call(
                    as_author, CREATE, input={"kind": "POLICY", "fields": fields}
                )
                timings["createDraft"].append(elapsed)
                pid = payload["publication"]["id"]
                for finding in payload["draft"]["findings"]:
                    elapsed, _ = await _call(
                        as_author,
                        RESOLVE,
                        input={"findingId": finding["id"], "decision": "ACCEPTED"},
                    )
                    timings["resolveFinding"].append(elapsed)
                for who, step in ((as_author, "submitForReview"), (as_reviewer, "approve")):
                    elapsed, _ = await _call(who, STEP % step, id=pid)
                    timings[step].append(elapsed)
                elapsed, _ = await _call(as_author, PUBLISH, id=pid)
                timings["publish"].append(elapsed)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        published = await Publication.filter(
            office_id=office.id, status=PublicationStatus.PUBLISHED
        ).first()
        assert published is not None
        baseline = []
        for i in range(iterations):
            draft = service.RevisionDraft(
                title=published.title, body=TEXT, change_summary=f"Baseline revision {i}."
            )
            start = time.perf_counter()
            await service.revise_publication(
                author, published.id, draft, instance_id=settings.instance_id
            )
            baseline.append(time.perf_counter() - start)
    finally:
        await Tortoise.close_connections()

    engine = "PostgreSQL" if database_url and "postgres" in database_url else "SQLite"
    rows = [
        "| step | n | mean ms | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, samples in [*timings.items(), ("baseline: revise_publication (service)", baseline)]:
        rows.append(
            f"| {name} | {len(samples)} | {statistics.mean(samples) * 1000:.1f} | "
            f"{_ms(samples, 0.5):.1f} | {_ms(samples, 0.95):.1f} | {_ms(samples, 0.99):.1f} |"
        )
    report = "\n".join(
        [
            f"# Publishing steps ({engine}, demo network, {iterations} drafts)",
            "",
            "Through the ASGI app in process, uncached. `createDraft` includes the analysis;",
            "`publish` does not (it redacts and writes the revision).",
            "",
            *rows,
            "",
            f"Peak traced Python memory during the GraphQL steps: {peak / 1024 / 1024:.1f} MiB.",
            "",
        ]
    )
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--iterations", type=int, default=60)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    text = asyncio.run(main(args.database_url, args.iterations))
    print(text)
    (ROOT / "bench" / "RESULTS-publishing.md").write_text(text)
