"""Sign-in sessions and their tokens (OAuth 2.0 Security BCP, refresh token rotation).

A sign-in starts a session for one device: its access tokens name it (``sid``) and its refresh
tokens belong to it (the token family). Each refresh token works once and is exchanged for the
next. Reuse of one already exchanged is the mark of a stolen token, and ends the whole session:
both the thief's and the device's tokens stop working, and the person signs in again. Reuse
within a short grace period, while the token it was exchanged for has not been used, is a lost
answer on a bad link, not theft: it gets that same token again. No refresh carries a session
past its absolute lifetime. An ended session never comes back, so neither do its access tokens,
whatever the device does next.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from saypro_core.ids import new_id
from saypro_server.security import (
    hash_refresh_token,
    make_access_token,
    new_refresh_token,
    next_refresh_token,
)
from saypro_server.settings import Settings
from saypro_server.tables import Device, RefreshToken, SignInSession, User


@dataclass(frozen=True)
class Issued:
    access_token: str
    refresh_token: str
    access_expires_at: datetime
    session_expires_at: datetime


class RefreshRefused(Exception):
    """The refresh token does not give new tokens; the message says so in words a person understands."""


def _issue(settings: Settings, key: str, sign_in: SignInSession, refresh_token: str) -> Issued:
    access, expires = make_access_token(key, sign_in.user_id, sign_in.device_id, sign_in.id,
                                        settings.access_token_minutes)
    return Issued(access, refresh_token, expires, sign_in.expires_at)


def _refresh_row(settings: Settings, sign_in: SignInSession, token: str, now: datetime) -> RefreshToken:
    return RefreshToken(token_hash=hash_refresh_token(token), session_id=sign_in.id,
                        expires_at=min(now + timedelta(days=settings.refresh_token_days), sign_in.expires_at))


def start(session: Session, settings: Settings, key: str, user: User, device: Device) -> Issued:
    """A new session for ``device`` (the caller commits)."""
    now = datetime.now(UTC)
    sign_in = SignInSession(id=new_id(), user_id=user.id, device_id=device.id, created_at=now,
                            expires_at=now + timedelta(days=settings.session_days))
    session.add(sign_in)
    session.flush()  # the session row first: its refresh tokens refer to it
    token = new_refresh_token()
    session.add(_refresh_row(settings, sign_in, token, now))
    return _issue(settings, key, sign_in, token)


def refresh(session: Session, settings: Settings, key: str, token: str) -> tuple[Issued, str]:
    """New tokens for a refresh token, and the user id; raises RefreshRefused. Commits either way
    (a theft ends the session for good even though the request is refused)."""
    now = datetime.now(UTC)
    stored = session.scalar(select(RefreshToken).where(
        RefreshToken.token_hash == hash_refresh_token(token)).with_for_update())
    if stored is None:
        raise RefreshRefused("Sign in again: this refresh token is not valid.")
    sign_in = session.scalar(select(SignInSession).where(SignInSession.id == stored.session_id).with_for_update())
    assert sign_in is not None
    user = session.get(User, sign_in.user_id)
    if sign_in.revoked_at is not None or user is None or user.disabled:
        raise RefreshRefused("Sign in again: access was withdrawn.")
    if sign_in.expires_at <= now:
        raise RefreshRefused("Sign in again: it is time to type your password again (sign-ins last "
                             f"{settings.session_days} days).")
    if stored.expires_at <= now:
        raise RefreshRefused("Sign in again: this device has not synced for a long time.")
    child_token = next_refresh_token(key, token)
    if stored.used_at is not None:
        child = session.get(RefreshToken, hash_refresh_token(child_token))
        if now - stored.used_at <= timedelta(seconds=settings.refresh_grace_seconds) and child is not None \
                and child.used_at is None:
            session.commit()
            return _issue(settings, key, sign_in, child_token), sign_in.user_id  # the same answer again
        end(session, SignInSession.id == sign_in.id, "a refresh token was used twice (stolen?)")
        session.commit()
        raise RefreshRefused("Sign in again: this refresh token was already used.")
    stored.used_at = now
    session.add(_refresh_row(settings, sign_in, child_token, now))
    session.commit()
    return _issue(settings, key, sign_in, child_token), sign_in.user_id


def end(session: Session, which: ColumnElement[bool], why: str) -> int:
    """End the sessions ``which`` selects, for good (the caller commits); returns how many were open."""
    result = session.execute(update(SignInSession).where(which, SignInSession.revoked_at.is_(None)).values(
        revoked_at=datetime.now(UTC), revoked_why=why[:120]))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
