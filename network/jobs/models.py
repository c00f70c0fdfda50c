"""Background work recorded in the database and done by `network worker` processes."""

from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class JobStatus(StrEnum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"


class Job(Model):
    """A unit of background work (for example a search-index rebuild batch).

    Recorded in the same transaction as the change that needs it; claimed by one
    worker at a time (row locks with SKIP LOCKED on PostgreSQL); retried with
    exponential backoff until `max_attempts`, then kept as FAILED with its error.
    """

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=60)
    payload: dict[str, Any] = fields.JSONField(default=dict)
    status = fields.CharEnumField(JobStatus, max_length=12, default=JobStatus.PENDING)
    attempts = fields.IntField(default=0)
    max_attempts = fields.IntField(default=8)
    run_after = fields.DatetimeField()
    locked_by = fields.CharField(max_length=80, default="")
    locked_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "job"
        indexes = (("status", "run_after"),)
