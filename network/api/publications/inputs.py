"""Publication list arguments and their conversion to the domain's filter."""

from datetime import date

import strawberry

from network.api.core.enums import (
    EvidenceLevelEnum,
    PublicationKindEnum,
    PublicationStatusEnum,
    RegionEnum,
    SizeBandEnum,
)
from network.offices.models import Region, SizeBand
from network.publications.filters import PublicationFilter
from network.publications.models import EvidenceLevel, PublicationKind, PublicationStatus


@strawberry.input
class PublicationFilterInput:
    topics: list[str] | None = strawberry.UNSET
    states: list[str] | None = strawberry.UNSET
    regions: list[RegionEnum] | None = strawberry.UNSET  # type: ignore[valid-type]
    size_bands: list[SizeBandEnum] | None = strawberry.UNSET  # type: ignore[valid-type]
    statuses: list[PublicationStatusEnum] | None = strawberry.UNSET  # type: ignore[valid-type]
    effective_from: date | None = strawberry.UNSET
    effective_to: date | None = strawberry.UNSET
    offices: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Office slugs; matches NAMED publications only."
    )
    evidence_levels: list[EvidenceLevelEnum] | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="Briefs whose current text has one of these."
    )
    include_retracted: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="Also list retracted items (as tombstones); off by default.",
    )


def publication_filter(value: PublicationFilterInput | None) -> PublicationFilter | None:
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
        evidence_levels=tuple(EvidenceLevel(e) for e in value.evidence_levels or ()),
        include_retracted=bool(value.include_retracted),
    )


def publication_kind(value: PublicationKindEnum | None) -> PublicationKind | None:  # type: ignore[valid-type]
    return PublicationKind(value) if value else None
