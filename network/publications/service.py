"""Writing publications: the one path for drafting, revising, publishing, retracting.

Each function runs in one transaction that records what changed in the change log
(whose consumers keep the search index and the response caches current, and later
the federation feed) and, for publish and retract, writes the audit log. This module
knows none of those consumers.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from network.access.principal import Principal
from network.audit import service as audit
from network.changes import log as changes
from network.errors import Conflict, InvalidInput, PermissionDenied
from network.metrics.models import MetricDefinition
from network.offices.models import Attribution, Office
from network.publications.access import load_for_write
from network.publications.disclosure import attribution_label
from network.publications.models import (
    EvidenceLevel,
    Publication,
    PublicationKind,
    PublicationMetric,
    PublicationStatus,
    PublicationTopic,
    Revision,
    Topic,
    Visibility,
    WorkingCopy,
)
from network.publications.queries import BRIEF_SECTIONS
from network.transactions import atomic

# The change log's kind for publications, and the actions it records.
KIND = "publication"
CREATED = "create"
REVISED = "revise"
PUBLISHED = "publish"
RETRACTED = "retract"
RELABELLED = "relabel"
TEXT_ACTIONS = frozenset({CREATED, REVISED, PUBLISHED})

MAX_TITLE = 300
MAX_BODY = 200_000
# Per publication; the GraphQL cost estimate counts on these bounds.
MAX_TOPICS = 10
MAX_LINKED_METRICS = 10


@dataclass(frozen=True)
class RevisionDraft:
    title: str
    summary: str = ""
    body: str = ""
    sections: dict[str, str] = field(default_factory=dict)
    evidence_level: EvidenceLevel | None = None
    effective_date: date | None = None
    change_summary: str = ""


@dataclass(frozen=True)
class NewPublication:
    kind: PublicationKind
    draft: RevisionDraft
    topics: tuple[str, ...]
    visibility: Visibility = Visibility.OFFICE
    attribution: Attribution | None = None
    linked_metrics: tuple[str, ...] = ()


def _check_can_write(principal: Principal, office_id: int) -> None:
    if not principal.may_publish_for(office_id):
        raise PermissionDenied("Only publishers of the office can change its publications.")


def _check_draft(kind: PublicationKind, draft: RevisionDraft) -> None:
    if not draft.title.strip():
        raise InvalidInput("A title is required.", field="title")
    if len(draft.title) > MAX_TITLE:
        raise InvalidInput(f"Titles are limited to {MAX_TITLE} characters.", field="title")
    if len(draft.body) > MAX_BODY:
        raise InvalidInput(f"Bodies are limited to {MAX_BODY} characters.", field="body")
    unknown = set(draft.sections) - set(BRIEF_SECTIONS)
    if unknown:
        raise InvalidInput(
            f"Unknown brief section: {', '.join(sorted(unknown))}.", field="sections"
        )
    if kind is PublicationKind.POLICY and (draft.sections or draft.evidence_level):
        raise InvalidInput("Sections and evidence level belong to briefs.", field="sections")


async def set_topics(publication: Publication, slugs: tuple[str, ...]) -> None:
    if not slugs:
        raise InvalidInput("Choose at least one topic.", field="topics")
    if len(set(slugs)) > MAX_TOPICS:
        raise InvalidInput(f"Choose at most {MAX_TOPICS} topics.", field="topics")
    topics = {t.slug: t for t in await Topic.filter(slug__in=[s[:80] for s in slugs])}
    missing = sorted(set(slugs) - set(topics))
    if missing:
        raise InvalidInput(f"Unknown topic: {', '.join(missing)}.", field="topics")
    await PublicationTopic.filter(publication_id=publication.id).delete()
    await PublicationTopic.bulk_create(
        [PublicationTopic(publication_id=publication.id, topic_id=t.id) for t in topics.values()]
    )


async def set_metrics(publication: Publication, keys: tuple[str, ...]) -> None:
    if len(set(keys)) > MAX_LINKED_METRICS:
        raise InvalidInput(f"Link at most {MAX_LINKED_METRICS} metrics.", field="linkedMetrics")
    metrics = {m.key: m for m in await MetricDefinition.filter(key__in=[k[:80] for k in keys])}
    missing = sorted(set(keys) - set(metrics))
    if missing:
        raise InvalidInput(f"Unknown metric: {', '.join(missing)}.", field="linkedMetrics")
    await PublicationMetric.filter(publication_id=publication.id).delete()
    await PublicationMetric.bulk_create(
        [PublicationMetric(publication_id=publication.id, metric_id=m.id) for m in metrics.values()]
    )


async def _append_revision(
    publication: Publication, draft: RevisionDraft, principal: Principal
) -> Revision:
    revision = await Revision.create(
        publication_id=publication.id,
        number=publication.revision_count + 1,
        title=draft.title.strip(),
        summary=draft.summary.strip(),
        body=draft.body,
        sections={k: v for k, v in draft.sections.items() if v},
        evidence_level=draft.evidence_level,
        effective_date=draft.effective_date,
        author_id=principal.member_id,
        change_summary=draft.change_summary.strip(),
    )
    publication.revision_count = revision.number
    publication.head_revision_id = revision.id
    publication.title = revision.title
    publication.summary = revision.summary
    publication.effective_date = revision.effective_date
    return revision


async def create_publication(
    principal: Principal,
    office: Office,
    new: NewPublication,
    *,
    instance_id: str,
    generalized_k: int,
) -> Publication:
    """A new draft with its first revision, filed under topics, not yet published."""
    _check_can_write(principal, office.id)
    _check_draft(new.kind, new.draft)
    attribution = new.attribution or Attribution(office.default_attribution)
    label = await attribution_label(office, attribution, generalized_k)
    async with atomic():
        publication = await Publication.create(
            kind=new.kind,
            office_id=office.id,
            title=new.draft.title.strip(),
            status=PublicationStatus.DRAFT,
            visibility=new.visibility,
            attribution=attribution,
            attribution_label=label,
            origin_instance=instance_id,
            origin_id=str(uuid.uuid4()),
        )
        await set_topics(publication, new.topics)
        if new.linked_metrics:
            await set_metrics(publication, new.linked_metrics)
        await _append_revision(publication, new.draft, principal)
        await publication.save()
        await _record(publication, CREATED)
    return publication


async def _load_for_write(
    principal: Principal, publication_id: int, instance_id: str
) -> Publication:
    publication = await load_for_write(principal, publication_id, instance_id)
    _check_can_write(principal, publication.office_id)  # type: ignore[attr-defined]
    return publication


async def revise_publication(
    principal: Principal, publication_id: int, draft: RevisionDraft, *, instance_id: str
) -> Revision:
    """Add a revision; a published item stays published and shows the new text."""
    async with atomic():
        publication = await _load_for_write(principal, publication_id, instance_id)
        _check_draft(PublicationKind(publication.kind), draft)
        if publication.status == PublicationStatus.RETRACTED:
            raise Conflict("A retracted publication cannot be revised.", field="status")
        if not draft.change_summary.strip():
            raise InvalidInput("Say what changed in this revision.", field="changeSummary")
        revision = await _append_revision(publication, draft, principal)
        publication.version += 1
        await publication.save()
        await _record(publication, REVISED)
    return revision


async def publish_publication(
    principal: Principal,
    publication_id: int,
    *,
    instance_id: str,
    visibility: Visibility | None = None,
    at: datetime | None = None,
) -> Publication:
    async with atomic():
        publication = await _load_for_write(principal, publication_id, instance_id)
        if publication.status == PublicationStatus.RETRACTED:
            raise Conflict("A retracted publication cannot be published again.", field="status")
        if visibility is not None:
            publication.visibility = visibility
        publication.status = PublicationStatus.PUBLISHED
        publication.published_at = publication.published_at or at or datetime.now(UTC)
        await _save_status_change(
            principal,
            publication,
            PUBLISHED,
            {"visibility": str(publication.visibility)},
        )
    return publication


async def retract_publication(
    principal: Principal, publication_id: int, *, instance_id: str, reason: str
) -> Publication:
    if not reason.strip():
        raise InvalidInput("Give a reason for the retraction.", field="reason")
    if len(reason.strip()) > 500:
        raise InvalidInput("A retraction reason is at most 500 characters.", field="reason")
    async with atomic():
        publication = await _load_for_write(principal, publication_id, instance_id)
        if publication.status != PublicationStatus.PUBLISHED:
            raise Conflict("Only a published item can be retracted.", field="status")
        publication.status = PublicationStatus.RETRACTED
        publication.retracted_at = datetime.now(UTC)
        publication.retraction_reason = reason.strip()[:500]
        # A revision being drafted goes too: a retracted item is not revised.
        await WorkingCopy.filter(publication_id=publication.id).delete()
        await _save_status_change(
            principal, publication, RETRACTED, {"reason": reason.strip()[:500]}
        )
    return publication


async def relabel_pseudonymous(new_labels: dict[int, str], *, instance_id: str) -> int:
    """After offices got new pseudonyms: show them on what those offices published
    pseudonymously from this instance. Each relabelled item gets a new version (its
    public description changed); runs in the caller's transaction."""
    if not new_labels:
        return 0
    changed = 0
    rows = await Publication.filter(
        office_id__in=list(new_labels),
        attribution=Attribution.PSEUDONYMOUS,
        origin_instance=instance_id,
    )
    for publication in rows:
        label = new_labels[publication.office_id]  # type: ignore[attr-defined]
        if publication.attribution_label != label:
            publication.attribution_label = label
            publication.version += 1
            await publication.save(update_fields=["attribution_label", "version", "updated_at"])
            await _record(publication, RELABELLED)
            changed += 1
    return changed


async def _record(publication: Publication, action: str) -> None:
    await changes.record(KIND, publication.id, publication.version, action)


async def _save_status_change(
    principal: Principal, publication: Publication, action: str, detail: dict[str, str]
) -> None:
    """A new version: saved, recorded in the change log and in the audit log."""
    publication.version += 1
    await publication.save()
    await _record(publication, action)
    await audit.record(
        principal,
        f"{KIND}.{action}",
        target_type="publication",
        # The origin id, as the API names publications: row ids are never shown.
        target_id=publication.origin_id,
        office_id=publication.office_id,  # type: ignore[attr-defined]
        detail={**detail, "version": str(publication.version)},
    )
