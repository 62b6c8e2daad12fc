"""Storing what the server answered to a sync, in ONE transaction (DESIGN.md, "Nothing is lost").

Acknowledged outbox entries are removed, the server's revision recorded, pulled records stored,
conflicts kept for the user and the pull cursor advanced, all together: a crash at any point
leaves either the state before the answer (the batch is sent again; the server answers a repeated
change with the same acknowledgement) or the state after it.

The sync engine hands plain dataclasses in; this module knows nothing of the wire format.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from saypro_desktop.domain.codec import DecodeError, decode, encode, format_datetime
from saypro_desktop.domain.records import RECORD_TYPES, Record, SyncState, utc_now
from saypro_desktop.storage import search
from saypro_desktop.storage.profile_meta import write_meta
from saypro_desktop.storage.rows import row_to_record
from saypro_desktop.storage.tables import RECORD_TABLES, outbox, reference_cache, sync_conflicts

log = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"
REFERENCE_VERSION_KEY = "reference_version"


@dataclass(frozen=True)
class SentChange:
    """One change as sent: the outbox entries up to ``last_seq`` for the record, merged."""

    change_id: str
    record_type: str
    record_id: str
    last_seq: int


@dataclass(frozen=True)
class Acknowledgement:
    change_id: str
    status: str  # "ok", "merged" or "rejected"
    revision: int
    error: str = ""


@dataclass(frozen=True)
class RemoteRecord:
    record_type: str
    record_id: str
    revision: int
    owner_id: str
    fields: dict[str, Any]
    stamp: str
    stored_at: str


@dataclass(frozen=True)
class RemoteConflict:
    id: str
    record_type: str
    record_id: str
    field: str
    kept: Any
    lost: Any
    kept_stamp: str
    lost_stamp: str
    lost_by: str
    created_at: str
    resolved: bool


@dataclass(frozen=True)
class SyncAnswer:
    acknowledgements: Sequence[Acknowledgement]
    records: Sequence[RemoteRecord]
    conflicts: Sequence[RemoteConflict]
    cursor: int
    reference: tuple[int, dict[str, Any]] | None = None


@dataclass(frozen=True)
class AppliedAnswer:
    acknowledged: int
    rejected: list[tuple[str, str, str]]  # record type, record id, the server's reason
    pulled: int
    conflicts: int


def _pending_fields(connection: Connection, record_id: str) -> set[str]:
    """Fields with local changes still waiting in the outbox for this record."""
    rows = connection.execute(select(outbox.c.fields).where(outbox.c.record_id == record_id)).scalars()
    return {name for fields in rows for name in fields}


def _acknowledge(connection: Connection, sent: dict[str, SentChange], ack: Acknowledgement,
                 rejected: list[tuple[str, str, str]]) -> None:
    change = sent.get(ack.change_id)
    if change is None:
        log.warning("acknowledgement for a change not in this batch: %s", ack.change_id)
        return
    table = RECORD_TABLES[change.record_type]
    connection.execute(delete(outbox).where(outbox.c.record_id == change.record_id,
                                            outbox.c.seq <= change.last_seq))
    if ack.status == "rejected":
        connection.execute(update(table).where(table.c.id == change.record_id).values(
            sync_state=SyncState.ERROR.value, sync_error=ack.error))
        rejected.append((change.record_type, change.record_id, ack.error))
        return
    waiting = connection.execute(select(func.count()).select_from(outbox).where(
        outbox.c.record_id == change.record_id)).scalar_one()
    values: dict[str, Any] = {"sync_state": (SyncState.WAITING if waiting else SyncState.SYNCED).value,
                              "sync_error": ""}
    if ack.revision:
        values["server_revision"] = ack.revision
    connection.execute(update(table).where(table.c.id == change.record_id).values(**values))


def _store_remote(connection: Connection, remote: RemoteRecord) -> Record | None:
    """The pulled state, keeping any field this laptop changed and has not sent yet."""
    cls = RECORD_TYPES[remote.record_type]
    table = RECORD_TABLES[remote.record_type]
    local_row = connection.execute(select(table).where(table.c.id == remote.record_id)).mappings().first()
    pending = _pending_fields(connection, remote.record_id) if local_row is not None else set()
    fields = dict(remote.fields)
    if local_row is not None:
        local = encode(row_to_record(cls, local_row))
        fields.update({name: local[name] for name in pending if name in local})
    try:
        record = decode(cls, {
            **fields, "id": remote.record_id, "owner_id": remote.owner_id,
            "created_at": local_row["created_at"] if local_row is not None else remote.stored_at,
            "updated_at": remote.stored_at,
            "revision": max(int(local_row["revision"]) if local_row is not None else 0, remote.revision),
            "sync_state": (SyncState.WAITING if pending else SyncState.SYNCED).value,
        })
    except DecodeError as exc:  # a field this version does not know: keep what we have
        log.warning("could not store %s %s from the server: %s", remote.record_type, remote.record_id, exc)
        return None
    row = {**encode(record), "hlc": remote.stamp, "server_revision": remote.revision}
    upsert = sqlite_insert(table).values(row)
    connection.execute(upsert.on_conflict_do_update(index_elements=[table.c.id],
                                                    set_={k: v for k, v in row.items() if k != "id"}))
    return record


def _store_conflict(connection: Connection, conflict: RemoteConflict) -> None:
    row = dataclasses.asdict(conflict)
    statement = sqlite_insert(sync_conflicts).values(row)
    # Resolved is for good: a copy from the feed that predates the user's choice does not undo it.
    connection.execute(statement.on_conflict_do_update(
        index_elements=[sync_conflicts.c.id],
        set_={"resolved": sync_conflicts.c.resolved | statement.excluded.resolved}))
    if not conflict.resolved and not _resolved_here(connection, conflict.id):
        table = RECORD_TABLES[conflict.record_type]
        connection.execute(update(table).where(table.c.id == conflict.record_id)
                           .values(sync_state=SyncState.CONFLICT.value))


def _resolved_here(connection: Connection, conflict_id: str) -> bool:
    return bool(connection.execute(
        select(sync_conflicts.c.resolved).where(sync_conflicts.c.id == conflict_id)).scalar())


def apply_answer(connection: Connection, sent: Sequence[SentChange], answer: SyncAnswer) -> AppliedAnswer:
    """Store everything ``answer`` says, in the caller's transaction."""
    by_id = {change.change_id: change for change in sent}
    rejected: list[tuple[str, str, str]] = []
    for ack in answer.acknowledgements:
        _acknowledge(connection, by_id, ack, rejected)
    stored = [record for remote in answer.records if (record := _store_remote(connection, remote)) is not None]
    search.remove(connection, [r.id for r in stored if r.deleted])
    search.put(connection, [r for r in stored if not r.deleted])
    for conflict in answer.conflicts:
        _store_conflict(connection, conflict)
    if answer.reference is not None:
        version, body = answer.reference
        fetched_at = format_datetime(utc_now())
        statement = sqlite_insert(reference_cache).values(name="reference", body=body, fetched_at=fetched_at)
        connection.execute(statement.on_conflict_do_update(index_elements=[reference_cache.c.name],
                                                           set_={"body": body, "fetched_at": fetched_at}))
        write_meta(connection, REFERENCE_VERSION_KEY, str(version))
    write_meta(connection, CURSOR_KEY, str(answer.cursor))
    acknowledged = sum(1 for ack in answer.acknowledgements if ack.status != "rejected")
    return AppliedAnswer(acknowledged, rejected, len(stored), len(answer.conflicts))

