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
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from saypro_core.codec import DecodeError, decode, decode_value, encode, format_datetime, parse_datetime
from saypro_core.records import BOOKKEEPING_FIELDS, RECORD_TYPES, Record, SyncState, utc_now
from saypro_core.reference import parse_reference
from saypro_core.validation import problems, storable_problems
from saypro_core.wire import DirectoryOut
from saypro_desktop.storage import search
from saypro_desktop.storage.directory import write_directory
from saypro_desktop.storage.profile_meta import write_meta
from saypro_desktop.storage.rows import row_to_record
from saypro_desktop.storage.tables import (
    RECORD_TABLES,
    drafts,
    outbox,
    reference_cache,
    set_aside,
    sync_conflicts,
)

log = logging.getLogger(__name__)

CURSOR_KEY = "sync_cursor"
REFERENCE_VERSION_KEY = "reference_version"
SCOPE_EPOCH_KEY = "scope_epoch"
FEED_EPOCH_KEY = "feed_epoch"


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
    #: When the author's device created it and last changed it (None from an older server).
    created_at: str | None = None
    updated_at: str | None = None


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
class SetAside:
    """Something the server sent that this laptop does not use, and why."""

    kind: str  # a record type, "conflict", "reference" or "record" (when the answer named no type)
    record_id: str  # "" when the answer named no usable id
    reason: str


@dataclass(frozen=True)
class SyncAnswer:
    acknowledgements: Sequence[Acknowledgement]
    records: Sequence[RemoteRecord]
    conflicts: Sequence[RemoteConflict]
    cursor: int
    #: A newer version of the reference data, and the data (None: the same as the shipped defaults).
    reference: tuple[int, dict[str, Any] | None] | None = None
    #: Parts of the answer that could not even be read as a record or a conflict.
    set_aside: Sequence[SetAside] = ()
    #: Records the user may no longer read: their copies go (with what belongs to them).
    withdrawn: Sequence[str] = ()
    #: The user's scope epoch, when the answer starts the feed again under a new one.
    scope_epoch: int | None = None
    #: The feed's epoch, when the server names it (kept with the cursor).
    feed_epoch: str | None = None
    #: Who is who, when it changed (already checked: saypro_core.wire.DirectoryOut).
    directory: DirectoryOut | None = None


@dataclass(frozen=True)
class AppliedAnswer:
    acknowledged: int
    rejected: list[tuple[str, str, str]]  # record type, record id, the server's reason
    pulled: int
    conflicts: int
    set_aside: int = 0
    #: Copies removed: withdrawn, or deleted by their owner.
    removed: int = 0
    #: Records whose deletion on the server left only a tombstone: the store sends them again whole.
    resend: list[tuple[str, str]] = field(default_factory=list)
    #: Attachment files (sha256) whose last record here went: the caller deletes them after the commit.
    unused_files: list[str] = field(default_factory=list)
    #: Who wrote each piece of feedback that arrived (user ids; the Sync page and a notification name them).
    feedback_from: list[str] = field(default_factory=list)

#: Set-aside entries kept for the Sync page (the oldest go first).
SET_ASIDE_KEPT = 200


#: Ids per IN (...) query: far below SQLite's limit on bound parameters.
_CHUNK = 500


def _chunks(ids: Sequence[str]) -> list[Sequence[str]]:
    return [ids[start:start + _CHUNK] for start in range(0, len(ids), _CHUNK)]


def _pending_fields(connection: Connection, record_ids: Sequence[str]) -> dict[str, set[str]]:
    """Per record, the fields with local changes still waiting in the outbox."""
    pending: dict[str, set[str]] = {}
    for chunk in _chunks(record_ids):
        for record_id, fields in connection.execute(
                select(outbox.c.record_id, outbox.c.fields).where(outbox.c.record_id.in_(chunk))):
            pending.setdefault(record_id, set()).update(fields)
    return pending


