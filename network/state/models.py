"""Small named counters shared by every app process through the database."""

from tortoise import fields
from tortoise.models import Model


class Counter(Model):
    """A named monotonic counter, e.g. `content`, bumped by every visible change.

    Response caches in any process compare it to the value they cached under, so a
    publish in one process invalidates cached reads in all of them.
    """

    name = fields.CharField(max_length=40, primary_key=True)
    value = fields.BigIntField(default=0)

    class Meta:
        table = "counter"
