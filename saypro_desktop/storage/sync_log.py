"""What each sync attempt did, kept in the profile so the Sync page and the status bar can say
when the laptop last synced and why the last attempt failed, also after a restart."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection

from saypro_desktop.storage.profile_meta import read_meta, write_meta

HISTORY_KEY = "sync_history"
LAST_SUCCESS_KEY = "last_complete_sync"
KEPT = 30


@dataclass(frozen=True)
class SyncAttempt:
    finished_at: str  # ISO UTC
    complete: bool  # everything was sent and everything new received
    sent: int
    received: int
    conflicts: int
    refused: int
    bytes_up: int
    bytes_down: int
    error: str = ""
    files_up: int = 0
    files_down: int = 0
    files_waiting: int = 0  # photos/documents still to send or fetch (held back, or not reached)
    files_failed: int = 0  # photos/documents the server could not send or take (each skipped; the rest went on)
    set_aside: int = 0  # records from the server this laptop could not use (the Sync page lists them)
    feedback_from: list[str] = field(default_factory=list)  # who wrote each piece of feedback that arrived


def history(connection: Connection) -> list[SyncAttempt]:
    """Newest first."""
    text = read_meta(connection, HISTORY_KEY)
    if not text:
        return []
    try:
        return [SyncAttempt(**item) for item in json.loads(text)]
    except (ValueError, TypeError):
        return []  # written by another version: start a new history rather than fail


def record(connection: Connection, attempt: SyncAttempt) -> None:
    kept = [attempt, *history(connection)][:KEPT]
    write_meta(connection, HISTORY_KEY, json.dumps([asdict(a) for a in kept]))
    if attempt.complete:
        write_meta(connection, LAST_SUCCESS_KEY, attempt.finished_at)


def last_success(connection: Connection) -> str | None:
    """When the last complete sync ended (ISO UTC), kept apart from the history, which a long run of
    failed attempts pushes it out of."""
    return read_meta(connection, LAST_SUCCESS_KEY) or next(
        (a.finished_at for a in history(connection) if a.complete), None)
