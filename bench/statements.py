"""SQL statements per request for the benchmark operations, counted in-process."""

from dataclasses import replace

from tortoise import Tortoise

from network.access.principal import ANONYMOUS
from network.api.context import Context
from network.api.schema import build_schema
from network.db import tortoise_config
from network.settings import load_settings
from tests.diagnostics import count_queries


async def per_request(database_url: str, browse: str, search: str) -> tuple[int, int]:
    settings = replace(load_settings(), database_url=database_url)
    schema = build_schema(settings)
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    try:
        counts = []
        for query, variables in (
            (browse, {"first": 20}),
            (search, {"query": "diversion", "first": 20}),
        ):
            context = Context(principal=ANONYMOUS, settings=settings, request_id="bench")
            with count_queries() as counter:
                result = await schema.execute(
                    query, variable_values=variables, context_value=context
                )
            if result.errors:
                raise RuntimeError(f"benchmark operation failed: {result.errors}")
            counts.append(len(counter.statements))
        return counts[0], counts[1]
    finally:
        await Tortoise.close_connections()
