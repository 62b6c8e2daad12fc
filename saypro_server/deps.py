"""Dependencies the routes receive: a database session and the signed-in principal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import jwt
from fastapi import Depends, FastAPI, HTTPException, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, ConfigDict
from sqlalchemy import Select, bindparam, exists, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from saypro_core.validation import text_problem
from saypro_core.wire import ErrorOut
from saypro_server.security import read_access_token
from saypro_server.settings import Settings
from saypro_server.sync_service import FeedState, Principal, feed_state_columns, feed_state_of, make_principal
from saypro_server.tables import Device, SignInSession, User

_bearer = HTTPBearer(auto_error=False)


def _valid_text(value: str) -> str:
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(f"holds a character that is not valid text ({problem[0]}, at character {problem[1]})")
    return value


#: Text from a request: valid Unicode without NUL (PostgreSQL refuses NUL; a lone surrogate cannot be
#: encoded again), so no input can fail a query or an answer.
SafeText = Annotated[str, AfterValidator(_valid_text)]


class StrictInput(BaseModel):
    """Request bodies: no unknown keys, no coercion (`false` is not 0, "3" is not 3)."""

    model_config = ConfigDict(extra="forbid", strict=True)


#: For routers whose routes all need a signed-in device.
NEEDS_TOKEN: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No valid access token, or the account or device was withdrawn"},
}


def _query_names(dependant: Any) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def reject_unknown_query(request: Request) -> None:  # async: no thread hop for a dict check
    """A query parameter the route does not take is an error, not silently ignored (a typo such as
    `?mont=2026-11` would otherwise answer for the wrong month)."""
    route = request.scope.get("route")
    if route is None or not request.query_params:
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise RequestValidationError([{"type": "extra_forbidden", "loc": ("query", unknown[0]),
                                       "msg": "Unknown query parameter", "input": request.query_params[unknown[0]]}])


def get_db(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


@contextmanager
def read_session(app: FastAPI) -> Iterator[Session]:
    """A session whose statements each run on their own (no BEGIN/COMMIT round trips): for checking
    a token and serving the feed, the work of almost every request. Writes needing a transaction
    open one with `app.state.session_factory.begin()`."""
    with Session(bind=app.state.read_engine, expire_on_commit=False) as session:
        yield session


def get_read_db(request: Request) -> Iterator[Session]:
    with read_session(request.app) as session:
        yield session


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


DbSession = Annotated[Session, Depends(get_db)]
ReadSession = Annotated[Session, Depends(get_read_db)]
AppSettings = Annotated[Settings, Depends(get_settings)]


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": "Bearer"})


#: How stale a device's "last seen" may get before a request writes it (a write per request would
#: make every no-change sync a write transaction).
LAST_SEEN_RESOLUTION = timedelta(minutes=5)


async def _require_bearer(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> HTTPAuthorizationCredentials:
    """A token must be present before anything else about the request is looked at (no thread hop)."""
    if credentials is None:
        raise _unauthorized("Sign in first: this needs an access token.")
    return credentials


BearerToken = Annotated[HTTPAuthorizationCredentials, Depends(_require_bearer)]


def get_principal(request: Request, session: ReadSession, credentials: BearerToken) -> Principal:
    return authenticate(request, session, credentials)


def _auth_statement(*extra: ColumnElement[Any]) -> Select[Any]:
    # Built once: constructing a statement and its cache key costs more CPU than running it.
    mentee = aliased(User)
    columns: list[Any] = [
        User.role, User.team_id, User.disabled, User.scope_epoch,
        exists().where(mentee.mentor_id == User.id).label("mentors"),  # whether a query for mentees is needed
        SignInSession.id, SignInSession.revoked_at, SignInSession.expires_at, Device.last_seen, Device.cursor_answered]
    return (select(*columns, *extra)
            .outerjoin(SignInSession, (SignInSession.id == bindparam("session_id"))
                       & (SignInSession.user_id == User.id) & (SignInSession.device_id == bindparam("device_id")))
            .outerjoin(Device, Device.id == SignInSession.device_id)
            .where(User.id == bindparam("user_id")))


_AUTH = _auth_statement()
_AUTH_WITH_FEED_STATE = _auth_statement(*feed_state_columns())


def authenticate(request: Request, session: Session, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    """The user and device behind the access token; disabled users and revoked devices at once refused."""
    return _authenticate(request, session, credentials, with_feed_state=False)[0]


def authenticate_for_sync(request: Request, session: Session,
                          credentials: HTTPAuthorizationCredentials | None) -> tuple[Principal, FeedState]:
    """`authenticate`, plus the feed state read in the same round trip (a no-change sync is then one
    statement: the request almost every device sends every few minutes)."""
    principal, state = _authenticate(request, session, credentials, with_feed_state=True)
    assert state is not None
    return principal, state


def _authenticate(request: Request, session: Session, credentials: HTTPAuthorizationCredentials | None, *,
                  with_feed_state: bool) -> tuple[Principal, FeedState | None]:
    if credentials is None:
        raise _unauthorized("Sign in first: this needs an access token.")
    try:
        claims = read_access_token(request.app.state.signing_key, credentials.credentials)
    except jwt.ExpiredSignatureError:
        raise _unauthorized("The access token has expired; refresh it.") from None
    except jwt.InvalidTokenError:
        raise _unauthorized("The access token is not valid.") from None
    row = session.connection().execute(
        _AUTH_WITH_FEED_STATE if with_feed_state else _AUTH,
        {"user_id": claims.user_id, "device_id": claims.device_id, "session_id": claims.session_id}).first()
    if row is None or row.disabled:
        raise _unauthorized("This account is disabled.")
    now = datetime.now(UTC)
    if row.id is None or row.revoked_at is not None or row.expires_at <= now:
        raise _unauthorized("This device was signed out; sign in again.")
    if row.last_seen < now - LAST_SEEN_RESOLUTION:
        session.connection().execute(update(Device).where(Device.id == claims.device_id).values(last_seen=now))
    state = feed_state_of(row) if with_feed_state else None
    principal = make_principal(session, claims.user_id, claims.device_id, row.role, row.team_id, claims.session_id,
                               row.scope_epoch, int(row.cursor_answered or 0), mentors=bool(row.mentors))
    return principal, state


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_supervisor(principal: CurrentPrincipal) -> Principal:
    if principal.role not in ("supervisor", "admin"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Only supervisors can see team reports.")
    return principal
