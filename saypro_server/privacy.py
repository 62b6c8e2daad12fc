"""Who may read a record, and what happens when that shrinks (POPIA: nobody keeps what they may no
longer see).

The feed filters by ``visible_to`` (sync_service). This module answers the inverse: the people a
record's scope lets read it. When a record's scope narrows (made private, its owner moved to
another team, its parent deleted or narrowed), everyone who could read it and no longer may gets
a withdrawal in the feed, and their devices remove their copy. A feedback or attachment record is
never readable by more people than the record it belongs to: its scope is narrowed to its
parent's, and follows the parent's when that changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from saypro_server.tables import StoredRecord, Team, User, Withdrawal

#: Narrowest first: each level's readers include the one before's.
ORDER = {"private": 0, "supervisor": 1, "team": 2, "organisation": 3}
#: Fields a tombstone keeps: a deleted record's text leaves the server (and every device).
TOMBSTONE_FIELDS = ("deleted", "visibility")


def narrower(first: str, second: str) -> str:
    return first if ORDER.get(first, 0) <= ORDER.get(second, 0) else second


@dataclass(frozen=True)
class Scope:
    """What decides who reads a record."""

    owner_id: str
    subject_id: str | None
    visibility: str
    team_id: str | None

    @classmethod
    def of(cls, record: StoredRecord) -> Scope:
        return cls(record.owner_id, record.subject_id, record.visibility, record.team_id)


def child_scope(own_visibility: str, parent: StoredRecord) -> tuple[str, str | None]:
    """The visibility and team a feedback or attachment record on ``parent`` is read with."""
    if parent.deleted:
        return "private", parent.team_id
    return narrower(own_visibility, parent.visibility), parent.team_id


def readers(session: Session, scope: Scope) -> set[str]:
    """Everyone ``scope`` lets read a record (the inverse of sync_service.visible_to)."""
    found = {scope.owner_id} | ({scope.subject_id} if scope.subject_id else set())
    if scope.visibility == "organisation":
        found.update(session.scalars(select(User.id)))
    elif scope.visibility in ("team", "supervisor"):
        if scope.team_id:
            supervisor = session.scalar(select(Team.supervisor_id).where(Team.id == scope.team_id))
            if supervisor:
                found.add(supervisor)
            if scope.visibility == "team":
                found.update(session.scalars(select(User.id).where(User.team_id == scope.team_id)))
        mentors = session.scalars(select(User.mentor_id).where(
            User.id.in_([scope.owner_id, scope.subject_id or scope.owner_id]), User.mentor_id.is_not(None)))
        found.update(mentor for mentor in mentors if mentor)
    return found


def withdraw(session: Session, record: StoredRecord, user_ids: Iterable[str], *,
             from_owner: bool = False) -> list[Withdrawal]:
    """Withdrawals of ``record`` from ``user_ids`` (the caller gives them feed positions); the owner
    keeps their own record unless ``from_owner`` (it is erased)."""
    now = datetime.now(UTC)
    keep = set() if from_owner else {record.owner_id}
    rows = [Withdrawal(user_id=user_id, record_id=record.id, record_type=record.type, created_at=now)
            for user_id in sorted(set(user_ids) - keep)]
    session.add_all(rows)
    return rows


def narrowed(session: Session, record: StoredRecord, before: Scope) -> list[Withdrawal]:
    """Withdrawals for whoever read ``record`` under ``before`` and may not now."""
    after = Scope.of(record)
    if after == before:
        return []
    if after.visibility == before.visibility == "organisation":
        return []
    return withdraw(session, record, readers(session, before) - readers(session, after))


def rescope_children(session: Session, parent: StoredRecord) -> tuple[list[StoredRecord], list[Withdrawal]]:
    """Follow a parent's new scope: its feedback and attachment records are narrowed (or widened
    back up to their own choice). Returns the children changed and the withdrawals made."""
    changed: list[StoredRecord] = []
    withdrawals: list[Withdrawal] = []
    for child in session.scalars(select(StoredRecord).where(StoredRecord.parent_id == parent.id)
                                 .order_by(StoredRecord.id).with_for_update()):
        before = Scope.of(child)
        child.visibility, child.team_id = child_scope(str(child.fields.get("visibility", "private")), parent)
        if Scope.of(child) != before:
            changed.append(child)
            withdrawals.extend(narrowed(session, child, before))
    return changed, withdrawals
