"""Applying pushed changes and serving the change feed: the guarantees of DESIGN.md, "Sync".

- Retries are safe: each change id is recorded with its acknowledgement in the transaction that
  applies it; a repeat (also a concurrent one) gets the stored acknowledgement and changes nothing.
- No edit is lost to a conflict: a field changed on the server since the revision the device
  based its edit on, to a different value, is decided by the hybrid logical clock (the stamp ends
  with the device id, so ties are impossible); the value not kept is stored as a conflict the
  user resolves. Delete against edit: the edit wins, and the delete is the conflict.
- The feed cannot skip a change (the trap in DESIGN.md): feed positions come from one counter
  row updated as the LAST step of a push transaction, so its row lock makes positions follow
  commit order; a pull reads the counter FIRST and serves only positions up to it.
- Scoped: a pull returns the user's own records, records shared with them by visibility and
  team, and feedback about their records; a push may only change the pusher's own records.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic_core import PydanticSerializationError
from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from saypro_core.codec import DecodeError, decode, encode, format_datetime
from saypro_core.ids import new_id
from saypro_core.records import BOOKKEEPING_FIELDS, RECORD_TYPES, Record
from saypro_core.validation import problems, storable_problems
from saypro_core.wire import (
    ANSWER_BYTES,
    MAX_CHANGE_BYTES,
    Ack,
    Change,
    ConflictOut,
    RecordOut,
    derived_change_id,
)
from saypro_server.tables import AppliedChange, Conflict, FeedCounter, ReferenceData, StoredRecord, User

log = logging.getLogger(__name__)

#: Fields a change may carry besides the record type's own content fields.
SYNCED_BOOKKEEPING = frozenset({"visibility", "deleted"})
MENTOR_ROLES = frozenset({"supervisor", "admin"})


@dataclass(frozen=True)
class Principal:
    """Who is syncing: the user, their device, and the teams whose records they may see."""

    user_id: str
    device_id: str
    role: str
    team_id: str | None
    supervised_team_ids: tuple[str, ...] = ()
    #: The sign-in session the access token belongs to.
    session_id: str = ""


def _now() -> datetime:
    return datetime.now(UTC)


def allowed_fields(record_type: str) -> frozenset[str]:
    cls = RECORD_TYPES[record_type]
    return frozenset(f.name for f in dataclasses.fields(cls) if f.name not in BOOKKEEPING_FIELDS) | SYNCED_BOOKKEEPING


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """The records a user may read."""
    conditions: list[ColumnElement[bool]] = [
        StoredRecord.owner_id == principal.user_id,
        StoredRecord.subject_id == principal.user_id,
        StoredRecord.visibility == "organisation",
    ]
    if principal.team_id:
        conditions.append(and_(StoredRecord.visibility == "team", StoredRecord.team_id == principal.team_id))
    if principal.supervised_team_ids:
        conditions.append(and_(StoredRecord.visibility.in_(("team", "supervisor")),
                               StoredRecord.team_id.in_(principal.supervised_team_ids)))
    return or_(*conditions)


def _claim_change_ids(session: Session, changes: Sequence[Change], principal: Principal) -> set[str]:
    """Record the change ids; return those not applied before (by this or a concurrent request).

    A concurrent request claiming the same id waits on the row until this transaction ends, then
    finds it taken: a change is applied once however often it is sent.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    now = _now()
    rows = [{"device_id": principal.device_id, "change_id": change_id, "user_id": principal.user_id, "ack": {},
             "created_at": now} for change_id in dict.fromkeys(_id(c) for c in changes)]
    statement = insert(AppliedChange).values(rows).on_conflict_do_nothing(
        index_elements=["device_id", "change_id"]).returning(AppliedChange.change_id)
    return set(session.scalars(statement))


def _id(change: Change) -> str:
    assert change.id is not None, "push() names every change before applying it"
    return change.id


def _reject(change: Change, reason: str) -> Ack:
    return Ack(id=change.id, s="rejected", rev=0, err=reason)


class _Rejected(Exception):
    pass


