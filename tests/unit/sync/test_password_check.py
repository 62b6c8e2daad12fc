"""The offline password check kept after the first sign-in."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from saypro_desktop.sync.password_check import FILE_NAME, account_of, check_password, save_verifier


def test_the_right_password_opens_and_the_password_itself_is_not_kept(tmp_path: Path) -> None:
    save_verifier(tmp_path, "field visits 2026", user="thandi", display_name="Thandi Mokoena",
                  server="https://sync.example")
    assert check_password(tmp_path, "field visits 2026")
    assert not check_password(tmp_path, "field visits 2025")
    assert not check_password(tmp_path, "")
    text = (tmp_path / FILE_NAME).read_text()
    assert "field visits" not in text
    assert stat.S_IMODE((tmp_path / FILE_NAME).stat().st_mode) == 0o600
    assert account_of(tmp_path) == {"user": "thandi", "user_id": "", "display_name": "Thandi Mokoena",
                                    "server": "https://sync.example"}


def test_each_sign_in_gets_its_own_salt(tmp_path: Path) -> None:
    save_verifier(tmp_path / "a", "same", user="a", display_name="A", server="s")
    save_verifier(tmp_path / "b", "same", user="b", display_name="B", server="s")
    first, second = (json.loads((tmp_path / n / FILE_NAME).read_text()) for n in ("a", "b"))
    assert first["salt"] != second["salt"] and first["hash"] != second["hash"]


def test_a_missing_or_damaged_file_opens_nothing(tmp_path: Path) -> None:
    assert not check_password(tmp_path, "anything") and account_of(tmp_path) is None
    (tmp_path / FILE_NAME).write_text("{not json")
    assert not check_password(tmp_path, "anything") and account_of(tmp_path) is None
    (tmp_path / FILE_NAME).write_text(json.dumps({"salt": "zz", "hash": "00", "n": 2, "r": 1, "p": 1}))
    assert not check_password(tmp_path, "anything")
