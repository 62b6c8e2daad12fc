"""The lock on a signed-in person's profile: their password opens it, on the laptop, with no server.

When someone signs in, their profile gets a random 256-bit data key. The profile's database
(SQLCipher) and attachment files are encrypted with it, so a copied disk, a stolen laptop or a
backup reveals nothing. The data key itself is kept in ``sign-in.json``, sealed (AES-256-GCM):

- by a key derived from the person's password (scrypt, N=2**17, r=8, p=1: OWASP's minimum, about
  0.4 s and 128 MiB here), so the right password opens the profile offline and nothing else does;
- by a recovery secret the server gives this device at each online sign-in, so after an
  administrator resets a forgotten password, signing in online with the new one opens the profile
  again and seals the key under it (the old password stops working then).

Wrong passwords are counted in the file: after three, each further try must wait longer (5 s,
10 s, ... up to 5 minutes), so guessing at the "Who is working?" window is slow. (Guessing against a
copied file is slowed by scrypt alone.)

Profiles signed in before their data was encrypted have a key file of format 1 (a scrypt hash to
check the password, no data key): their data is encrypted at the next sign-in (profile_crypto).

scrypt and AES-GCM come from Python's hashlib (OpenSSL) and ``cryptography``, both already here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from saypro_desktop.paths import DataPaths

FILE_NAME = "sign-in.json"
FORMAT = 2
N, R, P = 2**17, 8, 1
KEY_BYTES = 32
#: Wrong passwords allowed before each further try must wait.
FREE_TRIES = 3
MAX_WAIT_S = 300
_SEALED_FOR = b"saypro profile data key"


class LockError(Exception):
    """The profile could not be opened; the message says why in words a person understands."""


class WrongPassword(LockError):
    pass


class TooSoon(LockError):
    def __init__(self, wait_s: int) -> None:
        super().__init__(f"Too many wrong passwords: wait {wait_s} seconds and try again.")
        self.wait_s = wait_s


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


def _seal(wrapping_key: bytes, key: bytes) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    return {"nonce": nonce.hex(), "sealed": AESGCM(wrapping_key).encrypt(nonce, key, _SEALED_FOR).hex()}


def _open(wrapping_key: bytes, box: dict[str, Any]) -> bytes:
    return AESGCM(wrapping_key).decrypt(bytes.fromhex(box["nonce"]), bytes.fromhex(box["sealed"]), _SEALED_FOR)


def _read(profile_dir: Path) -> dict[str, Any] | None:
    try:
        body = json.loads((profile_dir / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return body if isinstance(body, dict) else None


def _write(profile_dir: Path, body: dict[str, Any]) -> None:
    profile_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = profile_dir / FILE_NAME
    partial = target.with_suffix(".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as f:
        json.dump(body, f)
        f.flush()
        os.fsync(f.fileno())
    partial.replace(target)


def seal(profile_dir: Path, key: bytes, password: str, *, user: str, display_name: str, server: str,
         user_id: str = "", device_id: str = "", recovery_secret: bytes | None = None) -> None:
    """Keep ``key`` in the profile, sealed by ``password`` (and by the server's recovery secret).
    The profile's device id is kept beside it in clear (it is no secret), so signing in again can
    name the device before the profile is open."""
    salt = secrets.token_bytes(16)
    previous = _read(profile_dir) or {}
    body: dict[str, Any] = {
        "format": FORMAT, "user": user, "user_id": user_id or str(previous.get("user_id", "")),
        "device_id": device_id or str(previous.get("device_id", "")),
        "display_name": display_name, "server": server,
        "kdf": {"salt": salt.hex(), "n": N, "r": R, "p": P},
        "by_password": _seal(_derive(password, salt, N, R, P), key),
        "by_recovery": _seal(recovery_secret, key) if recovery_secret else previous.get("by_recovery"),
        "failed": {"count": 0, "last": ""},
    }
    _write(profile_dir, body)


def lock_state(profile_dir: Path) -> Literal["none", "password_only", "encrypted"]:
    """none: nobody signed in; password_only: signed in before data was encrypted (format 1);
    encrypted: the data key is sealed here and the data encrypted with it."""
    body = _read(profile_dir)
    if body is None:
        return "none"
    return "encrypted" if body.get("format") == FORMAT else "password_only"


def _wait_left(body: dict[str, Any], now: datetime) -> int:
    failed = body.get("failed") or {}
    count = int(failed.get("count", 0))
    if count < FREE_TRIES or not failed.get("last"):
        return 0
    wait = min(5 * 2 ** (count - FREE_TRIES), MAX_WAIT_S)
    passed = (now - datetime.fromisoformat(str(failed["last"]))).total_seconds()
    return max(0, int(wait - passed + 0.999))


def _count_failure(profile_dir: Path, body: dict[str, Any], now: datetime) -> None:
    failed = body.get("failed") or {}
    body["failed"] = {"count": int(failed.get("count", 0)) + 1, "last": now.isoformat()}
    _write(profile_dir, body)


def unlock(profile_dir: Path, password: str, *, now: datetime | None = None) -> bytes | None:
    """The profile's data key, opened with ``password``; None for a profile whose data is not
    encrypted yet (the password is right: encrypt it now). Raises WrongPassword (counted) or
    TooSoon."""
    now = now or datetime.now(UTC)
    body = _read(profile_dir)
    if body is None:
        raise LockError("Nobody has signed in to this profile.")
    wait = _wait_left(body, now)
    if wait:
        raise TooSoon(wait)
    try:
        if body.get("format") == FORMAT:
            kdf = body["kdf"]
            key = _open(_derive(password, bytes.fromhex(kdf["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"])),
                        body["by_password"])
        else:
            expected = bytes.fromhex(body["hash"])
            actual = _derive(password, bytes.fromhex(body["salt"]), int(body["n"]), int(body["r"]), int(body["p"]))
            if not hmac.compare_digest(expected, actual):
                raise InvalidTag
            key = None
    except (InvalidTag, KeyError, ValueError, TypeError):
        _count_failure(profile_dir, body, now)
        raise WrongPassword("That password is not right. It is the one you last signed in with.") from None
    if (body.get("failed") or {}).get("count"):
        body["failed"] = {"count": 0, "last": ""}
        _write(profile_dir, body)
    return key


def unlock_with_recovery(profile_dir: Path, recovery_secret: bytes) -> bytes:
    """The data key, opened with the recovery secret the server gave at an online sign-in (after a
    password reset). Raises WrongPassword where it does not open it."""
    body = _read(profile_dir)
    box = (body or {}).get("by_recovery")
    if not isinstance(box, dict):
        raise WrongPassword("This profile cannot be opened with a new password; sign in with the old one once.")
    try:
        return _open(recovery_secret, box)
    except (InvalidTag, KeyError, ValueError):
        raise WrongPassword("The server's recovery key does not open this profile.") from None


def mark_signed_out(profile_dir: Path) -> None:
    """The person signed this laptop out: the profile stays theirs (their password opens it), but it
    syncs again only after they sign in (which writes the key file afresh)."""
    body = _read(profile_dir)
    if body is not None:
        body["signed_out"] = True
        _write(profile_dir, body)


def device_of(profile_dir: Path) -> str:
    """The profile's device id as the key file keeps it ("" where it does not)."""
    return str((_read(profile_dir) or {}).get("device_id", ""))


def check_password(profile_dir: Path, password: str) -> bool:
    """Whether ``password`` opens the profile (counted like any try)."""
    try:
        unlock(profile_dir, password)
    except LockError:
        return False
    return True


def account_of(profile_dir: Path) -> dict[str, str] | None:
    """Who signed in to this profile (user, user_id, display name, server), or None. Cheap: the app
    reads it at start instead of the keyring."""
    body = _read(profile_dir)
    if body is None:
        return None
    try:
        account = {key: str(body.get(key, "")) if key == "user_id" else str(body[key])
                   for key in ("user", "user_id", "display_name", "server")}
    except KeyError:
        return None
    if body.get("signed_out"):
        account["signed_out"] = "yes"
    return account


@dataclass(frozen=True)
class Person:
    profile: str
    user: str
    display_name: str
    server: str


def signed_in_people(paths: DataPaths) -> list[Person]:
    """Everyone who signed in on this laptop, by profile (cheap: no keyring, no network modules)."""
    found = []
    for profile in paths.profiles():
        account = account_of(paths.profile_dir(profile))
        if account is not None:
            found.append(Person(profile, account["user"], account["display_name"], account["server"]))
    return found
