"""From draft to published revision: create, edit, review, publish, revise, discard.

The path every office text takes:

    createDraft / importDocument ─▶ EDITING ─▶ IN_REVIEW ─▶ APPROVED ─▶ publish
                      ▲   updateDraft, resolveFinding  │  requestChanges │
                      └───────────────────────────────┴─────────────────┘

A reviewer is a publisher or admin of the office other than the author, unless the
office allows self-approval; API clients write and submit but never approve (a person
reviews). Submitting needs every confident finding resolved; publishing needs an
approval and checks again. Publishing writes the redacted text as a new immutable
revision and deletes the working copy, so the unredacted text does not outlive its
review. `start_revision` opens a new working copy from the current (redacted)
revision of a published item.

Each function is one transaction; each step is recorded in the change log (caches,
search) and the audit log (never with text: only ids and counts).
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from network.access.principal import Principal, PrincipalKind
from network.anonymize.analyzer import BLOCKING_SCORE, analyze
from network.audit import service as audit
from network.changes import log as changes
from network.errors import Conflict, InvalidInput, PermissionDenied
from network.offices.models import Attribution, Office
from network.publications import drafts
from network.publications.access import load_for_write
from network.publications.disclosure import attribution_label
from network.publications.drafts import DraftText
from network.publications.models import (
    ContactPreference,
    DraftState,
    Finding,
    Publication,
    PublicationKind,
    PublicationRelation,
    PublicationStatus,
    Revision,
    Visibility,
    WorkingCopy,
)
from network.publications.queries import publications_by_ids
from network.publications.service import KIND, PUBLISHED, REVISED, set_metrics, set_topics
from network.transactions import atomic

DRAFTED = "draft"  # change-log action: office-only state changed (no public text)
MAX_RELATED = 20
MAX_SOURCE_REFERENCE = 500
MAX_NOTE = 2_000


@dataclass(frozen=True)
class DraftSettings:
    """A publication's settings; on update, None keeps the current value."""

    topics: tuple[str, ...] | None = None
    visibility: Visibility | None = None
    attribution: Attribution | None = None
    linked_metrics: tuple[str, ...] | None = None
    related: tuple[int, ...] | None = None  # ids of publications the caller can read
    source_reference: str | None = None
    contact_preference: ContactPreference | None = None


@dataclass(frozen=True)
class Limits:
    instance_id: str
    generalized_k: int


async def create_draft(
    principal: Principal,
    office: Office,
    kind: PublicationKind,
    text: DraftText,
    settings: DraftSettings,
    limits: Limits,
    *,
    source_name: str = "",
) -> tuple[Publication, WorkingCopy]:
    """A new draft: a publication with no revision yet and its working copy, analysed."""
    if not principal.may_publish_for(office.id):
        raise PermissionDenied("Only publishers of the office can write its publications.")
    if office.origin_instance:
        raise PermissionDenied("Offices of a peer instance publish there, not here.")
    copy = WorkingCopy(title="", sections={})
    drafts.apply_text(copy, text)
    drafts.check_text(kind, copy)
    if not settings.topics:
        raise InvalidInput("Choose at least one topic.", field="topics")
    attribution = settings.attribution or Attribution(office.default_attribution)
    label = await attribution_label(office, attribution, limits.generalized_k)
    detected = await drafts.detect(drafts.parts_of(copy), office)
    async with atomic():
        publication = await Publication.create(
            kind=kind,
            office_id=office.id,
            title=copy.title.strip(),
            summary=copy.summary.strip(),
            effective_date=copy.effective_date,
            sunset_date=copy.sunset_date,
            status=PublicationStatus.DRAFT,
            visibility=settings.visibility or Visibility.OFFICE,
            attribution=attribution,
            attribution_label=label,
            origin_instance=limits.instance_id,
            origin_id=str(uuid.uuid4()),
        )
        await _apply_settings(principal, publication, office, settings, limits)
        copy.publication_id = publication.id
        copy.author_id = principal.member_id
        copy.author_label = principal.label
        copy.source_name = source_name[:200]
        await copy.save()
        await drafts.store_findings(copy, detected)
        await copy.save(update_fields=["analyzed_at"])
        await publication.save()
        await _step(principal, publication, "create", findings=len(detected))
    return publication, copy


