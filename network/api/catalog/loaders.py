"""Topics and metric definitions by row id, batched per request.

The vocabulary is public, so these loaders need no principal.
"""

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from network.metrics import service as metrics
from network.metrics.models import MetricDefinition
from network.publications import queries
from network.publications.models import Topic


class CatalogLoaders:
    def __init__(self) -> None:
        self.topic = DataLoader[int, Topic | None](load_fn=_topics)
        self.metric = DataLoader[int, MetricDefinition | None](load_fn=_metrics)


async def _topics(ids: Sequence[int]) -> list[Topic | None]:
    found = await queries.topics_by_ids(ids)
    return [found.get(i) for i in ids]


async def _metrics(ids: Sequence[int]) -> list[MetricDefinition | None]:
    found = await metrics.definitions_by_ids(ids)
    return [found.get(i) for i in ids]
