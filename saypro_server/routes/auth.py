"""Sign-in: user name and password for an expiring access token and a refresh token of a new
sign-in session (saypro_server.sessions); refresh; sign-out.

Every failure to sign in gives the same answer, whether the name is unknown, the password wrong or
the account disabled, and takes as long: a stranger learns nothing about which accounts exist.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from saypro_core.wire import UUID_PATTERN, ErrorOut
from saypro_server import sessions, throttle
from saypro_server.deps import NEEDS_TOKEN, AppSettings, CurrentPrincipal, DbSession, SafeText, StrictInput
from saypro_server.security import verify_password, waste_a_verification
from saypro_server.tables import Device, SignInSession, Team, User

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])

WRONG = "Wrong user name or password (or the account is disabled)."


class LoginIn(StrictInput):
    username: SafeText = Field(min_length=1, max_length=64)
    password: SafeText = Field(min_length=1, max_length=256)
    device_id: str = Field(pattern=UUID_PATTERN)
    device_name: SafeText = Field(default="laptop", max_length=120)


class RefreshIn(StrictInput):
    refresh_token: str = Field(min_length=10, max_length=200, pattern=r"^[A-Za-z0-9_-]+$")


class UserOut(BaseModel):
    id: str
    username: str
    display_name: str
    role: str
    team_id: str | None
    team_name: str | None


class TokensOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_at: str
    #: After this the password is asked again, whatever refreshes happen before.
    session_expires_at: str
    user: UserOut
    #: Only in the answer to a sign-in with the password: this device's recovery secret (base64url),
    #: which also seals its profile's data key (a new password then opens the profile).
    recovery_secret: str | None = None


def _user_out(session: DbSession, user: User) -> UserOut:
    team = session.get(Team, user.team_id) if user.team_id else None
    return UserOut(id=user.id, username=user.username, display_name=user.display_name, role=user.role,
                   team_id=user.team_id, team_name=team.name if team else None)


def _tokens(session: DbSession, issued: sessions.Issued, user: User) -> TokensOut:
    return TokensOut(access_token=issued.access_token, refresh_token=issued.refresh_token,
                     expires_at=issued.access_expires_at.isoformat(),
                     session_expires_at=issued.session_expires_at.isoformat(), user=_user_out(session, user))


@router.post("/login", response_model=TokensOut, responses={
    401: {"model": ErrorOut, "description": "Wrong user name or password, or a disabled account (one answer)"},
    409: {"model": ErrorOut, "description": "The device id belongs to another account"},
    429: {"model": ErrorOut, "description": "Too many attempts (Retry-After says how long to wait)"}})
def login(body: LoginIn, request: Request, session: DbSession, settings: AppSettings) -> TokensOut:
    address = throttle.client_address(request, settings.trusted_proxies)
    refusal = throttle.take_attempt(session, settings, body.username, address)
    if refusal is not None:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, detail=refusal.detail,
                            headers={"Retry-After": str(refusal.retry_after_s)})
    user = session.scalar(select(User).where(User.username == body.username))
    if user is None:
        waste_a_verification(body.password)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=WRONG)
    if not verify_password(user.password_hash, body.password) or user.disabled:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=WRONG)
    throttle.succeeded(session, body.username, address)
    now = datetime.now(UTC)
    device = session.get(Device, body.device_id)
    if device is None:
        device = Device(id=body.device_id, user_id=user.id, name=body.device_name, created_at=now, last_seen=now)
        session.add(device)
    elif device.user_id != user.id:
        raise HTTPException(status.HTTP_409_CONFLICT, detail="This device id belongs to another account.")
    else:
        device.revoked = False
        device.last_seen = now
    if device.recovery_secret is None:
        device.recovery_secret = secrets.token_urlsafe(32)
    session.flush()
    issued = sessions.start(session, settings, request.app.state.signing_key, user, device)
    session.commit()
    return _tokens(session, issued, user).model_copy(update={"recovery_secret": device.recovery_secret})


@router.post("/refresh", response_model=TokensOut,
             responses={401: {"model": ErrorOut, "description": "Sign in again"}})
def refresh(body: RefreshIn, request: Request, session: DbSession, settings: AppSettings) -> TokensOut:
    try:
        issued, user_id = sessions.refresh(session, settings, request.app.state.signing_key, body.refresh_token)
    except sessions.RefreshRefused as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=str(exc)) from None
    user = session.get(User, user_id)
    assert user is not None
    return _tokens(session, issued, user)


@router.post("/logout", status_code=204, responses=NEEDS_TOKEN)
def logout(principal: CurrentPrincipal, session: DbSession) -> None:
    """Sign this device out: its sign-in sessions end, so neither its refresh tokens nor its access
    tokens work again (a later sign-in starts a new session)."""
    sessions.end(session, SignInSession.device_id == principal.device_id, "signed out")
    session.commit()


@router.get("/me", response_model=UserOut, responses=NEEDS_TOKEN)
def me(principal: CurrentPrincipal, session: DbSession) -> UserOut:
    user = session.get(User, principal.user_id)
    assert user is not None
    return _user_out(session, user)
