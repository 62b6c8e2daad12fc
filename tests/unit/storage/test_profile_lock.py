"""The lock on a signed-in person's profile: their password opens it offline, nothing else does."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from saypro_desktop.storage import profile_lock
from saypro_desktop.storage.profile_lock import (
    FILE_NAME,
    TooSoon,
    WrongPassword,
    account_of,
    check_password,
    new_key,
    seal,
    unlock,
    unlock_with_recovery,
)

ACCOUNT = {"user": "thandi", "display_name": "Thandi Mokoena", "server": "https://sync.example"}


def test_the_cost_of_a_guess_is_owasps_minimum_for_scrypt() -> None:
    """Read off the module as the app loads it (these tests lower the cost, conftest.py)."""
    source = Path(profile_lock.__file__).read_text(encoding="utf-8")
    assert "N, R, P = 2**17, 8, 1" in source


def test_the_password_opens_the_key_and_is_not_kept(tmp_path: Path) -> None:
    key = new_key()
    seal(tmp_path, key, "field visits 2026", **ACCOUNT, device_id="d-1")
    assert unlock(tmp_path, "field visits 2026") == key
    with pytest.raises(WrongPassword):
        unlock(tmp_path, "field visits 2025")
    text = (tmp_path / FILE_NAME).read_text()
    assert "field visits" not in text and key.hex() not in text
    assert stat.S_IMODE((tmp_path / FILE_NAME).stat().st_mode) == 0o600
    assert account_of(tmp_path) == {**ACCOUNT, "user_id": ""}
    assert profile_lock.device_of(tmp_path) == "d-1"


def test_wrong_passwords_make_the_next_try_wait_longer_and_longer(tmp_path: Path) -> None:
    seal(tmp_path, new_key(), "field visits 2026", **ACCOUNT)
    start = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
    for n in range(3):
        with pytest.raises(WrongPassword):
            unlock(tmp_path, f"guess {n}", now=start)
    with pytest.raises(TooSoon) as first_wait:
        unlock(tmp_path, "field visits 2026", now=start + timedelta(seconds=1))
    assert first_wait.value.wait_s == 4
    with pytest.raises(WrongPassword):
        unlock(tmp_path, "guess 4", now=start + timedelta(seconds=6))
    with pytest.raises(TooSoon) as second_wait:
        unlock(tmp_path, "field visits 2026", now=start + timedelta(seconds=7))
    assert second_wait.value.wait_s == 9  # twice as long
    assert unlock(tmp_path, "field visits 2026", now=start + timedelta(seconds=17)) is not None
    assert unlock(tmp_path, "field visits 2026", now=start + timedelta(seconds=18)) is not None  # counter reset


def test_the_servers_recovery_secret_opens_the_key_too(tmp_path: Path) -> None:
    key, recovery = new_key(), new_key()
    seal(tmp_path, key, "old password 2026", **ACCOUNT, recovery_secret=recovery)
    assert unlock_with_recovery(tmp_path, recovery) == key
    with pytest.raises(WrongPassword):
        unlock_with_recovery(tmp_path, new_key())
    seal(tmp_path, key, "new password 2027", **ACCOUNT)  # resealed: the recovery box stays
    assert unlock_with_recovery(tmp_path, recovery) == key
    assert not check_password(tmp_path, "old password 2026") and check_password(tmp_path, "new password 2027")


def test_a_profile_signed_in_before_encryption_has_a_password_check_only(tmp_path: Path) -> None:
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"field visits 2026", salt=salt, n=2**10, r=8, p=1, dklen=32)
    (tmp_path / FILE_NAME).write_text(json.dumps({**ACCOUNT, "user_id": "", "salt": salt.hex(), "n": 2**10, "r": 8,
                                                  "p": 1, "hash": digest.hex()}))
    assert profile_lock.lock_state(tmp_path) == "password_only"
    assert unlock(tmp_path, "field visits 2026") is None
    with pytest.raises(WrongPassword):
        unlock(tmp_path, "nope")


def test_a_missing_or_damaged_file_opens_nothing(tmp_path: Path) -> None:
    assert not check_password(tmp_path, "anything") and account_of(tmp_path) is None
    (tmp_path / FILE_NAME).write_text("{not json")
    assert not check_password(tmp_path, "anything") and account_of(tmp_path) is None
    (tmp_path / FILE_NAME).write_text(json.dumps({"format": 2, "kdf": {"salt": "zz"}}))
    assert not check_password(tmp_path, "anything")
