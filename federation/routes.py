"""The HTTP face of federation: the instance document, the envelope keys and the feed.

- `GET /.well-known/practice-network`: who this instance is and where its federation
  endpoints are (public: a peer reads it before it holds any credential).
- `GET /federation/jwks.json`: the public keys entries are signed with, retired ones
  included until their verification period ends (public).
- `GET /federation/feed?after=SEQ&limit=N`: entries after SEQ, oldest first, for a
  peer's client (bearer token with the federation scope); 401 without credentials,
  403 for any other caller, 400 for arguments that are not small non-negative
  integers. `next` is the cursor to ask with next; `more` says whether to ask at once.
- `POST /federation/peers`: the other half of `network peer add` (see
  `federation.peering`): 403 for a code that is unknown, used or expired (checked
  before anything else is read or fetched), 400 for an unusable request or an instance
  that does not serve what it claims, 409 when already peered.
"""

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from federation import feed, keys, peering
from federation.instance import instance_document
from network.errors import Conflict, InvalidInput, PermissionDenied
from network.settings import Settings

DEFAULT_PAGE = 100
_NO_STORE = {"cache-control": "no-store"}


def routes(settings: Settings) -> list[Route]:
    async def document(request: Request) -> Response:
        return JSONResponse(instance_document(settings))

    async def jwks(request: Request) -> Response:
        published = await keys.published()
        if not published:  # a new instance: its first key is made when first asked for
            await keys.signer(settings)
            published = await keys.published()
        return JSONResponse({"keys": published}, headers={"cache-control": "max-age=60"})

    async def entries(request: Request) -> Response:
        principal = request.scope.get("principal")
        if principal is None or not principal.is_authenticated:
            return JSONResponse(
                {"error": "unauthorized", "message": "A peer's access token is required."},
                status_code=401,
                headers={"www-authenticate": 'Bearer realm="federation"', **_NO_STORE},
            )
        if not principal.reads_federation_feed:
            return JSONResponse(
                {"error": "forbidden", "message": "The feed is served to peer instances only."},
                status_code=403,
                headers=_NO_STORE,
            )
        after = _count(request.query_params.get("after"), 0)
        limit = _count(request.query_params.get("limit"), DEFAULT_PAGE)
        if after is None or limit is None or limit == 0:
            return JSONResponse(
                {"error": "bad_request",
                 "message": "after and limit are non-negative integers (limit at least 1)."},
                status_code=400,
                headers=_NO_STORE,
            )  # fmt: skip
        page = await feed.page(after, limit)
        return JSONResponse(
            {
                "origin": settings.instance_id,
                "entries": [{"seq": e.seq, "envelope": e.envelope} for e in page],
                "next": page[-1].seq if page else after,
                "more": len(page) == min(limit, feed.MAX_PAGE),
            },
            headers=_NO_STORE,
        )

    async def peers(request: Request) -> Response:
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return _error(400, "bad_request", "Send a JSON object.")
        try:
            async with httpx.AsyncClient() as client:
                answer = await peering.accept(
                    settings, client, body.get("code"), body.get("instance"),
                    body.get("clientId"),
                )  # fmt: skip
        except PermissionDenied as error:
            return _error(403, "forbidden", str(error))
        except Conflict as error:
            return _error(409, "conflict", str(error))
        except InvalidInput as error:
            return _error(400, "bad_request", str(error))
        return JSONResponse(answer, headers=_NO_STORE)

    return [
        Route("/federation/peers", peers, methods=["POST"]),
        Route("/.well-known/practice-network", document, methods=["GET"]),
        Route("/federation/jwks.json", jwks, methods=["GET"]),
        Route("/federation/feed", entries, methods=["GET"]),
    ]


def _error(status: int, code: str, message: str) -> Response:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=_NO_STORE)


def _count(raw: str | None, default: int) -> int | None:
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        return None
    return int(raw)
