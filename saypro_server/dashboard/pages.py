"""The L&D office's web dashboard: pages rendered on the server (Jinja2), no script at all, small
on a slow link, every asset served by the server.

Who sees what: admins (the L&D office) the organisation and every team; supervisors the teams they
supervise; anyone else is refused. A person's page lists only what they shared (never a private
record). Figures come from saypro_server.reporting (definitions in saypro_core.metrics).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.orm import Session

from saypro_core.codec import parse_datetime
from saypro_core.metrics import ORGANISATION_TZ, RECOGNITION_POINTS, GoalFacts, Period, goal_state_of, session_day
from saypro_core.records import Recognition, Visibility
from saypro_server import audit, publishing, sessions, throttle
from saypro_server.dashboard import texts
from saypro_server.dashboard import web_sessions as web
from saypro_server.deps import AppSettings, DbSession
from saypro_server.report_files import GOAL_LABELS, GOAL_STATES, period_title, report_csv, report_pdf, summary_rows
from saypro_server.reporting import Report, build_report, build_reports, candidates, recognition_reasons
from saypro_server.security import verify_password, waste_a_verification
from saypro_server.tables import SignInSession, StoredRecord, Team, User

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates" / "dashboard")
router = APIRouter(prefix="/dashboard", include_in_schema=False)


def chart_points(report: Report, t: Callable[[str], str]) -> dict[str, list[tuple[str, float]]]:
    """What the report's bar charts draw: (label, value) pairs."""
    months = [t(f"{m.month:%b}") for m in report.trend]
    return {
        "participation": list(zip(months, (m.participation_percent for m in report.trend), strict=True)),
        "learnings": list(zip(months, (m.learnings_shared for m in report.trend), strict=True)),
        "attendance": list(zip(months, (m.attendance for m in report.trend), strict=True)),
        "goals": [(t(GOAL_LABELS[state]), report.goals.get(state, 0)) for state in GOAL_STATES],
    }


def local_time(moment: datetime, seconds: bool = False) -> str:
    """A moment as South Africans read it (the organisation's time, SAST)."""
    return moment.astimezone(ORGANISATION_TZ).strftime("%Y-%m-%d %H:%M" + (":%S" if seconds else ""))


TEMPLATES.env.globals["chart_points"] = chart_points
TEMPLATES.env.filters["local"] = local_time

MONTH = r"^(199\d|20\d\d)-(0[1-9]|1[0-2])$"
QUARTER = r"^(199\d|20\d\d)-Q[1-4]$"
VIEWERS = ("admin", "supervisor")
WRONG = "Wrong user name or password (or the account is disabled)."


class Refused(Exception):
    """A page answered instead (the sign-in page, a refusal): shown by the handler ``install`` sets."""

    def __init__(self, response: Response) -> None:
        self.response = response


def _language(request: Request) -> str:
    chosen = request.cookies.get("saypro_lang", "")
    if chosen in texts.LANGUAGES:
        return chosen
    return "af" if request.headers.get("accept-language", "").lower().startswith("af") else "en"


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    language = _language(request)
    context = {"request": request, "t": texts.translator(language), "language": language, **context}
    response = TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
        "base-uri 'none'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _viewer(request: Request, session: DbSession, settings: AppSettings) -> web.WebUser:
    """The signed-in supervisor or admin; otherwise the sign-in page (or a refusal for others)."""
    viewer = web.current(request, session)
    if viewer is None:
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        response = RedirectResponse(f"/dashboard/sign-in?{urlencode({'next': _safe_next(here)})}", status_code=303)
        web.clear_cookie(response, settings)
        raise Refused(response)
    if viewer.user.role not in VIEWERS:
        raise Refused(render(request, "refused.html", {"viewer": viewer}, status_code=403))
    return viewer


#: The signed-in supervisor or admin of a page (anyone else gets the sign-in page or a refusal).
Viewer = Annotated[web.WebUser, Depends(_viewer)]


