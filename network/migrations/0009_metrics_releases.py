"""Metrics: exact integer counts, uploads, versioned releases with their cells,
corrections, and local definition notes; definitions gain their profile."""

from typing import Any

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from network.migration_ops import AddFilledField, ChangeColumnType


async def _exact_counts(apps: Any, schema_editor: Any) -> None:
    """Counts move out of the float `value` into the integer `count`; rates keep
    numerator and denominator (rounded to whole numbers by the type change) and
    lose the derived value, which is always recomputed from them."""
    client = schema_editor.client
    await client.execute_script(
        "UPDATE observation SET count = CAST(ROUND(value) AS BIGINT), value = NULL "
        "WHERE value IS NOT NULL AND metric_id IN "
        "(SELECT id FROM metric_definition WHERE unit = 'COUNT');"
        "UPDATE observation SET value = NULL WHERE metric_id IN "
        "(SELECT id FROM metric_definition WHERE unit = 'RATE');"
    )


async def _nothing(apps: Any, schema_editor: Any) -> None:
    """Going back keeps the values as they are."""


RELEASE_DESCRIPTION = "The anonymized cells of one office, metric and period that others may read."


class Migration(migrations.Migration):
    dependencies = [("network", "0008_revision_html")]

    initial = False

    operations = [
        ops.CreateModel(
            name="Correction",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="metric_corrections",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "metric",
                    fields.ForeignKeyField(
                        "network.MetricDefinition",
                        source_field="metric_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="corrections",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("period_start", fields.DateField()),
                ("disaggregation", fields.CharField(default="", max_length=120)),
                ("before", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ("after", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "metric_correction",
                "app": "network",
                "pk_attr": "id",
                "table_description": "A released cell that a re-upload changed: before and after as released",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="LocalDefinition",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="local_definitions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "metric",
                    fields.ForeignKeyField(
                        "network.MetricDefinition",
                        source_field="metric_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="local_definitions",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("note", fields.TextField(unique=False)),
                ("updated_at", fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={
                "table": "metric_local_definition",
                "app": "network",
                "unique_together": (("office", "metric"),),
                "pk_attr": "id",
                "table_description": "How an office's own counting differs from the network's definition: shown",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Upload",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="metric_uploads",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("actor", fields.CharField(default="", max_length=200)),
                ("filename", fields.CharField(default="", max_length=255)),
                ("sha256", fields.CharField(max_length=64)),
                ("rows", fields.IntField()),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={
                "table": "metric_upload",
                "app": "network",
                "pk_attr": "id",
                "table_description": "One accepted file of observations (a dry run stores nothing).",
            },
            bases=["Model"],
        ),
        AddFilledField(
            model_name="MetricDefinition",
            name="companions",
            field=fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
        ),
        AddFilledField(
            model_name="MetricDefinition",
            name="counting_unit",
            field=fields.TextField(default="", unique=False),
        ),
        AddFilledField(
            model_name="MetricDefinition",
            name="derived_from",
            field=fields.CharField(default="", max_length=80),
        ),
        AddFilledField(
            model_name="MetricDefinition",
            name="domain",
            field=fields.CharField(default="capacity_efficiency", max_length=40),
        ),
        AddFilledField(
            model_name="MetricDefinition",
            name="non_additive",
            field=fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
        ),
        AddFilledField(
            model_name="MetricDefinition",
            name="reference",
            field=fields.CharField(default="", max_length=40),
        ),
        ops.AddField(
            model_name="Observation",
            name="count",
            field=fields.BigIntField(null=True),
        ),
        ops.RunPython(_exact_counts, _nothing),
        ChangeColumnType(
            model_name="Observation",
            name="denominator",
            field=fields.BigIntField(null=True),
            sql_type="BIGINT",
            using="ROUND(denominator)::BIGINT",
        ),
        ChangeColumnType(
            model_name="Observation",
            name="numerator",
            field=fields.BigIntField(null=True),
            sql_type="BIGINT",
            using="ROUND(numerator)::BIGINT",
        ),
        ChangeColumnType(
            model_name="Observation",
            name="value",
            field=fields.DecimalField(null=True, max_digits=18, decimal_places=4),
            sql_type="NUMERIC(18,4)",
            using="value::NUMERIC(18,4)",
        ),
        ops.AddField(
            model_name="Observation",
            name="upload",
            field=fields.ForeignKeyField(
                "network.Upload",
                source_field="upload_id",
                null=True,
                db_constraint=True,
                to_field="id",
                related_name="observations",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        # Nothing computed or read releases before: the table is made anew.
        ops.DeleteModel(name="Release"),
        ops.CreateModel(
            name="Release",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "office",
                    fields.ForeignKeyField(
                        "network.Office",
                        source_field="office_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="releases",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "metric",
                    fields.ForeignKeyField(
                        "network.MetricDefinition",
                        source_field="metric_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="releases",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "upload",
                    fields.ForeignKeyField(
                        "network.Upload",
                        source_field="upload_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="releases",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                ("period_start", fields.DateField()),
                ("version", fields.IntField(default=1)),
                ("method", fields.CharField(default="suppression", max_length=40)),
                ("k", fields.IntField(default=11)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "superseded_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "metric_release",
                "app": "network",
                "unique_together": (("office", "metric", "period_start", "version"),),
                "pk_attr": "id",
                "table_description": RELEASE_DESCRIPTION,
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ReleaseCell",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "release",
                    fields.ForeignKeyField(
                        "network.Release",
                        source_field="release_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="released_cells",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("office_id", fields.IntField()),
                ("metric_id", fields.IntField()),
                ("period_start", fields.DateField()),
                ("disaggregation", fields.CharField(default="", max_length=120)),
                ("value", fields.DecimalField(null=True, max_digits=24, decimal_places=6)),
                ("count", fields.BigIntField(null=True)),
                ("numerator", fields.BigIntField(null=True)),
                ("denominator", fields.BigIntField(null=True)),
                ("flag", fields.CharField(default="", max_length=24)),
                ("current", fields.BooleanField(default=True)),
            ],
            options={
                "table": "metric_release_cell",
                "app": "network",
                "indexes": [
                    Index(fields=["metric_id", "disaggregation", "period_start", "current"]),
                    Index(fields=["office_id", "metric_id"]),
                ],
                "pk_attr": "id",
                "table_description": "One released cell. Office, metric and period are repeated from the release",
            },
            bases=["Model"],
        ),
        ops.AddIndex(model_name="Observation", index=Index(fields=["upload_id"])),
        ops.AddIndex(model_name="Release", index=Index(fields=["upload_id"])),
        ops.AddIndex(model_name="ReleaseCell", index=Index(fields=["release_id"])),
    ]
