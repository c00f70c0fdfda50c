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

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from network.access.principal import SYSTEM
from network.audit.models import AuditEvent
from network.demo.documents import load_briefs, load_policies
from network.demo.history import NETWORK_FOUNDED, Fate, seeded
from network.demo.observations import OfficeSeries, Row, period, uploaded_at
from network.demo.offices import demo_offices
from network.demo.plan import PlannedItem, plan_publications
from network.demo.wording import Publisher
from network.errors import InvalidInput
from network.metrics import uploads
from network.metrics.models import MetricDefinition, Observation, Release, Upload
from network.metrics.standard import STANDARD_METRICS
from network.metrics.uploadfile import COLUMNS, period_label
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
HISTORY_MONTHS = 24  # months each office sent as one file when it joined


@dataclass
class DemoReport:
    offices: int = 0
    members: int = 0
    policies: int = 0
    briefs: int = 0
    observations: int = 0


async def _ensure_offices(
    settings: Settings, report: DemoReport, instance_name: str | None
) -> list[Office]:
    offices: list[Office] = []
    for spec in demo_offices(instance_name):
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


async def _load_observations(
    offices: list[Office], seed: int, settings: Settings, report: DemoReport
) -> None:
    """Each office uploads each month's figures through the same path as a real
    upload (validation, storage, release), dated as it would have happened."""
    metrics = {m.key for m in await MetricDefinition.all()}
    policy = uploads.ReleasePolicy.of(settings)
    today = datetime.now(UTC).date()
    for office in offices:
        if await Observation.filter(office_id=office.id).exists():
            continue
        rng = seeded(seed, "observations", office.slug)
        series = OfficeSeries(office.population_served, rng)
        months: dict[int, list[tuple[str, str, Row]]] = defaultdict(list)
        for spec in STANDARD_METRICS:
            if spec.key not in metrics or spec.derived_from:
                continue
            for row in series.rows(spec):
                if spec.frequency == "QUARTERLY":  # sent with the quarter's last month
                    if row.month % 3 != 2:
                        continue
                    label = period_label(period(row.month - 2), spec.frequency)
                else:
                    label = period_label(period(row.month), spec.frequency)
                months[row.month].append((spec.key, label, row))
        # Its history up to the last year arrives as one file when it joined the
        # network; then a file a month.
        batches: dict[int, list[tuple[str, str, Row]]] = defaultdict(list)
        for month, rows in months.items():
            batches[max(month, HISTORY_MONTHS - 1)].extend(rows)
        for month, rows in sorted(batches.items()):
            report_ = await uploads.upload_observations(
                SYSTEM,
                office.id,
                _csv(office.slug, rows),
                policy=policy,
                today=today,
                filename=f"{office.slug}-{period(month):%Y-%m}.csv",
            )
            if not report_.valid:  # the demo's own figures are always valid
                raise InvalidInput(f"demo upload refused: {report_.problems[:3]}")
            await _date_upload(report_.upload_id, uploaded_at(month, rng))
            report.observations += report_.rows


def _csv(slug: str, rows: list[tuple[str, str, Row]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for key, label, row in rows:
        writer.writerow(
            [
                slug,
                key,
                label,
                row.disaggregation,
                "" if row.count is None else row.count,
                "" if row.numerator is None else row.numerator,
                "" if row.denominator is None else row.denominator,
                "" if row.value is None else row.value,
            ]
        )
    return out.getvalue().encode()


async def _date_upload(upload_id: int | None, at: datetime) -> None:
    """Backdate what an upload made to when the office would have sent it."""
    await Upload.filter(id=upload_id).update(created_at=at)
    await Observation.filter(upload_id=upload_id).update(created_at=at)
    await Release.filter(upload_id=upload_id).update(created_at=at)


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


async def load_demo(
    settings: Settings, *, seed: int = 7, instance_name: str | None = None
) -> DemoReport:
    """Load (or complete) the demo network into the configured database; for a named
    instance, with offices of its own (see `demo_offices`)."""
    report = DemoReport()
    offices = await _ensure_offices(settings, report, instance_name)
    await _ensure_members(offices, report)
    local = [o for o in offices if not o.origin_instance]
    by_slug = {o.slug: o for o in local}
    for item in plan_demo(seed, [await _publisher(o, settings) for o in local]):
        created = await _load_publication(item, by_slug[item.publisher.slug], settings)
        if item.kind is PublicationKind.POLICY:
            report.policies += int(created)
        else:
            report.briefs += int(created)
    await _load_observations(local, seed, settings, report)
    return report


def demo_seed(instance_name: str) -> int:
    """The seed a named instance's demo uses unless told one: the same for a name on
    every machine, different between names."""
    return seeded("seed", instance_name).randrange(1, 1_000_000)
