"""The demo network: big enough, spread out, plausible, deterministic and idempotent."""

from collections import Counter

from network.demo.loader import load_demo
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
from tests.conftest import DEMO_SEED


async def test_demo_size_and_spread(settings) -> None:
    offices = await Office.all()
    assert len(offices) >= 15
    assert len({o.region for o in offices}) == 4
    assert len({o.state for o in offices}) >= 12
    assert len({o.size_band for o in offices}) == 4
    policies = await Publication.filter(kind=PublicationKind.POLICY).count()
    briefs = await Publication.filter(kind=PublicationKind.BRIEF).count()
    assert policies >= 80 and briefs >= 40


async def test_demo_visibility_status_and_revisions(settings) -> None:
    items = await Publication.all()
    visibility = Counter(p.visibility for p in items)
    assert visibility[Visibility.PUBLIC] * 2 >= len(items)
    assert all(visibility[v] > 0 for v in Visibility)
    statuses = Counter(p.status for p in items)
    assert statuses[PublicationStatus.PUBLISHED] > statuses[PublicationStatus.DRAFT] > 0
    multi = sum(1 for p in items if p.revision_count >= 2)
    assert multi >= len(items) * 0.8
    assert await Revision.all().count() == sum(p.revision_count for p in items)


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
