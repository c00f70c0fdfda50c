"""Search hits and facet counts."""

import strawberry

from network.api.types.catalog import TopicType
from network.api.types.enums import RegionEnum, SizeBandEnum
from network.api.types.publications import PublicationInterface


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
