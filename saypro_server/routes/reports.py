"""What a supervisor sees of their team: participation, learnings shared, goals on track (the
metrics of saypro_core.metrics, which the app's Team page counts with too)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from saypro_core.codec import DecodeError, decode, format_datetime
from saypro_core.metrics import Period, percent, person_figures
from saypro_core.records import RECORD_TYPES, Attendance, Record
from saypro_core.wire import ErrorOut
from saypro_server import audit
from saypro_server.deps import NEEDS_TOKEN, DbSession, require_supervisor
from saypro_server.sync_service import Principal
from saypro_server.tables import StoredRecord, Team, User

router = APIRouter(prefix="/api/v1/reports", tags=["reports"], responses={
    **NEEDS_TOKEN, 403: {"model": ErrorOut, "description": "Only supervisors and admins"}})

MONTH = re.compile(r"^(199\d|20\d\d)-(0[1-9]|1[0-2])$")
COUNTED_TYPES = ("learning_log", "session_note", "development_goal")


class MemberReport(BaseModel):
    user_id: str
    username: str
    display_name: str
    learning_logs: int
    session_notes: int
    shared: int
    goals_on_track: int
    goals_at_risk: int
    goals_overdue: int
    goals_achieved: int
    goals_not_started: int
    reviews_due: int
    last_reflection: date | None
    sessions_attended: int
    took_part: bool


class TeamReport(BaseModel):
    team_id: str
    team: str
    month: str
    members: list[MemberReport]
    participation_percent: float
    learnings_shared: int
    goals_on_track_percent: float


def as_record(row: StoredRecord) -> Record | None:
    """A stored row as the domain record the metrics count (None: not one the metrics read)."""
    cls = RECORD_TYPES.get(row.type)
    if cls is None or row.deleted:
        return None
    try:
        return decode(cls, {**row.fields, "id": row.id, "owner_id": row.owner_id})
    except DecodeError:
        return None  # a row an older version left unreadable is not counted


def _rolls(session: Session, period: Period) -> list[Attendance]:
    """The rolls of sessions in ``period`` (read once for every team; a day's margin each side: a
    session counts on its South African day, which the metrics decide)."""
    low = format_datetime(datetime.combine(period.start - timedelta(days=1), time(), tzinfo=UTC))
    high = format_datetime(datetime.combine(period.end + timedelta(days=2), time(), tzinfo=UTC))
    occurrence = StoredRecord.fields["occurrence"].as_string()
    rows = session.scalars(select(StoredRecord).where(
        StoredRecord.type == "attendance", StoredRecord.deleted.is_(False), StoredRecord.visibility != "private",
        occurrence >= low, occurrence < high))
    return [roll for roll in map(as_record, rows) if isinstance(roll, Attendance)]


def _member(user: User, records: list[Record], period: Period, today: date) -> MemberReport:
    figures = person_figures(records, period, today, user.id)
    return MemberReport(
        user_id=user.id, username=user.username, display_name=user.display_name, learning_logs=figures.logs_written,
        session_notes=figures.sessions, shared=figures.shared_reflections,
        goals_on_track=figures.goals_on_track, goals_at_risk=figures.goals_at_risk,
        goals_overdue=figures.goals_overdue, goals_achieved=figures.goals_achieved,
        goals_not_started=figures.goals_not_started, reviews_due=figures.reviews_due,
        last_reflection=figures.last_reflection, sessions_attended=figures.sessions_attended,
        took_part=figures.took_part)


@router.get("/team", response_model=list[TeamReport])
def team_report(principal: Annotated[Principal, Depends(require_supervisor)], session: DbSession,
                month: Annotated[str | None, Query(pattern=MONTH.pattern, description="YYYY-MM; default: this month")]
                = None) -> list[TeamReport]:
    """One report per team the caller supervises (an admin: every team). Counts only records the
    members shared with their supervisor or wider; private records are never read. The figures are
    defined in saypro_core.metrics (by the date of the activity; each goal counted once)."""
    month = month or datetime.now(UTC).strftime("%Y-%m")
    period = Period.parse_month(month)  # the pattern lets only a month of 1990-2099 through
    teams_query = select(Team).order_by(Team.name)
    if principal.role != "admin":
        teams_query = teams_query.where(Team.id.in_(principal.supervised_team_ids))
    today = datetime.now(UTC).date()
    rolls = _rolls(session, period)
    reports = []
    for team in session.scalars(teams_query):
        members = list(session.scalars(select(User).where(User.team_id == team.id).order_by(User.username)))
        rows_of: dict[str, list[Record]] = {m.id: [] for m in members}
        for row in session.scalars(select(StoredRecord).where(
                StoredRecord.owner_id.in_(list(rows_of)), StoredRecord.deleted.is_(False),
                StoredRecord.visibility != "private", StoredRecord.type.in_(COUNTED_TYPES))):
            record = as_record(row)
            if record is not None:
                rows_of[row.owner_id].append(record)
        for roll in rolls:  # a roll counts for whoever it names, whoever took it
            for member_id in set(roll.attendee_ids) & rows_of.keys():
                rows_of[member_id].append(roll)
        rows = [_member(m, rows_of[m.id], period, today) for m in members]
        open_goals = sum(r.goals_on_track + r.goals_at_risk + r.goals_overdue + r.goals_not_started for r in rows)
        audit.note(session, "report", actor_id=principal.user_id, detail=f"team report {team.name} {month}")
        reports.append(TeamReport(
            team_id=team.id, team=team.name, month=month, members=rows,
            participation_percent=percent(sum(r.took_part for r in rows), len(rows)),
            learnings_shared=sum(r.shared for r in rows),
            goals_on_track_percent=percent(sum(r.goals_on_track for r in rows), open_goals)))
    session.commit()
    return reports
