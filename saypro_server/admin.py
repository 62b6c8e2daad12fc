"""Administration: users, teams, roles and reference data (the command line and the dashboard's
administration pages both act through these functions).

Every change is written to the audit trail with who made it (``actor_id``; None is the command
line) in the same transaction as the change itself.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Delete, delete, select, update
from sqlalchemy.orm import Session

from saypro_core.codec import DecodeError, encode
from saypro_core.ids import new_id
from saypro_core.reference import parse_reference, reference_problems
from saypro_core.validation import text_problem
from saypro_server import audit, directory, sessions
from saypro_server.passwords import WeakPassword, check_password
from saypro_server.privacy import Scope, narrowed, readers, rescope_children, withdraw
from saypro_server.security import hash_password
from saypro_server.settings import Settings
from saypro_server.sync_service import assign_feed_positions, drop_unused_files, principal_for, visible_to
from saypro_server.tables import (
    AppliedChange,
    AttachmentBlob,
    AttachmentChunk,
    AuditEntry,
    Conflict,
    Device,
    FeedCounter,
    LoginThrottle,
    ReferenceData,
    ReferenceVersion,
    RefreshToken,
    SignInSession,
    StoredRecord,
    Team,
    User,
    Withdrawal,
)

ROLES = ("staff", "supervisor", "admin")


class AdminError(ValueError):
    """An admin command that cannot be done; the message says why."""


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AdminError(f"No user '{username}'.")
    return user


def user_id(session: Session, username: str) -> str:
    return _user(session, username).id


def team_id(session: Session, name: str) -> str:
    return _team(session, name).id


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
                team: str | None = None, actor_id: str | None = None) -> User:
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
    audit.note(session, "user created", actor_id=actor_id, owner_id=user.id,
               detail=f"{username} as {role}" + (f" in {team}" if team else ""))
    session.commit()
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def set_disabled(session: Session, username: str, disabled: bool, *, actor_id: str | None = None) -> None:
    """Disable an account (every sign-in of theirs ends; they cannot sign in) or enable it again.
    Nobody disables their own account: an administrator would lock themselves out."""
    user = _user(session, username)
    if disabled and user.id == actor_id:
        raise AdminError("You cannot disable your own account.")
    if user.disabled == disabled:
        return
    user.disabled = disabled
    if disabled:
        sessions.end(session, SignInSession.user_id == user.id, "account disabled")
    audit.note(session, "user disabled" if disabled else "user enabled", actor_id=actor_id, owner_id=user.id,
               detail=username)
    session.commit()


def set_role(session: Session, username: str, role: str, *, actor_id: str | None = None) -> None:
    """Change a person's role. A team's supervisor stays a supervisor or admin until the team has
    another (what they read follows the team), and nobody changes their own role."""
    if role not in ROLES:
        raise AdminError(f"Role must be one of {', '.join(ROLES)}.")
    user = _user(session, username)
    if user.role == role:
        return
    if user.id == actor_id:
        raise AdminError("You cannot change your own role; another administrator can.")
    if role == "staff":
        supervised = list(session.scalars(select(Team.name).where(Team.supervisor_id == user.id).order_by(Team.name)))
        if supervised:
            raise AdminError(f"'{username}' supervises {', '.join(supervised)}; give the team another supervisor "
                             "first.")
    before = user.role
    user.role = role
    audit.note(session, "role changed", actor_id=actor_id, owner_id=user.id, detail=f"{username}: {before} -> {role}")
    session.commit()


def rename(session: Session, username: str, display_name: str, *, actor_id: str | None = None) -> None:
    """A person's display name (what colleagues see; every laptop learns it with its next sync)."""
    user = _user(session, username)
    display_name = display_name.strip()
    if not display_name:
        raise AdminError("A display name cannot be empty.")
    _check_text("A display name", display_name, 120)
    if user.display_name == display_name:
        return
    audit.note(session, "user renamed", actor_id=actor_id, owner_id=user.id,
               detail=f"{user.display_name} -> {display_name}")
    user.display_name = display_name
    session.commit()


