"""Metric definitions: the vocabulary of comparable measures."""

from collections.abc import Iterable

from network.metrics.models import MetricDefinition


async def list_definitions() -> list[MetricDefinition]:
    return await MetricDefinition.all().order_by("key")


async def definitions_by_ids(ids: Iterable[int]) -> dict[int, MetricDefinition]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    return {m.id: m for m in await MetricDefinition.filter(id__in=wanted)}
