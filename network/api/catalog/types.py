"""Topics and metric definitions: the shared vocabulary."""

from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from network.api.core.enums import DirectionEnum, FrequencyEnum, MetricUnitEnum
from network.api.core.ids import node_pks
from network.metrics.models import MetricDefinition
from network.publications.models import Topic


@strawberry.type(name="Topic")
class TopicType(relay.Node):
    id: relay.NodeID[int]
    slug: str
    name: str
    description: str
    parent_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, topic: Topic) -> "TopicType":
        return cls(
            id=topic.id,
            slug=topic.slug,
            name=topic.name,
            description=topic.description,
            parent_id=topic.parent_id,  # type: ignore[attr-defined]
        )

    @strawberry.field
    async def parent(self, info: strawberry.Info) -> "TopicType | None":
        if self.parent_id is None:
            return None
        topic = await info.context.loaders.catalog.topic.load(self.parent_id)
        return TopicType.from_model(topic) if topic else None

    @classmethod
    async def resolve_nodes(
        cls, *, info: strawberry.Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        loaded = await info.context.loaders.catalog.topic.load_many(node_pks(node_ids))
        return [cls.from_model(t) if t else None for t in loaded]


@strawberry.type(name="TopicTreeNode", description="A top-level topic with its sub-topics.")
class TopicTree:
    topic: TopicType
    children: list[TopicType]


@strawberry.type(name="MetricDefinition")
class MetricDefinitionType:
    key: str
    name: str
    description: str
    unit: MetricUnitEnum  # type: ignore[valid-type]
    numerator: str
    denominator: str
    exclusions: str
    frequency: FrequencyEnum  # type: ignore[valid-type]
    desired_direction: DirectionEnum  # type: ignore[valid-type]
    rationale: str
    disaggregations: list[str]
    non_additive: list[str] = strawberry.field(
        description="Dimensions whose cells need not add up to the total."
    )
    domain: str = strawberry.field(
        description="capacity_efficiency, community_safety or fairness_justice"
    )
    counting_unit: str
    companions: list[str] = strawberry.field(description="Keys of metrics to read beside it.")
    derived_from: str = strawberry.field(
        description="For an index computed from another metric's released cells: its key."
    )
    reference: str
    source: str
    is_standard: bool

    @classmethod
    def from_model(cls, metric: MetricDefinition) -> "MetricDefinitionType":
        return cls(
            key=metric.key,
            name=metric.name,
            description=metric.description,
            unit=metric.unit,
            numerator=metric.numerator,
            denominator=metric.denominator,
            exclusions=metric.exclusions,
            frequency=metric.frequency,
            desired_direction=metric.desired_direction,
            rationale=metric.rationale,
            disaggregations=list(metric.disaggregations or []),
            non_additive=list(metric.non_additive or []),
            domain=metric.domain,
            counting_unit=metric.counting_unit,
            companions=list(metric.companions or []),
            derived_from=metric.derived_from,
            reference=metric.reference,
            source=metric.source,
            is_standard=metric.is_standard,
        )
