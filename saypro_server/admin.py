"""Administration: users, teams, roles and reference data (used by the command line and tests)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from saypro_core.codec import DecodeError, encode
from saypro_core.ids import new_id
from saypro_core.reference import parse_reference
from saypro_core.validation import text_problem
from saypro_server import sessions
from saypro_server.passwords import WeakPassword, check_password
from saypro_server.security import hash_password
from saypro_server.tables import Device, ReferenceData, SignInSession, Team, User

ROLES = ("staff", "supervisor", "admin")


class AdminError(ValueError):
    """An admin command that cannot be done; the message says why."""


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AdminError(f"No user '{username}'.")
    return user


def _team(session: Session, name: str) -> Team:
    team = session.scalar(select(Team).where(Team.name == name))
    if team is None:
        raise AdminError(f"No team '{name}'.")
    return team


def _check_password(password: str, username: str, display_name: str) -> None:
    try:
        check_password(password, username=username, display_name=display_name)
    except WeakPassword as exc:
        raise AdminError(str(exc)) from None


def _check_text(what: str, value: str, limit: int) -> None:
    if len(value) > limit:
        raise AdminError(f"{what} can have at most {limit} characters.")
    if text_problem(value) is not None or not value.isprintable():
        raise AdminError(f"{what} holds a character that is not printable text.")


def create_user(session: Session, username: str, password: str, *, display_name: str = "", role: str = "staff",
                team: str | None = None) -> User:
    if role not in ROLES:
        raise AdminError(f"Role must be one of {', '.join(ROLES)}.")
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise AdminError("A user name is 1-64 characters without spaces.")
    _check_text("A user name", username, 64)
    _check_text("A display name", display_name, 120)
    if session.scalar(select(User.id).where(User.username == username)):
        raise AdminError(f"User '{username}' already exists.")
    _check_password(password, username, display_name)
    user = User(id=new_id(), username=username, display_name=display_name or username,
                password_hash=hash_password(password), role=role,
                team_id=_team(session, team).id if team else None, disabled=False, created_at=datetime.now(UTC))
    session.add(user)
    session.commit()
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def set_disabled(session: Session, username: str, disabled: bool) -> None:
    user = _user(session, username)
    user.disabled = disabled
    if disabled:
        sessions.end(session, SignInSession.user_id == user.id, "account disabled")
    session.commit()


def set_role(session: Session, username: str, role: str) -> None:
    if role not in ROLES:
        raise AdminError(f"Role must be one of {', '.join(ROLES)}.")
    _user(session, username).role = role
    session.commit()


def reset_password(session: Session, username: str, password: str) -> None:
    user = _user(session, username)
    _check_password(password, username, user.display_name)
    user.password_hash = hash_password(password)
    revoke_devices(session, username)


def revoke_devices(session: Session, username: str) -> int:
    """Sign the user out everywhere: every device must sign in again (its sign-in sessions end for
    good: no token of theirs works again). Returns how many devices were signed in."""
    user = _user(session, username)
    signed_in = set(session.scalars(select(SignInSession.device_id).where(
        SignInSession.user_id == user.id, SignInSession.revoked_at.is_(None))))
    sessions.end(session, SignInSession.user_id == user.id, "signed out by an administrator")
    session.execute(update(Device).where(Device.user_id == user.id).values(revoked=True))
    session.commit()
    return len(signed_in)


def create_team(session: Session, name: str, supervisor: str | None = None) -> Team:
    if session.scalar(select(Team.id).where(Team.name == name)):
        raise AdminError(f"Team '{name}' already exists.")
    team = Team(id=new_id(), name=name, supervisor_id=_user(session, supervisor).id if supervisor else None)
    session.add(team)
    session.commit()
    return team


def add_member(session: Session, team: str, username: str) -> None:
    _user(session, username).team_id = _team(session, team).id
    session.commit()


def set_supervisor(session: Session, team: str, username: str) -> None:
    user = _user(session, username)
    if user.role not in ("supervisor", "admin"):
        raise AdminError(f"'{username}' is {user.role}; make them a supervisor first (users set-role).")
    _team(session, team).supervisor_id = user.id
    session.commit()


def list_teams(session: Session) -> list[tuple[Team, list[str]]]:
    teams = list(session.scalars(select(Team).order_by(Team.name)))
    return [(t, list(session.scalars(select(User.username).where(User.team_id == t.id).order_by(User.username))))
            for t in teams]


def load_reference(session: Session, path: Path) -> int:
    """Replace the reference data every device receives; returns its new version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        reference = parse_reference(data)
    except (OSError, json.JSONDecodeError, DecodeError) as exc:
        raise AdminError(f"{path} is not valid reference data: {exc}") from None
    body = encode(reference)
    current = session.get(ReferenceData, 1)
    if current is None:
        current = ReferenceData(id=1, version=1, body=body, updated_at=datetime.now(UTC))
        session.add(current)
    else:
        current.version += 1
        current.body = body
        current.updated_at = datetime.now(UTC)
    session.commit()
    return current.version
