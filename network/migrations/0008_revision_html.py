"""Revisions keep their rendered HTML: rendering is done once when a revision is
written, never per read. Existing revisions are rendered here."""

from typing import Any

import orjson
from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.data import JSON_DUMPS
from tortoise.migrations import operations as ops

from network.migration_ops import AddFilledField
from network.publications.models import render_revision


async def _render_existing(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    mark = "$" if client.capabilities.dialect == "postgres" else "?"
    marks = [f"{mark}{i}" if mark == "$" else "?" for i in (1, 2, 3)]
    _, rows = await client.execute_query("SELECT id, body, sections FROM revision")
    for row in rows:
        sections = row["sections"]
        if isinstance(sections, str | bytes):
            sections = orjson.loads(sections or "{}")
        body_html, sections_html = render_revision(row["body"] or "", sections or {})
        await client.execute_query(
            f"UPDATE revision SET body_html = {marks[0]}, sections_html = {marks[1]} "
            f"WHERE id = {marks[2]}",
            [body_html, orjson.dumps(sections_html).decode(), row["id"]],
        )


async def _nothing(apps: Any, schema_editor: Any) -> None:
    """Going back drops the columns; nothing to undo first."""


class Migration(migrations.Migration):
    dependencies = [("network", "0007_publishing")]

    initial = False

    operations = [
        AddFilledField(
            model_name="Revision",
            name="body_html",
            field=fields.TextField(default="", unique=False),
        ),
        AddFilledField(
            model_name="Revision",
            name="sections_html",
            field=fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads),
        ),
        ops.RunPython(_render_existing, _nothing),
    ]
