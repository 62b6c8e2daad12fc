"""Database engine and sessions: SQLite (the zero-configuration default) or PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions are begun explicitly below
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 30000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # One writer at a time, queued on busy_timeout: no SQLITE_BUSY halfway through a push.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, autocommit: bool = False) -> Engine:
    """An engine for ``url``. ``autocommit``: every statement on its own, for the read path (its own
    pool, so no connection switches isolation level, which costs a round trip each time)."""
    options: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, pool_size=8, max_overflow=8,
                               **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        if not autocommit:
            event.listen(engine, "begin", _sqlite_begin)
        return engine
    # No pre-ping: it would cost a round trip on every request; recycling covers idle disconnects.
    return create_engine(url, pool_size=10, max_overflow=20, pool_recycle=1800, **options)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    from saypro_server.directory import follow_changes  # the tables import nothing of this module

    factory = sessionmaker(engine, expire_on_commit=False)
    follow_changes(factory)
    return factory