def reset_password(session: Session, username: str, password: str, *, actor_id: str | None = None) -> None:
    """A new password; every device signs in again (with the new password, which opens the
    laptop's profile again online)."""
    user = _user(session, username)
    _check_password(password, username, user.display_name)
    user.password_hash = hash_password(password)
    audit.note(session, "password reset", actor_id=actor_id, owner_id=user.id, detail=username)
    revoke_devices(session, username, actor_id=actor_id)


def revoke_devices(session: Session, username: str, *, actor_id: str | None = None) -> int:
    """Sign the user out everywhere: every device must sign in again (its sign-in sessions end for
    good: no token of theirs works again). Returns how many devices were signed in."""
    user = _user(session, username)
    signed_in = set(session.scalars(select(SignInSession.device_id).where(
        SignInSession.user_id == user.id, SignInSession.revoked_at.is_(None))))
    sessions.end(session, SignInSession.user_id == user.id, "signed out by an administrator")
    session.execute(update(Device).where(Device.user_id == user.id).values(revoked=True))
    audit.note(session, "devices revoked", actor_id=actor_id, owner_id=user.id,
               detail=f"{username}: every device ({len(signed_in)} signed in)")
    session.commit()
    return len(signed_in)


def revoke_device(session: Session, device_id: str, *, actor_id: str | None = None) -> Device:
    """Sign one device out for good (a lost or stolen laptop): its sign-in sessions end, its tokens
    stop working, and it must sign in again with the password."""
    device = session.get(Device, device_id)
    if device is None:
        raise AdminError("No such device.")
    sessions.end(session, SignInSession.device_id == device.id, "device revoked by an administrator")
    device.revoked = True
    audit.note(session, "device revoked", actor_id=actor_id, owner_id=device.user_id, detail=device.name)
    session.commit()
    return device


def create_team(session: Session, name: str, supervisor: str | None = None, *,
                actor_id: str | None = None) -> Team:
    name = name.strip()
    if not name:
        raise AdminError("A team needs a name.")
    _check_text("A team name", name, 120)
    if session.scalar(select(Team.id).where(Team.name == name)):
        raise AdminError(f"Team '{name}' already exists.")
    chosen = _user(session, supervisor) if supervisor else None
    if chosen is not None and chosen.role not in ("supervisor", "admin"):
        raise AdminError(f"'{supervisor}' is {chosen.role}; make them a supervisor first.")
    team = Team(id=new_id(), name=name, supervisor_id=chosen.id if chosen else None)
    session.add(team)
    audit.note(session, "team created", actor_id=actor_id, detail=name + (f", supervised by {supervisor}"
                                                                          if supervisor else ""))
    session.commit()
    return team


def list_teams(session: Session) -> list[tuple[Team, list[str]]]:
    teams = list(session.scalars(select(Team).order_by(Team.name)))
    return [(t, list(session.scalars(select(User.username).where(User.team_id == t.id).order_by(User.username))))
            for t in teams]


