"""The FastAPI application."""

from __future__ import annotations

import logging
import time
import uuid
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saypro_core.wire import MAX_BODY_BYTES, MAX_INFLATED_BYTES, ErrorOut
from saypro_server import __version__, dashboard
from saypro_server.body_limits import RequestBodyMiddleware
from saypro_server.db import make_engine, make_session_factory
from saypro_server.deps import reject_unknown_query
from saypro_server.routes import attachments, auth, health, reports, sync
from saypro_server.security import genuine_access_token, load_signing_key
from saypro_server.settings import Settings

request_log = logging.getLogger("saypro_server.requests")
#: Logged as the status of a request whose client went away before an answer (nginx's convention).
CLIENT_WENT_AWAY = 499


class RequestLogMiddleware:
    """One structured log line per request (pure ASGI: Starlette's BaseHTTPMiddleware costs ~1 ms a request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope["headers"])
        request_id = headers.get(b"x-request-id", b"").decode("latin-1")[:64] or uuid.uuid4().hex[:16]
        status_code: int | None = None
        went_away = False

        async def send_with_id(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", request_id.encode())]
            await send(message)

        async def noting_disconnect() -> Message:
            nonlocal went_away
            message = await receive()
            went_away = went_away or message["type"] == "http.disconnect"
            return message

        failed = False
        try:
            await self.app(scope, noting_disconnect, send_with_id)
        except BaseException:
            failed = True
            raise
        finally:
            if status_code is None and went_away and not failed:
                # Nobody was left to answer: a dropped link, not a server error.
                request_log.info("client went away", extra={
                    "request_id": request_id, "method": scope["method"], "path": scope["path"],
                    "status": CLIENT_WENT_AWAY, "ms": round((time.perf_counter() - started) * 1000, 1)})
            elif request_log.isEnabledFor(logging.INFO):
                request_log.info("request", extra={
                    "request_id": request_id, "method": scope["method"], "path": scope["path"],
                    "status": status_code or 500, "ms": round((time.perf_counter() - started) * 1000, 1)})


STATIC_DIR = Path(__file__).resolve().parent / "static"
SWAGGER_UI = "/static/vendor/swagger-ui"


def _offline_docs(app: FastAPI) -> None:
    """/docs with Swagger UI's script and style served from /static (vendored: swagger-ui-dist 5)."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} - API",
                                   swagger_js_url=f"{SWAGGER_UI}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{SWAGGER_UI}/swagger-ui.css",
                                   swagger_favicon_url=f"{SWAGGER_UI}/favicon-32x32.png")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        dependencies=[Depends(reject_unknown_query)],
        responses={
            400: {"model": ErrorOut, "description": "The body could not be read (not UTF-8, not valid zstd or gzip)"},
            413: {"model": ErrorOut, "description": "The body is too large"},
            415: {"model": ErrorOut, "description": "Unsupported Content-Encoding"},
        },
        title="SayPro Field Learning sync server",
        version=__version__,
        description="Sync for the SayPro Field Learning desktop app: one request per batch pushes the "
                    "device's changes and pulls what changed since its cursor.",
        # The interactive docs load their scripts from the server itself (a CDN is out of reach on a
        # server without internet, and the page was blank): see _offline_docs.
        docs_url=None,
        redoc_url=None,
    )
    engine = make_engine(settings.resolved_database_url())
    app.state.settings = settings
    app.state.signing_key = load_signing_key(settings)
    app.state.engine = engine
    app.state.read_engine = make_engine(settings.resolved_database_url(), autocommit=True)
    app.state.session_factory = make_session_factory(engine)
    app.include_router(health.router)
    app.include_router(auth.router)
    app.include_router(sync.router)
    app.include_router(attachments.router)
    app.include_router(reports.router)
    dashboard.install(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _offline_docs(app)
    app.add_middleware(GZipMiddleware, minimum_size=512)
    key = app.state.signing_key
    app.add_middleware(RequestBodyMiddleware, max_body=MAX_BODY_BYTES, max_inflated=MAX_INFLATED_BYTES,
                       token_ok=lambda token: genuine_access_token(key, token), idle_s=settings.body_idle_seconds,
                       total_s=settings.body_total_seconds)
    app.add_middleware(RequestLogMiddleware)

    return app
