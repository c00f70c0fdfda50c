"""Create the full-text index for the configured engine (FTS5 or tsvector + GIN)."""

from typing import Any

from tortoise import migrations
from tortoise.migrations import operations as ops

from network.search import schema


async def _create(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    if schema.is_postgres(client.capabilities.dialect):
        for statement in schema.POSTGRES_CREATE:
            await client.execute_script(statement)
    else:
        await client.execute_script(schema.SQLITE_CREATE)


async def _drop(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    if schema.is_postgres(client.capabilities.dialect):
        await client.execute_script(schema.POSTGRES_DROP)
    else:
        await client.execute_script(schema.SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [ops.RunPython(_create, _drop)]