def load_reference(session: Session, path: Path, *, actor_id: str | None = None) -> int:
    """Replace the reference data every device receives with a JSON file's; returns its new version."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AdminError(f"{path} is not valid reference data: {exc}") from None
    return replace_reference(session, data, actor_id=actor_id, note=f"loaded from {path.name}")


def replace_reference(session: Session, data: Any, *, actor_id: str | None = None, note: str = "") -> int:
    """Replace the reference data (competency frameworks, reflection templates, session types)
    every device receives with its next sync, keeping the version it replaces in the history.
    Data that does not parse is refused with the reason and changes nothing. Returns the new version."""
    try:
        reference = parse_reference(data)
    except (DecodeError, TypeError, ValueError, KeyError, AttributeError) as exc:
        raise AdminError(f"This is not valid reference data: {exc}") from None
    problems = reference_problems(reference)
    if problems:
        raise AdminError("This reference data cannot be used: " + " ".join(problems[:10]))
    _check_text("The note", note, 300)
    body = encode(reference)
    now = datetime.now(UTC)
    current = session.get(ReferenceData, 1, with_for_update=True)
    if current is None:
        current = ReferenceData(id=1, version=1, body=body, updated_at=now)
        session.add(current)
    elif current.body == body:
        raise AdminError(f"This is version {current.version} as it is; nothing changed.")
    else:
        current.version += 1
        current.body = body
        current.updated_at = now
    session.add(ReferenceVersion(version=current.version, body=body, created_at=now, actor_id=actor_id,
                                 note=note))
    audit.note(session, "reference data", actor_id=actor_id, detail=f"version {current.version}: {note}")
    session.commit()
    return current.version


def reference_history(session: Session) -> list[ReferenceVersion]:
    """Every version of the reference data, the newest first."""
    return list(session.scalars(select(ReferenceVersion).order_by(ReferenceVersion.version.desc())))


# -- scope changes: what a person may read follows their team and role --------------------------


def _shared_with(session: Session, user: User) -> set[str]:
    """Records of others the user reads through a team or as a supervisor (organisation-wide ones
    everyone reads; those never need withdrawing)."""
    principal = principal_for(session, user, "")
    return set(session.scalars(select(StoredRecord.id).where(
        visible_to(principal), StoredRecord.owner_id != user.id, StoredRecord.visibility.in_(("team", "supervisor")))))


def _rescope(session: Session, users: list[User], change: Callable[[], list[StoredRecord]]) -> None:
    """Apply ``change`` (which returns records whose readers it changed) and follow it: withdrawals
    for what each of ``users`` no longer reads, a new scope epoch for whoever now reads more, new feed
    positions for the records, so their new readers receive them."""
    before = {user.id: _shared_with(session, user) for user in users}
    touched = change()
    session.flush()
    withdrawals: list[Withdrawal] = []
    for record in list(touched):
        children, more = rescope_children(session, record)
        touched.extend(children)
        withdrawals.extend(more)
    for user in users:
        after = _shared_with(session, user)
        lost = before[user.id] - after
        if lost:
            types = dict(session.execute(select(StoredRecord.id, StoredRecord.type).where(
                StoredRecord.id.in_(lost))).all())
            now = datetime.now(UTC)
            rows = [Withdrawal(user_id=user.id, record_id=record_id, record_type=types[record_id], created_at=now)
                    for record_id in sorted(lost)]
            session.add_all(rows)
            withdrawals.extend(rows)
        if after - before[user.id]:
            user.scope_epoch += 1
    assign_feed_positions(session, touched, [], withdrawals)


def add_member(session: Session, team: str, username: str, *, actor_id: str | None = None) -> None:
    """Put a person in a team. Their records shared with a team or supervisor move with them: the new
    team and supervisor receive them, the old ones lose them; they lose the old team's records and
    receive the new team's."""
    new_team = _team(session, team)
    user = _user(session, username)
    if user.team_id == new_team.id:
        return
    old_team = session.get(Team, user.team_id) if user.team_id else None
    affected = [user, *_team_people(session, old_team), *_team_people(session, new_team)]

    def move() -> list[StoredRecord]:
        user.team_id = new_team.id
        session.flush()
        moved: list[StoredRecord] = []
        withdrawals: list[Withdrawal] = []
        for record in session.scalars(select(StoredRecord).where(
                StoredRecord.owner_id == user.id, StoredRecord.parent_id.is_(None),
                StoredRecord.visibility.in_(("team", "supervisor")))):
            before = Scope.of(record)
            record.team_id = new_team.id
            moved.append(record)
            withdrawals.extend(narrowed(session, record, before))
        assign_feed_positions(session, [], [], withdrawals)
        return moved

    _rescope(session, list({u.id: u for u in affected}.values()), move)
    audit.note(session, "team changed", actor_id=actor_id, owner_id=user.id,
               detail=f"{username}: {old_team.name if old_team else '(no team)'} -> {new_team.name}")
    session.commit()


