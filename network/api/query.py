"""The root Query: thin adapters from arguments to service calls."""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.relay.fields import NodeExtension
from strawberry.relay.types import GlobalID, GlobalIDValueError
from strawberry.types.base import get_object_definition
from strawberry.types.field import StrawberryField

from network.api.identity import IdentityQuery
from network.api.loaders import selected_names
from network.api.types.catalog import MetricDefinitionType, TopicTree, TopicType
from network.api.types.connection import Connection, build_connection
from network.api.types.enums import PublicationKindEnum
from network.api.types.offices import OfficeFilter, OfficeType
from network.api.types.publications import (
    BriefType,
    PolicyType,
    PublicationFilterInput,
    publication_type,
)
from network.api.types.search import (
    PublicationFacets,
    RegionCount,
    SearchHit,
    SizeBandCount,
    TopicCount,
)
from network.metrics import service as metrics
from network.offices import service as offices
from network.offices.models import OfficeKind, Region, SizeBand
from network.publications import queries
from network.publications.filters import PublicationFilter
from network.publications.models import PublicationKind, PublicationStatus
from network.search import service as search_service


def _office_filter(value: OfficeFilter | None) -> offices.OfficeFilter | None:
    if value is None:
        return None
    return offices.OfficeFilter(
        states=tuple(value.states or ()),
        regions=tuple(Region(r) for r in value.regions or ()),
        size_bands=tuple(SizeBand(b) for b in value.size_bands or ()),
        kinds=tuple(OfficeKind(k) for k in value.kinds or ()),
    )


def _publication_filter(value: PublicationFilterInput | None) -> PublicationFilter | None:
    if value is None:
        return None
    return PublicationFilter(
        topics=tuple(value.topics or ()),
        states=tuple(value.states or ()),
        regions=tuple(Region(r) for r in value.regions or ()),
        size_bands=tuple(SizeBand(b) for b in value.size_bands or ()),
        statuses=tuple(PublicationStatus(s) for s in value.statuses or ()),
        effective_from=value.effective_from or None,
        effective_to=value.effective_to or None,
        office_slugs=tuple(value.offices or ()),
    )


def _kind(value: PublicationKindEnum | None) -> PublicationKind | None:  # type: ignore[valid-type]
    return PublicationKind(value) if value else None


class ConcreteNodeExtension(NodeExtension):
    """Strawberry's `node` resolver, refusing ids that name an interface (`Node`
    itself included): those have no objects to resolve and would fail inside."""

    def get_node_resolver(self, field: StrawberryField) -> Callable[..., Any]:
        resolve = super().get_node_resolver(field)

        def resolver(
            info: strawberry.Info,
            id: Annotated[GlobalID, strawberry.argument(description="The ID of the object.")],
        ) -> Any | Awaitable[Any]:
            definition = get_object_definition(id.resolve_type(info))
            if definition is None or definition.is_interface:
                raise GlobalIDValueError(f"{id.type_name} is not a type of object")
            return resolve(info, id)

        return resolver


@strawberry.type
class Instance:
    id: str
    name: str
    base_url: str


