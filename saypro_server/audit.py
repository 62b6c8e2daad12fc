"""The audit trail: who read or handled whose records, and when (POPIA: a person may ask who read
their reflections).

Kept: supervisors' and admins' reads of records that others shared with them (not those shared with
the whole organisation, which everyone reads), their downloads of others' files, team reports,
and every export or erasure of a person's data. ``saypro-server audit`` lists it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from saypro_core.wire import RecordOut
from saypro_server.tables import AuditEntry, User

#: Roles whose reading of others' records is recorded.
WATCHED_ROLES = frozenset({"supervisor", "admin"})


def note(session: Session, action: str, *, actor_id: str | None, owner_id: str | None = None,
         record_id: str | None = None, record_type: str | None = None, detail: str = "") -> None:
    """One entry (the caller commits)."""
    session.add(AuditEntry(at=datetime.now(UTC), actor_id=actor_id, action=action, owner_id=owner_id,
                           record_id=record_id, record_type=record_type, detail=detail[:300]))


def note_reads(session_factory: sessionmaker[Session], actor_id: str, role: str,
               records: Sequence[RecordOut]) -> None:
    """Record a supervisor's or admin's reading of records others shared with them, in a
    transaction of its own."""
    if role not in WATCHED_ROLES:
        return
    others = [r for r in records if r.o != actor_id and r.f.get("visibility") != "organisation"]
    if not others:
        return
    now = datetime.now(UTC)
    with session_factory.begin() as session:
        session.add_all(AuditEntry(at=now, actor_id=actor_id, action="read", owner_id=r.o, record_id=r.r,
                                   record_type=r.t, detail="") for r in others)


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    actor: str
    action: str
    owner: str
    record: str
    detail: str


def listing(session: Session, *, actor: str | None = None, owner: str | None = None,
            since: datetime | None = None, action: str | None = None, before_id: int | None = None,
            limit: int = 1000) -> list[AuditLine]:
    """The newest entries first, with user names instead of ids; ``before_id`` pages back (the
    entries older than that one)."""
    statement = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    names = dict(session.execute(select(User.id, User.username)).all())
    ids_of = {name: user_id for user_id, name in names.items()}
    if actor is not None:
        statement = statement.where(AuditEntry.actor_id == ids_of.get(actor, "-"))
    if owner is not None:
        statement = statement.where(AuditEntry.owner_id == ids_of.get(owner, "-"))
    if since is not None:
        statement = statement.where(AuditEntry.at >= since)
    if action is not None:
        statement = statement.where(AuditEntry.action == action)
    if before_id is not None:
        statement = statement.where(AuditEntry.id < before_id)
    return [AuditLine(entry.id, entry.at, names.get(entry.actor_id or "", entry.actor_id or "(command line)"),
                      entry.action,
                      names.get(entry.owner_id or "", entry.owner_id or ""),
                      f"{entry.record_type or ''} {entry.record_id or ''}".strip(), entry.detail)
            for entry in session.scalars(statement)]