def _team_people(session: Session, team: Team | None) -> list[User]:
    if team is None:
        return []
    people = list(session.scalars(select(User).where(User.team_id == team.id)))
    if team.supervisor_id:
        supervisor = session.get(User, team.supervisor_id)
        if supervisor is not None:
            people.append(supervisor)
    return people


def set_supervisor(session: Session, team: str, username: str, *, actor_id: str | None = None) -> None:
    """Make a supervisor (or admin) the team's supervisor: they receive what the team shares with its
    supervisor; the one before loses it."""
    user = _user(session, username)
    if user.role not in ("supervisor", "admin"):
        raise AdminError(f"'{username}' is {user.role}; make them a supervisor first (users set-role).")
    if user.disabled:
        raise AdminError(f"'{username}' is disabled.")
    chosen = _team(session, team)
    if chosen.supervisor_id == user.id:
        return
    previous = session.get(User, chosen.supervisor_id) if chosen.supervisor_id else None

    def assign() -> list[StoredRecord]:
        chosen.supervisor_id = user.id
        return []

    _rescope(session, [user] + ([previous] if previous is not None and previous.id != user.id else []), assign)
    audit.note(session, "supervisor", actor_id=actor_id, owner_id=user.id,
               detail=f"{team}: {previous.username if previous else '(none)'} -> {username}")
    session.commit()


def set_mentor(session: Session, username: str, mentor: str | None, *, actor_id: str | None = None) -> None:
    """Give a person a mentor (anyone but themselves: a supervisor of another team, a peer), or none.
    The mentor receives what the person shares with "my supervisor and mentor" and with the team,
    and may review it; the mentor before loses it."""
    user = _user(session, username)
    chosen = _user(session, mentor) if mentor is not None else None
    if chosen is not None and chosen.id == user.id:
        raise AdminError("A person cannot be their own mentor.")
    if chosen is not None and chosen.disabled:
        raise AdminError(f"'{mentor}' is disabled.")
    previous = session.get(User, user.mentor_id) if user.mentor_id else None
    if (previous.id if previous else None) == (chosen.id if chosen else None):
        return

    def assign() -> list[StoredRecord]:
        user.mentor_id = chosen.id if chosen is not None else None
        return []

    _rescope(session, [mentor_ for mentor_ in (chosen, previous) if mentor_ is not None], assign)
    audit.note(session, "mentor", actor_id=actor_id, owner_id=user.id,
               detail=f"{username}: {previous.username if previous else '(none)'} -> {mentor or '(none)'}")
    session.commit()


# -- a person's data: all of it out, or all of it gone (POPIA) -----------------------------------


