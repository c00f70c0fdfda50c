"""Office directory arguments and their conversion to the service's filter."""

import strawberry

from network.api.core.enums import OfficeKindEnum, RegionEnum, SizeBandEnum
from network.offices import service as offices
from network.offices.models import OfficeKind, Region, SizeBand


@strawberry.input
class OfficeFilter:
    states: list[str] | None = None
    regions: list[RegionEnum] | None = None  # type: ignore[valid-type]
    size_bands: list[SizeBandEnum] | None = None  # type: ignore[valid-type]
    kinds: list[OfficeKindEnum] | None = None  # type: ignore[valid-type]


def office_filter(value: OfficeFilter | None) -> offices.OfficeFilter | None:
    if value is None:
        return None
    return offices.OfficeFilter(
        states=tuple(value.states or ()),
        regions=tuple(Region(r) for r in value.regions or ()),
        size_bands=tuple(SizeBand(b) for b in value.size_bands or ()),
        kinds=tuple(OfficeKind(k) for k in value.kinds or ()),
    )
