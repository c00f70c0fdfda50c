"""The publications' root fields: thin adapters over `network.publications.queries`
and `network.search.service`, which apply the visibility rule."""

from collections.abc import Iterable

import strawberry

from network.api.catalog.types import TopicType
from network.api.core.connection import Connection, build_connection
from network.api.core.enums import DraftStateEnum, PublicationKindEnum
from network.api.core.loaders import selected_names
from network.api.publications.inputs import (
    PublicationFilterInput,
    publication_filter,
    publication_kind,
)
from network.api.publications.types import (
    BriefType,
    PolicyType,
    PublicationFacets,
    PublicationInterface,
    RegionCount,
    SearchHit,
    SizeBandCount,
    TopicCount,
    publication_type,
)
from network.api.publications.writes import PublishingRulesType, acting_office, rules_type
from network.offices.models import Region, SizeBand
from network.publications import drafts as office_drafts
from network.publications import queries, rules
from network.publications.models import DraftState, Publication, PublicationKind
from network.search import service as search_service


@strawberry.type
class PublicationsQuery:
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
        spec = publication_filter(filter)
        page = await search_service.search(
            principal,
            query,
            kind=publication_kind(kind),
            spec=spec,
            first=first,
            after=after,
            max_page_size=info.context.settings.max_page_size,
            rank_window=info.context.settings.search_rank_window,
        )
        publications = await info.context.loaders.publications.publication.load_many(
            [hit.publication_id for hit in page.items]
        )
        by_id = {p.id: p for p in publications if p is not None}
        await _prime(info, by_id.values())

        def convert(hit: search_service.SearchHit) -> SearchHit:
            return SearchHit(
                publication=publication_type(by_id[hit.publication_id]),
                rank=hit.rank,
                snippet=hit.snippet,
            )

        return build_connection(
            page,
            convert,
            lambda: search_service.count_matches(
                principal, query, kind=publication_kind(kind), spec=spec
            ),
        )

    @strawberry.field(
        description="Your office's publications with a draft in one of `states` (all "
        "when left out), newest first; `IN_REVIEW` is the review queue. Publishers and "
        "admins only."
    )
    async def drafts(
        self,
        info: strawberry.Info,
        states: list[DraftStateEnum] | None = None,  # type: ignore[valid-type]
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[PublicationInterface]:
        principal = info.context.principal
        wanted = tuple(DraftState(s) for s in states or ())
        page = await office_drafts.office_drafts(
            principal,
            wanted,
            first=first,
            after=after,
            max_page_size=info.context.settings.max_page_size,
        )
        await _prime(info, page.items)
        return build_connection(
            page,
            publication_type,
            lambda: office_drafts.count_office_drafts(principal, wanted),
        )

    @strawberry.field(
        description="An office's publishing rules (its publishers and admins; the "
        "deny-list holds names the office wants hidden)."
    )
    async def publishing_rules(
        self, info: strawberry.Info, office_slug: str | None = None
    ) -> PublishingRulesType:
        principal = info.context.principal
        office = await acting_office(principal, office_slug)
        return rules_type(await rules.publishing_rules(principal, office.id))

    @strawberry.field(description="Counts per topic, region and size band for a filter.")
    async def publication_facets(
        self,
        info: strawberry.Info,
        kind: PublicationKindEnum | None = None,  # type: ignore[valid-type]
        filter: PublicationFilterInput | None = None,
    ) -> PublicationFacets:
        counts = await queries.facet_counts(
            info.context.principal, kind=publication_kind(kind), spec=publication_filter(filter)
        )
        topics = await info.context.loaders.catalog.topic.load_many([t for t, _ in counts.topics])
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


async def _publications(
    info: strawberry.Info,
    kind: PublicationKind,
    type_: type[PolicyType] | type[BriefType],
    first: int | None,
    after: str | None,
    filter: PublicationFilterInput | None,
) -> Connection:
    principal = info.context.principal
    spec = publication_filter(filter)
    page = await queries.list_publications(
        principal,
        kind=kind,
        spec=spec,
        first=first,
        after=after,
        max_page_size=info.context.settings.max_page_size,
    )
    await _prime(info, page.items)
    return build_connection(
        page,
        type_.from_model,
        lambda: queries.count_publications(principal, kind=kind, spec=spec),
    )


async def _prime(info: strawberry.Info, items: Iterable[Publication]) -> None:
    """Prime the loaders for a whole page, so the items' fields need no query each."""
    loaders = info.context.loaders
    await loaders.publications.prime_page(
        items,
        selected_names(info),
        office_loaders=loaders.offices,
        catalog_loaders=loaders.catalog,
    )
