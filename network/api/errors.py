"""Turning GraphQL errors into what a client may see.

Expected errors (a `DomainError`, or a GraphQL parse, validation or limit error)
keep their message and gain a stable `extensions.code`. Anything else is masked:
the client gets "Unexpected error" and a request id; the log gets the traceback.
"""

import logging
from typing import Any

from graphql import GraphQLError
from strawberry.relay.types import GlobalIDValueError

from network.errors import DomainError

log = logging.getLogger("network.api")

MASKED_MESSAGE = "Unexpected error. Quote the request id to the instance's operators."


def format_errors(
    errors: list[GraphQLError], request_id: str, *, pre_execution: bool
) -> list[dict[str, Any]]:
    formatted: list[dict[str, Any]] = []
    for error in errors:
        original = error.original_error
        payload: dict[str, Any] = dict(error.formatted)
        extensions: dict[str, Any] = dict(payload.get("extensions") or {})
        if isinstance(original, DomainError):
            extensions["code"] = original.code
            if original.field:
                extensions["field"] = original.field
        elif isinstance(original, GlobalIDValueError):
            payload["message"] = "Not an id this instance issued."
            extensions["code"] = "INVALID_INPUT"
        elif original is None or isinstance(original, GraphQLError):
            extensions.setdefault(
                "code", "GRAPHQL_VALIDATION_FAILED" if pre_execution else "BAD_REQUEST"
            )
        else:
            log.error(
                "unexpected error in %s (request %s)",
                ".".join(str(p) for p in error.path or []) or "operation",
                request_id,
                exc_info=(type(original), original, original.__traceback__),
            )
            payload = {"message": MASKED_MESSAGE}
            if error.locations:
                payload["locations"] = [loc.formatted for loc in error.locations]
            if error.path:
                payload["path"] = error.path
            extensions = {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
        payload["extensions"] = extensions
        formatted.append(payload)
    return formatted
