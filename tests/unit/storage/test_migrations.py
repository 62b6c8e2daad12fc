"""Start-up migration: data survives upgrades, backups are kept, unsafe files are refused."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from saypro_core.records import LearningLog, SessionNote
from saypro_desktop.storage.database import create_sqlite_engine
from saypro_desktop.storage.migrate import (
    HEAD_REVISION,
    DamagedDatabaseError,
    NewerDatabaseError,
    alembic_config,
    backup_database,
    head_revision,
    migrate,
    upgrade,
)
from saypro_desktop.storage.store import RecordStore
from tests import factories
from tests.old_profiles import FIRST_REVISION, write_old_profile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    """`alembic check`: the tables in storage/tables.py match what the migrations build."""
    engine = create_sqlite_engine(tmp_path / "check.sqlite")
    upgrade(engine, "head")
    with engine.begin() as connection:
        command.check(alembic_config(connection))
    engine.dispose()


def test_upgrade_from_the_first_revision_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "saypro.sqlite"
    logs = [factories.learning_log(id=factories.new_id(), title=f"Old log {n}") for n in range(30)]
    notes = [factories.session_note(id=factories.new_id()) for _ in range(5)]
    write_old_profile(path, [*logs, *notes])
    with sqlite3.connect(path) as connection:
        tables_before = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    connection.close()
    assert "search_docs" not in tables_before

    report = migrate(path)

    assert (report.from_revision, report.to_revision) == (FIRST_REVISION, head_revision())
    assert report.backup is not None and report.backup.exists()
    store = RecordStore.open(path)
    try:
        assert sorted(store.iter_all(LearningLog), key=lambda r: r.id) == sorted(logs, key=lambda r: r.id)
        assert sorted(store.iter_all(SessionNote), key=lambda r: r.id) == sorted(notes, key=lambda r: r.id)
        # Records written before the search index existed are found after the upgrade.
        assert len(store.search("old log")) == 30
    finally:
        store.close()


def test_a_failed_upgrade_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "saypro.sqlite"
    log = factories.learning_log()
    write_old_profile(path, [log])
    with sqlite3.connect(path) as connection:
        # A table in the way makes the second migration fail after its first statement.
        connection.execute("CREATE TABLE search_docs (x INTEGER)")
    connection.close()

    with pytest.raises(Exception, match="already exists"):
        migrate(path)

    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST_REVISION,)
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert connection.execute("SELECT id FROM learning_log").fetchall() == [(log.id,)]
    connection.close()
    assert "reference_cache" not in tables  # created by the failed migration, rolled back
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_migrating_an_up_to_date_database_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "saypro.sqlite"
    migrate(path)
    report = migrate(path)
    assert report.backup is None and report.from_revision == head_revision()
    assert not (tmp_path / "backups").exists()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "saypro.sqlite"
    store = RecordStore.open(path)
    store.save(factories.learning_log())
    store.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.close()
    before = digest(path)

    with pytest.raises(NewerDatabaseError) as refused:
        RecordStore.open(path)

    assert "saved by a newer version" in str(refused.value)
    assert "'0099_from_the_future'" in str(refused.value)
    assert "Nothing was changed" in str(refused.value)
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


@pytest.mark.parametrize(
    "content",
    [os.urandom(8192), b"SQLite format 3\x00" + os.urandom(8192 - 16), b"not a database at all\n"],
    ids=["random-bytes", "sqlite-header-then-garbage", "text-file"],
)
def test_a_damaged_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "saypro.sqlite"
    path.write_bytes(content)
    with pytest.raises(DamagedDatabaseError, match="backup"):
        RecordStore.open(path)
    assert path.read_bytes() == content


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "saypro.sqlite"
    migrate(path)
    made = [backup_database(path, head_revision(), keep=3) for _ in range(5)]
    kept = sorted((tmp_path / "backups").iterdir())
    assert kept == made[-3:]
    with sqlite3.connect(kept[-1]) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_the_head_constant_is_alembics_head() -> None:
    """migrate() skips Alembic for a profile at HEAD_REVISION: it must be the real head."""
    assert HEAD_REVISION == head_revision()
