"""Token issuance and bearer verification, in process, against the bare JOSE work.

Prints p50/p95/p99 per operation: `/oauth/token` handled end to end through the ASGI
app (client lookup, Authlib, signing, audit row), and a GraphQL request's bearer
check (`principal_from_bearer`: header, signature, claims, revocation cache); beside
each, the signature alone with joserfc, the floor.

    .venv/bin/python bench/auth.py [--database-url URL] [--iterations 500]
"""

import argparse
import asyncio
import base64
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return at(0.5), at(0.95), at(0.99)


async def main(database_url: str, iterations: int, output: Path | None) -> None:
    import httpx
    from joserfc import jwt
    from tortoise import Tortoise

    from network.access.principal import SYSTEM
    from network.app import create_app
    from network.auth import service as identity
    from network.auth.bearer import principal_from_bearer
    from network.auth.keys import key_ring
    from network.cli import migrate_database
    from network.db import tortoise_config
    from network.offices.models import Office, OfficeKind, Region
    from network.offices.service import NewOffice, create_office
    from network.settings import load_settings

    settings = replace(
        load_settings(),
        database_url=database_url,
        base_url="https://bench.example",
        token_per_minute=10**9,
    )
    await migrate_database(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    rows: list[tuple[str, float, float, float]] = []
    try:
        office = await Office.first() or await create_office(
            SYSTEM,
            NewOffice(
                "bench-office",
                "Bench Office",
                "Bench County",
                "OH",
                OfficeKind.COUNTY,
                200_000,
                Region.MIDWEST,
            ),
            pseudonym_key=b"bench pseudonym key",
        )
        client, secret = await identity.create_api_client(
            SYSTEM, office.id, identity.NewApiClient(name="bench", scopes=("read",))
        )
        basic = {
            "authorization": "Basic "
            + base64.b64encode(f"{client.client_id}:{secret}".encode()).decode()
        }
        app = create_app(replace(settings, response_cache_enabled=False))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://bench.example") as http:
            samples, token = [], ""
            for _ in range(iterations):
                started = time.perf_counter()
                response = await http.post(
                    "/oauth/token", data={"grant_type": "client_credentials"}, headers=basic
                )
                samples.append(time.perf_counter() - started)
                token = response.json()["access_token"]
            rows.append(
                ("token issuance (POST /oauth/token, ASGI in process)", *_percentiles(samples))
            )
        ring = await key_ring(settings)
        samples = []
        for _ in range(iterations):
            started = time.perf_counter()
            jwt.encode(
                {"alg": "RS256", "kid": "k", "typ": "at+jwt"}, {"iss": "x", "n": 1}, ring.signing
            )
            samples.append(time.perf_counter() - started)
        rows.append(("floor: RS256 signing alone (joserfc)", *_percentiles(samples)))
        await principal_from_bearer(token, settings)
        samples = []
        for _ in range(iterations * 4):
            started = time.perf_counter()
            await principal_from_bearer(token, settings)
            samples.append(time.perf_counter() - started)
        rows.append(
            ("bearer verification (principal_from_bearer, keys cached)", *_percentiles(samples))
        )
        samples = []
        for _ in range(iterations * 4):
            started = time.perf_counter()
            jwt.decode(token, ring.verifying, algorithms=["RS256"])
            samples.append(time.perf_counter() - started)
        rows.append(("floor: RS256 verification alone (joserfc)", *_percentiles(samples)))
    finally:
        await Tortoise.close_connections()
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    lines = [
        f"### {engine}: {iterations} token requests, {iterations * 4} verifications",
        "",
        "| operation | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {p50:.3f} | {p95:.3f} | {p99:.3f} |" for name, p50, p95, p99 in rows),
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    if output is not None:
        record(output, engine, table)


def record(output: Path, engine: str, table: str) -> None:
    """Replace this engine's section of the results file, keeping the others."""
    sections: dict[str, str] = {}
    if output.exists():
        for chunk in output.read_text().split("\n### ")[1:]:
            sections[chunk.split(":", 1)[0]] = "### " + chunk.rstrip() + "\n"
    sections[engine] = table
    body = "\n".join(sections[name] for name in sorted(sections))
    output.write_text("# Identity benchmark\n\nProduced by `bench/auth.py`.\n\n" + body)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default = f"sqlite://{tempfile.mkdtemp()}/auth-bench.sqlite3"
    parser.add_argument("--database-url", default=default)
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS-identity.md")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.database_url, arguments.iterations, arguments.output))
