"""Passwords (argon2), access tokens (short-lived JWT naming their sign-in session), refresh tokens
(opaque, kept only as hashes) and the key that signs access tokens.

The signing key lives outside the database, in ``SAYPRO_SERVER_SIGNING_KEY`` (several app servers
share it) or a key file readable by the server's user only: someone who can read the database
(a backup, an SQL injection elsewhere) still cannot mint a token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from saypro_server.settings import Settings

_hasher = PasswordHasher()
ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_DUMMY_HASH: str | None = None


def waste_a_verification(password: str) -> None:
    """Spend what checking a real password costs, so an unknown user name answers as slowly as a
    known one (user names must not be told apart by timing)."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
    verify_password(_DUMMY_HASH, password)


class SigningKeyError(RuntimeError):
    """The signing key cannot be read or made; the message says where and why."""


def new_signing_key() -> str:
    return secrets.token_urlsafe(48)


def write_key_file(path: Path, key: str) -> None:
    """Create ``path`` holding ``key``, readable and writable by its owner only (0600 from the start)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as f:
        f.write(key + "\n")


def load_signing_key(settings: Settings, *, create: bool = True) -> str:
    """The key from the environment, or else from the key file (made now if missing and ``create``)."""
    if settings.signing_key is not None:
        return settings.signing_key.get_secret_value()
    path = settings.key_file()
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        if not create:
            raise SigningKeyError(f"no token signing key at {path}: run `saypro-server migrate`") from None
        key = new_signing_key()
        try:
            write_key_file(path, key)
        except FileExistsError:  # another process made it first
            return load_signing_key(settings, create=False)
        except OSError as exc:
            raise SigningKeyError(f"cannot create the token signing key {path}: {exc.strerror}") from None
        return key
    except (OSError, UnicodeDecodeError) as exc:
        raise SigningKeyError(f"cannot read the token signing key {path}: {exc}") from None
    if len(key) < 32:
        raise SigningKeyError(f"the token signing key in {path} is too short (at least 32 characters)")
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o600)  # a key left readable by others (an older version, a copy) is closed again
    return key


@dataclass(frozen=True)
class AccessClaims:
    user_id: str
    device_id: str
    session_id: str
    expires_at: datetime


def make_access_token(key: str, user_id: str, device_id: str, session_id: str, minutes: int) -> tuple[str, datetime]:
    expires = datetime.now(UTC) + timedelta(minutes=minutes)
    payload: dict[str, Any] = {"sub": user_id, "dev": device_id, "sid": session_id, "exp": expires,
                               "typ": "access"}
    return jwt.encode(payload, key, algorithm=ALGORITHM), expires


def read_access_token(key: str, token: str) -> AccessClaims:
    """Raise ``jwt.InvalidTokenError`` (expired, forged, malformed) or return the claims."""
    payload = jwt.decode(token, key, algorithms=[ALGORITHM], options={"require": ["sub", "dev", "sid", "exp"]})
    if payload.get("typ") != "access":
        raise jwt.InvalidTokenError("not an access token")
    return AccessClaims(str(payload["sub"]), str(payload["dev"]), str(payload["sid"]),
                        datetime.fromtimestamp(payload["exp"], UTC))


def genuine_access_token(key: str, token: str) -> bool:
    """Signed with ``key``, unexpired and well-formed (whether its session still stands is for the
    database to say)."""
    try:
        read_access_token(key, token)
    except jwt.InvalidTokenError:
        return False
    return True


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def next_refresh_token(key: str, token: str) -> str:
    """The refresh token that follows ``token``: derived, not random, so presenting ``token`` again
    (its answer was lost) gives the same one without the server keeping any token in clear."""
    digest = hmac.new(key.encode(), b"refresh-child\0" + token.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
