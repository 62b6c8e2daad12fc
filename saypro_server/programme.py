"""The learning programme's rules on the server: who publishes sessions and Hub guides, who may
register, take the roll and answer a survey, and how a session's places are settled.

Places are settled in the order registrations arrive: the push that carries a registration locks
the session's row, counts the places taken on that date, and answers in the registration's
``outcome`` (registered, waiting, closed), which reaches the person's laptop with the next pull.
A place given back (cancelled, deleted, moved to another date) goes to the first on that date's
waiting list, in the same transaction. The deadline is the server's clock at arrival: a laptop's
clock cannot be trusted to say when it registered.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from saypro_core.codec import DecodeError, decode, format_datetime, parse_datetime
from saypro_core.records import (
    PROGRAMME_HUB_KINDS,
    PUBLISHER_ROLES,
    PlannedSession,
    RegistrationOutcome,
    RegistrationStatus,
    occurrences,
)
from saypro_server.tables import StoredRecord

#: Records a supervisor publishes to the team they supervise.
PUBLISHED_TYPES = frozenset({"planned_session", "hub_entry"})
#: What an anonymous survey response names as its owner to anyone but its author.
ANONYMOUS = "anonymous"


class Refused(Exception):
    """A change the programme's rules do not allow; the message says why, in the user's words."""


def check_top_level(role: str, record_type: str, fields: dict[str, Any], is_new: bool) -> None:
    if record_type == "planned_session" and is_new and role not in PUBLISHER_ROLES:
        raise Refused("Only supervisors and the L&D office publish sessions.")
    if record_type == "hub_entry" and fields.get("kind") in PROGRAMME_HUB_KINDS and role not in PUBLISHER_ROLES:
        raise Refused("kind: Only supervisors and the L&D office publish guides and toolkits.")
    if record_type == "recognition" and role != "admin":
        raise Refused("Only the L&D office confirms a learner of the month.")


def planned(parent: StoredRecord) -> PlannedSession | None:
    """The session a stored record holds, or None when it is deleted or cannot be read."""
    if parent.deleted or parent.type != "planned_session":
        return None
    try:
        return decode(PlannedSession, {**parent.fields, "id": parent.id, "owner_id": parent.owner_id})
    except DecodeError:
        return None


def facilitates(user_id: str, parent: StoredRecord) -> bool:
    return user_id == parent.owner_id or user_id in (parent.fields.get("facilitator_ids") or [])


def lead_facilitator(parent: StoredRecord) -> str:
    """Who reads a session's survey responses: its first facilitator with an account, else its publisher."""
    ids = parent.fields.get("facilitator_ids") or []
    return str(ids[0]) if ids else parent.owner_id


def _dates(session: PlannedSession) -> set[str]:
    return {format_datetime(moment) for moment in occurrences(session)}


def check_child(session: Session, user_id: str, record_type: str, fields: dict[str, Any],
                parent: StoredRecord, existing: StoredRecord | None) -> None:
    """A registration, roll or survey response on ``parent`` (which the user reads)."""
    if fields.get("deleted") is True:
        return
    event = planned(parent)
    if event is None:
        raise Refused("That session is no longer on the programme.")
    occurrence = fields.get("occurrence")
    if occurrence not in _dates(event):
        raise Refused("occurrence: That date is not one of the session's dates.")
    if record_type == "attendance" and not facilitates(user_id, parent):
        raise Refused("Only the session's facilitators take the roll.")
    if record_type == "survey_response":
        rolls = session.scalars(select(StoredRecord).where(
            StoredRecord.parent_id == parent.id, StoredRecord.type == "attendance", StoredRecord.deleted.is_(False)))
        if not any(roll.fields.get("occurrence") == occurrence and user_id in (roll.fields.get("attendee_ids") or [])
                   for roll in rolls):
            raise Refused("Only people on the session's roll answer its survey.")
        if existing is None:
            answered = session.scalars(select(StoredRecord).where(
                StoredRecord.parent_id == parent.id, StoredRecord.type == "survey_response",
                StoredRecord.owner_id == user_id, StoredRecord.deleted.is_(False)))
            if any(other.fields.get("occurrence") == occurrence and other.fields.get("kind") == fields.get("kind")
                   for other in answered):
                raise Refused("You have answered this already; change your answer instead.")


