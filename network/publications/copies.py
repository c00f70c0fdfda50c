"""Read-only copies of what peer instances publish: the one write path for them.

The caller (federation's sync) has verified the origin's signature and decided, by
version, which state of each item is the newest; this module checks the content like
any write and stores it as the origin describes it, under a local office that stands
for the attribution label (`network.offices.service.remote_offices`). No member of
this instance belongs to that office, so nobody here can edit, revise, publish or
retract a copy (the write paths refuse with `ReadOnlyCopy`).

Copies arrive by the page, so they are written by the page: a few statements for a
whole batch (bulk inserts and updates, one rendering pass, one change-log batch)
rather than a dozen per item.

A tombstone takes the copy out of lists and search like a local retraction does;
its text stays with its office, which no one here is in, so no reader sees it.
"""

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from network.changes import log as changes
from network.db import insert_rows, update_rows
from network.errors import InvalidInput
from network.offices.models import Attribution, Office
from network.offices.service import RemoteOffice, remote_offices
from network.publications.models import (
    ContactPreference,
    EvidenceLevel,
    EvidenceStudies,
    Publication,
    PublicationKind,
    PublicationStatus,
    PublicationTopic,
    Revision,
    Topic,
    Visibility,
    render_revision,
)
from network.publications.service import (
    KIND,
    MAX_BODY,
    MAX_TITLE,
    MAX_TOPICS,
    PUBLISHED,
    RETRACTED,
    REVISED,
)
from network.transactions import atomic

SHARED = (Visibility.FEDERATED, Visibility.PUBLIC)
MAX_SUMMARY = 5_000
MAX_SECTIONS = 10
_UPDATED = (
    "kind", "office_id", "title", "summary", "status", "visibility", "attribution",
    "attribution_label", "effective_date", "sunset_date", "source_reference", "origin_name",
    "version", "published_at", "retracted_at", "retraction_reason", "head_revision_id",
    "revision_count", "updated_at",
)  # fmt: skip
_NEW = ("origin_instance", "origin_id", "contact_preference", "created_at", *_UPDATED)
_REVISION_COLUMNS = (
    "publication_id", "number", "title", "summary", "body", "sections", "evidence_level",
    "evidence_studies", "effective_date", "sunset_date", "change_summary", "body_html",
    "sections_html", "created_at",
)  # fmt: skip


@dataclass(frozen=True)
class CopiedRevision:
    number: int
    title: str
    summary: str
    body: str
    sections: dict[str, str]
    evidence_level: EvidenceLevel | None
    evidence_studies: EvidenceStudies | None
    change_summary: str
    published_at: datetime | None


@dataclass(frozen=True)
class RemoteCopy:
    """One version of a peer's publication, as its signed entry describes it."""

    origin_instance: str
    origin_name: str
    origin_id: str
    version: int
    kind: PublicationKind
    visibility: Visibility
    title: str
    summary: str
    office: RemoteOffice
    topics: tuple[str, ...]
    revision: CopiedRevision
    effective_date: date | None = None
    sunset_date: date | None = None
    published_at: datetime | None = None
    source_reference: str = ""


@dataclass(frozen=True)
class Tombstone:
    version: int
    reason: str
    retracted_at: datetime | None


@dataclass
class CopyChange:
    """Where one item of a peer ends after a batch: its newest shared state (if the
    batch holds one), every revision the batch carried, and the tombstone when the
    batch ends with a retraction."""

    origin_instance: str
    origin_id: str
    copy: RemoteCopy | None = None
    revisions: dict[int, CopiedRevision] = field(default_factory=dict)
    tombstone: Tombstone | None = None

    def share(self, copy: RemoteCopy) -> None:
        self.copy = copy
        self.revisions[copy.revision.number] = copy.revision
        self.tombstone = None

    def retract(self, tombstone: Tombstone) -> None:
        self.tombstone = tombstone


