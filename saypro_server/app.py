"""The FastAPI application."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Awaitable, Callable

from fastapi import Depends, FastAPI, Request, Response
from fastapi.middleware.gzip import GZipMiddleware

from saypro_desktop.sync.wire import MAX_BODY_BYTES, MAX_INFLATED_BYTES, ErrorOut
from saypro_server import __version__
from saypro_server.body_limits import RequestBodyMiddleware
from saypro_server.db import make_engine, make_session_factory
from saypro_server.deps import reject_unknown_query
from saypro_server.routes import attachments, auth, health, reports, sync
from saypro_server.settings import Settings

request_log = logging.getLogger("saypro_server.requests")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        dependencies=[Depends(reject_unknown_query)],
        responses={
            400: {"model": ErrorOut, "description": "The body could not be read (not UTF-8, not valid gzip)"},
            413: {"model": ErrorOut, "description": "The body is too large"},
            415: {"model": ErrorOut, "description": "Unsupported Content-Encoding"},
        },
        title="SayPro Field Learning sync server",
        version=__version__,
        description="Sync for the SayPro Field Learning desktop app: one request per batch pushes the "
                    "device's changes and pulls what changed since its cursor.",
    )
    engine = make_engine(settings.resolved_database_url())
    app.state.settings = settings
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine)
    app.include_router(health.router)
    app.include_router(auth.router)
    app.include_router(sync.router)
    app.include_router(attachments.router)
    app.include_router(reports.router)
    app.add_middleware(GZipMiddleware, minimum_size=512)
    app.add_middleware(RequestBodyMiddleware, max_body=MAX_BODY_BYTES, max_inflated=MAX_INFLATED_BYTES)

    @app.middleware("http")
    async def log_requests(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex[:16]
        response = await call_next(request)
        response.headers["x-request-id"] = request_id
        request_log.info("request", extra={
            "request_id": request_id, "method": request.method, "path": request.url.path,
            "status": response.status_code, "ms": round((time.perf_counter() - started) * 1000, 1)})
        return response

    return app