def settle(session: Session, parent: StoredRecord, record_id: str, before: dict[str, Any] | None,
           fields: dict[str, Any], now: datetime) -> tuple[dict[str, Any], list[StoredRecord]]:
    """A registration's fields with the server's answer, and the registrations moved up from a
    waiting list by a place it gave back (changed in place; the caller gives them feed positions)."""
    # Whoever gets here first holds the session until commit: places are counted one push at a time.
    session.execute(select(StoredRecord.id).where(StoredRecord.id == parent.id).with_for_update()).all()
    was = before or {}
    had_place = was.get("outcome") == RegistrationOutcome.REGISTERED and not was.get("deleted")
    freed = str(was.get("occurrence")) if had_place else None
    fields = dict(fields)
    if fields.get("deleted") is True:
        return fields, promote(session, parent, freed, now, record_id) if freed else []
    event = planned(parent)
    occurrence = str(fields["occurrence"])
    if fields.get("status") == RegistrationStatus.CANCELLED:
        fields["outcome"] = RegistrationOutcome.CANCELLED.value
    elif (was.get("status") == RegistrationStatus.REGISTERED and was.get("occurrence") == occurrence
          and was.get("outcome") in (RegistrationOutcome.REGISTERED, RegistrationOutcome.WAITING,
                                     RegistrationOutcome.CLOSED)):
        fields["outcome"], fields["queued_at"] = was["outcome"], was.get("queued_at")  # nothing new asked
        return fields, []
    elif event is None or event.cancelled or (
            event.registration_deadline is not None and now > event.registration_deadline):
        fields["outcome"] = RegistrationOutcome.CLOSED.value
    else:
        taken = sum(1 for other in _registrations(session, parent, record_id)
                    if other.fields.get("occurrence") == occurrence
                    and other.fields.get("outcome") == RegistrationOutcome.REGISTERED)
        full = event.capacity and taken >= event.capacity
        fields["outcome"] = (RegistrationOutcome.WAITING if full else RegistrationOutcome.REGISTERED).value
        fields["queued_at"] = format_datetime(now)
    if fields["outcome"] == RegistrationOutcome.REGISTERED and freed == occurrence:
        freed = None  # the same place, kept
    return fields, promote(session, parent, freed, now, record_id) if freed else []


def _registrations(session: Session, parent: StoredRecord, leave_out: str) -> list[StoredRecord]:
    return [row for row in session.scalars(
        select(StoredRecord).where(StoredRecord.parent_id == parent.id, StoredRecord.type == "registration",
                                   StoredRecord.deleted.is_(False)).order_by(StoredRecord.id).with_for_update())
            if row.id != leave_out]


def promote(session: Session, parent: StoredRecord, occurrence: str, now: datetime,
            leave_out: str = "") -> list[StoredRecord]:
    """Give the free places on ``occurrence`` to the waiting list, first come first served
    (``leave_out``: the registration being changed, which gave its place back)."""
    event = planned(parent)
    if event is None or event.cancelled:
        return []
    on_date = [row for row in _registrations(session, parent, leave_out)
               if row.fields.get("occurrence") == occurrence]
    taken = sum(1 for row in on_date if row.fields.get("outcome") == RegistrationOutcome.REGISTERED)
    free = max(0, event.capacity - taken) if event.capacity else len(on_date)
    waiting = sorted((row for row in on_date if row.fields.get("outcome") == RegistrationOutcome.WAITING),
                     key=lambda row: (_queued(row), row.id))
    moved = waiting[:free]
    for row in moved:
        row.revision += 1
        row.fields = {**row.fields, "outcome": RegistrationOutcome.REGISTERED.value}
        row.field_revisions = {**row.field_revisions, "outcome": row.revision}
        row.updated_at = now
        row.clean_device = None  # its author's laptop has not seen this
    return moved


def _queued(row: StoredRecord) -> datetime:
    try:
        return parse_datetime(str(row.fields.get("queued_at")))
    except ValueError:
        return row.updated_at