async def update_draft(
    principal: Principal,
    publication_id: int,
    text: DraftText,
    settings: DraftSettings,
    limits: Limits,
) -> tuple[Publication, WorkingCopy]:
    """Edit a draft's text or settings; a text change is analysed again and voids a
    review in progress."""
    publication, copy = await drafts.load_copy(principal, publication_id, limits.instance_id)
    seen = copy.updated_at
    office = await Office.get(id=publication.office_id)  # type: ignore[attr-defined]
    changed = drafts.apply_text(copy, text)
    drafts.check_text(PublicationKind(publication.kind), copy)
    detected = await drafts.detect(drafts.parts_of(copy), office) if changed else None
    async with atomic():
        current = await WorkingCopy.get(id=copy.id)
        drafts.conflict_if_changed(current, seen)
        await _apply_settings(principal, publication, office, settings, limits)
        if detected is not None:
            await drafts.store_findings(copy, detected)
        if changed or _touches_review(settings):
            drafts.reopen(copy)
        if publication.revision_count == 0:
            # Never published: the publication shows the draft's own title to its office.
            publication.title = copy.title.strip()
            publication.summary = copy.summary.strip()
            publication.effective_date = copy.effective_date
            publication.sunset_date = copy.sunset_date
        await copy.save()
        await publication.save()
        await _step(
            principal,
            publication,
            "update",
            findings=len(detected) if detected is not None else None,
        )
    return publication, copy


def _touches_review(settings: DraftSettings) -> bool:
    """Settings a reviewer approved along with the text."""
    return settings.visibility is not None or settings.attribution is not None


async def resolve_finding(
    principal: Principal,
    finding_id: str,
    decision: drafts.FindingDecision,
    replacement: str,
    limits: Limits,
) -> tuple[Publication, WorkingCopy, Finding]:
    async with atomic():
        publication, copy, finding = await drafts.resolve_finding(
            principal, finding_id, decision, replacement, instance_id=limits.instance_id
        )
        drafts.reopen(copy)
        await copy.save()
        await _step(principal, publication, "resolve_finding", decision=str(decision))
    return publication, copy, finding


async def submit_for_review(
    principal: Principal, publication_id: int, limits: Limits
) -> tuple[Publication, WorkingCopy]:
    async with atomic():
        publication, copy = await drafts.load_copy(principal, publication_id, limits.instance_id)
        if copy.state != DraftState.EDITING:
            raise Conflict("This draft is already in review.", field="state")
        await _check_ready(publication, copy)
        copy.state = DraftState.IN_REVIEW
        copy.review_note = ""
        if publication.status == PublicationStatus.DRAFT:
            publication.status = PublicationStatus.IN_REVIEW
            await publication.save(update_fields=["status", "updated_at"])
        await copy.save()
        await _step(principal, publication, "submit")
    return publication, copy


async def _check_ready(publication: Publication, copy: WorkingCopy) -> None:
    blocking = await drafts.blocking_count(copy)
    if blocking:
        raise Conflict(
            f"{blocking} finding(s) may identify a person and are not resolved: accept, "
            "reject or replace each before review.",
            field="findings",
        )
    if copy.base_revision and not copy.change_summary.strip():
        raise InvalidInput("Say what changed in this revision.", field="changeSummary")


async def approve(
    principal: Principal, publication_id: int, limits: Limits
) -> tuple[Publication, WorkingCopy]:
    async with atomic():
        publication, copy = await drafts.load_copy(principal, publication_id, limits.instance_id)
        await _check_reviewer(principal, publication, copy)
        copy.state = DraftState.APPROVED
        copy.reviewer_id = principal.member_id
        await copy.save()
        await _step(principal, publication, "approve")
    return publication, copy


async def request_changes(
    principal: Principal, publication_id: int, note: str, limits: Limits
) -> tuple[Publication, WorkingCopy]:
    note = note.strip()
    if not note:
        raise InvalidInput("Say what should change.", field="note")
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"A review note is at most {MAX_NOTE:,} characters.", field="note")
    async with atomic():
        publication, copy = await drafts.load_copy(principal, publication_id, limits.instance_id)
        await _check_reviewer(principal, publication, copy)
        copy.state = DraftState.EDITING
        copy.review_note = note
        copy.reviewer_id = principal.member_id
        await copy.save()
        await _step(principal, publication, "request_changes")
    return publication, copy


