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
import functools
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic_core import PydanticSerializationError
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from saypro_core.codec import DecodeError, decode, encode, format_datetime, parse_datetime
from saypro_core.ids import new_id
from saypro_core.metrics import activity_day
from saypro_core.records import (
    BOOKKEEPING_FIELDS,
    CHILD_TYPES,
    NEWSLETTER_TYPES,
    RECORD_TYPES,
    SERVER_FIELDS,
    SESSION_CHILD_TYPES,
    Record,
)
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
from saypro_server import programme
from saypro_server.privacy import (
    ORDER,
    TOMBSTONE_FIELDS,
    Scope,
    child_scope,
    narrowed,
    narrower,
    rescope_children,
)
from saypro_server.tables import (
    AppliedChange,
    AttachmentBlob,
    AttachmentChunk,
    Conflict,
    FeedCounter,
    ReferenceData,
    StoredRecord,
    Team,
    User,
    Withdrawal,
)

log = logging.getLogger(__name__)

#: Fields a change may carry besides the record type's own content fields.
SYNCED_BOOKKEEPING = frozenset({"visibility", "deleted"})


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
    #: Grows when the user may newly see records they could not before (users.scope_epoch).
    scope_epoch: int = 0
    #: The furthest cursor an answer gave this device in the current epoch (devices.cursor_answered).
    cursor_answered: int = 0
    #: The people whose mentor this user is (users.mentor_id).
    mentee_ids: tuple[str, ...] = ()


def make_principal(session: Session, user_id: str, device_id: str, role: str, team_id: str | None,
                   session_id: str = "", scope_epoch: int = 0, cursor_answered: int = 0,
                   mentors: bool = True) -> Principal:
    """The principal, with the teams the user supervises (a query only for supervisors and admins)
    and the people they mentor (a query only when ``mentors``: the caller may know there are none)."""
    supervised: tuple[str, ...] = ()
    if role != "staff":
        supervised = tuple(session.scalars(select(Team.id).where(Team.supervisor_id == user_id)))
    mentees: tuple[str, ...] = ()
    if mentors:
        mentees = tuple(session.scalars(select(User.id).where(User.mentor_id == user_id).order_by(User.id)))
    return Principal(user_id, device_id, role, team_id, supervised, session_id, scope_epoch, cursor_answered,
                     mentees)


def principal_for(session: Session, user: User, device_id: str) -> Principal:
    return make_principal(session, user.id, device_id, user.role, user.team_id, scope_epoch=user.scope_epoch)


def reviews(principal: Principal, target: StoredRecord) -> bool:
    """Whether the user may mark a review (acknowledged, validated, needs more) on ``target``: as the
    owner's supervisor or mentor (or an admin who reads it), never on their own record."""
    if target.owner_id == principal.user_id:
        return False
    return (principal.role == "admin" or (target.team_id or "") in principal.supervised_team_ids
            or target.owner_id in principal.mentee_ids)


def _now() -> datetime:
    return datetime.now(UTC)


@functools.cache
def allowed_fields(record_type: str) -> frozenset[str]:
    """The fields a change of ``record_type`` may carry (kept: every change asks, several times)."""
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
    if principal.mentee_ids:
        # What a mentee shares with "my supervisor and mentor" or the team, and the feedback on it.
        conditions.append(and_(StoredRecord.visibility.in_(("team", "supervisor")),
                               or_(StoredRecord.owner_id.in_(principal.mentee_ids),
                                   StoredRecord.subject_id.in_(principal.mentee_ids))))
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
    # One statement built once for every batch size (rows as parameters, sent as one INSERT).
    statement = insert(AppliedChange).on_conflict_do_nothing(
        index_elements=["device_id", "change_id"]).returning(AppliedChange.change_id)
    return set(session.scalars(statement, rows))


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
    """The merged fields as the domain record would encode them, or _Rejected saying why not. A
    deleted record keeps only its tombstone: whatever text it had does not stay on the server."""
    if fields.get("deleted") is True:
        visibility = fields.get("visibility", "private")
        if visibility not in ORDER:
            raise _Rejected(f"visibility: '{str(visibility)[:20]}' is not a visibility.")
        return {"deleted": True, "visibility": visibility}
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
                  existing: StoredRecord | None, fields: dict[str, Any]) -> StoredRecord | None:
    """The record a feedback or attachment belongs to, after checking the pusher may write it."""
    if existing is not None and existing.owner_id != principal.user_id:
        raise _Rejected("You cannot change a record that belongs to someone else.")
    if existing is not None and existing.type != change.t:
        raise _Rejected("That id belongs to a record of another type.")
    if change.t not in CHILD_TYPES:
        try:
            programme.check_top_level(principal.role, change.t, fields, existing is None)
        except programme.Refused as exc:
            raise _Rejected(str(exc)) from None
        return None
    if fields.get("deleted") is True and existing is not None:
        return _target_of(session, existing.fields) or session.get(StoredRecord, existing.parent_id or "")
    target = _target_of(session, fields)
    if target is None or target.type != fields.get("target_type"):
        raise _Rejected("The record this refers to is not on the server.")
    if change.t == "attachment":
        if target.owner_id != principal.user_id:
            raise _Rejected("You can only attach files to your own records.")
        return target
    if change.t in SESSION_CHILD_TYPES:
        readable = session.scalar(select(StoredRecord.id).where(StoredRecord.id == target.id, visible_to(principal)))
        if readable is None:
            raise _Rejected("That session is not one you can see.")
        try:
            programme.check_child(session, principal.user_id, change.t, fields, target, existing)
        except programme.Refused as exc:
            raise _Rejected(str(exc)) from None
        return target
    _check_feedback(session, principal, target, fields)
    return target