@strawberry.type
class Query(IdentityQuery):
    node: relay.Node | None = strawberry.field(extensions=[ConcreteNodeExtension()], default=None)

    @strawberry.field
    def instance(self, info: strawberry.Info) -> Instance:
        settings = info.context.settings
        return Instance(
            id=settings.instance_id, name=settings.instance_name, base_url=settings.base_url
        )

    @strawberry.field(description="Member offices, by name.")
    async def offices(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        filter: OfficeFilter | None = None,
    ) -> Connection[OfficeType]:
        spec = _office_filter(filter)
        page = await offices.list_offices(
            spec=spec, first=first, after=after, max_page_size=info.context.settings.max_page_size
        )
        return build_connection(page, OfficeType.from_model, lambda: offices.count_offices(spec))

    @strawberry.field
    async def office(self, info: strawberry.Info, slug: str) -> OfficeType | None:
        found = await offices.offices_by_slugs([slug])
        return OfficeType.from_model(found[0]) if found else None

    @strawberry.field(description="Policies the caller may read, newest first.")
    async def policies(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        filter: PublicationFilterInput | None = None,
    ) -> Connection[PolicyType]:
        return await _publications(info, PublicationKind.POLICY, PolicyType, first, after, filter)

    @strawberry.field(description="Practice briefs the caller may read, newest first.")
    async def briefs(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        filter: PublicationFilterInput | None = None,
    ) -> Connection[BriefType]:
        return await _publications(info, PublicationKind.BRIEF, BriefType, first, after, filter)

    @strawberry.field(description="Full-text search over policies and briefs, best match first.")
    async def search(
        self,
        info: strawberry.Info,
        query: str,
        kind: PublicationKindEnum | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
        filter: PublicationFilterInput | None = None,
    ) -> Connection[SearchHit]:
        principal = info.context.principal
        spec = _publication_filter(filter)
        page = await search_service.search(
            principal,
            query,
            kind=_kind(kind),
            spec=spec,
            first=first,
            after=after,
            max_page_size=info.context.settings.max_page_size,
            rank_window=info.context.settings.search_rank_window,
        )
        publications = await info.context.loaders.publication.load_many(
            [hit.publication_id for hit in page.items]
        )
        by_id = {p.id: p for p in publications if p is not None}
        await info.context.loaders.prime_page(by_id.values(), selected_names(info))

        def convert(hit: search_service.SearchHit) -> SearchHit:
            return SearchHit(
                publication=publication_type(by_id[hit.publication_id]),
                rank=hit.rank,
                snippet=hit.snippet,
            )

        return build_connection(
            page,
            convert,
            lambda: search_service.count_matches(principal, query, kind=_kind(kind), spec=spec),
        )

    @strawberry.field(description="Counts per topic, region and size band for a filter.")
    async def publication_facets(
        self,
        info: strawberry.Info,
        kind: PublicationKindEnum | None = None,  # type: ignore[valid-type]
        filter: PublicationFilterInput | None = None,
    ) -> PublicationFacets:
        counts = await queries.facet_counts(
            info.context.principal, kind=_kind(kind), spec=_publication_filter(filter)
        )
        topics = await info.context.loaders.topic.load_many([t for t, _ in counts.topics])
        return PublicationFacets(
            total=counts.total,
            topics=[
                TopicCount(topic=TopicType.from_model(topic), count=n)
                for topic, (_, n) in zip(topics, counts.topics, strict=True)
                if topic is not None
            ],
            regions=[RegionCount(region=Region(r), count=n) for r, n in counts.regions],
            size_bands=[
                SizeBandCount(size_band=SizeBand(b), count=n) for b, n in counts.size_bands
            ],
            undisclosed_place=counts.undisclosed_place,
        )

    @strawberry.field(description="The topic taxonomy, top-level topics with their sub-topics.")
    async def topics(self) -> list[TopicTree]:
        rows = await queries.all_topics()
        children: dict[int, list[TopicType]] = {}
        for topic in rows:
            if topic.parent_id is not None:  # type: ignore[attr-defined]
                children.setdefault(topic.parent_id, []).append(TopicType.from_model(topic))  # type: ignore[attr-defined]
        return [
            TopicTree(topic=TopicType.from_model(t), children=children.get(t.id, []))
            for t in rows
            if t.parent_id is None  # type: ignore[attr-defined]
        ]

    @strawberry.field
    async def metric_definitions(self) -> list[MetricDefinitionType]:
        return [MetricDefinitionType.from_model(m) for m in await metrics.list_definitions()]


async def _publications(
    info: strawberry.Info,
    kind: PublicationKind,
    type_: type[PolicyType] | type[BriefType],
    first: int | None,
    after: str | None,
    filter: PublicationFilterInput | None,
) -> Connection:
    principal = info.context.principal
    spec = _publication_filter(filter)
    page = await queries.list_publications(
        principal,
        kind=kind,
        spec=spec,
        first=first,
        after=after,
        max_page_size=info.context.settings.max_page_size,
    )
    await info.context.loaders.prime_page(page.items, selected_names(info))
    return build_connection(
        page,
        type_.from_model,
        lambda: queries.count_publications(principal, kind=kind, spec=spec),
    )
