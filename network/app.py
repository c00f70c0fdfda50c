"""The ASGI application: routes, middleware and lifespan. The only module that wires
every part together."""

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from tortoise.contrib.starlette import RegisterTortoise

from federation.routes import routes as federation_routes
from federation.runner import Runner
from network import health
from network.api.cache import ResponseCache
from network.api.http import GraphQLEndpoint
from network.api.metrics.export import export_endpoint
from network.api.persisted import load_documents
from network.auth.middleware import PrincipalMiddleware
from network.auth.routes import AuthRoutes
from network.db import tortoise_config
from network.http.body_guard import BodyGuardMiddleware
from network.http.text_guard import NulGuardMiddleware
from network.jobs.worker import worker_name
from network.settings import Settings, load_settings
from network.wiring import graphql_schema, wire

log = logging.getLogger("network")

OPERATIONS_DIR = Path(__file__).resolve().parent.parent / "graphql" / "operations"


def create_app(
    settings: Settings | None = None, *, operations_dir: Path = OPERATIONS_DIR
) -> Starlette:
    settings = settings or load_settings()
    wire(settings)
    schema = graphql_schema(settings)
    cache = (
        ResponseCache(
            settings.response_cache_entries,
            max_bytes=settings.response_cache_bytes,
            max_entry_bytes=settings.response_cache_max_entry_bytes,
        )
        if settings.response_cache_enabled
        else None
    )
    graphql = GraphQLEndpoint(schema, settings, load_documents(operations_dir), cache)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with RegisterTortoise(app, config=tortoise_config(settings), generate_schemas=False):
            peers = Runner(settings, worker_name()) if settings.federation_sync_in_serve else None
            if peers is not None:
                peers.start()
            try:
                yield
            finally:
                if peers is not None:
                    await peers.stop()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        report = await health.readiness()
        return JSONResponse(report.as_dict(), status_code=200 if report.ready else 503)

    auth = AuthRoutes(settings)
    routes = [
        Route("/graphql", graphql.handle, methods=["GET", "POST"]),
        Route("/metrics/export.csv", export_endpoint(settings), methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        *auth.routes(),
        *federation_routes(settings),
    ]
    middleware = [
        # Outermost: body limits for every route, and clients that leave are one log line.
        Middleware(BodyGuardMiddleware, settings=settings),
        Middleware(NulGuardMiddleware),
        Middleware(PrincipalMiddleware, settings=settings),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.settings = settings
    app.state.response_cache = cache
    return app
