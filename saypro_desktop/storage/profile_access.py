"""Opening a person's profile, and locking it when they sign in.

A profile nobody signed in to is plain: it opens without a password. Once someone signs in, it
belongs to them: it opens only with their password (storage.profile_lock), and its database and
attachment files are encrypted with the profile's data key. A profile signed in before data was
encrypted is encrypted at the person's next sign-in (online or on the laptop), after the backup
rule of every database change (storage.migrate): the one backup kept is an encrypted copy.

Every path that opens a profile (the window, each command) goes through :func:`unlock_profile`;
every sign-in through :func:`lock_after_sign_in`.
"""

from __future__ import annotations

import logging

from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.blobs import BlobStore, FileCipher
from saypro_desktop.storage.profile_lock import (
    LockError,
    TooSoon,
    account_of,
    device_of,
    lock_state,
    new_key,
    seal,
    unlock,
    unlock_with_recovery,
)
from saypro_desktop.storage.store import RecordStore

log = logging.getLogger(__name__)


def blobs_for(paths: DataPaths, profile: str, key: bytes | None) -> BlobStore:
    return BlobStore(paths.attachments_dir(profile), FileCipher(key) if key is not None else None)


def needs_password(paths: DataPaths, profile: str) -> bool:
    return lock_state(paths.profile_dir(profile)) != "none"


def _encrypt_files(paths: DataPaths, profile: str, key: bytes, store: RecordStore | None) -> None:
    """The database (open in ``store``, or on disk) and the attachment files, encrypted with ``key``;
    anything already encrypted stays as it is (a conversion cut short finishes here)."""
    if store is not None:
        if store.key is None:
            store.encrypt(key)
    else:
        RecordStore.open(paths.database(profile), key).close()
    done = blobs_for(paths, profile, key).encrypt_existing()
    if done:
        log.info("encrypted %d attachment files of profile %s", done, profile)


def unlock_profile(paths: DataPaths, profile: str, password: str) -> bytes | None:
    """The data key of a signed-in person's profile, opened with their password (a profile signed in
    before data was encrypted is encrypted now); None for a profile nobody signed in to. Raises
    profile_lock.LockError (WrongPassword, TooSoon)."""
    folder = paths.profile_dir(profile)
    if lock_state(folder) == "none":
        return None
    key = unlock(folder, password)
    account = account_of(folder)
    if key is None and account is not None:
        key = new_key()
        # Sealed before anything is encrypted: a conversion cut short finishes at the next opening.
        seal(folder, key, password, user=account["user"], display_name=account["display_name"],
             server=account["server"], user_id=account["user_id"])
    if key is not None:
        _encrypt_files(paths, profile, key, None)
    return key


def device_id_of(paths: DataPaths, profile: str, password: str) -> str:
    """The profile's device id (what the server knows this laptop by), before signing in: from the
    key file, or from the profile itself (opened with ``password`` where it is locked)."""
    known = device_of(paths.profile_dir(profile))
    if known:
        return known
    try:
        key = unlock_profile(paths, profile, password)
    except LockError:
        key = None  # a new password: a profile of format 1, which is not encrypted yet
    store = RecordStore.open(paths.database(profile), key)
    try:
        return store.device_id
    finally:
        store.close()


def lock_after_sign_in(paths: DataPaths, profile: str, password: str, *, user: str, display_name: str, server: str,
                       user_id: str, device_id: str, recovery_secret: bytes | None, key: bytes | None = None,
                       store: RecordStore | None = None) -> bytes:
    """After the server accepted ``password``: the profile's data key (``key`` if the profile is open
    already; opened with the password, or with the server's recovery secret after a password reset;
    made now for a profile that had none), sealed by this password and the recovery secret, with the
    profile's files encrypted by it. ``store``: the profile, open in this process (it is encrypted in
    place). The previous password opens the profile no more."""
    folder = paths.profile_dir(profile)
    if key is None and lock_state(folder) == "encrypted":
        try:
            key = unlock(folder, password)
        except LockError as exc:  # a new password (reset by an administrator), or tries to wait out
            if recovery_secret is None:
                raise
            if not isinstance(exc, TooSoon):
                log.info("the password changed; opening profile %s with the server's recovery secret", profile)
            key = unlock_with_recovery(folder, recovery_secret)
    key = key or new_key()
    seal(folder, key, password, user=user, display_name=display_name, server=server, user_id=user_id,
         device_id=device_id, recovery_secret=recovery_secret)
    _encrypt_files(paths, profile, key, store)
    opened = store or RecordStore.open(paths.database(profile), key)
    try:
        opened.claim_unowned(user_id)  # what was written before anyone signed in is theirs
    finally:
        if store is None:
            opened.close()
    return key
