"""Publishing the learning programme from the server's command line (``saypro-server sessions``).

An admin or supervisor publishes a session as if from their own laptop: the session is built and
checked with the domain's rules, then pushed through the same path as a sync
(:func:`saypro_server.sync_service.push`), under the person's rights, from a device of theirs named
for the command line. So it gets its feed position, scope and audit like any other record, and
reaches every laptop in its audience with their next sync.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from saypro_core.clock import HybridLogicalClock
from saypro_core.codec import DecodeError, encode, format_datetime
from saypro_core.ids import new_id
from saypro_core.records import BOOKKEEPING_FIELDS, PUBLISHER_ROLES, PlannedSession, Record, utc_now
from saypro_core.validation import problems
from saypro_core.wire import Change
from saypro_server.programme import planned
from saypro_server.sync_service import principal_for, push
from saypro_server.tables import Device, StoredRecord, User

#: The device a person's command-line changes come from (one per person, made when first used).
CLI_DEVICE_NAME = "saypro-server command line"


class PublishError(ValueError):
    """A session that cannot be published or changed; the message says why."""


def _publisher(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise PublishError(f"No user '{username}'.")
    if user.disabled:
        raise PublishError(f"'{username}' is disabled.")
    if user.role not in PUBLISHER_ROLES:
        raise PublishError(f"'{username}' is {user.role}: only supervisors and admins publish sessions.")
    return user


def _device(session: Session, user: User, name: str) -> Device:
    device = session.scalar(select(Device).where(Device.user_id == user.id, Device.name == name))
    if device is None:
        now = utc_now()
        device = Device(id=new_id(), user_id=user.id, name=name, created_at=now, last_seen=now)
        session.add(device)
        session.flush()
    return device


def push_as(session: Session, user: User, record: Record, *, base: int = 0, device_name: str = CLI_DEVICE_NAME) -> None:
    """Store ``record`` as ``user`` pushed it from a device of theirs named ``device_name`` (their
    rights, the merge, the feed: as a laptop's push; the caller commits). Raises PublishError."""
    device = _device(session, user, device_name)
    fields = {k: v for k, v in encode(record).items() if k not in BOOKKEEPING_FIELDS or k in ("visibility", "deleted")}
    change = Change.model_validate({
        "id": new_id(), "t": record.record_type, "r": record.id, "op": "u", "f": fields, "b": base,
        "h": str(HybridLogicalClock(device.id).now()), "c": format_datetime(record.created_at),
        "u": format_datetime(utc_now())})
    [ack] = push(session, principal_for(session, user, device.id), [change])
    if ack.s not in ("ok", "merged"):
        raise PublishError(f"The server refused it: {ack.err or ack.s}")


def publish_session(session: Session, username: str, draft: PlannedSession) -> PlannedSession:
    """Publish ``draft`` (its owner is set to the publisher; with no facilitator, they lead it) and
    commit; nothing is stored if it is refused."""
    user = _publisher(session, username)
    now = utc_now()
    record = replace(draft, id=new_id(), owner_id=user.id, created_at=now, updated_at=now,
                     facilitator_ids=draft.facilitator_ids or [user.id])
    errors = problems(record)
    if errors:
        raise PublishError(" ".join(e.message for e in errors))
    if record.starts_at < now:
        raise PublishError("starts: the session would start in the past.")
    push_as(session, user, record)
    session.commit()
    return record


def cancel_session(session: Session, username: str, session_id: str) -> PlannedSession:
    """Cancel a published session (it stays listed as cancelled; people registered see it so)."""
    user = _publisher(session, username)
    stored = session.get(StoredRecord, session_id)
    current = planned(stored) if stored is not None else None
    if stored is None or current is None:
        raise PublishError(f"No session with id {session_id}.")
    if stored.owner_id != user.id:
        raise PublishError("Only the person who published a session cancels it.")
    record = replace(current, cancelled=True)
    push_as(session, user, record, base=stored.revision)
    session.commit()
    return record


def upcoming(session: Session, now: datetime | None = None) -> list[tuple[PlannedSession, str]]:
    """Sessions not yet started or repeating on, soonest first, each with its publisher's username."""
    moment = now or utc_now()
    found = []
    for stored, username in session.execute(
            select(StoredRecord, User.username).join(User, User.id == StoredRecord.owner_id)
            .where(StoredRecord.type == "planned_session", StoredRecord.deleted.is_(False))):
        try:
            record = planned(stored)
        except DecodeError:
            continue
        if record is None:
            continue
        repeats_on = record.repeat_until is not None and record.repeat_until >= moment.date()
        if record.starts_at >= moment or repeats_on or any(d >= moment for d in record.alternative_dates):
            found.append((record, username))
    return sorted(found, key=lambda pair: pair[0].starts_at)
