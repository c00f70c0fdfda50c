"""Migration operations Tortoise lacks, used by the files in `network.migrations`.

- `AddFilledField` adds a NOT NULL column to a table that already has rows: Tortoise
  keeps defaults in Python and emits ADD COLUMN without one, which both engines refuse
  on a non-empty table. The column gets the field's default as its database default
  while it is added (the model's state is unchanged).
- `ChangeColumnType` changes a column's type, which Tortoise's AlterField refuses:
  PostgreSQL converts in place with a USING expression, SQLite rebuilds the table
  (the way SQLite recommends) and gets its unique constraints back as unique indexes.
"""

from typing import Any

from tortoise.migrations import operations as ops


class AddFilledField(ops.AddField):
    async def database_forward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        field = model._meta.fields_map[self.name]
        default = field.default() if callable(field.default) else field.default
        saved = field.db_default
        field.db_default = default
        try:
            await state_editor.add_field(model, self.name)
        finally:
            field.db_default = saved


class ChangeColumnType(ops.AlterField):
    def __init__(self, model_name: str, name: str, field: Any, sql_type: str, using: str):
        super().__init__(model_name, name, field)
        self.sql_type = sql_type
        self.using = using

    async def database_forward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        if not state_editor:
            return
        old_model = old_state.apps.get_model(f"{app_label}.{self.model_name}")
        new_model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        client = state_editor.client
        if client.capabilities.dialect == "postgres":
            table = new_model._meta.db_table
            await client.execute_script(
                f'ALTER TABLE "{table}" ALTER COLUMN "{self.name}" TYPE {self.sql_type} '
                f"USING {self.using}"
            )
            return
        pair = (old_model._meta.fields_map[self.name], new_model._meta.fields_map[self.name])
        await state_editor._remake_table(new_model, alter_fields=[pair])
        # The rebuilt table loses its unique constraints: put them back as indexes.
        meta = new_model._meta
        for together in meta.unique_together or ():
            columns = [_column(meta, name) for name in together]
            index = state_editor._generate_index_name("uid", new_model, columns)
            quoted = ", ".join(f'"{c}"' for c in columns)
            await client.execute_script(
                f'CREATE UNIQUE INDEX IF NOT EXISTS "{index}" ON "{meta.db_table}" ({quoted})'
            )

    async def database_backward(
        self, app_label: str, old_state: Any, new_state: Any, state_editor: Any = None
    ) -> None:
        raise NotImplementedError(f"{self.model_name}.{self.name} keeps its new type")


def _column(meta: Any, name: str) -> str:
    """The column of a field, a foreign key's being its `<name>_id` column."""
    projection = meta.fields_db_projection
    if name in projection:
        return str(projection[name])
    return str(projection.get(f"{name}_id", name))