def _check_feedback(session: Session, principal: Principal, target: StoredRecord, fields: dict[str, Any]) -> None:
    # Feedback: anyone who reads the record may comment and reply (peers on what is shared with the
    # team or organisation, the owner on their own); a review only the owner's supervisor or mentor.
    readable = session.scalar(select(StoredRecord.id).where(StoredRecord.id == target.id, visible_to(principal)))
    if readable is None:
        raise _Rejected("You cannot give feedback on a record that is not shared with you.")
    state = fields.get("review_state", "acknowledged")
    if state not in ("comment", "proposed") and not reviews(principal, target):
        raise _Rejected("review_state: Only the person's supervisor or mentor can mark a review; "
                        "write a comment instead.")
    if state == "agreed" and target.type != "development_goal":
        raise _Rejected("review_state: Only a development goal is agreed.")
    if state in ("proposed", "featured") and target.type not in NEWSLETTER_TYPES:
        raise _Rejected("review_state: Only a shared learning, a session report or a Hub entry goes in the "
                        "newsletter.")


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
    stored_stamps = existing.field_stamps  # as the server had them: the loop below moves ``stamps`` on
    merge = _Merge(fields, set(), stamps, [])
    device = _stamp_device(change.h)

    def unseen(name: str) -> bool:
        """Changed on the server since the device's base, by another device. A device's own earlier
        change (its acknowledgement lost on a dropped link, so its base is older) is not a conflict:
        the device built this change on top of it."""
        return (existing.field_revisions.get(name, 0) > change.b
                and _stamp_device(str(stored_stamps.get(name, ""))) != device)

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
            if name == "visibility" and isinstance(value, str) and isinstance(current, str):
                # Privacy wins: of two concurrent choices the narrower stands, whichever came later;
                # the wider one is kept as a conflict, so the person sees what was decided.
                if narrower(value, current) == current:
                    merge.conflicts.append((name, current, value, server_stamp, change.h))
                    continue
                merge.conflicts.append((name, value, current, change.h, server_stamp))
            elif change.h > server_stamp:
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

    def charge(self, grows: int) -> None:
        """Count ``grows`` more bytes, or refuse them (shrinking is always allowed)."""
        if grows > 0 and self.stored + self.added + grows > self.limit:
            raise _Rejected(f"Your records would pass your storage quota on the server "
                            f"({self.limit // 1_000_000} MB); ask your administrator.")
        self.added += grows


@dataclass
class _PushState:
    """What a push collects on the way: records and conflicts to take feed positions, records whose
    readers changed, attachment files that may have lost their last record."""

    quota: _Quota
    touched: list[StoredRecord] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    rescoped: list[tuple[StoredRecord, Scope]] = field(default_factory=list)
    dropped_files: set[tuple[str, str]] = field(default_factory=set)


def _tombstone_without_its_text(record: StoredRecord, canonical: dict[str, Any]) -> bool:
    """A record deleted elsewhere (only the tombstone is left) that this change would bring back,
    without sending all of it: the server has nothing to bring back."""
    return record.deleted and canonical.get("deleted") is not True and not (
        set(record.fields) - set(TOMBSTONE_FIELDS))


