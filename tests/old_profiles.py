"""Profiles as an earlier version of the app left them: a database at an old schema revision."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import insert

from saypro_core.records import Record
from saypro_desktop.storage.database import create_sqlite_engine
from saypro_desktop.storage.migrate import upgrade
from saypro_desktop.storage.store import record_to_row
from saypro_desktop.storage.tables import RECORD_TABLES

FIRST_REVISION = "0001_initial"
#: The record types a profile of the first revision can hold (the programme's came with 0007).
FIRST_REVISION_TYPES = ("learning_log", "self_assessment", "session_note", "development_goal", "feedback",
                        "attachment")


def write_old_profile(path: Path, records: Sequence[Record], revision: str = FIRST_REVISION) -> None:
    """A database at ``revision`` holding ``records``, written the way that schema stored them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_sqlite_engine(path)
    try:
        upgrade(engine, revision)
        with engine.begin() as connection:
            for record in records:
                table = RECORD_TABLES[record.record_type]
                old_columns = {row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({table.name})")}
                assert old_columns, f"a profile at {revision} has no {table.name} table"
                row = {k: v for k, v in record_to_row(record, "").items() if k in old_columns}
                connection.execute(insert(table), [row])
    finally:
        engine.dispose()