async def _check_reviewer(
    principal: Principal, publication: Publication, copy: WorkingCopy
) -> None:
    if copy.state != DraftState.IN_REVIEW:
        raise Conflict("Only a draft in review can be approved or sent back.", field="state")
    if principal.kind is not PrincipalKind.MEMBER:
        raise PermissionDenied("A person of the office reviews drafts, not an API client.")
    if principal.member_id is not None and principal.member_id == copy.author_id:  # type: ignore[attr-defined]
        office = await Office.get(id=publication.office_id)  # type: ignore[attr-defined]
        if not office.allow_self_approval:
            raise PermissionDenied(
                "Another publisher or admin of the office must review this draft: the "
                "office does not allow authors to approve their own.",
            )


async def publish(
    principal: Principal,
    publication_id: int,
    limits: Limits,
    *,
    visibility: Visibility | None = None,
    at: datetime | None = None,
) -> tuple[Publication, Revision]:
    """Turn an approved working copy into a redacted revision and publish it."""
    async with atomic():
        publication, copy = await drafts.load_copy(principal, publication_id, limits.instance_id)
        if publication.status == PublicationStatus.RETRACTED:
            raise Conflict("A retracted publication cannot be published again.", field="status")
        if copy.state != DraftState.APPROVED:
            raise Conflict("Only an approved draft can be published.", field="state")
        await _check_ready(publication, copy)
        findings = (await drafts.findings_of([copy.id]))[copy.id]
        redacted = drafts.redact_copy(copy, findings)
        office = await Office.get(id=publication.office_id)  # type: ignore[attr-defined]
        if visibility is not None:
            publication.visibility = visibility
        publication.attribution_label = await attribution_label(
            office, Attribution(publication.attribution), limits.generalized_k
        )
        revision = await Revision.create(
            publication_id=publication.id,
            number=publication.revision_count + 1,
            title=redacted["title"].strip(),
            summary=redacted.get("summary", "").strip(),
            body=redacted.get("body", ""),
            sections={
                name: redacted[f"sections.{name}"]
                for name in (copy.sections or {})
                if redacted.get(f"sections.{name}")
            },
            evidence_level=copy.evidence_level,
            evidence_studies=copy.evidence_studies,
            effective_date=copy.effective_date,
            sunset_date=copy.sunset_date,
            author_id=copy.author_id,  # type: ignore[attr-defined]
            change_summary=copy.change_summary.strip() or "Initial version.",
        )
        first = publication.revision_count == 0
        publication.revision_count = revision.number
        publication.head_revision_id = revision.id
        publication.title = revision.title
        publication.summary = revision.summary
        publication.effective_date = revision.effective_date
        publication.sunset_date = revision.sunset_date
        publication.status = PublicationStatus.PUBLISHED
        publication.published_at = publication.published_at or at or datetime.now(UTC)
        publication.version += 1
        await publication.save()
        # The unredacted text has served its purpose.
        await copy.delete()
        await changes.record(
            KIND, publication.id, publication.version, PUBLISHED if first else REVISED
        )
        await audit.record(
            principal,
            f"{KIND}.{PUBLISHED if first else REVISED}",
            target_type="publication",
            target_id=publication.origin_id,
            office_id=publication.office_id,  # type: ignore[attr-defined]
            detail={
                "revision": str(revision.number),
                "visibility": str(publication.visibility),
                "redacted": str(len(findings)),
                "version": str(publication.version),
            },
        )
    return publication, revision