#: How far ahead of the server's clock an author's time may be (a laptop's clock a little fast).
CLOCK_SKEW = timedelta(days=1)
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)


def _authors_time(text: str | None, now: datetime) -> datetime | None:
    """A time the author's device gave, or None where it is absent or absurd (a clock years off)."""
    if text is None:
        return None
    try:
        moment = parse_datetime(text)
    except ValueError:
        return None
    return moment if EARLIEST <= moment <= now + CLOCK_SKEW else None


def _forget_text(record: StoredRecord, merge: _Merge, state: _PushState) -> None:
    """A record being deleted keeps only its tombstone; its attachment file may go too."""
    if record.type == "attachment" and isinstance(record.fields.get("sha256"), str):
        state.dropped_files.add((record.owner_id, record.fields["sha256"]))
    merge.stamps = {k: v for k, v in merge.stamps.items() if k in TOMBSTONE_FIELDS}
    record.field_revisions = {k: v for k, v in record.field_revisions.items() if k in TOMBSTONE_FIELDS}


def _apply(session: Session, principal: Principal, change: Change, records: dict[str, StoredRecord],
           state: _PushState) -> Ack:
    """Apply one change; every check comes before the first write, so a rejection changes nothing."""
    if _stamp_device(change.h) != principal.device_id:
        # The stamp decides conflicts and tells a device's own earlier change from another's: only
        # the device the access token belongs to may sign its changes.
        raise _Rejected("The change's stamp names another device.")
    _check_fields(change)
    change = _without_server_fields(change)
    existing = records.get(change.r)
    if existing is None and change.op == "d" and set(change.f) <= {"deleted", "visibility"}:
        return Ack(id=change.id, s="ok", rev=0)  # a delete of something this server never had: nothing to keep
    # A record made and deleted before it ever synced arrives whole: its tombstone is stored like any
    # other, so every device agrees on it.
    merge = _merge(existing, change)
    parent = _check_rights(session, principal, change, existing, merge.fields)
    try:
        canonical = _canonical(change, principal.user_id, merge.fields)
    except _Rejected:
        if existing is not None and _tombstone_without_its_text(existing, merge.fields):
            return Ack(id=change.id, s="resend", rev=existing.revision)
        raise
    if existing is not None and not merge.changed and not merge.conflicts:
        return Ack(id=change.id, s="ok", rev=existing.revision)
    now = _now()
    if change.t == "registration" and parent is not None:
        canonical = _settle(session, change, existing, parent, canonical, merge, state, now)
    size = len(json.dumps(canonical, separators=(",", ":")))
    state.quota.charge(size - (existing.size if existing is not None else 0))
    revision = (existing.revision if existing else 0) + 1
    before = Scope.of(existing) if existing is not None else None
    if existing is None:
        existing = StoredRecord(id=change.r, type=change.t, owner_id=principal.user_id, revision=0,
                                fields={}, field_revisions={}, field_stamps={}, stamp=change.h)
        session.add(existing)
        records[change.r] = existing
        merge.changed = set(canonical)
        merge.stamps = dict.fromkeys(canonical, change.h)
    if canonical.get("deleted") is True:
        _forget_text(existing, merge, state)
    up_to_date = existing.revision == change.b
    existing.field_revisions = {**existing.field_revisions,
                                **dict.fromkeys(merge.changed & set(canonical), revision)}
    existing.fields = canonical
    existing.size = size
    existing.field_stamps = merge.stamps
    existing.revision = revision
    existing.deleted = canonical["deleted"]
    _place(existing, parent, principal, canonical["visibility"])
    existing.stamp = max(existing.stamp, change.h)
    existing.updated_at = now
    existing.activity_on = activity_day(change.t, canonical, now)
    authored = _authors_time(change.u, now)
    existing.author_updated_at = authored or now
    if existing.created_at is None:
        existing.created_at = _authors_time(change.c, now) or authored or now
    # A registration goes back to its author: the server's answer (its outcome) is news to them.
    echo = merge.conflicts or change.t == "registration"
    existing.clean_device = principal.device_id if up_to_date and not echo else None
    state.touched.append(existing)
    if before is not None and Scope.of(existing) != before:
        state.rescoped.append((existing, before))
    for name, kept, lost, kept_stamp, lost_stamp in merge.conflicts:
        conflict = Conflict(
            id=new_id(), record_id=change.r, record_type=change.t, field=name, kept={"v": kept},
            lost={"v": lost}, kept_stamp=kept_stamp, lost_stamp=lost_stamp,
            lost_by=lost_stamp.split("-", 2)[-1], owner_id=existing.owner_id, created_at=now)
        session.add(conflict)
        state.conflicts.append(conflict)
    return Ack(id=change.id, s="merged" if merge.conflicts else "ok", rev=revision)


