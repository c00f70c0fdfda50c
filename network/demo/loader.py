"""Loads the demo network: offices, members, policies, briefs and three years of
monthly observations. Deterministic for a seed and idempotent: running it twice
adds nothing the second time.

Everything goes through the same service functions a real office would use, so the
demo also exercises the write path (search indexing, counters, audit log).
"""

import math
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tortoise.transactions import in_transaction

from network.access.principal import SYSTEM
from network.demo.documents import (
    BriefRevisionText,
    BriefText,
    PolicyRevisionText,
    PolicyText,
    load_briefs,
    load_policies,
)
from network.demo.offices import DEMO_OFFICES
from network.errors import InvalidInput
from network.metrics.models import MetricDefinition, MetricUnit, Observation
from network.metrics.standard import STANDARD_METRICS, MetricSpec
from network.offices.models import Attribution, Member, Office, OfficeRole
from network.offices.service import create_office, pseudonym_key
from network.publications import service as publications
from network.publications.models import EvidenceLevel, Publication, PublicationKind, Visibility
from network.settings import Settings

DEMO_ISSUER = "https://idp.demo.invalid/"
MONTHS = 36
FIRST_MONTH = date(2023, 1, 1)


@dataclass
class DemoReport:
    offices: int = 0
    members: int = 0
    policies: int = 0
    briefs: int = 0
    observations: int = 0


def _visibility(rng: random.Random) -> Visibility:
    roll = rng.random()
    if roll < 0.6:
        return Visibility.PUBLIC
    if roll < 0.8:
        return Visibility.NETWORK
    if roll < 0.9:
        return Visibility.FEDERATED
    return Visibility.OFFICE


async def _ensure_offices(settings: Settings, report: DemoReport) -> list[Office]:
    offices: list[Office] = []
    for spec in DEMO_OFFICES:
        office = await Office.get_or_none(slug=spec.slug)
        if office is None:
            office = await create_office(SYSTEM, spec, pseudonym_key=pseudonym_key(settings))
            report.offices += 1
        offices.append(office)
    return offices


async def _ensure_members(offices: list[Office], report: DemoReport) -> None:
    roles = (OfficeRole.OFFICE_ADMIN, OfficeRole.PUBLISHER, OfficeRole.VIEWER)
    for office in offices:
        for role in roles:
            subject = f"{office.slug}-{role.lower()}"
            _, created = await Member.get_or_create(
                issuer=DEMO_ISSUER + office.slug,
                subject=subject,
                defaults={
                    "office_id": office.id,
                    "email": f"{role.lower()}@{office.slug}.demo.invalid",
                    "display_name": f"Demo {role.replace('_', ' ').lower()}",
                    "office_role": role,
                },
            )
            report.members += int(created)


def _assignments(
    rng: random.Random, count: int, offices: list[Office], total: int
) -> list[tuple[int, Office]]:
    """(text index, office) pairs: every text once, then repeats until `total` items.

    A repeat is another office adapting a peer's text, which is what the network is for.
    """
    pairs = [(i, rng.choice(offices)) for i in range(count)]
    while len(pairs) < total:
        i = rng.randrange(count)
        office = rng.choice(offices)
        if all(not (j == i and o.id == office.id) for j, o in pairs):
            pairs.append((i, office))
    return pairs


def _origin_id(seed: int, kind: str, key: str, office: Office) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"demo:{seed}:{kind}:{key}:{office.slug}"))


async def _attribution(office: Office, settings: Settings) -> Attribution:
    wanted = Attribution(office.default_attribution)
    try:
        await publications.attribution_label(office, wanted, settings.generalized_k)
    except InvalidInput:  # too few lookalike offices for a generalized label
        return Attribution.PSEUDONYMOUS
    return wanted


def _draft(
    revision: PolicyRevisionText | BriefRevisionText, effective: date, change: str
) -> publications.RevisionDraft:
    if isinstance(revision, BriefRevisionText):
        return publications.RevisionDraft(
            title=revision.title,
            summary=revision.summary,
            sections={
                "problem": revision.problem,
                "practice": revision.practice,
                "implementation": revision.implementation,
                "outcomes": revision.outcomes,
                "cost_staffing": revision.cost_staffing,
            },
            evidence_level=EvidenceLevel(revision.evidence_level),
            effective_date=effective,
            change_summary=change,
        )
    return publications.RevisionDraft(
        title=revision.title,
        summary=revision.summary,
        body=revision.body,
        effective_date=effective,
        change_summary=change,
    )


