"""Sign-in: user name and password for an expiring access token and a device-bound refresh token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy import delete, func, select, update

from saypro_core.wire import UUID_PATTERN, ErrorOut
from saypro_server.deps import NEEDS_TOKEN, AppSettings, CurrentPrincipal, DbSession, StrictInput
from saypro_server.security import (
    hash_refresh_token,
    make_access_token,
    new_refresh_token,
    signing_key,
    verify_password,
)
from saypro_server.tables import Device, LoginFailure, RefreshToken, Team, User

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


class LoginIn(StrictInput):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(pattern=UUID_PATTERN)
    device_name: str = Field(default="laptop", max_length=120)


class RefreshIn(StrictInput):
    refresh_token: str = Field(min_length=10, max_length=200)


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
    user: UserOut


def _user_out(session: DbSession, user: User) -> UserOut:
    team = session.get(Team, user.team_id) if user.team_id else None
    return UserOut(id=user.id, username=user.username, display_name=user.display_name, role=user.role,
                   team_id=user.team_id, team_name=team.name if team else None)


def _issue(session: DbSession, settings: AppSettings, user: User, device: Device) -> TokensOut:
    access, expires = make_access_token(signing_key(session), user.id, device.id, settings.access_token_minutes)
    refresh, refresh_hash = new_refresh_token()
    session.add(RefreshToken(token_hash=refresh_hash, user_id=user.id, device_id=device.id,
                             expires_at=datetime.now(UTC) + timedelta(days=settings.refresh_token_days)))
    session.commit()
    return TokensOut(access_token=access, refresh_token=refresh, expires_at=expires.isoformat(),
                     user=_user_out(session, user))


@router.post("/login", response_model=TokensOut, responses={
    401: {"model": ErrorOut, "description": "Wrong user name or password, or a disabled account"},
    409: {"model": ErrorOut, "description": "The device id belongs to another account"},
    429: {"model": ErrorOut, "description": "Too many failed attempts"}})
def login(body: LoginIn, session: DbSession, settings: AppSettings) -> TokensOut:
    now = datetime.now(UTC)
    window_start = now - timedelta(minutes=settings.login_window_minutes)
    failures = session.scalar(select(func.count()).select_from(LoginFailure).where(
        LoginFailure.username == body.username, LoginFailure.at > window_start)) or 0
    if failures >= settings.login_attempts:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS,
                            detail=f"Too many failed sign-ins; try again in {settings.login_window_minutes} minutes.")
    user = session.scalar(select(User).where(User.username == body.username))
    if user is None or not verify_password(user.password_hash, body.password):
        session.add(LoginFailure(username=body.username, at=now))
        session.commit()
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Wrong user name or password.")
    if user.disabled:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="This account is disabled.")
    session.execute(delete(LoginFailure).where(LoginFailure.username == body.username))
    device = session.get(Device, body.device_id)
    if device is None:
        device = Device(id=body.device_id, user_id=user.id, name=body.device_name, created_at=now, last_seen=now)
        session.add(device)
    elif device.user_id != user.id:
        raise HTTPException(status.HTTP_409_CONFLICT, detail="This device id belongs to another account.")
    else:
        device.revoked = False
        device.last_seen = now
    return _issue(session, settings, user, device)


@router.post("/refresh", response_model=TokensOut,
             responses={401: {"model": ErrorOut, "description": "Sign in again"}})
def refresh(body: RefreshIn, session: DbSession, settings: AppSettings) -> TokensOut:
    stored = session.get(RefreshToken, hash_refresh_token(body.refresh_token))
    if stored is None or stored.used or stored.expires_at < datetime.now(UTC):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Sign in again: this refresh token is not valid.")
    user = session.get(User, stored.user_id)
    device = session.get(Device, stored.device_id)
    if user is None or user.disabled or device is None or device.revoked:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Sign in again: access was withdrawn.")
    stored.used = True  # rotation: each refresh token works once
    return _issue(session, settings, user, device)


@router.post("/logout", status_code=204, responses=NEEDS_TOKEN)
def logout(principal: CurrentPrincipal, session: DbSession) -> None:
    """Sign this device out: its refresh tokens stop working and its access tokens are refused."""
    session.execute(update(Device).where(Device.id == principal.device_id).values(revoked=True))
    session.execute(delete(RefreshToken).where(RefreshToken.device_id == principal.device_id))
    session.commit()


@router.get("/me", response_model=UserOut, responses=NEEDS_TOKEN)
def me(principal: CurrentPrincipal, session: DbSession) -> UserOut:
    user = session.get(User, principal.user_id)
    assert user is not None
    return _user_out(session, user)
