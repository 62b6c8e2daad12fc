"""Passwords (argon2), access tokens (short-lived JWT) and refresh tokens (opaque, per device)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from saypro_server.tables import ServerSecret

_hasher = PasswordHasher()
ALGORITHM = "HS256"
SECRET_NAME = "token_signing_key"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def signing_key(session: Session) -> str:
    """The key every app server shares, made once and kept in the database."""
    key = session.scalar(select(ServerSecret.value).where(ServerSecret.name == SECRET_NAME))
    if key is None:
        raise RuntimeError("the server database has no signing key: run `saypro-server migrate`")
    return key


def new_signing_key() -> str:
    return secrets.token_urlsafe(48)


@dataclass(frozen=True)
class AccessClaims:
    user_id: str
    device_id: str
    expires_at: datetime


def make_access_token(key: str, user_id: str, device_id: str, minutes: int) -> tuple[str, datetime]:
    expires = datetime.now(UTC) + timedelta(minutes=minutes)
    payload: dict[str, Any] = {"sub": user_id, "dev": device_id, "exp": expires, "typ": "access"}
    return jwt.encode(payload, key, algorithm=ALGORITHM), expires


def read_access_token(key: str, token: str) -> AccessClaims:
    """Raise ``jwt.InvalidTokenError`` (expired, forged, malformed) or return the claims."""
    payload = jwt.decode(token, key, algorithms=[ALGORITHM], options={"require": ["sub", "dev", "exp"]})
    if payload.get("typ") != "access":
        raise jwt.InvalidTokenError("not an access token")
    return AccessClaims(str(payload["sub"]), str(payload["dev"]), datetime.fromtimestamp(payload["exp"], UTC))


def new_refresh_token() -> tuple[str, str]:
    """A refresh token for the device and the hash the server keeps (never the token itself)."""
    token = secrets.token_urlsafe(32)
    return token, hash_refresh_token(token)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