async def _load_publication(
    text: PolicyText | BriefText,
    office: Office,
    *,
    rng: random.Random,
    seed: int,
    settings: Settings,
    adapted: bool,
) -> bool:
    kind = PublicationKind.BRIEF if isinstance(text, BriefText) else PublicationKind.POLICY
    origin_id = _origin_id(seed, kind, text.key, office)
    if await Publication.filter(origin_instance=settings.instance_id, origin_id=origin_id).exists():
        return False
    start = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 4 * 365))
    drafts = []
    revisions: tuple[PolicyRevisionText | BriefRevisionText, ...] = text.revisions
    for number, revision in enumerate(revisions):
        effective = start + timedelta(days=number * rng.randrange(150, 420))
        change = revision.change_summary
        if number == 0 and adapted:
            change = "Adapted from a peer office's published version."
        drafts.append(_draft(revision, effective, change))
    new = publications.NewPublication(
        kind=kind,
        draft=drafts[0],
        topics=text.topics,
        visibility=_visibility(rng),
        attribution=await _attribution(office, settings),
        linked_metrics=text.linked_metrics if isinstance(text, BriefText) else (),
    )
    async with in_transaction():
        publication = await publications.create_publication(
            SYSTEM,
            office,
            new,
            instance_id=settings.instance_id,
            generalized_k=settings.generalized_k,
        )
        await Publication.filter(id=publication.id).update(origin_id=origin_id)
        roll = rng.random()
        if roll < 0.06:
            return True  # stays a draft
        for draft in drafts[1:]:
            await publications.revise_publication(
                SYSTEM, publication.id, draft, instance_id=settings.instance_id
            )
        if roll < 0.1:
            return True  # more work, still a draft
        published_at = datetime.combine(start, datetime.min.time(), tzinfo=UTC) + timedelta(days=3)
        await publications.publish_publication(
            SYSTEM, publication.id, instance_id=settings.instance_id, at=published_at
        )
        if roll > 0.98:
            await publications.retract_publication(
                SYSTEM,
                publication.id,
                instance_id=settings.instance_id,
                reason="Superseded by a statutory change; kept for the record.",
            )
    return True


def monthly_values(
    spec: MetricSpec, population: int, rng: random.Random
) -> list[tuple[float | None, float | None, float | None]]:
    """(value, numerator, denominator) per month: a level, a trend and seasonality."""
    low, high = spec.typical
    level = rng.uniform(low, high)
    trend = rng.uniform(-0.15, 0.15) / MONTHS
    scale = population / 500_000
    rows: list[tuple[float | None, float | None, float | None]] = []
    for month in range(MONTHS):
        season = 1 + 0.06 * math.sin(2 * math.pi * month / 12)
        noise = rng.gauss(1, 0.05)
        factor = (1 + trend * month) * season * noise
        if spec.unit == MetricUnit.RATE:
            rate = min(max(level * (1 + trend * month) * noise, 0.0), 1.0)
            denominator = max(round(400 * scale * season * rng.gauss(1, 0.08)), 1)
            numerator = round(rate * denominator)
            rows.append((numerator / denominator, float(numerator), float(denominator)))
        elif spec.unit in (MetricUnit.COUNT, MetricUnit.MONEY):
            rows.append((max(round(level * scale * factor), 0), None, None))
        else:
            rows.append((round(level * factor, 2), None, None))
    return rows


async def _load_observations(offices: list[Office], seed: int, report: DemoReport) -> None:
    metrics = {m.key: m for m in await MetricDefinition.all()}
    for office in offices:
        if await Observation.filter(office_id=office.id).exists():
            continue
        rng = random.Random(f"{seed}:observations:{office.slug}")
        batch: list[Observation] = []
        for spec in STANDARD_METRICS:
            metric = metrics.get(spec.key)
            if metric is None:
                continue
            for month, (value, numerator, denominator) in enumerate(
                monthly_values(spec, office.population_served, rng)
            ):
                year, month0 = divmod(FIRST_MONTH.month - 1 + month, 12)
                batch.append(
                    Observation(
                        office_id=office.id,
                        metric_id=metric.id,
                        period_start=date(FIRST_MONTH.year + year, month0 + 1, 1),
                        value=value,
                        numerator=numerator,
                        denominator=denominator,
                    )
                )
        async with in_transaction():
            await Observation.bulk_create(batch, batch_size=1000)
        report.observations += len(batch)


async def load_demo(settings: Settings, *, seed: int = 7) -> DemoReport:
    """Load (or complete) the demo network into the configured database."""
    report = DemoReport()
    rng = random.Random(seed)
    offices = await _ensure_offices(settings, report)
    await _ensure_members(offices, report)
    local = [o for o in offices if not o.origin_instance]
    policies, briefs = load_policies(), load_briefs()
    policy_pairs = _assignments(rng, len(policies), local, max(84, len(policies)))
    brief_pairs = _assignments(rng, len(briefs), local, max(42, len(briefs)))
    seen: set[int] = set()
    for index, office in policy_pairs:
        item_rng = random.Random(f"{seed}:policy:{policies[index].key}:{office.slug}")
        created = await _load_publication(
            policies[index],
            office,
            rng=item_rng,
            seed=seed,
            settings=settings,
            adapted=index in seen,
        )
        seen.add(index)
        report.policies += int(created)
    seen.clear()
    for index, office in brief_pairs:
        item_rng = random.Random(f"{seed}:brief:{briefs[index].key}:{office.slug}")
        created = await _load_publication(
            briefs[index], office, rng=item_rng, seed=seed, settings=settings, adapted=index in seen
        )
        seen.add(index)
        report.briefs += int(created)
    await _load_observations(local, seed, report)
    return report