def _safe_next(path: str) -> str:
    """A page of the dashboard to go to after signing in; anything else (another site, a path out
    of the dashboard) goes to the overview."""
    fine = re.fullmatch(r"/dashboard(/[A-Za-z0-9_.-]+)*(\?[A-Za-z0-9_=&%.-]*)?", path) and ".." not in path
    return path if fine else "/dashboard"


def _teams_of(session: Session, viewer: web.WebUser) -> list[Team]:
    query = select(Team).order_by(Team.name)
    if viewer.user.role != "admin":
        query = query.where(Team.supervisor_id == viewer.user.id)
    return list(session.scalars(query))


def _period(month: str | None, quarter: str | None) -> Period:
    if quarter:
        return Period.parse_quarter(quarter)
    if month:
        return Period.parse_month(month)
    return Period.month(datetime.now(ORGANISATION_TZ).date())


def keep(response: Response, request: Request, settings: AppSettings, viewer: web.WebUser) -> Response:
    """The session's cookie renewed (the idle timeout counts from this request)."""
    web.set_cookie(response, request, settings, viewer.session_id)
    return response


# -- signing in and out ---------------------------------------------------------------------------


@router.get("/sign-in")
def sign_in_page(request: Request, settings: AppSettings,
                 next: Annotated[str, Query(max_length=200)] = "/dashboard") -> Response:  # noqa: A002
    token = web.sign_in_token()
    response = render(request, "sign_in.html", {"token": token, "next": _safe_next(next), "problem": ""})
    web.set_sign_in_cookie(response, settings, token)
    return response


@router.post("/sign-in")
def sign_in(request: Request, session: DbSession, settings: AppSettings,
            username: Annotated[str, Form(max_length=64)], password: Annotated[str, Form(max_length=256)],
            token: Annotated[str, Form(max_length=100)],
            next: Annotated[str, Form(max_length=200)] = "/dashboard") -> Response:  # noqa: A002
    expected = request.cookies.get(web.SIGN_IN_COOKIE, "")
    if not expected or not web.same_token(token, expected):
        return _sign_in_again(request, settings, "The form had expired. Please sign in again.", next, 400)
    address = throttle.client_address(request, settings.trusted_proxies)
    refusal = throttle.take_attempt(session, settings, username, address)
    if refusal is not None:
        session.commit()
        response = _sign_in_again(request, settings, refusal.detail, next, 429)
        response.headers["Retry-After"] = str(refusal.retry_after_s)
        return response
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        waste_a_verification(password)
    if user is None or not verify_password(user.password_hash, password) or user.disabled:
        session.commit()
        return _sign_in_again(request, settings, WRONG, next, 401)
    throttle.succeeded(session, username, address)
    started = web.start(session, settings, user, request.headers.get("user-agent", ""))
    audit.note(session, "dashboard sign-in", actor_id=user.id, detail="web dashboard")
    session.commit()
    response = RedirectResponse(_safe_next(next), status_code=303)
    web.set_cookie(response, request, settings, started.id)
    response.delete_cookie(web.SIGN_IN_COOKIE, path=web.COOKIE_PATH)
    return response


def _sign_in_again(request: Request, settings: AppSettings, problem: str, next_page: str, code: int) -> Response:
    token = web.sign_in_token()
    response = render(request, "sign_in.html", {"token": token, "next": _safe_next(next_page),
                                                 "problem": problem}, status_code=code)
    web.set_sign_in_cookie(response, settings, token)
    return response


@router.post("/sign-out")
def sign_out(request: Request, session: DbSession, settings: AppSettings,
             csrf: Annotated[str, Form(max_length=100)]) -> Response:
    viewer = web.current(request, session)
    if viewer is not None:
        if not web.same_token(csrf, viewer.csrf):
            return render(request, "refused.html", {"viewer": viewer, "csrf_failed": True}, status_code=403)
        sessions.end(session, SignInSession.id == viewer.session_id, "signed out of the dashboard")
        session.commit()
    response = RedirectResponse("/dashboard/sign-in", status_code=303)
    web.clear_cookie(response, settings)
    return response


