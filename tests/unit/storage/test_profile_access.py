"""A signed-in person's profile is encrypted at rest: a copied disk or backup reveals nothing, and it
opens only with their password. A profile nobody signed in to stays plain."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from saypro_core.records import LearningLog
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.blobs import BlobStore, FileCipher
from saypro_desktop.storage.migrate import DamagedDatabaseError
from saypro_desktop.storage.profile_access import blobs_for, lock_after_sign_in, needs_password, unlock_profile
from saypro_desktop.storage.profile_lock import FILE_NAME, WrongPassword, lock_state, new_key, seal
from saypro_desktop.storage.store import RecordStore
from tests import factories

SECRET = "Tzaneen water committee minutes"
PHOTO = b"register of attendees: " + b"Thandi, Sipho, Lerato " * 200


def _profile_with_data(paths: DataPaths) -> tuple[RecordStore, str]:
    paths.ensure()
    store = RecordStore.open(paths.database())
    store.save(factories.learning_log(id=factories.new_id(), title=SECRET))
    photo = paths.root / "photo.jpg"
    photo.write_bytes(PHOTO)
    stored = BlobStore(paths.attachments_dir()).put_file(photo)
    photo.unlink()
    partial = BlobStore(paths.attachments_dir()).partial("ab" * 32)
    with partial.appending(restart=True) as write:
        write(PHOTO[:500])
    return store, stored.sha256


def _everything_on_disk(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file() and p.name != FILE_NAME)


def _sign_in(paths: DataPaths, password: str = "field visits 2026", store: RecordStore | None = None,
             recovery: bytes | None = None) -> bytes:
    return lock_after_sign_in(paths, "default", password, user="thandi", display_name="Thandi", server="https://s",
                              user_id="u1", device_id=store.device_id if store else "", recovery_secret=recovery,
                              key=store.key if store else None, store=store)


def test_signing_in_encrypts_the_database_its_backup_and_the_files(data_paths: DataPaths) -> None:
    store, sha256 = _profile_with_data(data_paths)
    assert SECRET.encode() in _everything_on_disk(data_paths.profile_dir())  # plain before anyone signed in
    key = _sign_in(data_paths, store=store)
    assert store.search("Tzaneen")[0].title == SECRET  # the open store goes on, encrypted
    store.save(factories.learning_log(id=factories.new_id(), title="After signing in, also secret"))
    store.close()
    on_disk = _everything_on_disk(data_paths.profile_dir())
    for plain in (SECRET.encode(), b"also secret", b"Thandi, Sipho", b"SQLite format 3"):
        assert plain not in on_disk
    assert list((data_paths.profile_dir() / "backups").iterdir())  # the backup kept is an encrypted copy
    reopened = RecordStore.open(data_paths.database(), key)
    assert {log.title for log in reopened.records(LearningLog)} == {SECRET, "After signing in, also secret"}
    reopened.close()
    blobs = blobs_for(data_paths, "default", key)
    copy = data_paths.root / "copy.jpg"
    blobs.copy_out(sha256, copy)
    assert copy.read_bytes() == PHOTO and blobs.read(sha256, 10, 20) == PHOTO[10:30]
    assert blobs.partial_downloads() == ["ab" * 32] and blobs.partial("ab" * 32).size() == 500


def test_the_profile_opens_with_the_password_and_nothing_else(data_paths: DataPaths) -> None:
    store, _ = _profile_with_data(data_paths)
    _sign_in(data_paths, store=store)
    store.close()
    assert needs_password(data_paths, "default")
    with pytest.raises(WrongPassword):
        unlock_profile(data_paths, "default", "field visits 2025")
    with pytest.raises(DamagedDatabaseError):
        RecordStore.open(data_paths.database())  # no key: not even the schema can be read
    with pytest.raises(DamagedDatabaseError):
        RecordStore.open(data_paths.database(), new_key())
    key = unlock_profile(data_paths, "default", "field visits 2026")
    assert key is not None
    RecordStore.open(data_paths.database(), key).close()


def test_a_new_password_opens_the_profile_through_the_servers_recovery_secret(data_paths: DataPaths) -> None:
    store, _ = _profile_with_data(data_paths)
    recovery = os.urandom(32)
    key = _sign_in(data_paths, store=store, recovery=recovery)
    store.close()
    # An administrator reset the password: signing in online with the new one opens the profile...
    assert _sign_in(data_paths, "a new password 2027", recovery=recovery) == key
    # ...and the old password opens it no more.
    with pytest.raises(WrongPassword):
        unlock_profile(data_paths, "default", "field visits 2026")
    assert unlock_profile(data_paths, "default", "a new password 2027") == key


def test_a_profile_signed_in_before_encryption_is_encrypted_at_the_next_opening(data_paths: DataPaths) -> None:
    store, _ = _profile_with_data(data_paths)
    store.close()
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"field visits 2026", salt=salt, n=2**10, r=8, p=1, dklen=32)
    (data_paths.profile_dir() / FILE_NAME).write_text(json.dumps({
        "user": "thandi", "user_id": "u1", "display_name": "Thandi", "server": "https://s", "salt": salt.hex(),
        "n": 2**10, "r": 8, "p": 1, "hash": digest.hex()}))
    key = unlock_profile(data_paths, "default", "field visits 2026")
    assert key is not None and lock_state(data_paths.profile_dir()) == "encrypted"
    assert SECRET.encode() not in _everything_on_disk(data_paths.profile_dir())


def test_an_encryption_cut_short_is_finished_at_the_next_opening(data_paths: DataPaths) -> None:
    """The key is sealed before the files are encrypted; power fails before they are."""
    store, sha256 = _profile_with_data(data_paths)
    store.close()
    key = new_key()
    seal(data_paths.profile_dir(), key, "field visits 2026", user="thandi", display_name="Thandi", server="https://s")
    assert unlock_profile(data_paths, "default", "field visits 2026") == key
    assert SECRET.encode() not in _everything_on_disk(data_paths.profile_dir())
    assert BlobStore(data_paths.attachments_dir(), FileCipher(key)).has(sha256)


def test_a_profile_nobody_signed_in_to_stays_plain_and_opens_without_a_password(data_paths: DataPaths) -> None:
    store, _ = _profile_with_data(data_paths)
    store.close()
    assert not needs_password(data_paths, "default")
    assert unlock_profile(data_paths, "default", "") is None
    RecordStore.open(data_paths.database()).close()


def test_profile_folders_and_files_are_the_owners_only(data_paths: DataPaths, tmp_path: Path) -> None:
    old = os.umask(0o077)  # as the app sets it (cli.main)
    try:
        paths = DataPaths.resolve(tmp_path / "fresh")
        store, _ = _profile_with_data(paths)
        _sign_in(paths, store=store)
        store.close()
    finally:
        os.umask(old)
    for path in [paths.profile_dir(), *paths.profile_dir().rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"
