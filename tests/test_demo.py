"""The demo network: big enough, spread out, plausible, deterministic and idempotent."""

import asyncio
import os
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter

import asyncpg

from network.demo.loader import load_demo
from network.demo.offices import PLACES, demo_offices
from network.metrics.models import Observation
from network.offices.models import Office
from network.publications.models import (
    Publication,
    PublicationKind,
    PublicationStatus,
    PublicationTopic,
    Revision,
    Topic,
    Visibility,
)
from tests.conftest import DEMO_SEED, create_database, drop_database
from tests.test_demo_consistency import _demo_items


async def test_demo_size_and_spread(settings) -> None:
    offices = await Office.filter(origin_instance="")
    assert len(offices) >= 15
    assert len({o.region for o in offices}) == 4
    assert len({o.state for o in offices}) >= 12
    assert len({o.size_band for o in offices}) == 4
    policies = await Publication.filter(kind=PublicationKind.POLICY).count()
    briefs = await Publication.filter(kind=PublicationKind.BRIEF).count()
    assert policies >= 80 and briefs >= 40


async def test_demo_visibility_status_and_revisions(settings) -> None:
    # The demo's own items: other tests publish and revise in the same database.
    items = list((await _demo_items(settings)).values())
    visibility = Counter(p.visibility for p in items)
    assert visibility[Visibility.PUBLIC] * 2 >= len(items)
    assert all(visibility[v] > 0 for v in Visibility)
    statuses = Counter(p.status for p in items)
    assert statuses[PublicationStatus.PUBLISHED] > statuses[PublicationStatus.DRAFT] > 0
    multi = sum(1 for p in items if p.revision_count >= 2)
    assert multi >= len(items) * 0.8
    assert await Revision.filter(publication_id__in=[p.id for p in items]).count() == sum(
        p.revision_count for p in items
    )


async def test_demo_covers_every_top_level_topic(settings) -> None:
    tops = await Topic.filter(parent_id=None)
    used = set(await PublicationTopic.all().values_list("topic_id", flat=True))
    children = {t.id: t.parent_id for t in await Topic.exclude(parent_id=None)}
    covered = {children.get(t, t) for t in used}
    assert {t.id for t in tops} <= covered


async def test_demo_has_three_years_of_monthly_observations(settings) -> None:
    office = await Office.get(slug="harlow-county-da")
    periods = (
        await Observation.filter(office_id=office.id)
        .distinct()
        .values_list("period_start", flat=True)
    )
    assert len(set(periods)) == 36


async def test_demo_is_idempotent(settings) -> None:
    before = await Publication.all().count(), await Observation.all().count()
    report = await load_demo(settings, seed=DEMO_SEED)
    assert (report.offices, report.policies, report.briefs, report.observations) == (0, 0, 0, 0)
    assert (await Publication.all().count(), await Observation.all().count()) == before


async def test_demo_text_is_not_placeholder(settings) -> None:
    bodies = [r.body for r in await Revision.exclude(body="").limit(50)]
    assert bodies
    assert not any("lorem" in b.lower() for b in bodies)
    assert all(len(b.split()) >= 100 for b in bodies)


async def _demo_fingerprint(tmp_path, name: str, *args: str) -> list[tuple]:
    """Load the demo (`network demo ARGS`) into a fresh database through the CLI; read
    it back raw."""
    fresh = await create_database(tmp_path, name)
    try:
        env = {
            **os.environ,
            "DATABASE_URL": fresh.database_url,
            "NETWORK_INSTANCE_ID": "test.instance",
        }
        result = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "network.cli", "demo", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        sql = (
            "SELECT p.origin_id, p.title, p.visibility, p.status, p.attribution, p.revision_count, "
            "o.slug FROM publication p JOIN office o ON o.id = p.office_id ORDER BY p.origin_id"
        )
        if fresh.database_url.startswith("sqlite://"):
            with sqlite3.connect(fresh.database_url[len("sqlite://") :]) as conn:
                return [tuple(row) for row in conn.execute(sql)]
        conn = await asyncpg.connect(fresh.database_url.replace("postgres://", "postgresql://"))
        try:
            return [tuple(row) for row in await conn.fetch(sql)]
        finally:
            await conn.close()
    finally:
        await drop_database(name)


async def test_demo_is_deterministic_for_a_seed(settings, tmp_path) -> None:
    tag = uuid.uuid4().hex[:6]
    first = await _demo_fingerprint(tmp_path, f"pn_seed_a_{tag}", "--seed", "11")
    second = await _demo_fingerprint(tmp_path, f"pn_seed_b_{tag}", "--seed", "11")
    other = await _demo_fingerprint(tmp_path, f"pn_seed_c_{tag}", "--seed", "12")
    assert len(first) >= 120
    assert first == second
    assert first != other
    # One instance among several: the same kind of network under offices of its own.
    named = await _demo_fingerprint(tmp_path, f"pn_seed_d_{tag}", "--instance-name", "Instance B")
    slugs = {row[-1] for row in named}
    assert len(named) == len(first) and len(slugs) >= 20
    assert slugs <= {o.slug for o in demo_offices("Instance B")}
    assert not slugs & set(PLACES)
    assert {row[1] for row in named} != {row[1] for row in first}
