"""Schema construction with the limits and caches every request goes through.

Limit rules are built once and shared: building them per request defeats the
validation cache (see the stack notes).
"""

from collections.abc import Callable
from functools import cache
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types.execution import ExecutionContext

from network.api.cost import CostLimiter
from network.api.identity import Mutation
from network.api.query import Query
from network.api.types.catalog import TopicType
from network.api.types.offices import OfficeType
from network.api.types.publications import BriefType, PolicyType, RevisionType
from network.instance_secret import derive
from network.pagination import configure_cursors
from network.settings import Settings


class NetworkSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Errors are logged by the HTTP layer with a request id, never with the query
        text (which may hold what a user typed into a search box)."""


def build_schema(settings: Settings) -> NetworkSchema:
    """The schema, ready to execute: lists need the instance's cursor key, so whoever
    builds a schema (the app, a benchmark, a script) has it configured."""
    configure_cursors(derive(settings, "cursor"))
    return _schema(
        settings.max_query_depth,
        settings.max_aliases,
        settings.max_tokens,
        settings.max_query_cost,
        settings.max_page_size,
    )


@cache
def _schema(
    max_depth: int, max_aliases: int, max_tokens: int, max_cost: int, max_page_size: int
) -> NetworkSchema:
    """One schema per set of limits and process: Strawberry's relay `node` field can
    be converted only once, so the schema is built once and shared."""
    rules = (
        QueryDepthLimiter(max_depth=max_depth).validation_rules
        + MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules
    )
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: AddValidationRules(rules),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: ParserCache(maxsize=1024),
        lambda: ValidationCache(maxsize=1024),
        lambda: CostLimiter(limit=max_cost, max_page_size=max_page_size),
    ]
    ext: Any = extensions
    return NetworkSchema(
        query=Query,
        mutation=Mutation,
        types=[OfficeType, PolicyType, BriefType, RevisionType, TopicType],
        extensions=ext,
    )
