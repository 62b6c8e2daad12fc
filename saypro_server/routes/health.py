"""The cheap request the desktop uses to decide whether it is online."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter
from pydantic import BaseModel

from saypro_server import __version__

router = APIRouter(tags=["health"])


class Health(BaseModel):
    ok: bool
    version: str
    time: str


@router.get("/api/v1/health", response_model=Health)
def health() -> Health:
    return Health(ok=True, version=__version__, time=datetime.now(UTC).isoformat(timespec="seconds"))
