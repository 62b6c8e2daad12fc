"""The dashboard's administration pages: what needed the command line, for admins in a browser.

People (add, rename, role, team, mentor, disable, reset the password, sign a device out), teams
and their supervisors, the reference data (competency frameworks, reflection templates, session
types) with its version history, and the audit trail. Every change goes through
saypro_server.admin, as the command line's do, so the rules are one set and every change lands in
the audit trail with the admin who made it.

Each form that changes something is a POST carrying the session's CSRF token (``AdminForm``);
success answers with a redirect (so reloading does not repeat it) to the page with a notice, a
refusal re-renders the page with the reason and changes nothing.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from saypro_server import admin, audit
from saypro_server.dashboard import web_sessions as web
from saypro_server.dashboard.pages import Refused, Viewer, keep, not_yours, render
from saypro_server.deps import AppSettings, DbSession
from saypro_server.tables import AuditEntry, Device, ReferenceData, SignInSession, Team, User

router = APIRouter(prefix="/dashboard/admin", include_in_schema=False)

ID = r"^[0-9a-f-]{36}$"
PEOPLE_PER_PAGE = 50
AUDIT_PER_PAGE = 100
REFERENCE_SECTIONS = ("frameworks", "templates", "session_types")
SHIPPED_REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference" / "default_reference.json"
#: What a notice after a change says (the redirect names it; the page shows the words).
DONE = {
    "created": "The person was added. They sign in to the app with this user name and password.",
    "saved": "Saved.",
    "password": "The password was changed; every device of theirs signs in again with the new one.",
    "revoked": "Signed out: that device must sign in again with the password.",
    "revoked-all": "Signed out everywhere: every device of theirs must sign in again.",
    "team": "The team was created.",
    "reference": "A new version of the reference data was saved; laptops receive it with their next sync.",
}


def _admin_viewer(request: Request, viewer: Viewer) -> web.WebUser:
    if viewer.user.role != "admin":
        raise Refused(not_yours(request, viewer))
    return viewer


def _admin_form(request: Request, session: DbSession, csrf: Annotated[str, Form(max_length=100)]) -> web.WebUser:
    """The admin who sent a form, with its CSRF token checked; anyone else changes nothing."""
    viewer = web.current(request, session)
    if viewer is None:
        raise Refused(RedirectResponse("/dashboard/sign-in", status_code=303))
    if not web.same_token(csrf, viewer.csrf):
        raise Refused(render(request, "refused.html", {"viewer": viewer, "csrf_failed": True}, status_code=403))
    if viewer.user.role != "admin":
        raise Refused(not_yours(request, viewer))
    return viewer


#: The notice a page shows after a change (named by the redirect).
Done = Annotated[str | None, Query(max_length=20)]
#: The signed-in admin of a page.
Admin = Annotated[web.WebUser, Depends(_admin_viewer)]
#: The admin who sent a form that changes something (CSRF checked).
AdminForm = Annotated[web.WebUser, Depends(_admin_form)]


def _done(path: str, what: str) -> RedirectResponse:
    return RedirectResponse(f"{path}?done={what}", status_code=303)


def _notice(done: str | None) -> str:
    return DONE.get(done or "", "")


# -- people ------------------------------------------------------------------------------------------


@router.get("")
def administration(viewer: Admin) -> Response:
    return RedirectResponse("/dashboard/admin/people", status_code=303)


@router.get("/people")
def people_page(request: Request, viewer: Admin, session: DbSession, settings: AppSettings,
                q: Annotated[str, Query(max_length=64)] = "",
                page: Annotated[int, Query(ge=1, le=10_000)] = 1, done: Done = None) -> Response:
    return keep(_people(request, viewer, session, q=q, page=page, notice=_notice(done)), request, settings, viewer)


def _people(request: Request, viewer: web.WebUser, session: Session, *, q: str = "", page: int = 1,
            notice: str = "", problem: str = "", form: dict[str, str] | None = None,
            status_code: int = 200) -> Response:
    query = select(User)
    if q:
        pattern = f"%{q.replace('%', '').replace('_', '')}%"
        query = query.where(or_(User.username.ilike(pattern), User.display_name.ilike(pattern)))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    people = list(session.scalars(query.order_by(User.display_name, User.username)
                                  .offset((page - 1) * PEOPLE_PER_PAGE).limit(PEOPLE_PER_PAGE)))
    teams = list(session.scalars(select(Team).order_by(Team.name)))
    names = {team.id: team.name for team in teams}
    mentors = dict(session.execute(select(User.id, User.display_name).where(
        User.id.in_({p.mentor_id for p in people if p.mentor_id}))).all())
    return render(request, "admin_people.html", {
        "viewer": viewer, "section": "admin", "tab": "people", "people": people, "team_names": names,
        "mentor_names": mentors, "teams": teams, "q": q, "page": page, "total": total,
        "pages": max(1, -(-total // PEOPLE_PER_PAGE)), "roles": admin.ROLES, "problem": problem,
        "form": form or {}, "notice": notice}, status_code=status_code)


@router.post("/people")
def create_person(request: Request, viewer: AdminForm, session: DbSession,
                  username: Annotated[str, Form(max_length=64)], password: Annotated[str, Form(max_length=256)],
                  password_again: Annotated[str, Form(max_length=256)],
                  display_name: Annotated[str, Form(max_length=120)] = "",
                  role: Annotated[str, Form(max_length=16)] = "staff",
                  team: Annotated[str, Form(max_length=36)] = "") -> Response:
    form = {"username": username, "display_name": display_name, "role": role, "team": team}
    try:
        if password != password_again:
            raise admin.AdminError("The two passwords are not the same.")
        team_row = session.get(Team, team) if team else None
        if team and team_row is None:
            raise admin.AdminError("Choose a team from the list.")
        user = admin.create_user(session, username.strip(), password, display_name=display_name.strip(), role=role,
                                 team=team_row.name if team_row else None, actor_id=viewer.user.id)
    except admin.AdminError as exc:
        session.rollback()
        return _people(request, viewer, session, problem=str(exc), form=form, status_code=400)
    return _done(f"/dashboard/admin/people/{user.id}", "created")


def _person(session: Session, user_id: str) -> User | None:
    return session.get(User, user_id) if re.fullmatch(ID, user_id) else None


@router.get("/people/{user_id}")
def person_page(user_id: str, request: Request, viewer: Admin, session: DbSession, settings: AppSettings,
                done: Done = None) -> Response:
    person = _person(session, user_id)
    if person is None:
        return not_yours(request, viewer)
    return keep(_person_page(request, viewer, session, person, notice=_notice(done)), request, settings, viewer)


def _person_page(request: Request, viewer: web.WebUser, session: Session, person: User, *, notice: str = "",
                 problem: str = "", status_code: int = 200) -> Response:
    teams = list(session.scalars(select(Team).order_by(Team.name)))
    mentor = session.get(User, person.mentor_id) if person.mentor_id else None
    devices = list(session.scalars(select(Device).where(Device.user_id == person.id)
                                   .order_by(Device.revoked, Device.last_seen.desc())))
    signed_in = set(session.scalars(select(SignInSession.device_id).where(
        SignInSession.user_id == person.id, SignInSession.revoked_at.is_(None),
        SignInSession.expires_at > datetime.now(UTC))))
    supervises = list(session.scalars(select(Team.name).where(Team.supervisor_id == person.id).order_by(Team.name)))
    trail = audit.listing(session, owner=person.username, limit=10)
    return render(request, "admin_person.html", {
        "viewer": viewer, "section": "admin", "tab": "people", "person": person, "teams": teams, "mentor": mentor,
        "devices": devices, "signed_in": signed_in, "supervises": supervises, "trail": trail,
        "roles": admin.ROLES, "problem": problem, "notice": notice},
        status_code=status_code)


def _change_person(request: Request, viewer: web.WebUser, session: Session, user_id: str, change: Any,
                   done: str = "saved") -> Response:
    """Apply ``change(person)`` (an admin function); the person's page with a notice, or with the
    reason nothing changed."""
    person = _person(session, user_id)
    if person is None:
        return not_yours(request, viewer)
    try:
        change(person)
    except admin.AdminError as exc:
        session.rollback()
        person = _person(session, user_id)
        assert person is not None
        return _person_page(request, viewer, session, person, problem=str(exc), status_code=400)
    return _done(f"/dashboard/admin/people/{user_id}", done)


@router.post("/people/{user_id}/name")
def rename_person(user_id: str, request: Request, viewer: AdminForm, session: DbSession,
                  display_name: Annotated[str, Form(max_length=120)]) -> Response:
    return _change_person(request, viewer, session, user_id, lambda person: admin.rename(
        session, person.username, display_name, actor_id=viewer.user.id))


@router.post("/people/{user_id}/role")
def change_role(user_id: str, request: Request, viewer: AdminForm, session: DbSession,
                role: Annotated[str, Form(max_length=16)]) -> Response:
    return _change_person(request, viewer, session, user_id, lambda person: admin.set_role(
        session, person.username, role, actor_id=viewer.user.id))


@router.post("/people/{user_id}/team")
def change_team(user_id: str, request: Request, viewer: AdminForm, session: DbSession,
                team: Annotated[str, Form(max_length=36)]) -> Response:
    def move(person: User) -> None:
        chosen = session.get(Team, team) if re.fullmatch(ID, team) else None
        if chosen is None:
            raise admin.AdminError("Choose a team from the list.")
        admin.add_member(session, chosen.name, person.username, actor_id=viewer.user.id)

    return _change_person(request, viewer, session, user_id, move)


@router.post("/people/{user_id}/mentor")
def change_mentor(user_id: str, request: Request, viewer: AdminForm, session: DbSession,
                  mentor: Annotated[str, Form(max_length=64)] = "") -> Response:
    return _change_person(request, viewer, session, user_id, lambda person: admin.set_mentor(
        session, person.username, mentor.strip() or None, actor_id=viewer.user.id))


@router.post("/people/{user_id}/disable")
def disable_person(user_id: str, request: Request, viewer: AdminForm, session: DbSession) -> Response:
    return _change_person(request, viewer, session, user_id, lambda person: admin.set_disabled(
        session, person.username, True, actor_id=viewer.user.id))


@router.post("/people/{user_id}/enable")
def enable_person(user_id: str, request: Request, viewer: AdminForm, session: DbSession) -> Response:
    return _change_person(request, viewer, session, user_id, lambda person: admin.set_disabled(
        session, person.username, False, actor_id=viewer.user.id))


@router.post("/people/{user_id}/password")
def reset_password(user_id: str, request: Request, viewer: AdminForm, session: DbSession,
                   password: Annotated[str, Form(max_length=256)],
                   password_again: Annotated[str, Form(max_length=256)]) -> Response:
    def reset(person: User) -> None:
        if password != password_again:
            raise admin.AdminError("The two passwords are not the same.")
        if person.id == viewer.user.id:
            raise admin.AdminError("Change your own password in the app; this would sign you out here.")
        admin.reset_password(session, person.username, password, actor_id=viewer.user.id)

    return _change_person(request, viewer, session, user_id, reset, "password")


@router.post("/people/{user_id}/devices/{device_id}/revoke")
def revoke_device(user_id: str, device_id: str, request: Request, viewer: AdminForm, session: DbSession) -> Response:
    def revoke(person: User) -> None:
        device = session.get(Device, device_id) if re.fullmatch(ID, device_id) else None
        if device is None or device.user_id != person.id:
            raise admin.AdminError("No such device of theirs.")
        admin.revoke_device(session, device.id, actor_id=viewer.user.id)

    return _change_person(request, viewer, session, user_id, revoke, "revoked")


@router.post("/people/{user_id}/devices/revoke-all")
def revoke_all(user_id: str, request: Request, viewer: AdminForm, session: DbSession) -> Response:
    def revoke(person: User) -> None:
        if person.id == viewer.user.id:
            raise admin.AdminError("This would sign you out here too; sign out, or ask another administrator.")
        admin.revoke_devices(session, person.username, actor_id=viewer.user.id)

    return _change_person(request, viewer, session, user_id, revoke, "revoked-all")


# -- teams ---------------------------------------------------------------------------------------------


@router.get("/teams")
def teams_page(request: Request, viewer: Admin, session: DbSession, settings: AppSettings,
               done: Done = None) -> Response:
    return keep(_teams(request, viewer, session, notice=_notice(done)), request, settings, viewer)


def _teams(request: Request, viewer: web.WebUser, session: Session, *, notice: str = "", problem: str = "",
           name: str = "", status_code: int = 200) -> Response:
    teams = list(session.scalars(select(Team).order_by(Team.name)))
    members = dict(session.execute(select(User.team_id, func.count()).where(User.disabled.is_(False))
                                   .group_by(User.team_id)).all())
    leaders = list(session.scalars(select(User).where(User.role.in_(("supervisor", "admin")), User.disabled.is_(False))
                                   .order_by(User.display_name)))
    names = {user.id: user.display_name for user in leaders}
    names |= dict(session.execute(select(User.id, User.display_name).where(
        User.id.in_({t.supervisor_id for t in teams if t.supervisor_id} - set(names)))).all())
    return render(request, "admin_teams.html", {
        "viewer": viewer, "section": "admin", "tab": "teams", "teams": teams, "members": members,
        "leaders": leaders, "names": names, "problem": problem, "name": name,
        "notice": notice}, status_code=status_code)


@router.post("/teams")
def create_team(request: Request, viewer: AdminForm, session: DbSession, name: Annotated[str, Form(max_length=120)],
                supervisor: Annotated[str, Form(max_length=36)] = "") -> Response:
    try:
        chosen = session.get(User, supervisor) if re.fullmatch(ID, supervisor) else None
        if supervisor and chosen is None:
            raise admin.AdminError("Choose a supervisor from the list.")
        admin.create_team(session, name, chosen.username if chosen else None, actor_id=viewer.user.id)
    except admin.AdminError as exc:
        session.rollback()
        return _teams(request, viewer, session, problem=str(exc), name=name, status_code=400)
    return _done("/dashboard/admin/teams", "team")


@router.post("/teams/{team_id}/supervisor")
def change_supervisor(team_id: str, request: Request, viewer: AdminForm, session: DbSession,
                      supervisor: Annotated[str, Form(max_length=36)]) -> Response:
    try:
        team = session.get(Team, team_id) if re.fullmatch(ID, team_id) else None
        chosen = session.get(User, supervisor) if re.fullmatch(ID, supervisor) else None
        if team is None or chosen is None:
            raise admin.AdminError("Choose a team and a supervisor from the lists.")
        admin.set_supervisor(session, team.name, chosen.username, actor_id=viewer.user.id)
    except admin.AdminError as exc:
        session.rollback()
        return _teams(request, viewer, session, problem=str(exc), status_code=400)
    return _done("/dashboard/admin/teams", "saved")


# -- reference data --------------------------------------------------------------------------------------


@router.get("/reference")
def reference_page(request: Request, viewer: Admin, session: DbSession, settings: AppSettings,
                   done: Done = None) -> Response:
    return keep(_reference(request, viewer, session, notice=_notice(done)), request, settings, viewer)


def _pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _shipped_reference() -> dict[str, Any]:
    """The reference data the app ships with (a source checkout's resources/), the starting point
    while the server has none of its own; empty where the server was installed without it."""
    try:
        data = json.loads(SHIPPED_REFERENCE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _reference(request: Request, viewer: web.WebUser, session: Session, *, notice: str = "", problem: str = "",
               texts: dict[str, str] | None = None, note: str = "", status_code: int = 200) -> Response:
    current = session.get(ReferenceData, 1)
    body = current.body if current is not None else _shipped_reference()
    history = admin.reference_history(session)
    names = dict(session.execute(select(User.id, User.display_name).where(
        User.id.in_({v.actor_id for v in history if v.actor_id}))).all())
    return render(request, "admin_reference.html", {
        "viewer": viewer, "section": "admin", "tab": "reference", "current": current, "history": history,
        "names": names, "problem": problem, "note": note,
        "texts": texts or {section: _pretty(body.get(section, [])) for section in REFERENCE_SECTIONS},
        "counts": {section: len(body.get(section, [])) for section in REFERENCE_SECTIONS},
        "notice": notice}, status_code=status_code)


@router.post("/reference")
def save_reference(request: Request, viewer: AdminForm, session: DbSession,
                   frameworks: Annotated[str, Form(max_length=400_000)],
                   templates: Annotated[str, Form(max_length=400_000)],
                   session_types: Annotated[str, Form(max_length=100_000)],
                   note: Annotated[str, Form(max_length=300)] = "") -> Response:
    texts = {"frameworks": frameworks, "templates": templates, "session_types": session_types}
    try:
        if not note.strip():
            raise admin.AdminError("Say in a few words what changed (the note): the version history shows it.")
        data: dict[str, Any] = {"format": 1}
        for section, text in texts.items():
            try:
                data[section] = json.loads(text)
            except json.JSONDecodeError as exc:
                raise admin.AdminError(f"{section.replace('_', ' ').capitalize()}: not valid JSON "
                                       f"(line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
        admin.replace_reference(session, data, actor_id=viewer.user.id, note=note.strip())
    except admin.AdminError as exc:
        session.rollback()
        return _reference(request, viewer, session, problem=str(exc), texts=texts, note=note, status_code=400)
    return _done("/dashboard/admin/reference", "reference")


@router.get("/reference/{version}.json")
def reference_file(version: int, viewer: Admin, session: DbSession) -> Response:
    kept = next((v for v in admin.reference_history(session) if v.version == version), None)
    if kept is None:
        return Response(status_code=404)
    response = Response(_pretty(kept.body) + "\n", media_type="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="saypro-reference-v{version}.json"'
    return response


@router.get("/reference/{version}")
def reference_version(version: int, request: Request, viewer: Admin, session: DbSession,
                      settings: AppSettings) -> Response:
    kept = next((v for v in admin.reference_history(session) if v.version == version), None)
    if kept is None:
        return not_yours(request, viewer)
    current = session.get(ReferenceData, 1)
    author = session.get(User, kept.actor_id) if kept.actor_id else None
    return keep(render(request, "admin_reference_version.html", {
        "viewer": viewer, "section": "admin", "tab": "reference", "kept": kept, "author": author,
        "current_version": current.version if current else 0, "text": _pretty(kept.body)}),
        request, settings, viewer)


@router.post("/reference/{version}/restore")
def restore_reference(version: int, request: Request, viewer: AdminForm, session: DbSession) -> Response:
    kept = next((v for v in admin.reference_history(session) if v.version == version), None)
    if kept is None:
        return not_yours(request, viewer)
    try:
        admin.replace_reference(session, kept.body, actor_id=viewer.user.id, note=f"version {version} brought back")
    except admin.AdminError as exc:
        session.rollback()
        return _reference(request, viewer, session, problem=str(exc), status_code=400)
    return _done("/dashboard/admin/reference", "reference")


# -- the audit trail -------------------------------------------------------------------------------------


@router.get("/audit")
def audit_page(request: Request, viewer: Admin, session: DbSession, settings: AppSettings,
               actor: Annotated[str, Query(max_length=64)] = "", owner: Annotated[str, Query(max_length=64)] = "",
               action: Annotated[str, Query(max_length=32)] = "",
               since: Annotated[str, Query(pattern=r"^(\d{4}-\d\d-\d\d)?$")] = "",
               before: Annotated[int | None, Query(ge=1)] = None) -> Response:
    try:
        start = datetime.combine(datetime.strptime(since, "%Y-%m-%d").date(), time(), UTC) if since else None
    except ValueError:
        start = None
    lines = audit.listing(session, actor=actor or None, owner=owner or None, action=action or None, since=start,
                          before_id=before, limit=AUDIT_PER_PAGE + 1)
    older = lines[AUDIT_PER_PAGE].id + 1 if len(lines) > AUDIT_PER_PAGE else None
    actions = sorted(set(session.scalars(select(AuditEntry.action).distinct())))
    return keep(render(request, "admin_audit.html", {
        "viewer": viewer, "section": "admin", "tab": "audit", "lines": lines[:AUDIT_PER_PAGE], "older": older,
        "actor": actor, "owner": owner, "action": action, "since": since, "actions": actions}),
        request, settings, viewer)