@router.get("/language/{language}")
def choose_language(language: str, next: Annotated[str, Query(max_length=200)] = "/dashboard") -> Response:  # noqa: A002
    response = RedirectResponse(_safe_next(next), status_code=303)
    if language in texts.LANGUAGES:
        response.set_cookie("saypro_lang", language, max_age=365 * 86400, path=web.COOKIE_PATH, samesite="strict")
    return response


# -- the pages --------------------------------------------------------------------------------------


@router.get("")
def overview(request: Request, viewer: Viewer, session: DbSession, settings: AppSettings,
             month: Annotated[str | None, Query(pattern=MONTH)] = None) -> Response:
    period = _period(month, None)
    teams = _teams_of(session, viewer)
    admin = viewer.user.role == "admin"
    reports = build_reports(session, period, [*([None] if admin else []), *(team.id for team in teams)])
    organisation = reports.pop(0) if admin else None
    team_reports = reports
    audit.note(session, "report", actor_id=viewer.user.id, detail=f"dashboard overview {period.start:%Y-%m}")
    session.commit()
    return keep(render(request, "overview.html", {
        "viewer": viewer, "period": period, "title": period.title(), "month": f"{period.start:%Y-%m}",
        "organisation": organisation, "teams": list(zip(teams, team_reports, strict=True)),
        "goal_states": GOAL_STATES, "goal_labels": GOAL_LABELS}), request, settings, viewer)


@router.get("/teams/{team_id}")
def team_page(team_id: str, request: Request, viewer: Viewer, session: DbSession, settings: AppSettings,
              month: Annotated[str | None, Query(pattern=MONTH)] = None) -> Response:
    team = next((t for t in _teams_of(session, viewer) if t.id == team_id), None)
    if team is None:
        return not_yours(request, viewer)
    period = _period(month, None)
    report = build_report(session, period, team.id)
    audit.note(session, "report", actor_id=viewer.user.id, detail=f"dashboard team {team.name} {period.start:%Y-%m}")
    session.commit()
    return keep(render(request, "team.html", {
        "viewer": viewer, "team": team, "report": report, "period": period, "title": period.title(),
        "month": f"{period.start:%Y-%m}", "goal_states": GOAL_STATES, "goal_labels": GOAL_LABELS}),
        request, settings, viewer)


@router.get("/people/{user_id}")
def person_page(user_id: str, request: Request, viewer: Viewer, session: DbSession, settings: AppSettings,
                month: Annotated[str | None, Query(pattern=MONTH)] = None) -> Response:
    person = session.get(User, user_id) if re.fullmatch(r"[0-9a-f-]{36}", user_id) else None
    teams = {t.id: t for t in _teams_of(session, viewer)}
    if person is None or person.team_id not in teams:
        return not_yours(request, viewer)
    period = _period(month, None)
    shared = _shared_records(session, person.id, period)
    audit.note(session, "read", actor_id=viewer.user.id, owner_id=person.id,
               detail=f"dashboard person page {period.start:%Y-%m}")
    session.commit()
    return keep(render(request, "person.html", {
        "viewer": viewer, "person": person, "team": teams[person.team_id], "period": period,
        "title": period.title(), "month": f"{period.start:%Y-%m}", **shared}), request, settings, viewer)


@router.get("/report")
def report_page(request: Request, viewer: Viewer, session: DbSession, settings: AppSettings,
                month: Annotated[str | None, Query(pattern=MONTH)] = None,
                quarter: Annotated[str | None, Query(pattern=QUARTER)] = None,
                team: Annotated[str | None, Query(max_length=36)] = None) -> Response:
    report = _report_for(request, session, viewer, month, quarter, team)
    session.commit()
    query = request.url.query
    return keep(render(request, "report.html", {
        "viewer": viewer, "report": report, "title": period_title(report), "summary": summary_rows(report),
        "query": query, "teams": _teams_of(session, viewer), "month": month or "", "quarter": quarter or "",
        "team_id": team or "", "goal_states": GOAL_STATES, "goal_labels": GOAL_LABELS}), request, settings, viewer)


