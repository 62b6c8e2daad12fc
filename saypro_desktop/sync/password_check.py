"""Checking a person's password on the laptop, with no server: after the first sign-in the app
keeps a scrypt hash of the password (never the password) in the profile, so the next time it can
open offline for that person only.

scrypt from Python's hashlib (OpenSSL) rather than a package: it is a memory-hard KDF meant for
exactly this, and the desktop needs no extra native dependency for it. A check costs about a tenth of a second here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from saypro_desktop.paths import DataPaths

FILE_NAME = "sign-in.json"
N, R, P = 2**15, 8, 1


def _hash(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=128 * 1024 * 1024, dklen=32)


def save_verifier(profile_dir: Path, password: str, *, user: str, display_name: str, server: str,
                  user_id: str = "") -> None:
    salt = secrets.token_bytes(16)
    body = {"user": user, "user_id": user_id, "display_name": display_name, "server": server, "salt": salt.hex(),
            "n": N, "r": R, "p": P, "hash": _hash(password, salt, N, R, P).hex()}
    profile_dir.mkdir(parents=True, exist_ok=True)
    target = profile_dir / FILE_NAME
    partial = target.with_suffix(".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as f:
        json.dump(body, f)
    partial.replace(target)


def account_of(profile_dir: Path) -> dict[str, str] | None:
    """Who signed in to this profile (user, user_id, display name, server), or None. Cheap: the app
    reads it at start instead of the keyring."""
    try:
        body = json.loads((profile_dir / FILE_NAME).read_text(encoding="utf-8"))
        return {key: str(body.get(key, "")) if key == "user_id" else str(body[key])
                for key in ("user", "user_id", "display_name", "server")}
    except (OSError, ValueError, KeyError, TypeError):
        return None


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


def check_password(profile_dir: Path, password: str) -> bool:
    try:
        body = json.loads((profile_dir / FILE_NAME).read_text(encoding="utf-8"))
        expected = bytes.fromhex(body["hash"])
        actual = _hash(password, bytes.fromhex(body["salt"]), int(body["n"]), int(body["r"]), int(body["p"]))
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)