def _without_server_fields(change: Change) -> Change:
    """Only the server answers these (a registration's outcome): what a device says of them is left out."""
    server_owned = SERVER_FIELDS.get(change.t, frozenset())
    if not server_owned & change.f.keys():
        return change
    return change.model_copy(update={"f": {k: v for k, v in change.f.items() if k not in server_owned}})


def _place(record: StoredRecord, parent: StoredRecord | None, principal: Principal, visibility: str) -> None:
    """Who reads ``record``: its own choice, never wider than the record it belongs to."""
    if parent is not None:
        record.parent_id = parent.id
        record.visibility, record.team_id = child_scope(visibility, parent)
        record.subject_id = (parent.owner_id if record.type == "feedback" else
                             programme.lead_facilitator(parent) if record.type == "survey_response" else None)
    else:
        record.visibility = visibility
        record.team_id = principal.team_id
        if record.team_id is None and record.type in programme.PUBLISHED_TYPES and principal.supervised_team_ids:
            record.team_id = principal.supervised_team_ids[0]  # a supervisor outside the team publishes to it


def _settle(session: Session, change: Change, existing: StoredRecord | None, parent: StoredRecord,
            canonical: dict[str, Any], merge: _Merge, state: _PushState, now: datetime) -> dict[str, Any]:
    """A registration with the server's answer; the registrations it moved up take feed positions too."""
    settled, moved_up = programme.settle(session, parent, change.r, existing.fields if existing is not None else None,
                                         canonical, now)
    state.touched.extend(moved_up)
    for name in SERVER_FIELDS[change.t]:
        if existing is not None and existing.fields.get(name) != settled.get(name):
            merge.changed.add(name)
            merge.stamps[name] = change.h
    return settled


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
    replayed = {_id(c) for c in changes} - claimed
    earlier = {a.change_id: a for a in session.scalars(
        select(AppliedChange).where(AppliedChange.device_id == principal.device_id,
                                    AppliedChange.change_id.in_(replayed)))} if replayed else {}
    stored_bytes = session.scalar(select(User.stored_bytes).where(User.id == principal.user_id).with_for_update())
    state = _PushState(_Quota(record_quota, int(stored_bytes or 0)))
    # Lock the records in id order, so two pushes touching the same records cannot deadlock.
    records = {r.id: r for r in session.scalars(
        select(StoredRecord).where(StoredRecord.id.in_({c.r for c in changes if c.id in claimed}))
        .order_by(StoredRecord.id).with_for_update())}
    acks: dict[str, Ack] = {}
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
            acks[change_id] = _apply(session, principal, change, records, state)
        except _Rejected as exc:
            acks[change_id] = _reject(change, str(exc))
    session.flush()
    if claimed:
        session.execute(update(AppliedChange), [
            {"device_id": principal.device_id, "change_id": change_id, "ack": acks[change_id].model_dump()}
            for change_id in claimed])
    if state.quota.added:
        session.execute(update(User).where(User.id == principal.user_id).values(
            stored_bytes=User.stored_bytes + state.quota.added))
    withdrawals = _follow_scope_changes(session, state)
    drop_unused_files(session, state.dropped_files)
    assign_feed_positions(session, state.touched, state.conflicts, withdrawals)
    return [acks[_id(c)] for c in changes]


def _follow_scope_changes(session: Session, state: _PushState) -> list[Withdrawal]:
    """Whoever may no longer read a record changed in this push gets a withdrawal, and the records
    that belong to it follow its new scope."""
    withdrawals: list[Withdrawal] = []
    for record, before in state.rescoped:
        withdrawals.extend(narrowed(session, record, before))
        if record.type not in CHILD_TYPES:
            children, more = rescope_children(session, record)
            state.touched.extend(children)
            withdrawals.extend(more)
    return withdrawals


