"""Opening a profile's SQLite database: connection settings that make it crash-safe.

Field laptops lose power mid-write. WAL with ``synchronous=FULL`` makes every committed
transaction durable and a torn one invisible; foreign keys are on; a busy timeout lets the GUI
and the sync worker share the file without "database is locked" errors.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 10_000


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling issues BEGIN lazily and not for every statement; let
    # SQLAlchemy's events below control transactions instead (the documented SQLite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _on_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock at BEGIN, so two writers queue on busy_timeout instead of
    # one failing with SQLITE_BUSY when it upgrades a read transaction to a write.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_sqlite_engine(path: Path, *, immediate: bool = True) -> Engine:
    """An engine on the database file at ``path`` with the settings above."""
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    if immediate:
        event.listen(engine, "begin", _on_begin)
    return engine


def integrity_problems(path: Path) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong with the file (empty when it is sound)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    finally:
        connection.close()
    return [] if rows == [("ok",)] else [str(r[0]) for r in rows]
