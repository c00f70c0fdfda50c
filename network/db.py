"""Database configuration shared by the app, the CLI, tests and benchmarks."""

import re
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from tortoise.fields.base import Field
from tortoise.models import Model
from tortoise.queryset import AwaitableQuery, QuerySet

from network.settings import Settings

MODEL_MODULES = [
    "network.offices.models",
    "network.publications.models",
    "network.metrics.models",
    "network.audit.models",
    "network.state.models",
    "network.jobs.models",
    "network.auth.models",
    "network.changes.models",
    # Named, not imported: the domains and this module know nothing of federation,
    # but its tables live in the same database and migrations.
    "federation.models",
]
APP_LABEL = "network"

M = TypeVar("M", bound=Model)


def _connection_url(settings: Settings) -> str:
    url = settings.database_url
    if url.startswith("postgresql://"):
        url = "postgres://" + url[len("postgresql://") :]
    return url


def tortoise_config(settings: Settings) -> dict[str, Any]:
    """The Tortoise config dict; migrations live in `network.migrations`."""
    url = _connection_url(settings)
    if url.startswith("sqlite://"):
        from pathlib import Path

        path = url[len("sqlite://") :]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection: Any = {
            "engine": "tortoise.backends.sqlite",
            "credentials": {
                "file_path": path or ":memory:",
                "journal_mode": "WAL",
                "foreign_keys": "ON",
                # The web and worker processes share the file: wait for a writer
                # instead of failing at once with "database is locked".
                "busy_timeout": 5000,
            },
        }
    else:
        connection = url
        if "maxsize=" not in url:
            sep = "&" if "?" in url else "?"
            connection = f"{url}{sep}minsize=1&maxsize={settings.db_pool_max}"
    return {
        "connections": {"default": connection},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "network.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def subquery_sql(
    queryset: AwaitableQuery[Any], *, first_placeholder: int = 1
) -> tuple[str, list[Any]]:
    """A queryset's SQL and parameters, for splicing into raw SQL as `... IN (<sql>)`.

    The one place that touches Tortoise's private query compilation (Tortoise has no
    public "as subquery" for raw SQL); `tests/test_db_subquery.py` pins it on both
    engines, so a Tortoise upgrade that changes it fails there first. PostgreSQL's
    numbered placeholders are renumbered to start at `first_placeholder`, so the caller
    may put parameters before the subquery; SQLite's `?` are positional and need
    nothing. The ORM's SQL quotes identifiers and passes every value as a parameter, so
    no literal can contain `$n`.
    """
    if first_placeholder < 1:
        raise ValueError("Placeholders are numbered from 1.")
    queryset._choose_db_if_not_chosen()
    queryset._make_query()
    sql, params = queryset.query.get_parameterized_sql()
    shift = first_placeholder - 1
    if shift:
        sql = re.sub(r"\$(\d+)", lambda m: f"${int(m.group(1)) + shift}", sql)
    return sql, list(params)


async def by_ids(source: type[M] | QuerySet[M], ids: Iterable[int]) -> dict[int, M]:
    """Rows of a model, or of a filtered queryset (a visibility rule, say), whose id is
    among `ids`, keyed by id: one query, none for no ids. Every loader batch goes
    through it, so duplicates in `ids` cost nothing and missing ids are simply absent."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    return {row.pk: row for row in await source.filter(id__in=wanted)}


async def insert_rows(
    model: type[Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert many rows of plain values, inside the current transaction if there is
    one: binary COPY on PostgreSQL, one prepared statement on SQLite. For bulk loads
    where building a model instance per row would cost more than the insert itself.

    What is stored is what the ORM would have stored: a column whose values are all
    of their field's type (or None), for a field without a conversion of its own, is
    passed on as the field would pass it (lengths still checked); any other column
    goes through the field's conversion, remembered per distinct value (dates and
    timestamps repeat down a column). Types are checked column by column, in C, so a
    hundred thousand rows cost milliseconds rather than a call per value."""
    meta = model._meta
    fields = [meta.fields_map[name] for name in columns]
    db_columns = [meta.fields_db_projection[name] for name in columns]
    client = meta.db
    values: list[tuple[Any, ...]] = [tuple(row) for row in rows]
    if values:
        by_column = list(zip(*values, strict=True))
        changed = False
        for i, field in enumerate(fields):
            converted = _column_values(field, model, by_column[i])
            if converted is not None:
                by_column[i] = converted
                changed = True
        if changed:
            values = list(zip(*by_column, strict=True))
    if not values:
        return 0
    if client.capabilities.dialect == "postgres":
        async with client.acquire_connection() as connection:
            await connection.copy_records_to_table(
                meta.db_table, records=values, columns=db_columns
            )
        return len(values)
    quoted = ", ".join(f'"{c}"' for c in db_columns)
    marks = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{meta.db_table}" ({quoted}) VALUES ({marks})'
    await client.execute_many(sql, [list(v) for v in values])
    return len(values)


async def update_rows(
    model: type[Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Update many rows by primary key: each row is (pk, *values of `columns`). One
    prepared statement run for every row, values converted as `insert_rows` does;
    for batches where the ORM's bulk update (a CASE per column) costs more than the
    writes."""
    meta = model._meta
    values: list[tuple[Any, ...]] = [tuple(row) for row in rows]
    if not values:
        return 0
    fields = [meta.fields_map[name] for name in columns]
    by_column = list(zip(*values, strict=True))
    for i, field in enumerate(fields, start=1):
        converted = _column_values(field, model, by_column[i])
        if converted is not None:
            by_column[i] = converted
    client = meta.db
    postgres = client.capabilities.dialect == "postgres"
    names = [meta.fields_db_projection[name] for name in columns]
    marks = [f"${n}" if postgres else "?" for n in range(1, len(names) + 2)]
    assignments = ", ".join(f'"{name}" = {mark}' for name, mark in zip(names, marks, strict=False))
    key = meta.fields_db_projection[meta.pk_attr]
    sql = f'UPDATE "{meta.db_table}" SET {assignments} WHERE "{key}" = {marks[-1]}'
    ordered = zip(*by_column[1:], by_column[0], strict=True)
    await client.execute_many(sql, [list(row) for row in ordered])
    return len(values)


def _column_values(field: Field, model: type[Model], column: tuple[Any, ...]) -> tuple | None:
    """A column as the database gets it, or None when it goes as it is."""
    kind = field.field_type
    if type(field).to_db_value is Field.to_db_value:
        types = set(map(type, column))
        types.discard(type(None))
        if types <= {kind}:
            limit = getattr(field, "max_length", None)
            if limit is not None and types:
                longest = max((v for v in column if v is not None), key=len)
                if len(longest) > limit:
                    field.validate(longest)  # raises with the field's own message
            return None
    converted: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return converted[value]
        except KeyError:
            converted[value] = result = field.to_db_value(value, model)
            return result
        except TypeError:  # not hashable
            return field.to_db_value(value, model)

    return tuple(map(convert, column))
