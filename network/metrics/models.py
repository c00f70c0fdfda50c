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
    # Dimensions whose cells need not add up to the total.
    non_additive: list[str] = fields.JSONField(default=list)
    domain = fields.CharField(max_length=40, default="capacity_efficiency")
    counting_unit = fields.TextField(default="")
    companions: list[str] = fields.JSONField(default=list)
    derived_from = fields.CharField(max_length=80, default="")
    reference = fields.CharField(max_length=40, default="")
    topic: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Topic", related_name="metrics", null=True, on_delete=fields.SET_NULL
    )
    source = fields.CharField(max_length=120, default="")
    is_standard = fields.BooleanField(default=False)

    class Meta:
        table = "metric_definition"
        ordering = ("key",)


class LocalDefinition(Model):
    """How an office's own counting differs from the network's definition: shown
    beside its numbers, so a comparison is read with it."""

    id = fields.IntField(primary_key=True)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="local_definitions", on_delete=fields.CASCADE
    )
    metric: fields.ForeignKeyRelation[MetricDefinition] = fields.ForeignKeyField(
        "network.MetricDefinition", related_name="local_definitions", on_delete=fields.CASCADE
    )
    note = fields.TextField()
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "metric_local_definition"
        unique_together = (("office", "metric"),)


class Upload(Model):
    """One accepted file of observations (a dry run stores nothing)."""

    id = fields.IntField(primary_key=True)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="metric_uploads", on_delete=fields.CASCADE
    )
    actor = fields.CharField(max_length=200, default="")
    filename = fields.CharField(max_length=255, default="")
    sha256 = fields.CharField(max_length=64)
    rows = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "metric_upload"


class Observation(Model):
    """A raw value an office uploaded. Never leaves the office.

    `disaggregation` is "" for the total, otherwise a canonical "dimension=value"
    string (for example "race_ethnicity=black") so one unique key covers every cell.
    Counts are exact integers: `count` for counts (and the cases a median or an
    amount rests on), `numerator`/`denominator` for rates; `value` holds what is
    measured rather than counted (days, money, ratios).
    """

    id = fields.BigIntField(primary_key=True)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="observations", on_delete=fields.CASCADE
    )
    metric: fields.ForeignKeyRelation[MetricDefinition] = fields.ForeignKeyField(
        "network.MetricDefinition", related_name="observations", on_delete=fields.RESTRICT
    )
    upload: fields.ForeignKeyNullableRelation[Upload] = fields.ForeignKeyField(
        "network.Upload", related_name="observations", null=True, on_delete=fields.SET_NULL
    )
    period_start = fields.DateField()
    disaggregation = fields.CharField(max_length=120, default="")
    count = fields.BigIntField(null=True)
    numerator = fields.BigIntField(null=True)
    denominator = fields.BigIntField(null=True)
    value = fields.DecimalField(max_digits=18, decimal_places=4, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "observation"
        unique_together = (("office", "metric", "period_start", "disaggregation"),)
        indexes = (("upload_id",),)


class Release(Model):
    """The anonymized cells of one office, metric and period that others may read.

    Computed once by the disclosure engine and never changed: every comparison
    reads releases, never observations, so suppression holds across queries. A
    corrected upload makes a new version; the old one is kept, marked superseded.
    """

    id = fields.IntField(primary_key=True)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="releases", on_delete=fields.CASCADE
    )
    metric: fields.ForeignKeyRelation[MetricDefinition] = fields.ForeignKeyField(
        "network.MetricDefinition", related_name="releases", on_delete=fields.RESTRICT
    )
    upload: fields.ForeignKeyNullableRelation[Upload] = fields.ForeignKeyField(
        "network.Upload", related_name="releases", null=True, on_delete=fields.SET_NULL
    )
    period_start = fields.DateField()
    version = fields.IntField(default=1)
    method = fields.CharField(max_length=40, default="suppression")
    k = fields.IntField(default=11)
    # Epsilon spent on its noise when the network adds differential privacy.
    epsilon = fields.DecimalField(max_digits=12, decimal_places=6, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    superseded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "metric_release"
        unique_together = (("office", "metric", "period_start", "version"),)
        indexes = (("upload_id",),)


class ReleaseCell(Model):
    """One released cell. Office, metric and period are repeated from the release
    so comparisons read one table; `current` is false once a correction supersedes
    the release (the only change a cell ever sees).

    A hidden cell has no value, no counts and its reason in `flag`; a shown cell
    with fewer than 20 people under it has flag "unstable".
    """

    id = fields.BigIntField(primary_key=True)
    release: fields.ForeignKeyRelation[Release] = fields.ForeignKeyField(
        "network.Release", related_name="released_cells", on_delete=fields.CASCADE
    )
    office_id = fields.IntField()
    metric_id = fields.IntField()
    period_start = fields.DateField()
    disaggregation = fields.CharField(max_length=120, default="")
    value = fields.DecimalField(max_digits=24, decimal_places=6, null=True)
    count = fields.BigIntField(null=True)
    numerator = fields.BigIntField(null=True)
    denominator = fields.BigIntField(null=True)
    flag = fields.CharField(max_length=24, default="")
    current = fields.BooleanField(default=True)

    class Meta:
        table = "metric_release_cell"
        # Comparisons read current cells by metric, dimension and period through a
        # covering index made by migration 0011 (partial, with the released figures
        # included, which Tortoise cannot declare).
        indexes = (
            ("office_id", "metric_id"),
            ("release_id",),
        )


class PrivacySpend(Model):
    """The privacy budget ledger: epsilon an office spent on one month by releasing
    one table with noise. Entries are never changed or removed (a superseded release
    keeps what it cost), so the sum per office and month is what was spent."""

    id = fields.BigIntField(primary_key=True)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="privacy_spends", on_delete=fields.CASCADE
    )
    month = fields.DateField()
    metric: fields.ForeignKeyRelation[MetricDefinition] = fields.ForeignKeyField(
        "network.MetricDefinition", related_name="privacy_spends", on_delete=fields.RESTRICT
    )
    release: fields.ForeignKeyNullableRelation[Release] = fields.ForeignKeyField(
        "network.Release", related_name="privacy_spends", null=True, on_delete=fields.SET_NULL
    )
    epsilon = fields.DecimalField(max_digits=12, decimal_places=6)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "metric_privacy_spend"
        indexes = (("office_id", "month"),)


class Correction(Model):
    """A released cell that a re-upload changed: before and after as released
    (suppressed values stay hidden on both sides). Readers see this log."""

    id = fields.BigIntField(primary_key=True)
    office: fields.ForeignKeyRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="metric_corrections", on_delete=fields.CASCADE
    )
    metric: fields.ForeignKeyRelation[MetricDefinition] = fields.ForeignKeyField(
        "network.MetricDefinition", related_name="corrections", on_delete=fields.CASCADE
    )
    period_start = fields.DateField()
    disaggregation = fields.CharField(max_length=120, default="")
    before: dict[str, Any] = fields.JSONField(default=dict)
    after: dict[str, Any] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "metric_correction"
        ordering = ("-created_at", "-id")
