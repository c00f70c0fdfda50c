"""The office directory's root fields: thin adapters over `network.offices.service`."""

import strawberry

from network.api.core.connection import Connection, build_connection
from network.api.offices.inputs import OfficeFilter, office_filter
from network.api.offices.types import OfficeType
from network.offices import service as offices


@strawberry.type
class OfficesQuery:
    @strawberry.field(description="Member offices, by name.")
    async def offices(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        filter: OfficeFilter | None = None,
    ) -> Connection[OfficeType]:
        spec = office_filter(filter)
        page = await offices.list_offices(
            spec=spec, first=first, after=after, max_page_size=info.context.settings.max_page_size
        )
        return build_connection(page, OfficeType.from_model, lambda: offices.count_offices(spec))

    @strawberry.field
    async def office(self, info: strawberry.Info, slug: str) -> OfficeType | None:
        found = await offices.offices_by_slugs([slug])
        return OfficeType.from_model(found[0]) if found else None