async def start_revision(
    principal: Principal, publication_id: int, limits: Limits
) -> tuple[Publication, WorkingCopy]:
    """Open a working copy of a published item's current text for its next revision."""
    publication = await load_for_write(principal, publication_id, limits.instance_id)
    if not principal.may_publish_for(publication.office_id):  # type: ignore[attr-defined]
        raise PermissionDenied("Only publishers of the office can revise its publications.")
    if publication.status != PublicationStatus.PUBLISHED or publication.head_revision_id is None:
        raise Conflict("Only a published item can be revised.", field="status")
    head = await Revision.get(id=publication.head_revision_id)
    copy = WorkingCopy(
        title=head.title,
        summary=head.summary,
        body=head.body,
        sections=dict(head.sections or {}),
        evidence_level=head.evidence_level,
        evidence_studies=head.evidence_studies,
        effective_date=head.effective_date,
        sunset_date=head.sunset_date,
        base_revision=head.number,
    )
    office = await Office.get(id=publication.office_id)  # type: ignore[attr-defined]
    detected = await drafts.detect(drafts.parts_of(copy), office)
    async with atomic():
        if await WorkingCopy.exists(publication_id=publication.id):
            raise Conflict("A revision of this publication is already being drafted.", field="id")
        copy.publication_id = publication.id
        copy.author_id = principal.member_id
        copy.author_label = principal.label
        await copy.save()
        await drafts.store_findings(copy, detected)
        await copy.save(update_fields=["analyzed_at"])
        await _step(principal, publication, "start_revision")
    return publication, copy


async def discard_draft(
    principal: Principal, publication_id: int, limits: Limits
) -> Publication | None:
    """Drop a working copy; a publication never published goes with it (returns None)."""
    async with atomic():
        publication, copy = await drafts.load_copy(principal, publication_id, limits.instance_id)
        await copy.delete()
        await _step(principal, publication, "discard")
        if publication.revision_count == 0:
            await publication.delete()
            return None
    return publication


async def _apply_settings(
    principal: Principal,
    publication: Publication,
    office: Office,
    settings: DraftSettings,
    limits: Limits,
) -> None:
    if settings.visibility is not None:
        publication.visibility = settings.visibility
    if settings.attribution is not None:
        publication.attribution = settings.attribution
        publication.attribution_label = await attribution_label(
            office, settings.attribution, limits.generalized_k
        )
    if settings.contact_preference is not None:
        publication.contact_preference = settings.contact_preference
    if settings.source_reference is not None:
        reference = settings.source_reference.strip()
        if len(reference) > MAX_SOURCE_REFERENCE:
            raise InvalidInput(
                f"A source reference is at most {MAX_SOURCE_REFERENCE} characters.",
                field="sourceReference",
            )
        if any(f.score >= BLOCKING_SCORE for f in analyze(reference)):
            raise InvalidInput(
                "The source reference seems to name a person or a case: cite the "
                "document by its title or section instead.",
                field="sourceReference",
            )
        publication.source_reference = reference
    if settings.topics is not None:
        await set_topics(publication, settings.topics)
    if settings.linked_metrics is not None:
        await set_metrics(publication, settings.linked_metrics)
    if settings.related is not None:
        await _set_related(principal, publication, settings.related)


async def _set_related(
    principal: Principal, publication: Publication, ids: tuple[int, ...]
) -> None:
    """Policies link to briefs and briefs to policies; only what the caller can read."""
    if len(set(ids)) > MAX_RELATED:
        raise InvalidInput(f"Relate at most {MAX_RELATED} publications.", field="related")
    found = await publications_by_ids(principal, ids)
    if len(found) != len(set(ids)):
        raise InvalidInput("A related publication does not exist.", field="related")
    own_kind = PublicationKind(publication.kind)
    if any(PublicationKind(p.kind) is own_kind for p in found.values()):
        raise InvalidInput("A policy relates to briefs and a brief to policies.", field="related")
    if any(p.status == PublicationStatus.RETRACTED for p in found.values()):
        raise InvalidInput("A retracted publication cannot be related.", field="related")
    if own_kind is PublicationKind.POLICY:
        await PublicationRelation.filter(policy_id=publication.id).delete()
        rows = [PublicationRelation(policy_id=publication.id, brief_id=i) for i in found]
    else:
        await PublicationRelation.filter(brief_id=publication.id).delete()
        rows = [PublicationRelation(policy_id=i, brief_id=publication.id) for i in found]
    if rows:
        await PublicationRelation.bulk_create(rows)


async def _step(
    principal: Principal, publication: Publication, step: str, **detail: object
) -> None:
    """Record an office-only step for caches (no new version: nothing a peer sees
    changed) and in the audit trail."""
    await changes.record(KIND, publication.id, publication.version, DRAFTED)
    await audit.record(
        principal,
        f"{KIND}.{step}",
        target_type="publication",
        target_id=publication.origin_id,
        office_id=publication.office_id,  # type: ignore[attr-defined]
        detail={k: str(v) for k, v in detail.items() if v is not None},
    )