def _acknowledge(connection: Connection, sent: Sequence[SentChange], acks: Sequence[Acknowledgement],
                 rejected: list[tuple[str, str, str]], resend: list[tuple[str, str]]) -> None:
    """Remove the acknowledged outbox entries and mark the records: a few statements per batch, not per record."""
    by_id = {change.change_id: change for change in sent}
    done: list[tuple[SentChange, Acknowledgement]] = []
    for ack in acks:
        change = by_id.get(ack.change_id)
        if change is None:
            log.warning("acknowledgement for a change not in this batch: %s", ack.change_id)
            continue
        done.append((change, ack))
    if not done:
        return
    connection.execute(delete(outbox).where(outbox.c.record_id == bindparam("rid"), outbox.c.seq <= bindparam("last")),
                       [{"rid": change.record_id, "last": change.last_seq} for change, _ in done])
    still_waiting = _pending_fields(connection, [change.record_id for change, _ in done])
    marks: dict[tuple[str, bool], list[dict[str, Any]]] = {}
    for change, ack in done:
        if ack.status == "resend":
            resend.append((change.record_type, change.record_id))
            state, error = SyncState.WAITING, ""
        elif ack.status == "rejected":
            state, error = SyncState.ERROR, ack.error
            rejected.append((change.record_type, change.record_id, ack.error))
        else:
            state, error = (SyncState.WAITING if change.record_id in still_waiting else SyncState.SYNCED), ""
        with_revision = ack.status in ("ok", "merged") and bool(ack.revision)
        marks.setdefault((change.record_type, with_revision), []).append(
            {"rid": change.record_id, "state": state.value, "error": error, "rev": ack.revision})
    for (record_type, with_revision), rows in marks.items():
        table = RECORD_TABLES[record_type]
        values: dict[str, Any] = {"sync_state": bindparam("state"), "sync_error": bindparam("error")}
        if with_revision:
            values["server_revision"] = bindparam("rev")
        connection.execute(update(table).where(table.c.id == bindparam("rid")).values(**values), rows)


def _store_remote(connection: Connection, remotes: Sequence[RemoteRecord],
                  refused: list[SetAside], gone: list[str], going_up: set[str]) -> list[Record]:
    """The pulled states, keeping any field this laptop changed and has not sent yet (one upsert per
    type). A state that breaks the domain's rules is not stored (``refused`` says why): the copy
    this laptop has, if any, stays as it was. A tombstone adds its record's id to ``gone``, unless
    the record was edited here (it has changes waiting, or is ``going_up`` whole): the edit beats the
    delete and brings it back; or deleted here (its own delete, sent back to a laptop that lost the
    answer): the local tombstone stays, for undo."""
    by_type: dict[str, dict[str, RemoteRecord]] = {}
    for remote in remotes:
        by_type.setdefault(remote.record_type, {})[remote.record_id] = remote
    stored: list[Record] = []
    for record_type, group in by_type.items():
        cls = RECORD_TYPES[record_type]
        table = RECORD_TABLES[record_type]
        local_rows = {row["id"]: row for chunk in _chunks(list(group)) for row in connection.execute(
            select(table).where(table.c.id.in_(chunk))).mappings()}
        pending = _pending_fields(connection, list(local_rows))
        rows: list[dict[str, Any]] = []
        for remote in group.values():
            if remote.fields.get("deleted") is True:
                local = local_rows.get(remote.record_id)
                if local is not None and local["deleted"]:
                    continue  # deleted here: this laptop's own tombstone, kept a while for undo, stays
                if remote.record_id not in pending and remote.record_id not in going_up:
                    gone.append(remote.record_id)  # deleted by its owner: the copy goes (a tombstone has no text)
                continue
            try:
                record = _merged(cls, remote, local_rows.get(remote.record_id), pending.get(remote.record_id, set()))
            except _Unusable as exc:
                log.warning("set aside %s %s from the server: %s", remote.record_type, remote.record_id, exc)
                refused.append(SetAside(remote.record_type, remote.record_id, str(exc)))
                continue
            stored.append(record)
            rows.append({**encode(record), "hlc": remote.stamp, "server_revision": remote.revision})
        if rows:
            upsert = sqlite_insert(table)
            connection.execute(upsert.on_conflict_do_update(
                index_elements=[table.c.id], set_={k: upsert.excluded[k] for k in rows[0] if k != "id"}), rows)
    return stored


class _Unusable(ValueError):
    """A record from the server that this laptop does not store; the message says why."""


#: Fields the server sends of a record (its content plus visibility and deleted), per type.
_WIRE_FIELDS = {name: frozenset(f.name for f in dataclasses.fields(cls) if f.name not in BOOKKEEPING_FIELDS)
                | {"visibility", "deleted"} for name, cls in RECORD_TYPES.items()}


