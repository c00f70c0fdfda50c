"""What metrics cost at national scale: comparisons, uploads and releases.

On a fresh PostgreSQL database (created by the script, migrated with `network
migrate`): 2,300 offices (bench/generate.py's), and released cells for 30 metrics
over 120 months: every total, and for the compared metric every cell of its five
dimensions (about 13 million cells). Then, in one run:

- the comparison (one metric, 60 months, all offices, peer medians and quartiles)
  through `comparisons.service.compare`, against the hand-written SQL that returns the
  same series and computes the medians and quartiles in the database;
- validating (a dry run) and loading one 100,000-row CSV through
  `metrics.uploads.upload_observations`, with the peak of traced memory;
- computing the release of one office-month (every metric, with its cells): the
  engine alone, and the whole upload of that month (parse, store, release, audit).

Cells of the national set point at one release row per office (comparisons never read
release rows); uploads and releases are measured on real rows. Prints a table and
writes bench/RESULTS-metrics.md.

    .venv/bin/python bench/metrics.py [--database-url postgres://…/bench_metrics] [--keep]
"""

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import asyncpg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import OFFICE_COLUMNS, make_offices  # noqa: E402
from network.metrics.dimensions import DIMENSIONS  # noqa: E402
from network.metrics.standard import STANDARD_METRICS  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_metrics"
COMPARED = "diversion_offered_rate"
MONTHS = 120
LAST = date(2025, 12, 1)
CELL_COLUMNS = (
    "release_id", "office_id", "metric_id", "period_start", "disaggregation", "value", "count",
    "numerator", "denominator", "flag", "current",
)  # fmt: skip


def month(k: int) -> date:
    year, m0 = divmod(LAST.year * 12 + LAST.month - 1 - k, 12)
    return date(year, m0 + 1, 1)


def _ms(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def create(url: str, keep: bool) -> bool:
    """A fresh, migrated database; False when `keep` finds one already loaded."""
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    name = url.rsplit("/", 1)[1]
    admin = await asyncpg.connect(admin_url)
    try:
        exists = await admin.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if exists and keep:
            return False
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    env = {**os.environ, "DATABASE_URL": url}
    await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "network.cli", "migrate"], env=env, check=True
    )
    return True


async def load_national(url: str, offices_count: int) -> dict[str, float]:
    laps: dict[str, float] = {}
    conn = await asyncpg.connect(url)
    try:
        mark = time.perf_counter()
        rng = random.Random("metrics-bench")
        offices = make_offices(offices_count, rng)
        now = datetime.now(UTC)
        await conn.copy_records_to_table(
            "office", records=[o.row(now) for o in offices], columns=list(OFFICE_COLUMNS)
        )
        await conn.execute("SELECT setval('office_id_seq', (SELECT max(id) FROM office))")
        metrics = dict(await conn.fetch("SELECT key, id FROM metric_definition"))
        specs = [s for s in STANDARD_METRICS if not s.derived_from][:30]
        compared = next(s for s in specs if s.key == COMPARED)
        release = {}
        for office in offices:
            release[office.id] = await conn.fetchval(
                "INSERT INTO metric_release (office_id, metric_id, period_start, version, "
                "method, k, created_at) VALUES ($1, $2, $3, 1, 'suppression', 11, $4) "
                "RETURNING id",
                office.id, metrics[COMPARED], month(MONTHS - 1), now,
            )  # fmt: skip
        laps["offices"] = time.perf_counter() - mark
        mark = time.perf_counter()

        def rows(spec):  # type: ignore[no-untyped-def]
            names = [""]
            if spec is compared:
                names += [f"{d}={c}" for d in spec.disaggregations for c in DIMENSIONS[d]]
            for office in offices:
                scale = office.population / 500_000
                level = rng.uniform(*spec.typical)
                for k in range(MONTHS):
                    period = month(k)
                    for name in names:
                        share = 1.0 if not name else 0.25
                        if spec.unit == "RATE":
                            den = max(round(400 * scale * share * rng.gauss(1, 0.1)), 0)
                            num = round(min(max(level * rng.gauss(1, 0.1), 0), 1) * den)
                            if 0 < num < 11 or 0 < den < 11 or 0 < den - num < 11:
                                yield (release[office.id], office.id, metrics[spec.key], period,
                                       name, None, None, None, None, "small_count", True)  # fmt: skip
                                continue
                            value = Decimal(num) / Decimal(den) if den else None
                            flag = "unstable" if den < 20 else ""
                            yield (release[office.id], office.id, metrics[spec.key], period, name,
                                   value, None, num, den, flag, True)  # fmt: skip
                        elif spec.unit == "COUNT":
                            count = max(round(level * scale * share * rng.gauss(1, 0.1)), 0)
                            flag = "small_count" if 0 < count < 11 else ""
                            yield (release[office.id], office.id, metrics[spec.key], period, name,
                                   None, None if flag else count, None, None, flag, True)  # fmt: skip
                        else:
                            value = Decimal(str(round(level * rng.gauss(1, 0.1), 2)))
                            yield (release[office.id], office.id, metrics[spec.key], period, name,
                                   value, 300, None, None, "", True)  # fmt: skip

        total = 0
        for spec in specs:
            batch: list[tuple] = []
            for row in rows(spec):
                batch.append(row)
                if len(batch) >= 200_000:
                    await conn.copy_records_to_table(
                        "metric_release_cell", records=batch, columns=list(CELL_COLUMNS)
                    )
                    total += len(batch)
                    batch = []
            if batch:
                await conn.copy_records_to_table(
                    "metric_release_cell", records=batch, columns=list(CELL_COLUMNS)
                )
                total += len(batch)
        # What autovacuum does after a bulk insert: the visibility map lets the
        # comparison's covering index answer without visiting the table.
        await conn.execute("VACUUM ANALYZE")
        laps["cells"] = time.perf_counter() - mark
        laps["cell rows"] = float(total)
    finally:
        await conn.close()
    return laps