def export_user(session: Session, username: str) -> dict[str, Any]:
    """Everything the server holds about a person, as JSON-ready data: their account, devices and
    sign-ins, their records (with attachment files, base64), feedback about their records, and the
    audit trail of who read their records and what they read of others'."""
    user = _user(session, username)
    team = session.get(Team, user.team_id) if user.team_id else None

    def moment(value: datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    records = list(session.scalars(select(StoredRecord).where(
        (StoredRecord.owner_id == user.id) | (StoredRecord.subject_id == user.id)).order_by(StoredRecord.id)))
    files = []
    for blob in session.scalars(select(AttachmentBlob).where(AttachmentBlob.owner_id == user.id)):
        data = b"".join(session.scalars(select(AttachmentChunk.data).where(
            AttachmentChunk.owner_id == user.id, AttachmentChunk.sha256 == blob.sha256)
            .order_by(AttachmentChunk.offset)))
        files.append({"sha256": blob.sha256, "size": blob.size, "complete": blob.complete,
                      "content_base64": base64.b64encode(data).decode()})
    names = dict(session.execute(select(User.id, User.username)).all())
    trail = session.scalars(select(AuditEntry).where(
        (AuditEntry.owner_id == user.id) | (AuditEntry.actor_id == user.id)).order_by(AuditEntry.at))
    audit.note(session, "export", actor_id=None, owner_id=user.id, detail="users export")
    session.commit()
    return {
        "format": 1, "exported_at": datetime.now(UTC).isoformat(),
        "account": {"id": user.id, "username": user.username, "display_name": user.display_name, "role": user.role,
                    "team": team.name if team else None, "disabled": user.disabled,
                    "created_at": moment(user.created_at)},
        "devices": [{"id": d.id, "name": d.name, "created_at": moment(d.created_at), "last_seen": moment(d.last_seen)}
                    for d in session.scalars(select(Device).where(Device.user_id == user.id))],
        "sign_ins": [{"created_at": moment(s.created_at), "expires_at": moment(s.expires_at),
                      "ended_at": moment(s.revoked_at), "why_ended": s.revoked_why}
                     for s in session.scalars(select(SignInSession).where(SignInSession.user_id == user.id))],
        "records": [{"type": r.type, "id": r.id, "owner": names.get(r.owner_id, r.owner_id),
                     "revision": r.revision, "deleted": r.deleted, "updated_at": moment(r.updated_at),
                     "fields": r.fields} for r in records],
        "attachment_files": files,
        "audit": [{"at": moment(e.at), "who": names.get(e.actor_id or "", e.actor_id or "(command line)"),
                   "action": e.action, "whose": names.get(e.owner_id or "", e.owner_id),
                   "record": e.record_id, "detail": e.detail} for e in trail],
    }


def erase_user(session: Session, username: str) -> int:
    """Remove a person and everything of theirs from the server: their records (and the feedback
    and files that belong to them, and the feedback they wrote), withdrawn from every device at its
    next sync; their files, devices, sign-ins and account. Returns how many records went."""
    user = _user(session, username)
    records = list(session.scalars(select(StoredRecord).where(
        (StoredRecord.owner_id == user.id) | (StoredRecord.subject_id == user.id)).with_for_update()))
    withdrawals: list[Withdrawal] = []
    for record in records:
        everyone = (readers(session, Scope.of(record)) | {record.owner_id}) - {user.id}
        withdrawals.extend(withdraw(session, record, everyone, from_owner=True))
    assign_feed_positions(session, [], [], withdrawals)
    ids = [r.id for r in records]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        session.execute(delete(Conflict).where(Conflict.record_id.in_(chunk)))
        session.execute(delete(StoredRecord).where(StoredRecord.id.in_(chunk)))
    session.execute(delete(AttachmentChunk).where(AttachmentChunk.owner_id == user.id))
    session.execute(delete(AttachmentBlob).where(AttachmentBlob.owner_id == user.id))
    session.execute(delete(AppliedChange).where(AppliedChange.user_id == user.id))
    session.execute(delete(Conflict).where(Conflict.owner_id == user.id))
    session.execute(delete(Withdrawal).where(Withdrawal.user_id == user.id))
    session_ids = select(SignInSession.id).where(SignInSession.user_id == user.id)
    session.execute(delete(RefreshToken).where(RefreshToken.session_id.in_(session_ids)))
    session.execute(delete(SignInSession).where(SignInSession.user_id == user.id))
    session.execute(delete(Device).where(Device.user_id == user.id))
    session.execute(delete(LoginThrottle).where(LoginThrottle.key.like(f"%{user.username.lower()}%")))
    session.execute(update(Team).where(Team.supervisor_id == user.id).values(supervisor_id=None))
    session.execute(update(User).where(User.mentor_id == user.id).values(mentor_id=None))
    session.execute(delete(User).where(User.id == user.id))
    directory.bump(session)
    audit.note(session, "erase", actor_id=None, owner_id=user.id, detail=f"users erase: {len(records)} records")
    session.commit()
    return len(records)


# -- retention -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Maintenance:
    tombstones: int
    withdrawals: int
    audit_entries: int
    applied_changes: int
    sessions: int
    files: int


def maintain(session: Session, settings: Settings, *, now: datetime | None = None) -> Maintenance:
    """Apply the retention settings: what is older than they keep goes."""
    now = now or datetime.now(UTC)
    tombstone_cutoff = now - timedelta(days=settings.tombstone_days)
    old_tombstones = select(StoredRecord.id).where(StoredRecord.deleted.is_(True),
                                                   StoredRecord.updated_at < tombstone_cutoff)
    session.execute(delete(Conflict).where(Conflict.record_id.in_(old_tombstones)))
    tombstones = _count(session, delete(StoredRecord).where(StoredRecord.deleted.is_(True),
                                                            StoredRecord.updated_at < tombstone_cutoff))
    withdrawals = _count(session, delete(Withdrawal).where(Withdrawal.created_at < tombstone_cutoff))
    audit_entries = _count(session, delete(AuditEntry).where(
        AuditEntry.at < now - timedelta(days=settings.audit_days)))
    applied = _count(session, delete(AppliedChange).where(
        AppliedChange.created_at < now - timedelta(days=settings.change_log_days)))
    session.execute(delete(LoginThrottle).where(
        LoginThrottle.last_attempt < now - timedelta(minutes=settings.login_window_minutes)))
    ended = select(SignInSession.id).where(SignInSession.expires_at < now - timedelta(days=30))
    session.execute(delete(RefreshToken).where(RefreshToken.session_id.in_(ended)))
    sessions_gone = _count(session, delete(SignInSession).where(SignInSession.expires_at < now - timedelta(days=30)))
    unused = []
    for blob in session.scalars(select(AttachmentBlob).where(AttachmentBlob.created_at < now - timedelta(days=7))):
        used = session.scalar(select(StoredRecord.id).where(
            StoredRecord.type == "attachment", StoredRecord.owner_id == blob.owner_id,
            StoredRecord.deleted.is_(False), StoredRecord.fields["sha256"].as_string() == blob.sha256).limit(1))
        if used is None:
            unused.append((blob.owner_id, blob.sha256))
    drop_unused_files(session, set(unused))
    session.commit()
    return Maintenance(tombstones, withdrawals, audit_entries, applied, sessions_gone, len(unused))


def _count(session: Session, statement: Delete) -> int:
    """Run a delete; how many rows went."""
    result = session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)


