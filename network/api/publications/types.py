"""Policies, briefs, their revisions, search hits and facet counts in the schema.

Attribution is presentation here: whether `office` is shown is decided by
`network.publications.disclosure` (so web pages and exports show the same);
`attributedTo` always carries the label chosen at publish time (name, pseudonym or
generalized phrase).
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, cast

import strawberry
from strawberry import relay

from network.api.catalog.types import MetricDefinitionType, TopicType
from network.api.core.enums import (
    AttributionEnum,
    ContactPreferenceEnum,
    EvidenceLevelEnum,
    EvidenceStudiesEnum,
    PublicationStatusEnum,
    RegionEnum,
    SizeBandEnum,
    VisibilityEnum,
)
from network.api.core.ids import (
    parse_publication_key,
    parse_revision_key,
    publication_node_id,
    revision_node_id,
)
from network.api.core.loaders import now_or_later, peek
from network.api.offices.types import OfficeType
from network.api.publications.drafts import DraftType
from network.api.publications.sections import BriefSections, sections_of
from network.metrics.models import MetricDefinition
from network.offices.models import Office
from network.publications import access, disclosure, drafts, queries
from network.publications.models import (
    Adoption,
    Publication,
    PublicationKind,
    PublicationStatus,
    Revision,
    Topic,
)

# Adoptions shown per publication (the most an office network has, in practice).
LIMIT_ADOPTIONS = 100


@strawberry.type
class Retraction:
    at: datetime
    reason: str


@strawberry.type(name="Adoption")
class AdoptionType:
    attribution: AttributionEnum  # type: ignore[valid-type]
    attributed_to: str = strawberry.field(
        description="The adopting office, as it chose to be named."
    )
    note: str | None
    adopted_at: datetime

    @classmethod
    def from_model(cls, adoption: Adoption) -> "AdoptionType":
        return cls(
            attribution=adoption.attribution,
            attributed_to=adoption.attribution_label,
            note=adoption.note or None,
            adopted_at=adoption.created_at,
        )


@strawberry.type(
    description="The instance that published an item, and the item's identity there "
    "(the same on every instance it reaches)."
)
class Origin:
    id: str = strawberry.field(description="The publishing instance's id.")
    item_id: str = strawberry.field(description="The item's id at its origin.")
    version: int
    instance: str = strawberry.field(deprecation_reason="The same as `id`.")

    stored_name: strawberry.Private[str] = ""

    @strawberry.field(description="The publishing instance's name.")
    def name(self, info: strawberry.Info) -> str:
        settings = info.context.settings
        if self.id == settings.instance_id:
            return str(settings.instance_name)
        return self.stored_name or self.id  # a copy: the name its origin gave itself


@strawberry.type(name="Revision")
class RevisionType(relay.Node):
    id: relay.NodeID[str]
    number: int
    title: str
    summary: str
    body: str
    evidence_level: EvidenceLevelEnum | None  # type: ignore[valid-type]
    evidence_studies: EvidenceStudiesEnum | None  # type: ignore[valid-type]
    effective_date: date | None
    sunset_date: date | None
    change_summary: str
    created_at: datetime
    model: strawberry.Private[Revision]

    @classmethod
    def from_model(cls, revision: Revision, publication: Publication) -> "RevisionType":
        return cls(
            id=revision_node_id(
                publication.origin_instance, publication.origin_id, revision.number
            ),
            number=revision.number,
            title=revision.title,
            summary=revision.summary,
            body=revision.body,
            evidence_level=revision.evidence_level,
            evidence_studies=revision.evidence_studies,
            effective_date=revision.effective_date,
            sunset_date=revision.sunset_date,
            change_summary=revision.change_summary,
            created_at=revision.created_at,
            model=revision,
        )

    @strawberry.field(description="Structured sections (briefs only).")
    def sections(self) -> BriefSections | None:
        return sections_of(self.model.sections)

    @strawberry.field(description="The sections as sanitized HTML (briefs only).")
    def sections_html(self) -> BriefSections | None:
        return sections_of(self.model.sections_html)

    @strawberry.field(description="The body (Markdown) as sanitized HTML.")
    def body_html(self) -> str:
        return self.model.body_html

    @classmethod
    async def resolve_nodes(
        cls, *, info: strawberry.Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        keys = [parse_revision_key(node_id) for node_id in node_ids]
        found = await queries.visible_revisions(
            info.context.principal, [k for k in keys if k is not None]
        )
        return [
            cls.from_model(found[k][1], found[k][0]) if k is not None and k in found else None
            for k in keys
        ]


@strawberry.interface(name="Publication")
class PublicationInterface(relay.Node):
    """What policies and briefs share."""

    title: str
    status: PublicationStatusEnum  # type: ignore[valid-type]
    visibility: VisibilityEnum  # type: ignore[valid-type]
    attribution: AttributionEnum  # type: ignore[valid-type]
    attributed_to: str = strawberry.field(
        description="Who published, as the attribution allows: a name, a pseudonym "
        "or a generalized description."
    )
    effective_date: date | None
    sunset_date: date | None
    source_reference: str | None = strawberry.field(
        description="The office's own reference for the source document."
    )
    contact_preference: ContactPreferenceEnum  # type: ignore[valid-type]
    published_at: datetime | None
    retracted_at: datetime | None
    retraction: Retraction | None = strawberry.field(
        description="Set once retracted: the item remains as a tombstone with the date "
        "and reason; its text is no longer shown outside its office."
    )
    revision_count: int
    origin: Origin
    model: strawberry.Private[Publication]

    @strawberry.field
    def summary(self, info: strawberry.Info) -> str:
        return self.model.summary if self._shows_text(info) else ""

    def _shows_text(self, info: strawberry.Info) -> bool:
        return access.shows_text(info.context.principal, self.model)

    # The resolvers below return a value when the page primed the loaders and an
    # awaitable otherwise (see `now_or_later`); the casts tell mypy what GraphQL sees.
    @strawberry.field(description="The publishing office; null unless attribution is NAMED.")
    def office(self, info: strawberry.Info) -> OfficeType | None:
        if not disclosure.shows_office(info.context.principal, self.model):
            return None
        office_id = self.model.office_id  # type: ignore[attr-defined]
        return cast(
            "OfficeType | None",
            now_or_later(info.context.loaders.offices.office, office_id, _office_type),
        )

    @strawberry.field
    def topics(self, info: strawberry.Info) -> list[TopicType]:
        loaders = info.context.loaders
        found, ids = peek(loaders.publications.topic_ids_of, self.model.id)
        if found:
            topics = [peek(loaders.catalog.topic, i) for i in ids or []]
            if all(hit for hit, _ in topics):
                return _topic_types([t for _, t in topics])
        return cast("list[TopicType]", self._topics_later(info))

    async def _topics_later(self, info: strawberry.Info) -> list[TopicType]:
        ids = await info.context.loaders.publications.topic_ids_of.load(self.model.id)
        return _topic_types(await info.context.loaders.catalog.topic.load_many(ids))

    @strawberry.field
    def latest_revision(self, info: strawberry.Info) -> RevisionType | None:
        if self.model.head_revision_id is None or not self._shows_text(info):
            return None
        return cast(
            "RevisionType | None",
            now_or_later(
                info.context.loaders.publications.revision,
                self.model.head_revision_id,
                lambda revision: (
                    RevisionType.from_model(revision, self.model) if revision else None
                ),
            ),
        )

    @strawberry.field(description="Every revision, oldest first.")
    async def revisions(self, info: strawberry.Info) -> list[RevisionType]:
        if not self._shows_text(info):
            return []
        rows = await info.context.loaders.publications.revisions_of.load(self.model.id)
        return [RevisionType.from_model(r, self.model) for r in rows]

    @strawberry.field(
        description="Metrics a brief points to as evidence, or a policy is meant to move."
    )
    def linked_metrics(self, info: strawberry.Info) -> list[MetricDefinitionType]:
        loaders = info.context.loaders
        found, ids = peek(loaders.publications.metric_ids_of, self.model.id)
        if found:
            metrics = [peek(loaders.catalog.metric, i) for i in ids or []]
            if all(hit for hit, _ in metrics):
                return _metric_types([m for _, m in metrics])
        return cast("list[MetricDefinitionType]", self._metrics_later(info))

    async def _metrics_later(self, info: strawberry.Info) -> list[MetricDefinitionType]:
        ids = await info.context.loaders.publications.metric_ids_of.load(self.model.id)
        return _metric_types(await info.context.loaders.catalog.metric.load_many(ids))

    @strawberry.field(description="Briefs of a policy, or policies of a brief.")
    async def related(self, info: strawberry.Info) -> list["PublicationInterface"]:
        loaders = info.context.loaders.publications
        ids = await loaders.related_ids_of.load(self.model.id)
        found = await loaders.publication.load_many(ids)
        return [
            publication_type(p)
            for p in found
            if p is not None and p.status != PublicationStatus.RETRACTED
        ]

    @strawberry.field(description="Offices that say they adopted this, oldest first.")
    async def adoptions(self, info: strawberry.Info) -> list[AdoptionType]:
        rows = await info.context.loaders.publications.adoptions_of.load(self.model.id)
        return [AdoptionType.from_model(a) for a in rows[:LIMIT_ADOPTIONS]]

    @strawberry.field(
        description="The draft in preparation (the first text, or the next revision); "
        "only the office's publishers and admins see it."
    )
    async def draft(self, info: strawberry.Info) -> DraftType | None:
        copy = await drafts.copy_for_editor(info.context.principal, self.model)
        return DraftType.from_model(copy) if copy else None

    @strawberry.field(description="A unified diff between two revisions, by number.")
    async def diff(self, info: strawberry.Info, from_number: int, to_number: int) -> str:
        return await queries.diff_revisions(
            info.context.principal, self.model.id, from_number, to_number
        )


def _office_type(office: Office | None) -> OfficeType | None:
    return OfficeType.from_model(office) if office else None


def _topic_types(topics: Iterable[Topic | None]) -> list[TopicType]:
    return sorted((TopicType.from_model(t) for t in topics if t), key=lambda t: t.slug)


def _metric_types(metrics: Iterable[MetricDefinition | None]) -> list[MetricDefinitionType]:
    return sorted((MetricDefinitionType.from_model(m) for m in metrics if m), key=lambda m: m.key)


def _common(publication: Publication) -> dict[str, Any]:
    return {
        "id": publication_node_id(publication.origin_instance, publication.origin_id),
        "title": publication.title,
        "status": publication.status,
        "visibility": publication.visibility,
        "attribution": publication.attribution,
        "attributed_to": publication.attribution_label,
        "effective_date": publication.effective_date,
        "sunset_date": publication.sunset_date,
        "source_reference": publication.source_reference or None,
        "contact_preference": publication.contact_preference,
        "published_at": publication.published_at,
        "retracted_at": publication.retracted_at,
        "retraction": Retraction(at=publication.retracted_at, reason=publication.retraction_reason)
        if publication.retracted_at is not None
        else None,
        "revision_count": publication.revision_count,
        "origin": Origin(
            id=publication.origin_instance,
            item_id=publication.origin_id,
            version=publication.version,
            instance=publication.origin_instance,
            stored_name=publication.origin_name,
        ),
        "model": publication,
    }


async def _resolve_publications(
    cls: Any, info: strawberry.Info, node_ids: Iterable[str], kind: PublicationKind
) -> list[Any]:
    keys = [parse_publication_key(node_id) for node_id in node_ids]
    found = await queries.publications_by_origin(
        info.context.principal, [k for k in keys if k is not None], kind
    )
    return [cls.from_model(found[k]) if k is not None and k in found else None for k in keys]


@strawberry.type(name="Policy")
class PolicyType(PublicationInterface, relay.Node):
    id: relay.NodeID[str]

    @classmethod
    def from_model(cls, publication: Publication) -> "PolicyType":
        return cls(**_common(publication))

    @classmethod
    async def resolve_nodes(
        cls, *, info: strawberry.Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        return await _resolve_publications(cls, info, node_ids, PublicationKind.POLICY)


@strawberry.type(name="Brief")
class BriefType(PublicationInterface, relay.Node):
    id: relay.NodeID[str]

    @classmethod
    def from_model(cls, publication: Publication) -> "BriefType":
        return cls(**_common(publication))

    @strawberry.field
    def sections(self, info: strawberry.Info) -> BriefSections | None:
        if not self._shows_text(info):
            return None
        return cast(
            "BriefSections | None",
            self._from_head(info, lambda revision: sections_of(revision.sections)),
        )

    @strawberry.field
    def evidence_level(self, info: strawberry.Info) -> EvidenceLevelEnum | None:  # type: ignore[valid-type]
        return self._from_head(info, lambda revision: revision.evidence_level)

    @strawberry.field(description="Whether the evidence rests on one study or several.")
    def evidence_studies(self, info: strawberry.Info) -> EvidenceStudiesEnum | None:  # type: ignore[valid-type]
        return self._from_head(info, lambda revision: revision.evidence_studies)

    def _from_head(self, info: strawberry.Info, convert: Callable[[Revision], Any]) -> Any:
        if self.model.head_revision_id is None:
            return None
        return now_or_later(
            info.context.loaders.publications.revision,
            self.model.head_revision_id,
            lambda revision: convert(revision) if revision else None,
        )

    @classmethod
    async def resolve_nodes(
        cls, *, info: strawberry.Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        return await _resolve_publications(cls, info, node_ids, PublicationKind.BRIEF)


def publication_type(publication: Publication) -> PolicyType | BriefType:
    if publication.kind == PublicationKind.POLICY:
        return PolicyType.from_model(publication)
    return BriefType.from_model(publication)


@strawberry.type
class SearchHit:
    publication: PublicationInterface
    rank: float = strawberry.field(description="Relevance; higher is better.")
    snippet: str = strawberry.field(
        description="HTML-escaped text around the matches, each match inside <mark>."
    )


@strawberry.type
class TopicCount:
    topic: TopicType
    count: int


@strawberry.type
class RegionCount:
    region: RegionEnum  # type: ignore[valid-type]
    count: int


@strawberry.type
class SizeBandCount:
    size_band: SizeBandEnum  # type: ignore[valid-type]
    count: int


@strawberry.type
class PublicationFacets:
    total: int
    topics: list[TopicCount]
    regions: list[RegionCount]
    size_bands: list[SizeBandCount]
    undisclosed_place: int = strawberry.field(
        description="Publications whose attribution does not disclose region and size band."
    )