def _merged(cls: type[Record], remote: RemoteRecord, local_row: Any, pending: set[str]) -> Record:
    """The record as this laptop keeps it: the server's state with the fields still waiting to be
    sent from here. Checked with the same rules as the laptop's own writes (those that depend on
    today's date aside: the server checked them by its clock)."""
    unknown = sorted(set(remote.fields) - _WIRE_FIELDS[remote.record_type])
    if unknown:
        raise _Unusable(f"it has a field this version does not know ('{unknown[0][:40]}').")
    unstorable = storable_problems(remote.fields)
    if unstorable:
        raise _Unusable(unstorable[0].message)
    fields = dict(remote.fields)
    if local_row is not None:
        local = encode(row_to_record(cls, local_row))
        fields.update({name: local[name] for name in pending if name in local})
    try:
        record = decode(cls, {
            **fields, "id": remote.record_id, "owner_id": remote.owner_id,
            "created_at": local_row["created_at"] if local_row is not None else remote.created_at or remote.stored_at,
            "updated_at": remote.updated_at or remote.stored_at,
            "revision": max(int(local_row["revision"]) if local_row is not None else 0, remote.revision),
            "sync_state": (SyncState.WAITING if pending else SyncState.SYNCED).value,
        })
    except DecodeError as exc:
        raise _Unusable(str(exc)) from None
    errors = problems(record, by_this_clock=False)
    if errors:
        raise _Unusable(errors[0].message)
    return record


def _conflict_problem(conflict: RemoteConflict) -> str | None:
    """Why a conflict from the server cannot be shown and settled here, or None."""
    cls = RECORD_TYPES[conflict.record_type]
    if conflict.field not in _WIRE_FIELDS[conflict.record_type]:
        return f"it is about a field a {conflict.record_type.replace('_', ' ')} does not have."
    unstorable = storable_problems({conflict.field: [conflict.kept, conflict.lost]})
    if unstorable:
        return unstorable[0].message
    hint = typing.get_type_hints(cls)[conflict.field]
    try:
        for value in (conflict.kept, conflict.lost):
            decode_value(hint, value, conflict.field)
        parse_datetime(conflict.created_at)
    except DecodeError as exc:
        return str(exc)
    except ValueError:
        return "its time cannot be read."
    return None


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


def _reference_problem(body: dict[str, Any]) -> str | None:
    unstorable = storable_problems(body)
    if unstorable:
        return f"reference data: {unstorable[0].message}"
    try:
        parse_reference(body)
    except (DecodeError, ValueError, TypeError, KeyError) as exc:
        return f"reference data that cannot be read: {str(exc)[:200]}"
    return None


def _store_reference(connection: Connection, reference: tuple[int, dict[str, Any] | None],
                     refused: list[SetAside]) -> None:
    version, body = reference
    if body is not None:
        problem = _reference_problem(body)
        if problem is not None:  # the reference data this laptop has stays, and so does its version
            refused.append(SetAside("reference", "", problem))
            return
        fetched_at = format_datetime(utc_now())
        statement = sqlite_insert(reference_cache).values(name="reference", body=body, fetched_at=fetched_at)
        connection.execute(statement.on_conflict_do_update(index_elements=[reference_cache.c.name],
                                                           set_={"body": body, "fetched_at": fetched_at}))
    write_meta(connection, REFERENCE_VERSION_KEY, str(version))


def _keep_set_aside(connection: Connection, refused: Sequence[SetAside], stored: Sequence[Record]) -> None:
    """Note what was set aside (the Sync page lists it); a record that now arrived sound is no longer."""
    now = format_datetime(utc_now())
    ids = [r.id for r in stored] + [item.record_id for item in refused if item.record_id]
    for chunk in _chunks(ids):
        connection.execute(delete(set_aside).where(set_aside.c.record_id.in_(chunk)))
    if refused:
        connection.execute(insert(set_aside), [
            {"kind": item.kind[:32], "record_id": item.record_id, "reason": item.reason[:500], "received_at": now}
            for item in refused])
        newest = select(set_aside.c.id).order_by(set_aside.c.id.desc()).limit(SET_ASIDE_KEPT)
        connection.execute(delete(set_aside).where(set_aside.c.id.not_in(newest)))