# -- backups and restores --------------------------------------------------------------------------


def backup_sqlite(database_url: str, target: Path) -> None:
    """A consistent copy of a SQLite server database while the server runs (SQLite's backup API)."""
    import sqlite3

    from sqlalchemy import make_url

    url = make_url(database_url)
    if not url.drivername.startswith("sqlite") or not url.database:
        raise AdminError("`backup` copies the default SQLite database; back up PostgreSQL with pg_dump "
                         "(see the README).")
    if target.exists():
        raise AdminError(f"{target} exists already; choose a new file.")
    source = sqlite3.connect(f"file:{url.database}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def mark_restored(session: Session) -> int:
    """After the database was restored from a backup: the feed gets a new identity, so every device
    reconciles what it holds with what the server holds (nothing they still have is lost); every
    sign-in ends, so a revocation made after the backup is not undone by the restore. Returns how
    many sign-ins ended."""
    session.execute(update(FeedCounter).where(FeedCounter.id == 1).values(epoch=new_id()))
    session.execute(update(Device).values(cursor_answered=0))
    ended = sessions.end(session, SignInSession.revoked_at.is_(None), "the server was restored from a backup")
    audit.note(session, "restored", actor_id=None, detail=f"server restored from a backup; {ended} sign-ins ended")
    session.commit()
    return ended
