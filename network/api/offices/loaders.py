"""Offices by row id, batched per request.

Every office is listed publicly, so this loader needs no principal; whether a
publication's office may be shown is decided before it is asked
(`network.publications.disclosure`).
"""

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from network.offices import service as offices
from network.offices.models import Office


class OfficeLoaders:
    def __init__(self) -> None:
        self.office = DataLoader[int, Office | None](load_fn=_offices)


async def _offices(ids: Sequence[int]) -> list[Office | None]:
    found = await offices.offices_by_ids(ids)
    return [found.get(i) for i in ids]
