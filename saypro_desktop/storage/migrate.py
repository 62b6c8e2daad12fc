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
from saypro_desktop.storage.database import create_sqlite_engine, integrity_problems

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

#: The newest migration in migrations/versions (a test keeps it equal to Alembic's head). A profile
#: already there opens without importing Alembic, which would cost a third of a second at start.
HEAD_REVISION = "0005_set_aside"
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


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file, read without changing it."""
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DamagedDatabaseError(
            f"{path} is not a {APP_NAME} database (the file is not SQLite). "
            "Move it away or restore a backup from the 'backups' folder next to it."
        )
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(
            f"{path} is damaged and cannot be read ({exc}). "
            "Restore a backup from the 'backups' folder next to it."
        ) from exc
    finally:
        connection.close()


def backup_database(path: Path, revision: str | None, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the database (consistently, WAL included) to ``backups/`` and keep the newest few."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.stem}-{stamp}-{revision or 'empty'}.sqlite"
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    backups = sorted(folder.glob(f"{path.stem}-*.sqlite"))
    for old in backups[:-keep]:
        old.unlink()
    log.info("backed up %s to %s", path, target)
    return target


def check_can_open(path: Path) -> str | None:
    """Raise if this version must not touch the file; return its schema revision otherwise."""
    revision = stored_revision(path)
    if revision is not None and revision not in known_revisions():
        raise NewerDatabaseError(
            f"This profile was saved by a newer version of {APP_NAME} (database schema "
            f"'{revision}'; this version knows up to '{head_revision()}'). Install the newer "
            "version to open it. Nothing was changed."
        )
    return revision


def migrate(path: Path, *, keep_backups: int = KEEP_BACKUPS) -> MigrationReport:
    """Check, back up and migrate the database at ``path`` (created if missing) to head."""
    if path.exists() and path.stat().st_size > 0 and stored_revision(path) == HEAD_REVISION:
        return MigrationReport(HEAD_REVISION, HEAD_REVISION, None)  # the usual start: nothing to do
    head = head_revision()
    revision: str | None = None
    backup: Path | None = None
    if path.exists() and path.stat().st_size > 0:
        revision = check_can_open(path)
        if revision != head:
            problems = integrity_problems(path)
            if problems:
                raise DamagedDatabaseError(
                    f"{path} is damaged ({problems[0]}); it was not upgraded. "
                    "Restore a backup from the 'backups' folder next to it."
                )
            backup = backup_database(path, revision, keep_backups)
    if revision != head:
        engine = create_sqlite_engine(path)
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