@router.get("/report.pdf")
def report_pdf_file(request: Request, viewer: Viewer, session: DbSession, settings: AppSettings,
                    month: Annotated[str | None, Query(pattern=MONTH)] = None,
                    quarter: Annotated[str | None, Query(pattern=QUARTER)] = None,
                    team: Annotated[str | None, Query(max_length=36)] = None) -> Response:
    return _download(request, viewer, session, settings, month, quarter, team, "pdf")


@router.get("/report.csv")
def report_csv_file(request: Request, viewer: Viewer, session: DbSession, settings: AppSettings,
                    month: Annotated[str | None, Query(pattern=MONTH)] = None,
                    quarter: Annotated[str | None, Query(pattern=QUARTER)] = None,
                    team: Annotated[str | None, Query(max_length=36)] = None) -> Response:
    return _download(request, viewer, session, settings, month, quarter, team, "csv")


def _download(request: Request, viewer: web.WebUser, session: Session, settings: AppSettings, month: str | None,
              quarter: str | None, team: str | None, kind: str) -> Response:
    report = _report_for(request, session, viewer, month, quarter, team)
    session.commit()
    name = re.sub(r"[^A-Za-z0-9]+", "-", f"saypro-report-{report.scope}-{report.period.start:%Y-%m}").strip("-")
    if kind == "pdf":
        response = Response(report_pdf(report), media_type="application/pdf")
    else:
        response = Response(report_csv(report).encode("utf-8"), media_type="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{name.lower()}.{kind}"'
    response.headers["Cache-Control"] = "no-store"
    return keep(response, request, settings, viewer)


def _report_for(request: Request, session: Session, viewer: web.WebUser, month: str | None, quarter: str | None,
                team_id: str | None) -> Report:
    teams = {t.id: t for t in _teams_of(session, viewer)}
    if team_id:
        if team_id not in teams:
            raise Refused(not_yours(request, viewer))
    elif viewer.user.role != "admin":
        if not teams:
            raise Refused(not_yours(request, viewer))
        team_id = next(iter(teams))  # a supervisor's report is of a team of theirs (the first, A to Z)
    period = _period(month, quarter)
    report = build_report(session, period, team_id or None)
    audit.note(session, "report", actor_id=viewer.user.id,
               detail=f"dashboard report {report.scope} {period.start}..{period.end}")
    return report


def not_yours(request: Request, viewer: web.WebUser) -> Response:
    return render(request, "refused.html", {"viewer": viewer, "not_yours": True}, status_code=404)


def _shared_records(session: Session, owner_id: str, period: Period) -> dict[str, Any]:
    """What a person shared (never a private record): the period's logs and session reports, and
    their goals with the state each is counted in."""
    rows = session.execute(select(StoredRecord.type, StoredRecord.fields).where(
        StoredRecord.owner_id == owner_id, StoredRecord.deleted.is_(False), StoredRecord.visibility != "private",
        StoredRecord.type.in_(("learning_log", "session_note", "development_goal"))))
    logs, notes, goals = [], [], []
    today = min(datetime.now(UTC).date(), period.end)
    for kind, fields in rows:
        if kind == "learning_log" and _day(fields.get("log_date")) in period:
            logs.append({"title": fields.get("title") or "", "day": _day(fields.get("log_date")),
                         "learned": str(fields.get("what_learned") or "")[:300]})
        elif kind == "session_note":
            starts = str(fields.get("starts_at") or "")
            day = session_day(parse_datetime(starts)) if starts else None
            if day in period:
                notes.append({"title": fields.get("title") or "", "day": day})
        elif kind == "development_goal" and _day(fields.get("target_date")) is not None:
            facts = GoalFacts(owner_id, str(fields.get("status") or "not_started"),
                              _day(fields.get("target_date")) or today)
            goals.append({"title": fields.get("title") or "", "target": facts.target_date,
                          "state": GOAL_LABELS.get(goal_state_of(facts, today), "")})
    return {"logs": sorted(logs, key=lambda r: r["day"], reverse=True),
            "notes": sorted(notes, key=lambda r: r["day"], reverse=True),
            "goals": sorted(goals, key=lambda r: r["target"])}


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# -- recognition -----------------------------------------------------------------------------------

DASHBOARD_DEVICE = "web dashboard"


@router.get("/recognition")
def recognition_page(request: Request, viewer: Viewer, session: DbSession, settings: AppSettings,
                     month: Annotated[str | None, Query(pattern=MONTH)] = None,
                     quarter: Annotated[str | None, Query(pattern=QUARTER)] = None,
                     done: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    """"Continuous learner of the month (or quarter)": the candidates by the stated rules, and the
    one the L&D office confirmed. Only admins see it."""
    if viewer.user.role != "admin":
        return not_yours(request, viewer)
    period = _period(month, quarter)
    code = quarter or f"{period.start:%Y-%m}"
    confirmed = _confirmed(session, code)
    return keep(render(request, "recognition.html", {
        "viewer": viewer, "period": period, "title": period.title(), "code": code,
        "month": month or "", "quarter": quarter or "", "candidates": candidates(session, period),
        "points": RECOGNITION_POINTS, "confirmed": confirmed, "done": done}), request, settings, viewer)


@router.post("/recognition")
def confirm_recognition(request: Request, session: DbSession, settings: AppSettings,
                        csrf: Annotated[str, Form(max_length=100)], period: Annotated[str, Form(max_length=7)],
                        user_id: Annotated[str, Form(max_length=36)]) -> Response:
    viewer = web.current(request, session)
    if viewer is None:
        return RedirectResponse("/dashboard/sign-in", status_code=303)
    if not web.same_token(csrf, viewer.csrf):
        return render(request, "refused.html", {"viewer": viewer, "csrf_failed": True}, status_code=403)
    if viewer.user.role != "admin":
        return not_yours(request, viewer)
    if not (re.fullmatch(MONTH, period) or re.fullmatch(QUARTER, period)):
        return render(request, "refused.html", {"viewer": viewer, "not_yours": True}, status_code=400)
    span = Period.parse_quarter(period) if "Q" in period else Period.parse_month(period)
    query = f"quarter={period}" if "Q" in period else f"month={period}"
    chosen = next((c for c in candidates(session, span) if c.user_id == user_id), None)
    if chosen is None or _confirmed(session, period) is not None:
        return RedirectResponse(f"/dashboard/recognition?{query}", status_code=303)
    kind = "quarter" if "Q" in period else "month"
    record = Recognition(owner_id=viewer.user.id, visibility=Visibility.ORGANISATION, person_id=chosen.user_id,
                         person_name=chosen.name, period=period, reasons=recognition_reasons(chosen),
                         title=f"Continuous learner of the {kind}: {span.title()}")
    try:
        publishing.push_as(session, viewer.user, record, device_name=DASHBOARD_DEVICE)
    except publishing.PublishError as exc:
        session.rollback()
        return render(request, "refused.html", {"viewer": viewer, "problem": str(exc)}, status_code=400)
    audit.note(session, "recognition", actor_id=viewer.user.id, owner_id=chosen.user_id,
               detail=f"continuous learner {period}")
    session.commit()
    return keep(RedirectResponse(f"/dashboard/recognition?{query}&done=1", status_code=303), request, settings,
                 viewer)


def _confirmed(session: Session, period: str) -> dict[str, str] | None:
    """The recognition confirmed for ``period`` (its person's name and the reasons), if any."""
    for fields in session.scalars(select(StoredRecord.fields).where(
            StoredRecord.type == "recognition", StoredRecord.deleted.is_(False),
            StoredRecord.fields["period"].as_string() == period)):
        return {"name": str(fields.get("person_name") or ""), "reasons": str(fields.get("reasons") or ""),
                "title": str(fields.get("title") or "")}
    return None
