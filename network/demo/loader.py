"""Loads the demo network: offices, members, policies, briefs and three years of
monthly observations. Deterministic for a seed and idempotent: running it twice
adds nothing the second time.

Everything goes through the same service functions a real office would use, so the
demo also exercises the write path (search indexing, counters, audit log). What to
publish, by whom and when is planned first (``network.demo.plan``, a pure function of
the seed); the loader then replays that history in order: create, publish, revise,
retract. The services stamp their writes with the clock, so the loader then dates each
write as the plan says, in the same transaction: revisions' and publications'
creation times, publication and retraction times, and the audit events for them. The
demo so tells one history, set in the past and the same for every load of a seed.
"""

from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from network.access.principal import SYSTEM
from network.audit.models import AuditEvent
from network.demo.documents import load_briefs, load_policies
from network.demo.history import NETWORK_FOUNDED, Fate, seeded
from network.demo.observations import OfficeSeries, period, uploaded_at
from network.demo.offices import DEMO_OFFICES
from network.demo.plan import PlannedItem, plan_publications
from network.demo.wording import Publisher
from network.errors import InvalidInput
from network.metrics.models import MetricDefinition, Observation
from network.metrics.standard import STANDARD_METRICS
from network.offices.models import Attribution, Member, Office, OfficeKind, OfficeRole
from network.offices.service import create_office, pseudonym_key
from network.publications import disclosure
from network.publications import service as publications
from network.publications.models import Publication, PublicationKind, Revision
from network.settings import Settings

DEMO_ISSUER = "https://idp.demo.invalid/"
POLICIES = 84
BRIEFS = 42
RETRACTION_REASON = "Superseded by a statutory change; kept for the record."


@dataclass
class DemoReport:
    offices: int = 0
    members: int = 0
    policies: int = 0
    briefs: int = 0
    observations: int = 0


async def _ensure_offices(settings: Settings, report: DemoReport) -> list[Office]:
    offices: list[Office] = []
    for spec in DEMO_OFFICES:
        office = await Office.get_or_none(slug=spec.slug)
        if office is None:
            office = await create_office(SYSTEM, spec, pseudonym_key=pseudonym_key(settings))
            await Office.filter(id=office.id).update(
                created_at=NETWORK_FOUNDED, updated_at=NETWORK_FOUNDED
            )
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
                    "created_at": NETWORK_FOUNDED,
                },
            )
            report.members += int(created)


async def _attribution(office: Office, settings: Settings) -> Attribution:
    wanted = Attribution(office.default_attribution)
    try:
        await disclosure.attribution_label(office, wanted, settings.generalized_k)
    except InvalidInput:  # too few lookalike offices for a generalized label
        return Attribution.PSEUDONYMOUS
    return wanted


async def _publisher(office: Office, settings: Settings) -> Publisher:
    return Publisher(
        slug=office.slug,
        name=office.name,
        jurisdiction=office.jurisdiction,
        kind=OfficeKind(office.kind),
        size_band=str(office.size_band),
        attribution=await _attribution(office, settings),
    )


async def _date_history(publication_id: int, item: PlannedItem) -> None:
    """Give the writes of one publication the times its history says they happened."""
    timeline = item.timeline
    revisions = await Revision.filter(publication_id=publication_id).order_by("number")
    for revision, created in zip(revisions, timeline.revisions, strict=True):
        await Revision.filter(id=revision.id).update(created_at=created)
    await Publication.filter(id=publication_id).update(
        created_at=timeline.revisions[0],
        updated_at=timeline.updated_at,
        retracted_at=timeline.retracted_at,
    )
    for action, at in (("publish", timeline.published_at), ("retract", timeline.retracted_at)):
        if at is not None:
            await AuditEvent.filter(
                action=f"{publications.KIND}.{action}",
                target_type="publication",
                target_id=item.origin_id,
            ).update(occurred_at=at)


async def _load_publication(item: PlannedItem, office: Office, settings: Settings) -> bool:
    instance = settings.instance_id
    if await Publication.filter(origin_instance=instance, origin_id=item.origin_id).exists():
        return False
    new = publications.NewPublication(
        kind=item.kind,
        draft=item.drafts[0],
        topics=item.topics,
        visibility=item.visibility,
        attribution=item.attribution,
        linked_metrics=item.linked_metrics,
    )
    async with in_transaction():
        publication = await publications.create_publication(
            SYSTEM, office, new, instance_id=instance, generalized_k=settings.generalized_k
        )
        await Publication.filter(id=publication.id).update(origin_id=item.origin_id)
        if item.timeline.published_at is not None:
            await publications.publish_publication(
                SYSTEM, publication.id, instance_id=instance, at=item.timeline.published_at
            )
        for draft in item.drafts[1:]:
            await publications.revise_publication(
                SYSTEM, publication.id, draft, instance_id=instance
            )
        if item.fate == Fate.RETRACTED:
            await publications.retract_publication(
                SYSTEM, publication.id, instance_id=instance, reason=RETRACTION_REASON
            )
        await _date_history(publication.id, item)
    return True


async def _load_observations(offices: list[Office], seed: int, report: DemoReport) -> None:
    metrics = {m.key: m for m in await MetricDefinition.all()}
    for office in offices:
        if await Observation.filter(office_id=office.id).exists():
            continue
        rng = seeded(seed, "observations", office.slug)
        series = OfficeSeries(office.population_served, rng)
        uploads: dict[int, datetime] = {}
        batch: list[Observation] = []
        for spec in STANDARD_METRICS:
            metric = metrics.get(spec.key)
            if metric is None:
                continue
            for row in series.rows(spec):
                if row.month not in uploads:
                    uploads[row.month] = uploaded_at(row.month, rng)
                batch.append(
                    Observation(
                        office_id=office.id,
                        metric_id=metric.id,
                        period_start=period(row.month),
                        disaggregation=row.disaggregation,
                        value=row.value,
                        numerator=row.numerator,
                        denominator=row.denominator,
                        created_at=uploads[row.month],
                    )
                )
        async with in_transaction():
            await Observation.bulk_create(batch, batch_size=1000)
        report.observations += len(batch)


def plan_demo(seed: int, publishers: list[Publisher]) -> list[PlannedItem]:
    """Every publication of the demo, policies then briefs, in loading order."""
    return [
        *plan_publications(
            seed,
            PublicationKind.POLICY,
            load_policies(),
            publishers,
            max(POLICIES, len(load_policies())),
        ),
        *plan_publications(
            seed, PublicationKind.BRIEF, load_briefs(), publishers, max(BRIEFS, len(load_briefs()))
        ),
    ]


async def load_demo(settings: Settings, *, seed: int = 7) -> DemoReport:
    """Load (or complete) the demo network into the configured database."""
    report = DemoReport()
    offices = await _ensure_offices(settings, report)
    await _ensure_members(offices, report)
    local = [o for o in offices if not o.origin_instance]
    by_slug = {o.slug: o for o in local}
    for item in plan_demo(seed, [await _publisher(o, settings) for o in local]):
        created = await _load_publication(item, by_slug[item.publisher.slug], settings)
        if item.kind is PublicationKind.POLICY:
            report.policies += int(created)
        else:
            report.briefs += int(created)
    await _load_observations(local, seed, report)
    return report
