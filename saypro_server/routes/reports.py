"""What a supervisor sees of their team: participation, learnings shared, goals on track."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import select

from saypro_core.wire import ErrorOut
from saypro_server import audit
from saypro_server.deps import NEEDS_TOKEN, DbSession, require_supervisor
from saypro_server.sync_service import Principal
from saypro_server.tables import StoredRecord, Team, User

router = APIRouter(prefix="/api/v1/reports", tags=["reports"], responses={
    **NEEDS_TOKEN, 403: {"model": ErrorOut, "description": "Only supervisors and admins"}})

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
OPEN_GOAL = ("not_started", "on_track", "at_risk")


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
    took_part: bool


class TeamReport(BaseModel):
    team_id: str
    team: str
    month: str
    members: list[MemberReport]
    participation_percent: float
    learnings_shared: int
    goals_on_track_percent: float


def _in_month(fields: dict[str, object], key: str, month: str) -> bool:
    value = fields.get(key)
    return isinstance(value, str) and value.startswith(month)


def _member(user: User, records: list[StoredRecord], month: str, today: date) -> MemberReport:
    logs = sum(1 for r in records if r.type == "learning_log" and _in_month(r.fields, "log_date", month))
    sessions = sum(1 for r in records if r.type == "session_note" and _in_month(r.fields, "starts_at", month))
    shared = sum(1 for r in records if r.visibility != "private" and r.type in ("learning_log", "session_note")
                 and format(r.updated_at, "%Y-%m") == month)
    goals = [r.fields for r in records if r.type == "development_goal"]
    overdue = sum(1 for g in goals if g.get("status") in OPEN_GOAL and str(g.get("target_date")) < today.isoformat())
    return MemberReport(
        user_id=user.id, username=user.username, display_name=user.display_name, learning_logs=logs,
        session_notes=sessions, shared=shared,
        goals_on_track=sum(1 for g in goals if g.get("status") == "on_track"),
        goals_at_risk=sum(1 for g in goals if g.get("status") == "at_risk"), goals_overdue=overdue,
        goals_achieved=sum(1 for g in goals if g.get("status") == "achieved"), took_part=logs + sessions > 0)


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


@router.get("/team", response_model=list[TeamReport])
def team_report(principal: Annotated[Principal, Depends(require_supervisor)], session: DbSession,
                month: Annotated[str | None, Query(pattern=MONTH.pattern, description="YYYY-MM; default: this month")]
                = None) -> list[TeamReport]:
    """One report per team the caller supervises (an admin: every team). Counts only records the
    members shared with their supervisor or wider; private records are never read."""
    month = month or datetime.now(UTC).strftime("%Y-%m")
    teams_query = select(Team).order_by(Team.name)
    if principal.role != "admin":
        teams_query = teams_query.where(Team.id.in_(principal.supervised_team_ids))
    today = datetime.now(UTC).date()
    reports = []
    for team in session.scalars(teams_query):
        members = list(session.scalars(select(User).where(User.team_id == team.id).order_by(User.username)))
        records = list(session.scalars(select(StoredRecord).where(
            StoredRecord.owner_id.in_([m.id for m in members]), StoredRecord.deleted.is_(False),
            StoredRecord.visibility != "private")))
        rows = [_member(m, [r for r in records if r.owner_id == m.id], month, today) for m in members]
        open_goals = sum(r.goals_on_track + r.goals_at_risk + r.goals_overdue for r in rows)
        audit.note(session, "report", actor_id=principal.user_id, detail=f"team report {team.name} {month}")
        reports.append(TeamReport(
            team_id=team.id, team=team.name, month=month, members=rows,
            participation_percent=_percent(sum(r.took_part for r in rows), len(rows)),
            learnings_shared=sum(r.shared for r in rows),
            goals_on_track_percent=_percent(sum(r.goals_on_track for r in rows), open_goals)))
    session.commit()
    return reports