def check(copy: RemoteCopy) -> None:
    """InvalidInput for a copy no local write would accept either."""
    if copy.visibility not in SHARED:
        raise InvalidInput(f"a copy cannot have visibility {copy.visibility}")
    if not 0 < len(copy.title) <= MAX_TITLE or len(copy.revision.title) > MAX_TITLE:
        raise InvalidInput(f"a title has 1 to {MAX_TITLE} characters")
    if len(copy.summary) > MAX_SUMMARY or len(copy.revision.summary) > MAX_SUMMARY:
        raise InvalidInput(f"a summary has at most {MAX_SUMMARY} characters")
    text = len(copy.revision.body) + sum(len(v) for v in copy.revision.sections.values())
    if text > MAX_BODY:
        raise InvalidInput(f"a text has at most {MAX_BODY} characters")
    if len(copy.revision.sections) > MAX_SECTIONS:
        raise InvalidInput("too many sections")
    if copy.kind is PublicationKind.POLICY and (
        copy.revision.sections or copy.revision.evidence_level
    ):
        raise InvalidInput("sections and evidence level belong to briefs")
    if len(copy.topics) > MAX_TOPICS:
        raise InvalidInput(f"at most {MAX_TOPICS} topics")
    if copy.revision.number < 1:
        raise InvalidInput("a revision number is positive")
    if not 0 < len(copy.office.label) <= 200:
        raise InvalidInput("an attribution label has 1 to 200 characters")


async def apply_changes(items: list[CopyChange]) -> int:
    """Bring the copies of `items` to where the batch leaves them (in the caller's
    transaction, or one of its own); returns how many copies changed. Topics this
    instance does not know are left out. Each copy's change is recorded in the
    change log, so search and caches follow."""
    if not items:
        return 0
    for item in items:
        if item.copy is not None:
            check(item.copy)
    async with atomic():
        offices = await _offices(items)
        existing = await _existing(items)
        now = datetime.now(UTC)
        created: list[_Fresh] = []
        touched: list[tuple[Publication | _Fresh, CopyChange, bool]] = []
        for item in items:
            publication: Publication | _Fresh | None = existing.get(item.origin_id)
            if item.copy is None and publication is None:
                continue  # a tombstone for something never seen: federation keeps it
            is_new = publication is None
            if publication is None:
                publication = _Fresh(item.origin_instance, item.origin_id, now)
                created.append(publication)
            if item.copy is not None:
                _describe(publication, item.copy, offices[item.copy.office])
            if item.tombstone is not None:
                publication.status = PublicationStatus.RETRACTED
                publication.version = item.tombstone.version
                publication.retracted_at = item.tombstone.retracted_at or now
                publication.retraction_reason = item.tombstone.reason[:500]
            publication.updated_at = now
            touched.append((publication, item, is_new))
        if created:
            await insert_rows(
                Publication, _NEW, [[getattr(p, name) for name in _NEW] for p in created]
            )
            ids = dict(
                await Publication.filter(
                    origin_instance=items[0].origin_instance,
                    origin_id__in=[p.origin_id for p in created],
                ).values_list("origin_id", "id")
            )
            for publication in created:
                publication.id = ids[publication.origin_id]
        new_text = await _revisions(touched, now)
        await _topics([(p, item.copy) for p, item, _ in touched if item.copy is not None])
        await update_rows(
            Publication,
            _UPDATED,
            [(p.id, *(getattr(p, name) for name in _UPDATED)) for p, _, _ in touched],
        )
        await changes.record_many(
            KIND,
            [
                (p.id, p.version, _action(item, is_new, p.id in new_text))
                for p, item, is_new in touched
            ],
        )
    return len(touched)


def _action(item: CopyChange, is_new: bool, new_text: bool) -> str:
    if item.tombstone is not None:
        return RETRACTED
    return REVISED if new_text and not is_new else PUBLISHED


async def _offices(items: list[CopyChange]) -> dict[RemoteOffice, Office]:
    return await remote_offices(item.copy.office for item in items if item.copy is not None)


async def _existing(items: list[CopyChange]) -> dict[str, Publication]:
    by_origin: dict[str, Publication] = {}
    for origin in {item.origin_instance for item in items}:
        wanted = [item.origin_id for item in items if item.origin_instance == origin]
        query = Publication.filter(origin_instance=origin, origin_id__in=wanted)
        for publication in await query.select_for_update():
            by_origin[publication.origin_id] = publication
    return by_origin


