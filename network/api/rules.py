"""Validation rules of our own, beside the depth, alias and token limits.

Runs once per document (validation is cached), so it costs nothing per request.
"""

from typing import Any

from graphql import GraphQLError, StringValueNode, ValidationRule

from network.http.text_guard import NUL, NUL_MESSAGE


class NoNulInStrings(ValidationRule):
    """String literals (`"\\u0000"` escapes included) may not hold NUL: see
    `network.http.text_guard`; variables are checked when the request is read."""

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        if NUL in node.value:
            self.report_error(GraphQLError(NUL_MESSAGE, node))
