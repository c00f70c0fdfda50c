"""What an operation may cost before it runs.

Depth, alias and token limits bound a document's shape, not its work: thirty
aliased `search(first: 100)` selections with full bodies pass all three and make a
6 MB answer that takes over a second. The cost is an upper estimate of the objects
an operation can produce, computed from the document and its variables before
execution:

- every selected field costs 1, plus a weight for work beyond reading a column
  (a full-text query, a count, a diff, a long text);
- a list multiplies what is selected inside it by its size: `first` (or the default
  page size) for connections and for lists paged by `first`, a stated bound for
  lists the schema does not page;
- fragments count where they are spread, and inline fragments on other types as if
  they applied (an upper bound).

graphql-core and Strawberry offer depth, alias and token limits but no cost
analysis, so this walk is our own (about a hundred lines over graphql-core's AST).
It runs per request, after validation, because `first` may come from variables,
which validation (and its cache) never sees.
"""

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_operation_ast,
)
from graphql.type import GraphQLOutputType
from strawberry.extensions import SchemaExtension

# Work beyond reading a column, per occurrence (before list multipliers).
FIELD_WEIGHTS: Mapping[str, int] = {
    "search": 25,  # a full-text query and its snippets
    "publicationFacets": 20,  # three grouped counts
    "totalCount": 5,  # a count over the filtered set
    "diff": 50,  # two revisions' full text through difflib
    "body": 10,  # long text: what makes answers large
    "sections": 5,
    "snippet": 2,
    "bodyHtml": 15,  # rendering and sanitizing
    "sectionsHtml": 10,
    "preview": 25,  # a redaction of the whole draft
}
# Lists the schema does not page: the most items they hold ("Type.field" before
# "field"). A publication has at most 10 topics and 10 linked metrics (the
# publications service enforces it); the taxonomy has 16 top-level topics.
LIST_SIZES: Mapping[str, int] = {
    "Query.topics": 20,
    "topics": 10,
    "children": 10,
    "revisions": 20,
    "linkedMetrics": 10,
    "metricDefinitions": 50,
    "apiClients": 20,
    "officeMembers": 100,
    "regions": 4,
    "sizeBands": 4,
    "findings": 500,  # the most a draft holds (the publications service refuses more)
    "related": 20,
    "adoptions": 100,
    "denyTerms": 500,
    # Metrics: typical sizes, not maxima (an upload's report is priced as a month of
    # one office; a comparison's series are paged by `first`).
    "points": 60,
    "peers": 60,
    "policies": 5,
    "tables": 40,
    "cells": 20,
    "problems": 100,
    "metricCorrections": 50,
    "companions": 5,
    "nonAdditive": 5,
}
DEFAULT_LIST_SIZE = 20
DEFAULT_PAGE_SIZE = 20
_MAX_FRAGMENT_DEPTH = 20


class CostLimiter(SchemaExtension):
    """Refuses, before execution, an operation whose cost exceeds `limit`."""

    def __init__(self, *, limit: int, max_page_size: int) -> None:
        self.limit = limit
        self.max_page_size = max_page_size

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = (
            get_operation_ast(document, context.operation_name) if document is not None else None
        )
        if document is not None and operation is not None:
            fragments = {
                d.name.value: d
                for d in document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            cost = OperationCost(
                context.schema._schema, fragments, context.variables, self.max_page_size
            ).of_operation(operation)
            if cost > self.limit:
                # A result set here means graphql-core never executes the operation.
                context.result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            f"This operation could cost {cost}, over this instance's limit "
                            f"of {self.limit}: ask for smaller pages, fewer aliases or "
                            "fewer long fields (body, diff, revisions).",
                            extensions={"code": "QUERY_TOO_COSTLY", "cost": cost},
                        )
                    ],
                )
        yield


class OperationCost:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any] | None,
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables or {}
        self.max_page_size = max_page_size

    def of_operation(self, operation: OperationDefinitionNode) -> int:
        root = self.schema.get_root_type(operation.operation)
        if root is None:
            return 0
        return self._selection_set(operation.selection_set, root, 0, None)

    def _selection_set(
        self, selection_set: SelectionSetNode | None, parent: Any, depth: int, page: int | None
    ) -> int:
        """The cost of `selection_set` on `parent`; `page` is the page size when
        `parent` is a connection (its `edges` hold that many items)."""
        if selection_set is None or depth > _MAX_FRAGMENT_DEPTH:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self._field(selection, parent, depth, page)
            elif isinstance(selection, InlineFragmentNode):
                target = parent
                if selection.type_condition is not None:
                    target = self.schema.get_type(selection.type_condition.name.value) or parent
                total += self._selection_set(selection.selection_set, target, depth + 1, page)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    target = self.schema.get_type(fragment.type_condition.name.value) or parent
                    total += self._selection_set(fragment.selection_set, target, depth + 1, page)
        return total

    def _field(self, node: FieldNode, parent: Any, depth: int, page: int | None) -> int:
        name = node.name.value
        cost = 1 + FIELD_WEIGHTS.get(name, 0)
        definition = _field_definition(parent, name)
        if definition is None or node.selection_set is None:
            return cost
        inner, is_list = _unwrap(definition.type)
        size = 1
        if is_list:
            if name == "edges" and page:
                size = page
            elif _takes_first(definition):
                size = self._page_size(node)
            else:
                size = _list_size(parent, name)
        child_page = self._page_size(node) if _is_connection(inner) else None
        return cost + size * self._selection_set(node.selection_set, inner, depth, child_page)

    def _page_size(self, node: FieldNode) -> int:
        for argument in node.arguments or ():
            if argument.name.value != "first":
                continue
            value: Any = None
            if isinstance(argument.value, IntValueNode):
                value = argument.value.value
            elif isinstance(argument.value, VariableNode):
                value = self.variables.get(argument.value.name.value)
            try:
                return max(1, min(int(value), self.max_page_size))
            except (TypeError, ValueError):
                return DEFAULT_PAGE_SIZE
        return DEFAULT_PAGE_SIZE


def _takes_first(definition: GraphQLField) -> bool:
    """A plain list paged by a `first` argument (a comparison's series)."""
    return "first" in definition.args


def _list_size(parent: Any, name: str) -> int:
    return LIST_SIZES.get(f"{parent.name}.{name}", LIST_SIZES.get(name, DEFAULT_LIST_SIZE))


def _field_definition(parent: Any, name: str) -> GraphQLField | None:
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        return parent.fields.get(name)
    if isinstance(parent, GraphQLUnionType):
        for member in parent.types:
            if name in member.fields:
                return member.fields[name]
    return None


def _unwrap(type_: GraphQLOutputType) -> tuple[Any, bool]:
    is_list = False
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        if isinstance(type_, GraphQLList):
            is_list = True
        type_ = type_.of_type
    return type_, is_list


def _is_connection(type_: Any) -> bool:
    return isinstance(type_, GraphQLObjectType) and "edges" in type_.fields