# The hand-written equivalent: the series as rows and the medians and quartiles in
# SQL, with the office ids written into the statement as the service writes them.
BASELINE_SERIES = """
SELECT office_id, period_start, value, count, numerator, denominator, flag
FROM metric_release_cell
WHERE metric_id = $1 AND office_id = ANY('{ids}'::int[]) AND period_start >= $2
  AND period_start <= $3 AND disaggregation = '' AND current
ORDER BY period_start"""
BASELINE_PEERS = """
SELECT period_start, count(value),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY value),
       percentile_cont(0.25) WITHIN GROUP (ORDER BY value),
       percentile_cont(0.75) WITHIN GROUP (ORDER BY value)
FROM metric_release_cell
WHERE metric_id = $1 AND office_id = ANY('{ids}'::int[]) AND period_start >= $2
  AND period_start <= $3 AND disaggregation = '' AND current AND value IS NOT NULL
GROUP BY period_start ORDER BY period_start"""


async def bench_comparisons(url: str, iterations: int) -> list[tuple[str, list[float]]]:
    from tortoise import Tortoise

    from network.access.principal import member_principal
    from network.comparisons import service
    from network.db import tortoise_config
    from network.offices.models import Attribution, Office, OfficeRole, Region, SizeBand
    from network.settings import load_settings

    settings = replace(load_settings(), database_url=url)
    await Tortoise.init(config=tortoise_config(settings))
    results: list[tuple[str, list[float]]] = []
    try:
        named = await Office.filter(default_attribution=Attribution.NAMED).first()
        assert named is not None
        viewer = member_principal(office_id=named.id, member_id=1, role=OfficeRole.VIEWER)
        start, end = month(59), month(0)
        groups = {
            "all offices": service.PeerGroup(),
            "mid-size Midwest": service.PeerGroup(
                size_bands=(SizeBand.MEDIUM,), regions=(Region.MIDWEST,)
            ),
        }
        conn = await asyncpg.connect(url)
        metric_id = await conn.fetchval("SELECT id FROM metric_definition WHERE key = $1", COMPARED)
        try:
            for label, group in groups.items():
                request = service.ComparisonRequest(COMPARED, start, end, group=group)
                found = await service.compare(viewer, request, generalized_k=5)  # warm
                ids = "{" + ",".join(str(s.office_id) for s in found.series if s.counted) + "}"
                series_sql = BASELINE_SERIES.replace("{ids}", ids)
                peers_sql = BASELINE_PEERS.replace("{ids}", ids)
                samples, everything, base = [], [], []
                for _ in range(iterations):
                    t = time.perf_counter()
                    await service.compare(viewer, request, generalized_k=5)
                    samples.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    whole = await service.compare(viewer, request, generalized_k=5)
                    sum(len(s.points) for s in whole.series)
                    everything.append(time.perf_counter() - t)
                    del whole
                    t = time.perf_counter()
                    await conn.fetch(series_sql, metric_id, start, end)
                    await conn.fetch(peers_sql, metric_id, start, end)
                    base.append(time.perf_counter() - t)
                points = sum(len(s.points) for s in found.series)
                results.append(
                    (f"compare, {label} ({len(found.series)} offices, {points:,} points)", samples)
                )
                results.append(
                    (f"compare, {label}, every point built (what the CSV export reads)",
                     everything)
                )  # fmt: skip
                results.append((f"hand-written SQL, {label} (series rows + medians in SQL)", base))
        finally:
            await conn.close()
    finally:
        await Tortoise.close_connections()
    return results


