"""GraphQL over HTTP, per the GraphQL-over-HTTP specification.

- GET for queries (mutations over GET answer 405), POST with application/json.
- Responses use `application/graphql-response+json` when the client accepts it,
  otherwise `application/json` (also when Accept is missing or */*); 406 when the
  client accepts neither.
- Under `application/graphql-response+json`, a request that fails before execution
  (unparseable, invalid, over a limit) answers 400 with no `data` entry; under
  `application/json` it answers 200, as the specification requires.
- Malformed HTTP (bad JSON, wrong parameter types, oversize body, wrong content
  type) answers 4xx with a GraphQL-shaped error body, never a stack trace.
"""

import hmac
import logging
import re
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson
from graphql import FieldNode, OperationDefinitionNode, OperationType, parse
from graphql.error import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType as StrawberryOperation

from network.access.principal import ANONYMOUS, Principal
from network.api.cache import ResponseCache, cache_key
from network.api.context import Context
from network.api.errors import MASKED_MESSAGE, format_errors
from network.api.schema import NetworkSchema
from network.http.body import BodyRejected, read_limited
from network.http.text_guard import NUL_MESSAGE, has_nul
from network.http.uploads import UploadRejected, graphql_upload_request
from network.settings import Settings

log = logging.getLogger("network.api")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
MULTIPART = "multipart/form-data"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class HttpProblem(Exception):
    """A request refused before GraphQL runs; becomes a 4xx with a GraphQL-shaped body."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class GraphQLParams:
    query: str
    operation_name: str | None
    variables: dict[str, Any] | None


def _choose_media_type(accept: str | None) -> str:
    """Pick the response type from Accept (q-values respected, ties to the newer type)."""
    if not accept or not accept.strip():
        return JSON
    best: tuple[float, int, str] | None = None
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media == GRAPHQL_RESPONSE:
            candidate = (q, 2, GRAPHQL_RESPONSE)
        elif media in (JSON, "application/*", "*/*"):
            candidate = (q, 1, JSON)
        else:
            continue
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None:
        raise HttpProblem(406, f"Accept {GRAPHQL_RESPONSE} or {JSON}; nothing else is served here.")
    return best[2]


# Root fields whose answers depend only on what the caller may see (the visibility
# key), never on who the caller is: only operations made of these are cached.
SHARED_ROOT_FIELDS = frozenset(
    {
        "__typename",
        "instance",
        "node",
        "offices",
        "office",
        "policies",
        "briefs",
        "search",
        "publicationFacets",
        "topics",
        "metricDefinitions",
    }
)


@dataclass(frozen=True)
class OperationInfo:
    type: OperationType | None
    cacheable: bool
    # Why the request names no operation that can run (answered 400), if so.
    problem: str | None = None


@lru_cache(maxsize=2048)
def _operation_info(query: str, operation_name: str | None, max_tokens: int) -> OperationInfo:
    """The operation that will run, known before executing: GET may only run queries,
    cookie mutations need the CSRF token, and only queries of shared root fields are
    cached. Unparseable documents give an unknown type (executing them reports the
    error and runs nothing). A document whose operation cannot be chosen is refused
    here (GraphQL spec, "GetOperation"): with several operations and no
    `operationName`, nothing may fall back to the first one."""
    try:
        document = parse(query, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return OperationInfo(None, False)
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        if len(operations) != 1:
            return OperationInfo(
                None,
                False,
                "The document holds several operations: say which to run with `operationName`."
                if operations
                else "The document holds no operation to run.",
            )
        operation = operations[0]
    else:
        named = [o for o in operations if o.name is not None and o.name.value == operation_name]
        if len(named) != 1:
            return OperationInfo(None, False, "`operationName` names no operation of the document.")
        operation = named[0]
    selections = operation.selection_set.selections
    shared = all(
        isinstance(node, FieldNode) and node.name.value in SHARED_ROOT_FIELDS for node in selections
    )
    return OperationInfo(operation.operation, operation.operation is OperationType.QUERY and shared)


class GraphQLEndpoint:
    def __init__(
        self,
        schema: NetworkSchema,
        settings: Settings,
        documents: dict[str, str],
        cache: ResponseCache | None,
    ) -> None:
        self.schema = schema
        self.settings = settings
        self.documents = documents
        self.cache = cache

    async def handle(self, request: Request) -> Response:
        request_id = request.headers.get("x-request-id", "")
        if not _REQUEST_ID.match(request_id):
            request_id = uuid.uuid4().hex
        media_type = JSON
        try:
            media_type = _choose_media_type(request.headers.get("accept"))
            params = await self._read_params(request)
            response = await self._execute(request, params, media_type, request_id)
        except HttpProblem as problem:
            body = {"errors": [{"message": problem.message, "extensions": {"code": "BAD_REQUEST"}}]}
            response = Response(
                orjson.dumps(body),
                status_code=problem.status,
                media_type=media_type,
                headers=problem.headers,
            )
        except Exception:
            log.exception("GraphQL request failed (request %s)", request_id)
            body = {
                "errors": [{"message": MASKED_MESSAGE, "extensions": {"requestId": request_id}}]
            }
            response = Response(orjson.dumps(body), status_code=500, media_type=media_type)
        response.headers["x-request-id"] = request_id
        response.headers["vary"] = "Accept, Authorization, Cookie"
        # What a signed-in caller reads must never sit in a shared cache or on disk.
        response.headers["cache-control"] = (
            "private, no-store" if principal_of(request).is_authenticated else "no-cache"
        )
        return response

    async def _read_params(self, request: Request) -> GraphQLParams:
        if request.method == "GET":
            raw: dict[str, Any] = dict(request.query_params)
            for name in ("variables", "extensions"):
                if name in raw:
                    raw[name] = _json_param(raw[name], name)
        elif request.method == "POST":
            full_type = request.headers.get("content-type", "")
            content_type = full_type.split(";")[0].strip().lower()
            if content_type == MULTIPART:
                # Uploads are large: only those who may write drafts get a body read.
                sender = principal_of(request)
                if not sender.may_send_files:
                    raise HttpProblem(
                        403,
                        "File uploads need a publisher or admin of an office (or an API "
                        "client with publications:write or metrics:write).",
                    )
                # Figures can be larger than documents: their senders get the larger limit.
                limit = self.settings.max_upload_bytes
                if sender.may_upload_metrics_for(sender.office_id or 0):
                    limit = max(limit, self.settings.max_metrics_upload_bytes)
                body = await _read_body(request, limit)
                try:
                    return self._params_from(graphql_upload_request(full_type, body))
                except UploadRejected as rejected:
                    raise HttpProblem(400, str(rejected)) from None
            if content_type != JSON:
                raise HttpProblem(
                    415, f"POST bodies must be {JSON} ({MULTIPART} for file uploads)."
                )
            body = await _read_body(request, self.settings.max_body_bytes)
            if not body:
                raise HttpProblem(
                    400, "The request body is empty; send a JSON object with `query`."
                )
            try:
                raw = orjson.loads(body)
            except orjson.JSONDecodeError:
                raise HttpProblem(400, "The request body is not valid JSON.") from None
            if not isinstance(raw, dict):
                raise HttpProblem(400, "The request body must be a JSON object.")
        else:
            raise HttpProblem(405, "Use GET or POST.", {"allow": "GET, POST"})
        return self._params_from(raw)

    def _params_from(self, raw: dict[str, Any]) -> GraphQLParams:
        query = raw.get("query")
        document_id = raw.get("documentId")
        extensions = raw.get("extensions")
        if extensions is not None and not isinstance(extensions, dict):
            raise HttpProblem(400, "`extensions` must be an object.")
        if document_id is None and extensions:
            persisted = extensions.get("persistedQuery")
            if isinstance(persisted, dict) and isinstance(persisted.get("sha256Hash"), str):
                document_id = "sha256:" + persisted["sha256Hash"]
        if query is None and document_id is not None:
            if not isinstance(document_id, str) or document_id not in self.documents:
                raise HttpProblem(
                    400, "Unknown `documentId`: only the instance's persisted operations are known."
                )
            query = self.documents[document_id]
        if query is None:
            raise HttpProblem(
                400, "Missing `query`: send a GraphQL document or a known `documentId`."
            )
        if not isinstance(query, str):
            raise HttpProblem(400, "`query` must be a string.")
        operation_name = raw.get("operationName")
        if operation_name is not None and not isinstance(operation_name, str):
            raise HttpProblem(400, "`operationName` must be a string.")
        variables = raw.get("variables")
        if variables is not None and not isinstance(variables, dict):
            raise HttpProblem(400, "`variables` must be an object.")
        if has_nul(variables):
            raise HttpProblem(400, NUL_MESSAGE)
        return GraphQLParams(query, operation_name or None, variables or None)

    async def _execute(
        self, request: Request, params: GraphQLParams, media_type: str, request_id: str
    ) -> Response:
        principal = principal_of(request)
        operation = _operation_info(params.query, params.operation_name, self.settings.max_tokens)
        if operation.problem is not None:
            raise HttpProblem(400, operation.problem)
        if request.method == "GET" and operation.type not in (None, OperationType.QUERY):
            raise HttpProblem(405, "Mutations must be sent with POST.", {"allow": "POST"})
        if (
            request.scope.get("auth_via") == "cookie"
            and operation.type not in (None, OperationType.QUERY)
            and not hmac.compare_digest(
                request.headers.get("x-csrf-token", ""), str(request.scope.get("csrf_token", ""))
            )
        ):
            # A browser session may only mutate with the session's CSRF token: a
            # cross-site form can make the browser send the cookie, not the header.
            raise HttpProblem(
                403, "Missing or wrong X-CSRF-Token header: read viewer.csrfToken and send it."
            )

        if operation.cacheable:
            # Shared reads run as the canonical principal of the caller's visibility
            # key, cached or not, so the answer is a function of the key (and the
            # document): it can be cached under the key and served to anyone with it.
            principal = principal.visibility_scope()
        if self.cache is not None and operation.cacheable:
            key = cache_key(
                principal.visibility_key(),
                params.query,
                params.operation_name or "",
                orjson.dumps(params.variables, option=orjson.OPT_SORT_KEYS).decode()
                if params.variables
                else "",
            )
            status_body: dict[str, Any] = {}

            async def compute() -> tuple[bytes, bool]:
                status, body, cacheable = await self._run(request, params, principal, request_id)
                status_body["status"] = status
                return orjson.dumps(body), cacheable

            payload = await self.cache.get_or_compute(key, compute)
            status = status_body.get("status", 200)
            return _respond(payload, status, media_type)
        status, body, _ = await self._run(request, params, principal, request_id)
        return _respond(orjson.dumps(body), status, media_type)

    async def _run(
        self, request: Request, params: GraphQLParams, principal: Principal, request_id: str
    ) -> tuple[int, dict[str, Any], bool]:
        """Execute; returns (status under graphql-response+json, body, cacheable)."""
        allowed = (
            {StrawberryOperation.QUERY}
            if request.method == "GET"
            else {StrawberryOperation.QUERY, StrawberryOperation.MUTATION}
        )
        context = Context(
            principal=principal,
            settings=self.settings,
            request_id=request_id,
            csrf_token=request.scope.get("csrf_token"),
        )
        try:
            result = await self.schema.execute(
                params.query,
                variable_values=params.variables,
                context_value=context,
                operation_name=params.operation_name,
                allowed_operation_types=allowed,
            )
        except InvalidOperationTypeError:
            raise HttpProblem(405, "Mutations must be sent with POST.", {"allow": "POST"}) from None
        except MissingQueryError:
            raise HttpProblem(400, "Missing `query`.") from None
        # Request errors (parse, validation, variable coercion) carry no path; under the
        # specification they leave no `data` entry. Field errors always have a path.
        pre_execution = isinstance(result, PreExecutionError) or (
            result.data is None
            and bool(result.errors)
            and all(error.path is None for error in result.errors or [])
        )
        body: dict[str, Any] = {}
        if not pre_execution:
            body["data"] = result.data
        if result.errors:
            body["errors"] = format_errors(result.errors, request_id, pre_execution=pre_execution)
        status = 400 if pre_execution else 200
        return status, body, not result.errors


def _respond(payload: bytes, status: int, media_type: str) -> Response:
    # Under application/json every well-formed GraphQL request answers 200.
    code = status if media_type == GRAPHQL_RESPONSE else 200
    return Response(payload, status_code=code, media_type=media_type)


def _json_param(value: str, name: str) -> Any:
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        raise HttpProblem(400, f"`{name}` is not valid JSON.") from None


async def _read_body(request: Request, limit: int) -> bytes:
    """The body within the size, time and reader limits (408, 413, 503 otherwise)."""
    try:
        return await read_limited(request, limit)
    except BodyRejected as rejected:
        raise HttpProblem(rejected.status, rejected.message, rejected.headers) from None


def principal_of(request: Request) -> Principal:
    """The caller, as authentication middleware put it on the request scope."""
    principal = request.scope.get("principal")
    return principal if isinstance(principal, Principal) else ANONYMOUS
