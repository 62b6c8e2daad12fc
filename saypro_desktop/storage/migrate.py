"""Bring a profile's database to the schema this version of the app expects.

Order at start-up (DESIGN.md): refuse a file this version cannot safely open (not a database,
damaged, or written by a newer version), back it up when a migration is due, then migrate to
head in one transaction. A refused file is never written to.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from saypro_desktop import APP_NAME
from saypro_desktop.resources import migrations_path
from saypro_desktop.storage.database import connect_directly, create_sqlite_engine, integrity_problems, raw_key

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

#: The newest migration in migrations/versions (a test keeps it equal to Alembic's head). A profile
#: already there opens without importing Alembic, which would cost a third of a second at start.
HEAD_REVISION = "0008_recognitions"
KEEP_BACKUPS = 5
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseOpenError(Exception):
    """The database cannot be opened; the message says why in words a user can act on."""


class NewerDatabaseError(DatabaseOpenError):
    pass


class DamagedDatabaseError(DatabaseOpenError):
    pass


@dataclass(frozen=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration built in code (no ini file), valid from source and when frozen."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def stored_revision(path: Path, key: bytes | None = None) -> str | None:
    """The schema revision recorded in the file, read without changing it (``key``: of an encrypted one)."""
    if key is None:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
        if header != SQLITE_HEADER:
            raise DamagedDatabaseError(
                f"{path} is not a {APP_NAME} database (the file is not SQLite, or it is encrypted). "
                "Move it away or restore a backup from the 'backups' folder next to it."
            )
    try:
        connection = connect_directly(path, key)
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(f"{path} cannot be opened ({exc}).") from exc
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except Exception as exc:  # sqlite3's or sqlcipher3's DatabaseError: "file is not a database"
        if not _is_database_error(exc):
            raise
        raise DamagedDatabaseError(
            f"{path} is damaged and cannot be read ({exc}). "
            "Restore a backup from the 'backups' folder next to it."
        ) from exc
    finally:
        connection.close()


def _is_database_error(exc: Exception) -> bool:
    return type(exc).__name__ in ("DatabaseError", "OperationalError", "NotADatabaseError")


def backup_database(path: Path, revision: str | None, keep: int = KEEP_BACKUPS, *, key: bytes | None = None,
                    target_key: bytes | None = None) -> Path:
    """Copy the database (consistently, WAL included) to ``backups/`` and keep the newest few. The
    copy of an encrypted database is encrypted with the same key (``target_key``: another one)."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.stem}-{stamp}-{revision or 'empty'}.sqlite"
    export_database(path, target, key=key, target_key=key if target_key is None else target_key)
    backups = sorted(folder.glob(f"{path.stem}-*.sqlite"))
    for old in backups[:-keep]:
        old.unlink()
    log.info("backed up %s to %s", path, target)
    return target


def export_database(source_path: Path, target: Path, *, key: bytes | None, target_key: bytes | None) -> None:
    """A consistent copy of the database at ``source_path`` (WAL included) in a new file ``target``,
    encrypted with ``target_key`` if given (a plain source can become an encrypted copy)."""
    if key is None and target_key is None:
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        return
    # SQLCipher copies between encryption settings with sqlcipher_export (the backup API cannot).
    connection = connect_directly(source_path, key, read_only=False, sqlcipher=True)
    try:
        connection.execute(f"ATTACH DATABASE ? AS copy KEY \"{raw_key(target_key) if target_key else ''}\"",
                           (str(target),))
        connection.execute("SELECT sqlcipher_export('copy')")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA copy.user_version = {int(version)}")
        connection.execute("DETACH DATABASE copy")
    finally:
        connection.close()


def check_can_open(path: Path, key: bytes | None = None) -> str | None:
    """Raise if this version must not touch the file; return its schema revision otherwise."""
    revision = stored_revision(path, key)
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"This profile was saved by a newer version of {APP_NAME} (database schema "
            f"'{revision}'; this version knows up to '{head_revision()}'). Install the newer "
            "version to open it. Nothing was changed."
        )
    return revision


def migrate(path: Path, *, keep_backups: int = KEEP_BACKUPS, key: bytes | None = None) -> MigrationReport:
    """Check, back up and migrate the database at ``path`` (created if missing) to head; ``key``
    opens an encrypted one."""
    if path.exists() and path.stat().st_size > 0 and stored_revision(path, key) == HEAD_REVISION:
        return MigrationReport(HEAD_REVISION, HEAD_REVISION, None)  # the usual start: nothing to do
    head = head_revision()
    revision: str | None = None
    backup: Path | None = None
    if path.exists() and path.stat().st_size > 0:
        revision = check_can_open(path, key)
        if revision != head:
            problems = integrity_problems(path, key)
            if problems:
                raise DamagedDatabaseError(
                    f"{path} is damaged ({problems[0]}); it was not upgraded. "
                    "Restore a backup from the 'backups' folder next to it."
                )
            backup = backup_database(path, revision, keep_backups, key=key)
    if revision != head:
        engine = create_sqlite_engine(path, key=key)
        try:
            upgrade(engine, head)
        finally:
            engine.dispose()
        log.info("migrated %s from %s to %s", path, revision, head)
    return MigrationReport(revision, head, backup)


def upgrade(engine: Engine, target: str) -> None:
    """Run the migrations up to ``target`` in one transaction (SQLite DDL is transactional)."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), target)
