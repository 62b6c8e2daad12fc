"""Browser sign-in for the dashboard: a sign-in session of its own, held in a signed cookie.

Signing in with the password (the API's throttle and its one answer for every failure) starts a
sign-in session (saypro_server.sessions' table) on a device named for the browser, so an admin's
"revoke devices" and signing out end it for good, as for a laptop. The cookie is a JWT signed with
the server's key (PyJWT, already the access tokens' library) naming the session and when the
browser was last active; it is HttpOnly, SameSite=Strict, Secure (unless the server is told it
runs on loopback without TLS) and renewed at each request. It stops working after
``dashboard_idle_minutes`` without a request and after ``dashboard_session_hours`` in any case.

Every form that changes something carries a CSRF token derived from the session (an HMAC of its
id with the server's key: nothing to store), checked on each POST besides SameSite; the sign-in
form's token is bound to a short-lived cookie of its own (double submit).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt
from fastapi import Request, Response
from sqlalchemy.orm import Session

from saypro_core.ids import new_id
from saypro_server.settings import Settings
from saypro_server.tables import Device, SignInSession, User

COOKIE = "saypro_dashboard"
SIGN_IN_COOKIE = "saypro_sign_in"
COOKIE_PATH = "/dashboard"
AUDIENCE = "saypro-dashboard"
BROWSER_DEVICE = "web browser (dashboard)"


@dataclass(frozen=True)
class WebUser:
    user: User
    session_id: str
    csrf: str


def _key(request: Request) -> str:
    return str(request.app.state.signing_key)


def csrf_for(key: str, session_id: str) -> str:
    return hmac.new(key.encode(), f"csrf:{session_id}".encode(), hashlib.sha256).hexdigest()


def same_token(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def start(session: Session, settings: Settings, user: User, user_agent: str) -> SignInSession:
    """A new sign-in session for a browser (the caller commits)."""
    now = datetime.now(UTC)
    device = Device(id=new_id(), user_id=user.id, name=f"{BROWSER_DEVICE}: {user_agent[:60]}", created_at=now,
                    last_seen=now)
    session.add(device)
    session.flush()
    sign_in = SignInSession(id=new_id(), user_id=user.id, device_id=device.id, created_at=now,
                            expires_at=now + timedelta(hours=settings.dashboard_session_hours))
    session.add(sign_in)
    session.flush()
    return sign_in


def set_cookie(response: Response, request: Request, settings: Settings, session_id: str) -> None:
    now = datetime.now(UTC)
    token = jwt.encode({"sid": session_id, "aud": AUDIENCE, "act": int(now.timestamp()),
                        "exp": now + timedelta(minutes=settings.dashboard_idle_minutes)}, _key(request),
                       algorithm="HS256")
    response.set_cookie(COOKIE, token, max_age=settings.dashboard_idle_minutes * 60, path=COOKIE_PATH,
                        httponly=True, samesite="strict", secure=settings.dashboard_secure_cookie)


def clear_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(COOKIE, path=COOKIE_PATH, httponly=True, samesite="strict",
                           secure=settings.dashboard_secure_cookie)


def current(request: Request, session: Session) -> WebUser | None:
    """Who this browser is signed in as, or None (no cookie, a forged or expired one, an ended or
    timed-out session, a disabled account)."""
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    try:
        claims = jwt.decode(token, _key(request), algorithms=["HS256"], audience=AUDIENCE,
                            options={"require": ["sid", "exp", "aud"]})
    except jwt.PyJWTError:
        return None
    sign_in = session.get(SignInSession, str(claims["sid"]))
    now = datetime.now(UTC)
    if sign_in is None or sign_in.revoked_at is not None or _aware(sign_in.expires_at) <= now:
        return None
    user = session.get(User, sign_in.user_id)
    if user is None or user.disabled:
        return None
    return WebUser(user, sign_in.id, csrf_for(_key(request), sign_in.id))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def sign_in_token() -> str:
    return secrets.token_urlsafe(24)


def set_sign_in_cookie(response: Response, settings: Settings, token: str) -> None:
    response.set_cookie(SIGN_IN_COOKIE, token, max_age=30 * 60, path=COOKIE_PATH, httponly=True,
                        samesite="strict", secure=settings.dashboard_secure_cookie)
