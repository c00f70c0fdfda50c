"""Schema construction: the root types and per-request loaders composed from the
domains (`network.api.<domain>`), with the limits and caches every request goes
through.

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

from network.access.principal import Principal
from network.api.catalog.loaders import CatalogLoaders
from network.api.catalog.queries import CatalogQuery
from network.api.catalog.types import TopicType
from network.api.core.queries import CoreQuery
from network.api.cost import CostLimiter
from network.api.identity.mutations import IdentityMutation
from network.api.identity.queries import IdentityQuery
from network.api.metrics.mutations import MetricsMutation
from network.api.metrics.queries import MetricsQuery
from network.api.offices.loaders import OfficeLoaders
from network.api.offices.queries import OfficesQuery
from network.api.offices.types import OfficeType
from network.api.publications.loaders import PublicationLoaders
from network.api.publications.mutations import PublicationsMutation
from network.api.publications.queries import PublicationsQuery
from network.api.publications.types import BriefType, PolicyType, RevisionType
from network.api.rules import NoNulInStrings
from network.instance_secret import derive
from network.pagination import configure_cursors
from network.settings import Settings

# Root fields appear in the SDL in base-class order: reordering the mixins changes
# the committed schema (tests/test_schema_files.py). Packages this one may not
# import (federation) add their own mixins after these, through `build_schema`.
QUERY_PARTS: tuple[type, ...] = (
    IdentityQuery, CoreQuery, OfficesQuery, PublicationsQuery, CatalogQuery, MetricsQuery,
)  # fmt: skip
MUTATION_PARTS: tuple[type, ...] = (IdentityMutation, PublicationsMutation, MetricsMutation)


class Loaders:
    """One request's DataLoaders, a group per domain: each batches and caches for a
    single principal, so nothing loaded for one caller reaches another."""

    def __init__(self, principal: Principal) -> None:
        self.offices = OfficeLoaders()
        self.publications = PublicationLoaders(principal)
        self.catalog = CatalogLoaders()


class NetworkSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Errors are logged by the HTTP layer with a request id, never with the query
        text (which may hold what a user typed into a search box)."""


def build_schema(
    settings: Settings,
    *,
    queries: tuple[type, ...] = (),
    mutations: tuple[type, ...] = (),
) -> NetworkSchema:
    """The schema, ready to execute: lists need the instance's cursor key, so whoever
    builds a schema (the app, a benchmark, a script) has it configured. `queries` and
    `mutations` are further root mixins (see `network.wiring.graphql_schema`)."""
    configure_cursors(derive(settings, "cursor"))
    return _schema(
        settings.max_query_depth,
        settings.max_aliases,
        settings.max_tokens,
        settings.max_query_cost,
        settings.max_page_size,
        queries,
        mutations,
    )


@cache
def _schema(
    max_depth: int,
    max_aliases: int,
    max_tokens: int,
    max_cost: int,
    max_page_size: int,
    queries: tuple[type, ...],
    mutations: tuple[type, ...],
) -> NetworkSchema:
    """One schema per set of limits and process: Strawberry's relay `node` field can
    be converted only once, so the schema is built once and shared."""
    rules = (
        QueryDepthLimiter(max_depth=max_depth).validation_rules
        + MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules
        + [NoNulInStrings]
    )
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: AddValidationRules(rules),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: ParserCache(maxsize=1024),
        lambda: ValidationCache(maxsize=1024),
        lambda: CostLimiter(limit=max_cost, max_page_size=max_page_size),
    ]
    ext: Any = extensions
    query = strawberry.type(type("Query", (*QUERY_PARTS, *queries), {}))
    mutation = strawberry.type(type("Mutation", (*MUTATION_PARTS, *mutations), {}))
    return NetworkSchema(
        query=query,
        mutation=mutation,
        types=[OfficeType, PolicyType, BriefType, RevisionType, TopicType],
        extensions=ext,
    )
