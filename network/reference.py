"""Reference data every instance carries: the topic taxonomy and the standard metrics.

Synced after migrations by `network migrate` (idempotent): new topics and metrics
are added and wording is updated; nothing is deleted, because publications and
observations may point at it.
"""

from typing import Any

from tortoise.transactions import in_transaction

from network.metrics.models import Direction, Frequency, MetricDefinition, MetricUnit
from network.metrics.standard import STANDARD_METRICS
from network.publications.models import Topic
from network.publications.taxonomy import flatten


async def sync_reference_data() -> tuple[int, int]:
    """Upsert the taxonomy and the standard metrics; returns (topics, metrics)."""
    async with in_transaction():
        by_slug: dict[str, Topic] = {t.slug: t for t in await Topic.all()}
        for position, (spec, parent_slug) in enumerate(flatten()):
            parent_id = by_slug[parent_slug].id if parent_slug else None
            values: dict[str, Any] = {
                "name": spec.name,
                "description": spec.description,
                "parent_id": parent_id,
                "position": position,
            }
            topic = by_slug.get(spec.slug)
            if topic is None:
                by_slug[spec.slug] = await Topic.create(slug=spec.slug, **values)
            else:
                await Topic.filter(id=topic.id).update(**values)
        for metric in STANDARD_METRICS:
            metric_values = {
                "name": metric.name,
                "description": metric.description,
                "unit": MetricUnit(metric.unit),
                "numerator": metric.numerator,
                "denominator": metric.denominator,
                "exclusions": metric.exclusions,
                "frequency": Frequency(metric.frequency),
                "desired_direction": Direction(metric.desired_direction),
                "rationale": metric.rationale,
                "disaggregations": list(metric.disaggregations),
                "non_additive": list(metric.non_additive),
                "domain": metric.domain,
                "counting_unit": metric.counting_unit,
                "companions": list(metric.companions),
                "derived_from": metric.derived_from,
                "reference": metric.reference,
                "topic_id": by_slug[metric.topic].id if metric.topic in by_slug else None,
                "source": metric.source,
                "is_standard": True,
            }
            await MetricDefinition.update_or_create(defaults=metric_values, key=metric.key)
    return len(by_slug), len(STANDARD_METRICS)
