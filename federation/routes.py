"""The HTTP face of federation: the instance document, the envelope keys and the feed.

- `GET /.well-known/practice-network`: who this instance is and where its federation
  endpoints are (public: a peer reads it before it holds any credential).
- `GET /federation/jwks.json`: the public keys entries are signed with, retired ones
  included until their verification period ends (public).
- `GET /federation/feed?after=SEQ&limit=N`: entries after SEQ, oldest first, for a
  peer's client (bearer token with the federation scope); 401 without credentials,
  403 for any other caller, 400 for arguments that are not small non-negative
  integers. `next` is the cursor to ask with next; `more` says whether to ask at once;
  `last` is the newest sequence number. `?seqs=1,5,9` returns those entries instead
  (anti-entropy refetches). A peer's `after` is recorded as how far it has applied.
  A peer is served this instance's own entries, and, when this instance relays to it
  (`network peer relay ID on`), the entries of other origins too, signed by them.
- `GET /federation/origins`: the other origins whose entries this instance may relay,
  where they live and the keys it verifies them with.
- `GET /federation/digest`: per bucket of items, the digest of the newest version of
  each (see `federation.digests`); `?bucket=N` lists that bucket's items.
- `POST /federation/hint`: a peer says its feed grew (same credentials as the feed);
  202 and a pull from that peer starts at once. Nothing in the request is read: a
  hint is never trusted for content. At most `HINTS_PER_MINUTE` per peer (429 after).
- `POST /federation/peers`: the other half of `network peer add` (see
  `federation.peering`): 403 for a code that is unknown, used or expired (checked
  before anything else is read or fetched), 400 for an unusable request or an instance
  that does not serve what it claims, 409 when already peered.
"""

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from federation import digests, feed, keys, peering, runner
from federation.instance import instance_document
from federation.models import Peer, PeerState, RemoteOrigin
from network.auth.ratelimit import RateLimiter
from network.errors import Conflict, InvalidInput, PermissionDenied
from network.settings import Settings

DEFAULT_PAGE = 100
HINTS_PER_MINUTE = 120
_NO_STORE = {"cache-control": "no-store"}


