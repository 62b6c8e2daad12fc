"""The L&D office's web dashboard, served by the sync server: the figures and reports
(saypro_server.dashboard.pages) and the administration pages (.administration)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response


def install(app: FastAPI) -> None:
    """The dashboard's pages on ``app``, with its answer to a refused request."""
    from saypro_server.dashboard import administration, pages

    app.include_router(pages.router)
    app.include_router(administration.router)

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, pages.Refused)
        return exc.response

    app.add_exception_handler(pages.Refused, refused)