def _check_fields(change: Change) -> None:
    if len(json.dumps(change.f, separators=(",", ":"))) > MAX_CHANGE_BYTES:
        raise _Rejected(f"The change is larger than {MAX_CHANGE_BYTES // 1024} KB.")
    unknown = sorted(set(change.f) - allowed_fields(change.t))
    if unknown:
        raise _Rejected(f"Unknown field '{unknown[0]}' for a {change.t.replace('_', ' ')}.")
    # Before anything else reads them: such a value could be stored, but then never sent to anyone
    # (it failed every colleague's sync), not even as the value set aside by a conflict.
    unstorable = storable_problems(change.f)
    if unstorable:
        raise _Rejected(f"{unstorable[0].field}: {unstorable[0].message}")
    if change.op == "d" and change.f.get("deleted") is not True:
        raise _Rejected("A delete must set deleted to true.")


def _canonical(change: Change, owner_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The merged fields as the domain record would encode them, or _Rejected saying why not."""
    cls = RECORD_TYPES[change.t]
    try:
        record: Record = decode(cls, {**fields, "id": change.r, "owner_id": owner_id})
    except DecodeError as exc:
        raise _Rejected(f"{exc.field}: {exc}") from None
    errors = problems(record)
    if errors:
        raise _Rejected(f"{errors[0].field}: {errors[0].message}")
    encoded = encode(record)
    return {k: v for k, v in encoded.items() if k in allowed_fields(change.t)}


def _target_of(session: Session, fields: dict[str, Any]) -> StoredRecord | None:
    target_id = fields.get("target_id")
    return session.get(StoredRecord, target_id) if isinstance(target_id, str) else None


def _check_rights(session: Session, principal: Principal, change: Change,
                  existing: StoredRecord | None, fields: dict[str, Any]) -> str | None:
    """Whom the record is about (feedback), after checking the pusher may write it."""
    if existing is not None and existing.owner_id != principal.user_id:
        raise _Rejected("You cannot change a record that belongs to someone else.")
    if existing is not None and existing.type != change.t:
        raise _Rejected("That id belongs to a record of another type.")
    if change.t not in ("feedback", "attachment"):
        return None
    target = _target_of(session, fields)
    if target is None or target.type != fields.get("target_type"):
        raise _Rejected("The record this refers to is not on the server.")
    if change.t == "attachment":
        if target.owner_id != principal.user_id:
            raise _Rejected("You can only attach files to your own records.")
        return None
    if principal.role not in MENTOR_ROLES:
        raise _Rejected("Only supervisors and mentors can give feedback.")
    readable = session.scalar(select(StoredRecord.id).where(StoredRecord.id == target.id, visible_to(principal)))
    if readable is None:
        raise _Rejected("You cannot give feedback on a record that is not shared with you.")
    return target.owner_id


@dataclass
class _Merge:
    fields: dict[str, Any]
    changed: set[str]
    stamps: dict[str, str]
    conflicts: list[tuple[str, Any, Any, str, str]]  # field, kept, lost, kept stamp, lost stamp


def _stamp_device(stamp: str) -> str:
    """The device that made a change, from its HLC stamp ("millis-counter-device")."""
    parts = stamp.split("-", 2)
    return parts[2] if len(parts) == 3 else ""


def _merge(existing: StoredRecord | None, change: Change) -> _Merge:
    if existing is None:
        return _Merge(dict(change.f), set(change.f), dict.fromkeys(change.f, change.h), [])
    fields = dict(existing.fields)
    stamps = dict(existing.field_stamps)
    merge = _Merge(fields, set(), stamps, [])
    device = _stamp_device(change.h)

    def unseen(name: str) -> bool:
        """Changed on the server since the device's base, by another device. A device's own earlier
        change (its acknowledgement lost on a dropped link, so its base is older) is not a conflict:
        the device built this change on top of it."""
        return (existing.field_revisions.get(name, 0) > change.b
                and _stamp_device(str(stamps.get(name, ""))) != device)

    concurrent_content = any(unseen(name) for name in existing.field_revisions if name != "deleted")
    for name, value in change.f.items():
        current = fields.get(name)
        if name == "deleted":
            if value is True and concurrent_content:
                # Delete against an edit this device had not seen: the edit wins.
                merge.conflicts.append((name, False, True, existing.stamp, change.h))
                continue
        elif unseen(name) and current != value:
            server_stamp = str(stamps.get(name, ""))
            if change.h > server_stamp:
                merge.conflicts.append((name, value, current, change.h, server_stamp))
            else:
                merge.conflicts.append((name, current, value, server_stamp, change.h))
                continue
        if current != value or name not in fields:
            fields[name] = value
            merge.changed.add(name)
        stamps[name] = max(change.h, str(stamps.get(name, "")))
    if existing.deleted and change.op == "u" and unseen("deleted") and (merge.changed - {"deleted"}):
        # Edited on a device that had not seen the delete: the edit wins and undeletes.
        fields["deleted"] = False
        merge.changed.add("deleted")
        merge.conflicts.append(("deleted", False, True, change.h, existing.stamp))
    return merge


@dataclass
class _Quota:
    """Bytes of record text the user may still add in this push (their row is locked meanwhile)."""

    limit: int
    stored: int
    added: int = 0


def _apply(session: Session, principal: Principal, change: Change, records: dict[str, StoredRecord],
           touched: list[StoredRecord], new_conflicts: list[Conflict], quota: _Quota) -> Ack:
    """Apply one change; every check comes before the first write, so a rejection changes nothing."""
    if _stamp_device(change.h) != principal.device_id:
        # The stamp decides conflicts and tells a device's own earlier change from another's: only
        # the device the access token belongs to may sign its changes.
        raise _Rejected("The change's stamp names another device.")
    _check_fields(change)
    existing = records.get(change.r)
    if existing is None and change.op == "d" and set(change.f) <= {"deleted", "visibility"}:
        return Ack(id=change.id, s="ok", rev=0)  # a delete of something this server never had: nothing to keep
    # A record made and deleted before it ever synced arrives whole, as a tombstone: it is stored
    # like any other, so every device agrees on it and a later restore has the whole record to return to.
    merge = _merge(existing, change)
    subject = _check_rights(session, principal, change, existing, merge.fields)
    canonical = _canonical(change, principal.user_id, merge.fields)
    if existing is not None and not merge.changed and not merge.conflicts:
        return Ack(id=change.id, s="ok", rev=existing.revision)
    size = len(json.dumps(canonical, separators=(",", ":")))
    grows = size - (existing.size if existing is not None else 0)
    if grows > 0 and quota.stored + quota.added + grows > quota.limit:
        raise _Rejected(f"Your records would pass your storage quota on the server "
                        f"({quota.limit // 1_000_000} MB); ask your administrator.")
    quota.added += grows
    now = _now()
    revision = (existing.revision if existing else 0) + 1
    if existing is None:
        existing = StoredRecord(id=change.r, type=change.t, owner_id=principal.user_id, revision=0,
                                fields={}, field_revisions={}, field_stamps={}, stamp=change.h)
        session.add(existing)
        records[change.r] = existing
        merge.changed = set(canonical)
        merge.stamps = dict.fromkeys(canonical, change.h)
    up_to_date = existing.revision == change.b
    existing.field_revisions = {**existing.field_revisions, **dict.fromkeys(merge.changed, revision)}
    existing.fields = canonical
    existing.size = size
    existing.field_stamps = merge.stamps
    existing.revision = revision
    existing.visibility = canonical["visibility"]
    existing.deleted = canonical["deleted"]
    existing.team_id = principal.team_id
    existing.subject_id = subject
    existing.stamp = max(existing.stamp, change.h)
    existing.updated_at = now
    existing.clean_device = principal.device_id if up_to_date and not merge.conflicts else None
    touched.append(existing)
    for name, kept, lost, kept_stamp, lost_stamp in merge.conflicts:
        conflict = Conflict(
            id=new_id(), record_id=change.r, record_type=change.t, field=name, kept={"v": kept},
            lost={"v": lost}, kept_stamp=kept_stamp, lost_stamp=lost_stamp,
            lost_by=lost_stamp.split("-", 2)[-1], owner_id=existing.owner_id, created_at=now)
        session.add(conflict)
        new_conflicts.append(conflict)
    return Ack(id=change.id, s="merged" if merge.conflicts else "ok", rev=revision)


#: Bytes of record text a user may keep on the server unless the settings say otherwise.
DEFAULT_RECORD_QUOTA = 100 * 1024 * 1024


def push(session: Session, principal: Principal, changes: Sequence[Change], *,
         record_quota: int = DEFAULT_RECORD_QUOTA) -> list[Ack]:
    """Apply ``changes`` in the caller's transaction, in order; the caller commits.

    A change sent without an id gets the one derived from the device and its stamp, and its
    acknowledgement leaves the id out again (the device matches acknowledgements by position).
    A change that would take the user's records past ``record_quota`` bytes is refused.
    """
    named = [c if c.id else c.model_copy(update={"id": derived_change_id(principal.device_id, c.h)})
             for c in changes]
    acks = _push(session, principal, named, record_quota)
    return [ack if change.id else ack.model_copy(update={"id": None})
            for change, ack in zip(changes, acks, strict=True)]


def _push(session: Session, principal: Principal, changes: Sequence[Change], record_quota: int) -> list[Ack]:
    claimed = _claim_change_ids(session, changes, principal)
    earlier = {a.change_id: a for a in session.scalars(
        select(AppliedChange).where(AppliedChange.device_id == principal.device_id,
                                    AppliedChange.change_id.in_({_id(c) for c in changes} - claimed)))}
    stored_bytes = session.scalar(select(User.stored_bytes).where(User.id == principal.user_id).with_for_update())
    quota = _Quota(record_quota, int(stored_bytes or 0))
    # Lock the records in id order, so two pushes touching the same records cannot deadlock.
    records = {r.id: r for r in session.scalars(
        select(StoredRecord).where(StoredRecord.id.in_({c.r for c in changes if c.id in claimed}))
        .order_by(StoredRecord.id).with_for_update())}
    acks: dict[str, Ack] = {}
    touched: list[StoredRecord] = []
    new_conflicts: list[Conflict] = []
    for change in changes:
        change_id = _id(change)
        if change_id in acks:
            continue  # the same change twice in one batch
        if change_id not in claimed:
            stored = earlier.get(change_id)
            if stored is None or stored.user_id != principal.user_id or not stored.ack:
                acks[change_id] = _reject(change, "This change id was already used.")
            else:
                acks[change_id] = Ack.model_validate(stored.ack)
            continue
        try:
            acks[change_id] = _apply(session, principal, change, records, touched, new_conflicts, quota)
        except _Rejected as exc:
            acks[change_id] = _reject(change, str(exc))
    session.flush()
    if claimed:
        session.execute(update(AppliedChange), [
            {"device_id": principal.device_id, "change_id": change_id, "ack": acks[change_id].model_dump()}
            for change_id in claimed])
    if quota.added:
        session.execute(update(User).where(User.id == principal.user_id).values(
            stored_bytes=User.stored_bytes + quota.added))
    assign_feed_positions(session, touched, new_conflicts)
    return [acks[_id(c)] for c in changes]


def assign_feed_positions(session: Session, records: list[StoredRecord], conflicts: list[Conflict]) -> None:
    """The last statement of a push: take positions from the counter (its lock is held to commit)."""
    unique = list({id(r): r for r in records}.values())
    items: list[StoredRecord | Conflict] = [*unique, *conflicts]
    if not items:
        return
    session.flush()
    last = session.execute(
        update(FeedCounter).where(FeedCounter.id == 1)
        .values(position=FeedCounter.position + len(items)).returning(FeedCounter.position)
    ).scalar_one()
    for offset, item in enumerate(items):
        item.feed_position = last - len(items) + 1 + offset


def record_out(record: StoredRecord) -> RecordOut:
    return RecordOut(t=record.type, r=record.id, rev=record.revision, o=record.owner_id,  # type: ignore[arg-type]
                     f=record.fields, h=record.stamp, at=format_datetime(record.updated_at))


def conflict_out(conflict: Conflict) -> ConflictOut:
    return ConflictOut(id=conflict.id, t=conflict.record_type, r=conflict.record_id,  # type: ignore[arg-type]
                       field=conflict.field, kept=conflict.kept["v"], lost=conflict.lost["v"],
                       kept_h=conflict.kept_stamp, lost_h=conflict.lost_stamp, lost_by=conflict.lost_by,
                       at=format_datetime(conflict.created_at), res=conflict.resolved)


def quarantine(session: Session, record_ids: Sequence[str], reason: str) -> None:
    """Stop serving records that cannot be encoded for anyone (the caller commits). Records
    written since every check was in place never get here; this keeps one such record from
    failing every reader's sync, whatever put it there."""
    session.execute(update(StoredRecord).where(StoredRecord.id.in_(record_ids)).values(quarantined=reason[:200]))
    for record_id in record_ids:
        log.error("quarantined record %s: %s", record_id, reason)


def without_unencodable(records: Sequence[RecordOut]) -> tuple[list[RecordOut], list[str]]:
    """The records that encode as JSON, and the ids of those that do not."""
    kept: list[RecordOut] = []
    bad: list[str] = []
    for record in records:
        try:
            record.model_dump_json()
        except PydanticSerializationError:
            bad.append(record.r)
        else:
            kept.append(record)
    return kept, bad


@dataclass(frozen=True)
class FeedState:
    """The last feed position handed out (every position up to it is committed) and the version
    of the reference data."""

    high: int
    reference_version: int


def feed_state_columns() -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """The feed state as two scalar subqueries, to ride along in another statement."""
    return (select(FeedCounter.position).where(FeedCounter.id == 1).scalar_subquery(),
            select(ReferenceData.version).where(ReferenceData.id == 1).scalar_subquery())


_FEED_STATE = select(*feed_state_columns())


def read_feed_state(session: Session) -> FeedState:
    high, version = session.connection().execute(_FEED_STATE).one()
    return FeedState(int(high or 0), int(version or 0))


@dataclass
class PullResult:
    records: list[RecordOut]
    conflicts: list[ConflictOut]
    cursor: int
    more: bool
    #: The feed state this pull read up to: later frames of the same answer go no further.
    state: FeedState


def pull(session: Session, principal: Principal, cursor: int, limit: int,
         state: FeedState | None = None, max_bytes: int = ANSWER_BYTES) -> PullResult:
    """Records and conflicts after ``cursor`` that the user may see, oldest first: at most
    ``limit`` records, ending after the record whose fields pass ``max_bytes``.

    ``state`` is the feed state if the caller read it already (in the statement that checked the
    token, or for an earlier frame); it must have been read before this call's queries, which is
    what makes it safe.
    """
    # Read the counter first: every position up to it belongs to a committed push.
    state = state or read_feed_state(session)
    if cursor >= state.high:
        return PullResult([], [], cursor, False, state)  # the common case: nothing new
    rows = session.scalars(
        select(StoredRecord)
        .where(StoredRecord.feed_position > cursor, StoredRecord.feed_position <= state.high, visible_to(principal),
               StoredRecord.quarantined.is_(None))
        .order_by(StoredRecord.feed_position).limit(limit + 1)
    ).all()
    kept: list[StoredRecord] = []
    size = 0
    for row in rows[:limit]:
        if size >= max_bytes:
            break
        kept.append(row)
        size += len(json.dumps(row.fields))
    more = len(rows) > len(kept)
    new_cursor = kept[-1].feed_position if more else state.high
    conflicts = session.scalars(
        select(Conflict).where(Conflict.owner_id == principal.user_id, Conflict.feed_position > cursor,
                               Conflict.feed_position <= new_cursor).order_by(Conflict.feed_position)
    ).all()
    records = [record_out(r) for r in kept if r.clean_device != principal.device_id]
    return PullResult(records, [conflict_out(c) for c in conflicts], new_cursor, more, state)