def drop_unused_files(session: Session, files: set[tuple[str, str]]) -> None:
    """Delete the stored bytes of attachment files (owner, sha256) no live attachment record uses."""
    for owner_id, sha256 in sorted(files):
        still_used = session.scalar(select(StoredRecord.id).where(
            StoredRecord.type == "attachment", StoredRecord.owner_id == owner_id, StoredRecord.deleted.is_(False),
            StoredRecord.fields["sha256"].as_string() == sha256).limit(1))
        if still_used is None:
            where = (AttachmentChunk.owner_id == owner_id, AttachmentChunk.sha256 == sha256)
            session.execute(delete(AttachmentChunk).where(*where))
            session.execute(delete(AttachmentBlob).where(AttachmentBlob.owner_id == owner_id,
                                                         AttachmentBlob.sha256 == sha256))


def assign_feed_positions(session: Session, records: Sequence[StoredRecord], conflicts: Sequence[Conflict],
                          withdrawals: Sequence[Withdrawal] = ()) -> None:
    """The last statement of a push: take positions from the counter (its lock is held to commit)."""
    unique = list({id(r): r for r in records}.values())
    items: list[StoredRecord | Conflict | Withdrawal] = [*unique, *conflicts, *withdrawals]
    if not items:
        return
    session.flush()
    last = session.execute(
        update(FeedCounter).where(FeedCounter.id == 1)
        .values(position=FeedCounter.position + len(items)).returning(FeedCounter.position)
    ).scalar_one()
    for offset, item in enumerate(items):
        item.feed_position = last - len(items) + 1 + offset


def record_out(record: StoredRecord, viewer: str | None = None) -> RecordOut:
    """The record as ``viewer`` receives it (an anonymous survey answer does not name its author)."""
    owner = record.owner_id
    if (record.type == "survey_response" and record.fields.get("anonymous") is True and viewer is not None
            and viewer != owner):
        owner = programme.ANONYMOUS
    return RecordOut(t=record.type, r=record.id, rev=record.revision, o=owner,  # type: ignore[arg-type]
                     f=record.fields, h=record.stamp, at=format_datetime(record.updated_at),
                     ca=format_datetime(record.created_at) if record.created_at else None,
                     ua=format_datetime(record.author_updated_at) if record.author_updated_at else None)


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
    #: The feed's identity (FeedCounter.epoch).
    epoch: str = ""
    #: Who is who (FeedCounter.directory_version; saypro_server.directory).
    directory_version: int = 0


def feed_state_columns() -> tuple[ColumnElement[Any], ...]:
    """The feed state as scalar subqueries, to ride along in another statement."""
    return (select(FeedCounter.position).where(FeedCounter.id == 1).scalar_subquery().label("feed_high"),
            select(ReferenceData.version).where(ReferenceData.id == 1).scalar_subquery().label("reference_version"),
            select(FeedCounter.epoch).where(FeedCounter.id == 1).scalar_subquery().label("feed_epoch"),
            select(FeedCounter.directory_version).where(FeedCounter.id == 1).scalar_subquery()
            .label("directory_version"))


_FEED_STATE = select(*feed_state_columns())


def feed_state_of(row: Any) -> FeedState:
    return FeedState(int(row.feed_high or 0), int(row.reference_version or 0), str(row.feed_epoch or ""),
                     int(row.directory_version or 0))


def read_feed_state(session: Session) -> FeedState:
    return feed_state_of(session.connection().execute(_FEED_STATE).one())


@dataclass
class PullResult:
    records: list[RecordOut]
    conflicts: list[ConflictOut]
    cursor: int
    more: bool
    #: The feed state this pull read up to: later frames of the same answer go no further.
    state: FeedState
    #: Ids of records the user may no longer read.
    withdrawn: list[str] = field(default_factory=list)


def pull(session: Session, principal: Principal, cursor: int, limit: int,
         state: FeedState | None = None, max_bytes: int = ANSWER_BYTES, echo_own: bool = False) -> PullResult:
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
    withdrawn = session.scalars(
        select(Withdrawal.record_id).where(Withdrawal.user_id == principal.user_id, Withdrawal.feed_position > cursor,
                                           Withdrawal.feed_position <= new_cursor).order_by(Withdrawal.feed_position)
    ).all()
    # A device is not sent back what it wrote itself (unless ``echo_own``: it may have lost it).
    records = [record_out(r, principal.user_id) for r in kept if echo_own or r.clean_device != principal.device_id]
    return PullResult(records, [conflict_out(c) for c in conflicts], new_cursor, more, state,
                      list(dict.fromkeys(withdrawn)))