async def forget_figures(url: str, offices: list[int]) -> None:
    """Remove what earlier runs uploaded for `offices` (setup, not timed)."""
    conn = await asyncpg.connect(url)
    try:
        # Releases made by uploads only: the national cells hang on releases without one.
        await conn.execute(
            "DELETE FROM metric_release WHERE office_id = ANY($1::int[]) AND upload_id IS NOT NULL",
            offices,
        )
        for table in ("observation", "metric_correction", "metric_upload"):
            await conn.execute(f"DELETE FROM {table} WHERE office_id = ANY($1::int[])", offices)
        # An upload superseded the national release it overlapped: make it current again.
        national = "SELECT id FROM metric_release WHERE office_id = ANY($1::int[])"
        await conn.execute(
            f"UPDATE metric_release SET superseded_at = NULL WHERE id IN ({national})", offices
        )
        await conn.execute(
            f"UPDATE metric_release_cell SET current = true WHERE release_id IN ({national}) "
            "AND NOT current",
            offices,
        )
        await conn.execute("VACUUM ANALYZE")
    finally:
        await conn.close()


def upload_csv(slug: str, months: int) -> tuple[bytes, int]:
    """One office's figures: every uploadable metric, every cell, `months` months."""
    from network.demo import observations as demo

    demo.MONTHS = months
    demo.BREAKDOWN_MONTHS = months
    demo.FIRST_MONTH = month(months - 1)
    rng = random.Random("upload")
    series = demo.OfficeSeries(900_000, rng)
    lines = ["office,metric,period,disaggregation,count,numerator,denominator,value"]
    for spec in STANDARD_METRICS:
        if spec.derived_from:
            continue
        for row in series.rows(spec):
            if spec.frequency == "QUARTERLY":
                if row.month % 3 != 2:
                    continue
                start = demo.period(row.month - 2)
                label = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
            else:
                label = f"{demo.period(row.month):%Y-%m}"
            values = ["" if v is None else str(v) for v in
                      (row.count, row.numerator, row.denominator, row.value)]  # fmt: skip
            lines.append(",".join([slug, spec.key, label, row.disaggregation, *values]))
    return ("\n".join(lines) + "\n").encode(), len(lines) - 1