def routes(settings: Settings) -> list[Route]:
    hint_limit = RateLimiter(HINTS_PER_MINUTE, burst=20)

    async def document(request: Request) -> Response:
        return JSONResponse(instance_document(settings))

    async def jwks(request: Request) -> Response:
        published = await keys.published()
        if not published:  # a new instance: its first key is made when first asked for
            await keys.signer(settings)
            published = await keys.published()
        return JSONResponse({"keys": published}, headers={"cache-control": "max-age=60"})

    async def entries(request: Request) -> Response:
        refused = _peer_only(request)
        if refused is not None:
            return refused
        wanted = request.query_params.get("seqs")
        if wanted is not None:
            return await _by_seq(wanted)
        after = _count(request.query_params.get("after"), 0)
        limit = _count(request.query_params.get("limit"), DEFAULT_PAGE)
        if after is None or limit is None or limit == 0:
            return JSONResponse(
                {"error": "bad_request",
                 "message": "after and limit are non-negative integers (limit at least 1)."},
                status_code=400,
                headers=_NO_STORE,
            )  # fmt: skip
        reader = await _reader(request)
        if reader is not None and after > reader.acked_seq:
            # It asks after what it committed: everything up to `after` reached it.
            await Peer.filter(id=reader.id, acked_seq__lt=after).update(acked_seq=after)
        scope = feed.served_to(settings.instance_id, reader)
        page = await feed.page(after, limit, scope)
        return JSONResponse(
            {
                "origin": settings.instance_id,
                "entries": [{"seq": e.seq, "envelope": e.envelope} for e in page],
                "next": page[-1].seq if page else after,
                "more": len(page) == min(limit, feed.MAX_PAGE),
                "last": await feed.head(scope),
                "relay": bool(reader is not None and reader.relay),  # other origins too
            },
            headers=_NO_STORE,
        )

    async def _by_seq(wanted: str) -> Response:
        parts = wanted.split(",") if wanted else []
        seqs = [_count(part, -1) for part in parts]
        if not parts or len(parts) > feed.MAX_PAGE or any(s is None or s < 1 for s in seqs):
            message = f"seqs lists 1 to {feed.MAX_PAGE} positive sequence numbers."
            return _error(400, "bad_request", message)
        rows = await feed.by_seq([s for s in seqs if s is not None])
        return JSONResponse(
            {"origin": settings.instance_id,
             "entries": [{"seq": e.seq, "envelope": e.envelope} for e in rows]},
            headers=_NO_STORE,
        )  # fmt: skip

    async def digest(request: Request) -> Response:
        refused = _peer_only(request)
        if refused is not None:
            return refused
        raw = request.query_params.get("bucket")
        if raw is None:
            buckets, items = await digests.feed_digests(settings.instance_id)
            return JSONResponse(
                {"origin": settings.instance_id, "buckets": buckets, "items": items},
                headers=_NO_STORE,
            )
        bucket = _count(raw, -1)
        if bucket is None or not 0 <= bucket < digests.BUCKETS:
            return _error(400, "bad_request", f"bucket is 0 to {digests.BUCKETS - 1}.")
        rows = await digests.feed_bucket(settings.instance_id, bucket)
        return JSONResponse(
            {"origin": settings.instance_id, "bucket": bucket, "items": rows},
            headers=_NO_STORE,
        )

    async def origins(request: Request) -> Response:
        """Where the other origins in this instance's feed live, and the keys it
        verifies their entries with (for a peer it relays them to)."""
        refused = _peer_only(request)
        if refused is not None:
            return refused
        reader = await _reader(request)
        listed = [
            {"id": p.instance_id, "name": p.name, "baseUrl": p.base_url,
             "jwksUri": p.jwks_uri, "keys": p.envelope_keys}
            for p in await Peer.all().order_by("instance_id")
        ] + [
            {"id": o.instance_id, "name": o.name, "baseUrl": o.base_url,
             "jwksUri": o.jwks_uri, "keys": o.envelope_keys}
            for o in await RemoteOrigin.all().order_by("instance_id")
        ]  # fmt: skip
        mine = reader.instance_id if reader else ""
        return JSONResponse({"origins": [o for o in listed if o["id"] != mine]}, headers=_NO_STORE)

    async def hint(request: Request) -> Response:
        refused = _peer_only(request)
        if refused is not None:
            return refused
        peer = await _reader(request)
        if peer is None:
            return _error(403, "forbidden", "Hints come from peers.")
        wait = hint_limit.check(peer.instance_id)
        if wait:
            return JSONResponse(
                {"error": "rate_limited", "message": "Too many hints; the next pull comes anyway."},
                status_code=429,
                headers={"retry-after": str(max(1, round(wait))), **_NO_STORE},
            )
        if peer.state == PeerState.ACTIVE:
            await runner.hinted(peer)
        return JSONResponse({"accepted": True}, status_code=202, headers=_NO_STORE)

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
        Route("/federation/hint", hint, methods=["POST"]),
        Route("/federation/digest", digest, methods=["GET"]),
        Route("/federation/origins", origins, methods=["GET"]),
    ]


async def _reader(request: Request) -> Peer | None:
    """The peer whose client makes the request (None for a client of no peer)."""
    client_id = request.scope["principal"].client_id
    return await Peer.get_or_none(their_client_id=client_id) if client_id else None


def _peer_only(request: Request) -> Response | None:
    """401 without credentials, 403 for anyone but a peer's client; None for a peer."""
    principal = request.scope.get("principal")
    if principal is None or not principal.is_authenticated:
        return JSONResponse(
            {"error": "unauthorized", "message": "A peer's access token is required."},
            status_code=401,
            headers={"www-authenticate": 'Bearer realm="federation"', **_NO_STORE},
        )
    if not principal.reads_federation_feed:
        return _error(403, "forbidden", "Served to peer instances only.")
    return None


def _error(status: int, code: str, message: str) -> Response:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=_NO_STORE)


def _count(raw: str | None, default: int) -> int | None:
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        return None
    return int(raw)