class _Fresh:
    """A copy about to be stored: plain attributes, inserted with the page's other new
    copies in one statement (building a model instance per row would cost more than
    the insert)."""

    def __init__(self, origin_instance: str, origin_id: str, now: datetime) -> None:
        self.id = 0
        self.origin_instance, self.origin_id = origin_instance, origin_id
        self.created_at = self.updated_at = now
        self.contact_preference = ContactPreference.NONE
        self.kind = PublicationKind.POLICY
        self.office_id = 0
        self.title = self.summary = self.attribution_label = self.source_reference = ""
        self.origin_name = self.retraction_reason = ""
        self.status = PublicationStatus.PUBLISHED
        self.visibility = Visibility.FEDERATED
        self.attribution = Attribution.PSEUDONYMOUS
        self.effective_date: date | None = None
        self.sunset_date: date | None = None
        self.version = 1
        self.published_at: datetime | None = None
        self.retracted_at: datetime | None = None
        self.head_revision_id: int | None = None
        self.revision_count = 0


def _describe(publication: Publication | _Fresh, copy: RemoteCopy, office: Office) -> None:
    publication.kind = copy.kind
    publication.office_id = office.id
    publication.title = copy.title
    publication.summary = copy.summary
    publication.status = PublicationStatus.PUBLISHED
    publication.visibility = copy.visibility
    publication.attribution = copy.office.attribution
    publication.attribution_label = copy.office.label
    publication.effective_date = copy.effective_date
    publication.sunset_date = copy.sunset_date
    publication.source_reference = copy.source_reference[:500]
    publication.origin_name = copy.origin_name[:200]
    publication.version = copy.version
    publication.published_at = copy.published_at
    publication.retracted_at = None
    publication.retraction_reason = ""


async def _revisions(
    touched: list[tuple[Publication | _Fresh, CopyChange, bool]], now: datetime
) -> set[int]:
    """Insert the revisions not stored yet and point each copy at its head; returns
    the ids of copies whose head text changed."""
    with_text = [(p, item) for p, item, _ in touched if item.revisions]
    if not with_text:
        return set()
    ids = [p.id for p, _ in with_text]
    stored = {
        (pid, number): rid
        for pid, number, rid in await Revision.filter(publication_id__in=ids).values_list(
            "publication_id", "number", "id"
        )
    }
    fresh = [
        (publication, revision)
        for publication, item in with_text
        for number, revision in sorted(item.revisions.items())
        if (publication.id, number) not in stored
    ]
    rendered = await asyncio.to_thread(
        lambda: [render_revision(r.body, r.sections) for _, r in fresh]
    )
    await insert_rows(
        Revision,
        _REVISION_COLUMNS,
        [
            (
                publication.id, revision.number, revision.title or publication.title,
                revision.summary, revision.body, {k: v for k, v in revision.sections.items() if v},
                revision.evidence_level, revision.evidence_studies, publication.effective_date,
                publication.sunset_date, revision.change_summary, html, sections_html,
                revision.published_at or now,
            )
            for (publication, revision), (html, sections_html) in zip(fresh, rendered, strict=True)
        ],
    )  # fmt: skip
    if fresh:
        stored = {
            (pid, number): rid
            for pid, number, rid in await Revision.filter(publication_id__in=ids).values_list(
                "publication_id", "number", "id"
            )
        }
    newest: dict[int, int] = {}
    for pid, number in stored:
        newest[pid] = max(newest.get(pid, 0), number)
    changed: set[int] = set()
    for publication, item in with_text:
        head = item.copy.revision.number if item.copy else max(item.revisions)
        head_id = stored[(publication.id, head)]
        if publication.head_revision_id != head_id:
            changed.add(publication.id)
        publication.head_revision_id = head_id
        publication.revision_count = max(publication.revision_count or 0, newest[publication.id])
    return changed


async def _topics(copies: list[tuple[Publication | _Fresh, RemoteCopy | None]]) -> None:
    if not copies:
        return
    slugs = {s[:80] for _, copy in copies if copy for s in copy.topics}
    topics = dict(await Topic.filter(slug__in=list(slugs)).values_list("slug", "id"))
    await PublicationTopic.filter(publication_id__in=[p.id for p, _ in copies]).delete()
    rows = {
        (publication.id, topics[slug])
        for publication, copy in copies
        if copy
        for slug in copy.topics
        if slug in topics
    }
    await insert_rows(PublicationTopic, ("publication_id", "topic_id"), sorted(rows))