def remove_copies(connection: Connection, record_ids: Sequence[str]) -> tuple[int, list[str]]:
    """Remove records and what belongs to them (feedback, attachments), their search entries, drafts
    and conflicts. Returns how many records went and the attachment files no record here uses now."""
    ids = list(dict.fromkeys(record_ids))
    children: list[str] = []
    for table_name in ("feedback", "attachment"):
        table = RECORD_TABLES[table_name]
        for chunk in _chunks(ids):
            children.extend(connection.execute(select(table.c.id).where(table.c.target_id.in_(chunk))).scalars())
    everything = list(dict.fromkeys(ids + children))
    files: set[str] = set()
    removed = 0
    attachments = RECORD_TABLES["attachment"]
    for chunk in _chunks(everything):
        files.update(connection.execute(select(attachments.c.sha256).where(attachments.c.id.in_(chunk))).scalars())
        for table in RECORD_TABLES.values():
            removed += connection.execute(delete(table).where(table.c.id.in_(chunk))).rowcount or 0
        connection.execute(delete(outbox).where(outbox.c.record_id.in_(chunk)))
        connection.execute(delete(sync_conflicts).where(sync_conflicts.c.record_id.in_(chunk)))
        connection.execute(delete(drafts).where(drafts.c.record_id.in_(chunk)))
    search.remove(connection, everything)
    still_used = {sha for chunk in _chunks(sorted(files)) for sha in connection.execute(
        select(attachments.c.sha256).where(attachments.c.sha256.in_(chunk))).scalars()}
    return removed, sorted(files - still_used)


def apply_answer(connection: Connection, sent: Sequence[SentChange], answer: SyncAnswer) -> AppliedAnswer:
    """Store everything ``answer`` says, in the caller's transaction. What cannot be used is set
    aside with the reason; the cursor moves on all the same (one bad record never stops a sync).
    Withdrawals come first: a record withdrawn and shared again later arrives after them."""
    rejected: list[tuple[str, str, str]] = []
    resend: list[tuple[str, str]] = []
    refused = list(answer.set_aside)
    _acknowledge(connection, sent, answer.acknowledgements, rejected, resend)
    removed, unused = remove_copies(connection, answer.withdrawn)
    gone: list[str] = []
    stored = _store_remote(connection, answer.records, refused, gone, {record_id for _, record_id in resend})
    more_removed, more_unused = remove_copies(connection, gone)
    removed += more_removed
    unused = sorted(set(unused) | set(more_unused))
    if answer.scope_epoch is not None:
        write_meta(connection, SCOPE_EPOCH_KEY, str(answer.scope_epoch))
    if answer.feed_epoch is not None:
        write_meta(connection, FEED_EPOCH_KEY, answer.feed_epoch)
    if answer.directory is not None:
        write_directory(connection, answer.directory)
    search.remove(connection, [r.id for r in stored if r.deleted])
    search.put(connection, [r for r in stored if not r.deleted])
    conflicts = 0
    for conflict in answer.conflicts:
        problem = _conflict_problem(conflict)
        if problem is not None:
            refused.append(SetAside("conflict", conflict.record_id, problem))
            continue
        _store_conflict(connection, conflict)
        conflicts += 1
    if answer.reference is not None:
        _store_reference(connection, answer.reference, refused)
    _keep_set_aside(connection, refused, stored)
    write_meta(connection, CURSOR_KEY, str(answer.cursor))
    acknowledged = sum(1 for ack in answer.acknowledgements if ack.status in ("ok", "merged"))
    feedback_from = [r.owner_id for r in stored if r.record_type == "feedback" and not r.deleted]
    return AppliedAnswer(acknowledged, rejected, len(stored), conflicts, len(refused), removed, resend, unused,
                         feedback_from)


def set_aside_listing(connection: Connection, limit: int = 50) -> list[tuple[str, str, str, str]]:
    """What was set aside, newest first: (kind, record id, reason, when)."""
    rows = connection.execute(select(set_aside.c.kind, set_aside.c.record_id, set_aside.c.reason,
                                     set_aside.c.received_at).order_by(set_aside.c.id.desc()).limit(limit))
    return [(row.kind, row.record_id, row.reason, row.received_at) for row in rows]

