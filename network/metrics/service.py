"""Metric definitions: the vocabulary of comparable measures."""

from collections.abc import Iterable

from network.db import by_ids
from network.metrics.models import MetricDefinition


async def list_definitions() -> list[MetricDefinition]:
    return await MetricDefinition.all().order_by("key")


async def definitions_by_ids(ids: Iterable[int]) -> dict[int, MetricDefinition]:
    return await by_ids(MetricDefinition, ids)
