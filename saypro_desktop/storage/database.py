"""Opening a profile's SQLite database: connection settings that make it crash-safe, and the key
that decrypts it.

Field laptops lose power mid-write. WAL with ``synchronous=FULL`` makes every committed
transaction durable and a torn one invisible; foreign keys are on; a busy timeout lets the GUI
and the sync worker share the file without "database is locked" errors.

The profile of a signed-in person is encrypted at rest with SQLCipher (``sqlcipher3``, SQLite with
AES-256 pages): opened with its 256-bit data key, given raw (``x'…'``), so no key derivation runs
per connection (storage.profile_lock derives and keeps the key). A profile nobody signed in to is
plain SQLite (the standard library's).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
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


def raw_key(key: bytes) -> str:
    """SQLCipher's notation for a raw 256-bit key (no passphrase derivation)."""
    return f"x'{key.hex()}'"


def create_sqlite_engine(path: Path, *, immediate: bool = True, key: bytes | None = None) -> Engine:
    """An engine on the database file at ``path`` with the settings above; ``key`` opens an
    encrypted one."""
    url: str | URL = f"sqlite+pysqlite:///{path}"
    if key is not None:
        url = URL.create("sqlite+pysqlcipher", password=raw_key(key), database=str(path))
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    if immediate:
        event.listen(engine, "begin", _on_begin)
    return engine


def connect_directly(path: Path, key: bytes | None = None, *, read_only: bool = True,
                     sqlcipher: bool = False) -> sqlite3.Connection:
    """A DB-API connection outside SQLAlchemy (checks and backups), keyed for an encrypted file;
    ``sqlcipher``: through SQLCipher also for a plain file (to copy it into an encrypted one)."""
    if key is None and not sqlcipher:
        return sqlite3.connect(f"file:{path}?mode=ro" if read_only else str(path), uri=read_only)
    import sqlcipher3  # only profiles of signed-in people are encrypted

    connection: sqlite3.Connection = sqlcipher3.connect(f"file:{path}?mode=ro" if read_only else str(path),
                                                        uri=read_only)
    if key is not None:
        connection.execute(f'PRAGMA key = "{raw_key(key)}"')
    return connection


def integrity_problems(path: Path, key: bytes | None = None) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong with the file (empty when it is sound)."""
    connection = connect_directly(path, key)
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    finally:
        connection.close()
    return [] if rows == [("ok",)] else [str(r[0]) for r in rows]
