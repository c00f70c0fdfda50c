"""The change log table: one row per recorded change, in the change's transaction."""

from tortoise import fields
from tortoise.models import Model


class ChangeRecord(Model):
    """What changed (`kind` and `object_id`), to which `version`, and how (`action`).

    Rows are appended only; queued consumers receive the row's id, so what they act on
    is exactly what was committed.
    """

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=40)
    object_id = fields.BigIntField()
    version = fields.IntField()
    action = fields.CharField(max_length=40)
    occurred_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "change_log"
        indexes = (("kind", "object_id"),)
