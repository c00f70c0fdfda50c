from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.data import JSON_DUMPS
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from network.jobs.models import JobStatus


class Migration(migrations.Migration):
    dependencies = [("network", "0002_search_index")]

    initial = False

    operations = [
        ops.CreateModel(
            name="Job",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                ("kind", fields.CharField(max_length=60)),
                ("payload", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                (
                    "status",
                    fields.CharEnumField(
                        default=JobStatus.PENDING,
                        description="PENDING: PENDING\nRUNNING: RUNNING\nDONE: DONE\nFAILED: FAILED",
                        enum_type=JobStatus,
                        max_length=12,
                    ),
                ),
                ("attempts", fields.IntField(default=0)),
                ("max_attempts", fields.IntField(default=8)),
                ("run_after", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("locked_by", fields.CharField(default="", max_length=80)),
                ("locked_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("last_error", fields.TextField(default="", unique=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                (
                    "finished_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "job",
                "app": "network",
                "indexes": [Index(fields=["status", "run_after"])],
                "pk_attr": "id",
                "table_description": "A unit of background work (for example a search-index rebuild batch).",
            },
            bases=["Model"],
        ),
    ]
