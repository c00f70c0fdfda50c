"""Per-request DataLoaders: related data loads in one query per kind, per request.

Loaders call service batch functions only; they receive ids of objects the
principal could already see (a publication's revisions are loaded only after the
publication itself passed the visibility check).
"""

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from network.auth.principal import Principal
from network.metrics import service as metrics
from network.metrics.models import MetricDefinition
from network.offices import service as offices
from network.offices.models import Office
from network.publications import queries
from network.publications.models import Publication, Revision, Topic


class Loaders:
    def __init__(self, principal: Principal) -> None:
        self.principal = principal
        self.office = DataLoader[int, Office | None](load_fn=self._offices)
        self.publication = DataLoader[int, Publication | None](load_fn=self._publications)
        self.revision = DataLoader[int, Revision | None](load_fn=self._revisions)
        self.revisions_of = DataLoader[int, list[Revision]](load_fn=self._revisions_of)
        self.topic_ids_of = DataLoader[int, list[int]](load_fn=self._topic_ids_of)
        self.topic = DataLoader[int, Topic | None](load_fn=self._topics)
        self.metric_ids_of = DataLoader[int, list[int]](load_fn=self._metric_ids_of)
        self.metric = DataLoader[int, MetricDefinition | None](load_fn=self._metrics)

    async def _offices(self, ids: Sequence[int]) -> list[Office | None]:
        found = await offices.offices_by_ids(ids)
        return [found.get(i) for i in ids]

    async def _publications(self, ids: Sequence[int]) -> list[Publication | None]:
        found = await queries.publications_by_ids(self.principal, ids)
        return [found.get(i) for i in ids]

    async def _revisions(self, ids: Sequence[int]) -> list[Revision | None]:
        found = await queries.revisions_by_ids(ids)
        return [found.get(i) for i in ids]

    async def _revisions_of(self, ids: Sequence[int]) -> list[list[Revision]]:
        found = await queries.revisions_by_publication(ids)
        return [found.get(i, []) for i in ids]

    async def _topic_ids_of(self, ids: Sequence[int]) -> list[list[int]]:
        found = await queries.topic_ids_by_publication(ids)
        return [found.get(i, []) for i in ids]

    async def _topics(self, ids: Sequence[int]) -> list[Topic | None]:
        found = await queries.topics_by_ids(ids)
        return [found.get(i) for i in ids]

    async def _metric_ids_of(self, ids: Sequence[int]) -> list[list[int]]:
        found = await queries.metric_ids_by_publication(ids)
        return [found.get(i, []) for i in ids]

    async def _metrics(self, ids: Sequence[int]) -> list[MetricDefinition | None]:
        found = await metrics.definitions_by_ids(ids)
        return [found.get(i) for i in ids]
