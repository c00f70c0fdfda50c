"""Bounded search ranking: an index for the visibility filter, and on PostgreSQL a small
`head` tsvector (title and summary) used to choose which matches get ranked first."""

from typing import Any

from tortoise import migrations
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from network.search import schema


async def _add_head(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    if schema.is_postgres(client.capabilities.dialect):
        for statement in schema.POSTGRES_ADD_HEAD:
            await client.execute_script(statement)


async def _drop_head(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    if schema.is_postgres(client.capabilities.dialect):
        await client.execute_script(schema.POSTGRES_DROP_HEAD)


class Migration(migrations.Migration):
    dependencies = [("network", "0003_jobs")]

    initial = False

    operations = [
        ops.AddIndex(
            model_name="Publication",
            index=Index(fields=["visibility", "status"]),
        ),
        ops.RunPython(_add_head, _drop_head),
    ]