async def bench_uploads(url: str, iterations: int) -> list[tuple[str, list[float]]]:
    from tortoise import Tortoise

    from network.access.principal import SYSTEM
    from network.db import tortoise_config
    from network.metrics import uploads
    from network.metrics.releases import Cell, compute_cells
    from network.metrics.uploadfile import parse_upload
    from network.offices.models import Office
    from network.settings import load_settings
    from network.wiring import wire

    settings = replace(load_settings(), database_url=url)
    wire(settings)
    await Tortoise.init(config=tortoise_config(settings))
    results: list[tuple[str, list[float]]] = []
    try:
        office = await Office.all().order_by("-population_served").first()
        other = await Office.all().order_by("-population_served").offset(1).first()
        assert office is not None and other is not None
        await forget_figures(url, [office.id, other.id])  # a first upload, run after run
        policy = uploads.ReleasePolicy(11, 64 * 1024 * 1024)
        today = date(2026, 12, 1)
        data, rows = upload_csv(office.slug, 286)
        tracemalloc.start()
        dry = await uploads.upload_observations(
            SYSTEM, office.id, data, policy=policy, today=today, dry_run=True
        )
        dry_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert dry.valid, dry.problems[:3]
        t = time.perf_counter()
        await uploads.upload_observations(
            SYSTEM, office.id, data, policy=policy, today=today, dry_run=True
        )
        dry_s = time.perf_counter() - t
        t = time.perf_counter()
        stored = await uploads.upload_observations(
            SYSTEM, office.id, data, policy=policy, today=today
        )
        load_s = time.perf_counter() - t
        assert stored.valid
        results.append((f"validate {rows:,} rows (dry run, release computed; peak "
                        f"{dry_peak / 2**20:.0f} MiB traced)", [dry_s]))  # fmt: skip
        t = time.perf_counter()
        again = await uploads.upload_observations(
            SYSTEM, office.id, data, policy=policy, today=today
        )
        again_s = time.perf_counter() - t
        assert again.valid and again.corrections == 0
        results.append((f"validate + store + release {rows:,} rows "
                        f"({len(stored.tables):,} tables)", [load_s]))  # fmt: skip
        results.append((f"the same {rows:,} rows again (observations replaced, every "
                        "release compared, none changed)", [again_s]))  # fmt: skip
        # One office-month: the engine alone, over every month of the file.
        known = await uploads.definitions()
        views = {k: uploads.validation_view(m) for k, m in known.items()}
        parsed = parse_upload(data, views, office_slug=office.slug, today=today)
        by_month: dict[date, dict[str, list[Cell]]] = {}
        for r in parsed.rows:
            cells = by_month.setdefault(r.period, {}).setdefault(r.metric, [])
            cells.append(Cell(r.disaggregation, r.count, r.numerator, r.denominator, r.value))
        engine = []
        for tables in by_month.values():
            t = time.perf_counter()
            for key, cells in tables.items():
                compute_cells(known[key], cells, 11)
            engine.append(time.perf_counter() - t)
        results.append(("release of one office-month, engine only (all metrics, all cells)",
                        engine))  # fmt: skip
        # The whole upload of one month by another office, a month at a time.
        monthly, _ = upload_csv(other.slug, iterations)
        header, *body = monthly.decode().splitlines()
        months = sorted({line.split(",")[2] for line in body})
        whole = []
        for label in months:
            chunk = "\n".join([header, *(x for x in body if x.split(",")[2] == label)]) + "\n"
            t = time.perf_counter()
            report = await uploads.upload_observations(
                SYSTEM, other.id, chunk.encode(), policy=policy, today=today
            )
            whole.append(time.perf_counter() - t)
            assert report.valid, report.problems[:3]
        results.append(("upload of one office-month (parse, store, release, corrections)",
                        whole))  # fmt: skip
    finally:
        await Tortoise.close_connections()
    return results


def table(results: list[tuple[str, list[float]]]) -> str:
    lines = [
        "| measurement | runs | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, samples in results:
        lines.append(
            f"| {name} | {len(samples)} | {statistics.median(samples) * 1000:,.1f} | "
            f"{_ms(samples, 0.95):,.1f} | {max(samples) * 1000:,.1f} |"
        )
    return "\n".join(lines)


async def main(args: argparse.Namespace) -> None:
    laps: dict[str, float] = {}
    if await create(args.database_url, args.keep):
        laps = await load_national(args.database_url, args.offices)
    comparisons = await bench_comparisons(args.database_url, args.iterations)
    loads = await bench_uploads(args.database_url, args.iterations)
    text = table(comparisons + loads)
    print(text)
    if laps:
        print(
            f"\nloaded {int(laps['cell rows']):,} released cells in {laps['cells']:.0f} s "
            f"({args.offices:,} offices)"
        )
    out = ROOT / "bench" / "RESULTS-metrics.md"
    out.write_text(
        "# Metrics at national scale (PostgreSQL)\n\n"
        f"{args.offices:,} offices; released cells for 30 metrics x {MONTHS} months (totals),"
        f" and every cell of `{COMPARED}`. Same run, same machine.\n\n{text}\n"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--offices", type=int, default=2300)
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="reuse a loaded database")
    asyncio.run(main(parser.parse_args()))
