"""The audit log: who did what, when, to what. Never holds secrets or tokens."""

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    id = fields.BigIntField(primary_key=True)
    occurred_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    action = fields.CharField(max_length=60, db_index=True)
    outcome = fields.CharField(max_length=16, default="success")
    actor_member: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Member", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    actor_label = fields.CharField(max_length=200, default="")
    office: fields.ForeignKeyNullableRelation[Any] = fields.ForeignKeyField(
        "network.Office", related_name="audit_events", null=True, on_delete=fields.SET_NULL
    )
    target_type = fields.CharField(max_length=40, default="")
    target_id = fields.CharField(max_length=80, default="")
    detail: dict[str, Any] = fields.JSONField(default=dict)
    ip = fields.CharField(max_length=64, default="")
    request_id = fields.CharField(max_length=64, default="")

    class Meta:
        table = "audit_event"
        ordering = ("-occurred_at", "-id")
