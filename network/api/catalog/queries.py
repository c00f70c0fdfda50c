"""The shared vocabulary's root fields: the topic taxonomy and metric definitions."""

import strawberry

from network.api.catalog.types import MetricDefinitionType, TopicTree, TopicType
from network.metrics import service as metrics
from network.publications import queries


@strawberry.type
class CatalogQuery:
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
