"""The local database schema (SQLAlchemy Core).

Record tables are derived from the domain dataclasses, so the schema cannot drift from the
records: every field is a column holding the codec's encoding of its value (ISO text for dates
and times, which sorts correctly; JSON text for lists). ``alembic check`` in the test suite
fails if this file and the migrations in ``migrations/`` disagree.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Dialect,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

from saypro_core.records import RECORD_TYPES, Record

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class JSONText(TypeDecorator[Any]):
    """JSON stored as compact text (SQLite has no JSON type; ``json_each`` reads it all the same)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)


def _column_for(name: str, tp: Any) -> Column[Any]:
    nullable = False
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        tp = next(a for a in typing.get_args(tp) if a is not type(None))
        nullable = True
    column_type: Any
    if typing.get_origin(tp) is list:
        column_type = JSONText()
    elif tp is bool:
        column_type = Boolean()
    elif tp is int:
        column_type = Integer()
    elif tp is datetime:
        column_type = String(24)  # 2026-11-23T08:18:05.123Z
    elif tp is date:
        column_type = String(10)
    elif isinstance(tp, type) and issubclass(tp, StrEnum):
        column_type = String(32)
    elif name == "id":
        column_type = String(36)
    elif tp is str:
        column_type = Text()
    else:  # pragma: no cover - a new field type needs a decision here
        raise TypeError(f"no column type for {name}: {tp!r}")
    return Column(name, column_type, primary_key=name == "id", nullable=nullable)


#: Whose records, by date: the Team page asks for a few people's records of a period, and the
#: latest log of each (a search on the index, not a scan of their every record).
OWNER_INDEX_SECOND = {"learning_log": "log_date", "self_assessment": "assessed_on", "session_note": "starts_at",
                      "development_goal": "target_date", "feedback": "target_id", "attachment": "target_id",
                      "planned_session": "starts_at", "registration": "target_id", "attendance": "target_id",
                      "survey_response": "target_id", "hub_entry": "entry_date", "recognition": "period"}


def _record_table(cls: type[Record], *indexes: tuple[str, ...]) -> Table:
    hints = typing.get_type_hints(cls)
    columns = [_column_for(f.name, hints[f.name]) for f in dataclasses.fields(cls)]
    # The stamp of the last change on this device (see domain.clock); not part of the record.
    columns.append(Column("hlc", String(64), nullable=False, server_default=""))
    # The server's revision this copy is based on (0: never synced); sent as the base of the next edit.
    columns.append(Column("server_revision", Integer, nullable=False, server_default="0"))
    table = Table(cls.record_type, metadata, *columns)
    for cols in (("deleted", "updated_at"), ("sync_state",), ("owner_id", OWNER_INDEX_SECOND[cls.record_type]),
                 *indexes):
        Index(None, *(table.c[c] for c in cols))
    return table


learning_log = _record_table(RECORD_TYPES["learning_log"], ("log_date",), ("project",))
self_assessment = _record_table(RECORD_TYPES["self_assessment"], ("assessed_on",))
session_note = _record_table(RECORD_TYPES["session_note"], ("starts_at",))
development_goal = _record_table(RECORD_TYPES["development_goal"], ("target_date",))
feedback = _record_table(RECORD_TYPES["feedback"], ("target_type", "target_id"))
attachment = _record_table(RECORD_TYPES["attachment"], ("target_type", "target_id"), ("sha256",))
planned_session = _record_table(RECORD_TYPES["planned_session"], ("starts_at",))
registration = _record_table(RECORD_TYPES["registration"], ("target_id", "occurrence"))
attendance = _record_table(RECORD_TYPES["attendance"], ("target_id", "occurrence"))
survey_response = _record_table(RECORD_TYPES["survey_response"], ("target_id", "occurrence"))
hub_entry = _record_table(RECORD_TYPES["hub_entry"], ("entry_date",), ("kind",))
recognition = _record_table(RECORD_TYPES["recognition"], ("period",))

RECORD_TABLES: dict[str, Table] = {
    name: metadata.tables[name] for name in RECORD_TYPES
}

#: Small facts about this profile: device id, the clock's last stamp, flags for maintenance.
meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

#: Changes waiting for the server, oldest first. Written in the same transaction as the record.
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("change_id", String(36), nullable=False, unique=True),
    Column("record_type", String(32), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("op", String(8), nullable=False),  # "upsert" or "delete"
    Column("fields", JSONText, nullable=False),  # the changed fields, codec-encoded
    Column("base_revision", Integer, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("hlc", String(64), nullable=False),
    Column("created_at", String(24), nullable=False),
    Column("size", Integer, nullable=False),  # bytes of `fields` as JSON, for "MB waiting"
    Index(None, "record_type", "record_id"),
)

#: Maps each indexed record to the integer rowid of its row in the FTS5 table ``search_index``
#: (created by a migration: SQLAlchemy cannot describe a virtual table), so an update can
#: replace a record's entry by rowid instead of scanning the index.
search_docs = Table(
    "search_docs",
    metadata,
    Column("rowid", Integer, primary_key=True, autoincrement=True),
    Column("record_type", String(32), nullable=False),
    Column("record_id", String(36), nullable=False, unique=True),
)

#: Reference data (frameworks, templates, session types) from the server, cached for offline use.
reference_cache = Table(
    "reference_cache",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("body", JSONText, nullable=False),
    Column("fetched_at", String(24), nullable=False),
)

#: Conflicts the server recorded on this user's records: the value kept and the one set aside,
#: shown side by side until the user resolves them.
sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("record_type", String(32), nullable=False),
    Column("record_id", String(36), nullable=False, index=True),
    Column("field", String(64), nullable=False),
    Column("kept", JSONText, nullable=False),
    Column("lost", JSONText, nullable=False),
    Column("kept_stamp", String(90), nullable=False),
    Column("lost_stamp", String(90), nullable=False),
    Column("lost_by", String(64), nullable=False),
    Column("created_at", String(24), nullable=False),
    Column("resolved", Boolean, nullable=False, server_default="0"),
)

#: What the server sent that this laptop could not use, and why (shown on the Sync page): a record
#: that breaks the domain's rules, a conflict about a field its record does not have, reference data
#: that cannot be read. It is left out, and the sync goes on: one bad record never stops the rest.
set_aside = Table(
    "set_aside",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),  # a record type, "conflict" or "reference"
    Column("record_id", String(36), nullable=False, index=True),  # "" when the server's answer named none
    Column("reason", Text, nullable=False),
    Column("received_at", String(24), nullable=False),
)

#: Tables SQLite's FTS5 creates for ``search_index``; migrations and ``alembic check`` skip them.
FTS_TABLES = frozenset(
    {"search_index", "search_index_data", "search_index_idx", "search_index_content",
     "search_index_docsize", "search_index_config"}
)

#: Unsaved editor contents, kept a few seconds after typing stops so a crash or a power cut loses
#: nothing. One draft per record (new records have their id from the moment the editor opens).
#: Local only: drafts never sync; saving the record removes its draft.
drafts = Table(
    "drafts",
    metadata,
    Column("record_id", String(36), primary_key=True),
    Column("record_type", String(32), nullable=False),
    Column("body", JSONText, nullable=False),  # codec-encoded record as the form held it
    Column("saved_at", String(24), nullable=False),
)
