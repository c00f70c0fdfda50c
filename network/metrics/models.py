"""Metric definitions, raw observations and released (anonymized) cells."""

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class MetricUnit(StrEnum):
    COUNT = "COUNT"
    RATE = "RATE"
    DAYS = "DAYS"
    RATIO = "RATIO"
    MONEY = "MONEY"


class Frequency(StrEnum):
    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    ANNUAL = "ANNUAL"


class Direction(StrEnum):
    UP = "UP"
    DOWN = "DOWN"
    NEUTRAL = "NEUTRAL"


class MetricDefinition(Model):
    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=80, unique=True)
    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    unit = fields.CharEnumField(MetricUnit, max_length=8)
    numerator = fields.TextField(default="")
    denominator = fields.TextField(default="")
    exclusions = fields.TextField(default="")
    frequency = fields.CharEnumField(Frequency, max_length=12, default=Frequency.MONTHLY)
    desired_direction = fields.CharEnumField(Direction, max_length=8, default=Direction.NEUTRAL)
    rationale = fields.TextField(default="")
    disaggregations: list[str] = fields.JSONField(default=list)
    topic: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Topic", related_name="metrics", null=True, on_delete=fields.SET_NULL
    )
    source = fields.CharField(max_length=120, default="")
    is_standard = fields.BooleanField(default=False)

    class Meta:
        table = "metric_definition"
        ordering = ("key",)


class Observation(Model):
    """A raw value an office uploaded. Never leaves the office.

    `disaggregation` is "" for the total, otherwise a canonical "dimension=value"
    string (for example "race_ethnicity=black") so one unique key covers every cell.
    """

    id = fields.BigIntField(primary_key=True)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="observations", on_delete=fields.CASCADE
    )
    metric: fields.ForeignKeyRelation[MetricDefinition] = fields.ForeignKeyField(
        "network.MetricDefinition", related_name="observations", on_delete=fields.RESTRICT
    )
    period_start = fields.DateField()
    disaggregation = fields.CharField(max_length=120, default="")
    value = fields.FloatField(null=True)
    numerator = fields.FloatField(null=True)
    denominator = fields.FloatField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "observation"
        unique_together = (("office", "metric", "period_start", "disaggregation"),)


class Release(Model):
    """The anonymized cells of one office, metric and period that others may read.

    Computed once by the disclosure engine and never changed: every comparison
    reads releases, never observations, so suppression holds across queries.
    """

    id = fields.IntField(primary_key=True)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="releases", on_delete=fields.CASCADE
    )
    metric: fields.ForeignKeyRelation[MetricDefinition] = fields.ForeignKeyField(
        "network.MetricDefinition", related_name="releases", on_delete=fields.RESTRICT
    )
    period_start = fields.DateField()
    cells: list[dict[str, Any]] = fields.JSONField(default=list)
    method = fields.CharField(max_length=40, default="suppression-k11")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "metric_release"
        unique_together = (("office", "metric", "period_start"),)
