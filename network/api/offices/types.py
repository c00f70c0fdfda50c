"""The office directory in the schema. The pseudonym is never exposed here:
shown beside the name it would undo pseudonymous attribution."""

from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from network.api.core.enums import OfficeKindEnum, RegionEnum, SizeBandEnum
from network.api.core.ids import node_pks
from network.offices.models import Office


@strawberry.type(name="Office")
class OfficeType(relay.Node):
    id: relay.NodeID[int]
    slug: str
    name: str
    jurisdiction: str
    state: str
    kind: OfficeKindEnum  # type: ignore[valid-type]
    region: RegionEnum  # type: ignore[valid-type]
    size_band: SizeBandEnum  # type: ignore[valid-type]
    population_served: int

    @classmethod
    def from_model(cls, office: Office) -> "OfficeType":
        return cls(
            id=office.id,
            slug=office.slug,
            name=office.name,
            jurisdiction=office.jurisdiction,
            state=office.state,
            kind=office.kind,
            region=office.region,
            size_band=office.size_band,
            population_served=office.population_served,
        )

    @classmethod
    async def resolve_nodes(
        cls, *, info: strawberry.Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ids = node_pks(node_ids)
        loaded = await info.context.loaders.offices.office.load_many(ids)
        return [cls.from_model(o) if o else None for o in loaded]
