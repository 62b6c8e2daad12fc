"""Where a signed-in profile keeps its tokens: the OS keyring, or an encrypted file where there is none.

The keyring (Windows Credential Manager, macOS Keychain, the Secret Service on Linux desktops) is
used whenever the `keyring` library finds one. Headless Linux and some minimal desktops have none;
there the tokens go to ``<data dir>/credentials/<profile>.bin``, encrypted (Fernet) with a key
derived (scrypt) from this machine's id, the OS user and a random salt. That keeps the tokens
unreadable in a copied profile folder or a backup taken elsewhere; it does not protect them from
someone who can run programs as the same user on the same machine (nothing without a keyring can).
The password is never stored; only the refresh token (which the server can revoke) and the
short-lived access token are.

In the keyring an entry is named by the profile and its data folder ("default in
/home/thandi/.local/share/saypro-field-learning"), so two data folders on one account (``--data-dir``)
never read each other's sign-in.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import json
import logging
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

import keyring
import keyring.backends.fail
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.errors import KeyringError

from saypro_desktop import APP_SLUG

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Credentials:
    server: str
    username: str
    user_id: str
    display_name: str
    refresh_token: str
    access_token: str
    access_expires_at: str
    #: Signed in over plain http to a server not on this machine (allowed for a lab; shown as a warning).
    insecure_http: bool = False


def _machine_secret() -> bytes:
    for candidate in (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id")):
        try:
            return candidate.read_bytes().strip()
        except OSError:
            continue
    return os.environ.get("COMPUTERNAME", "saypro").encode()


class EncryptedFileVault:
    """Secrets in one encrypted file per profile, readable only by the OS user (0600)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _fernet(self, salt: bytes) -> Fernet:
        material = _machine_secret() + b"\0" + getpass.getuser().encode()
        key = Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(material)
        return Fernet(base64.urlsafe_b64encode(key))

    def _path(self, name: str) -> Path:
        return self.folder / f"{name}.bin"

    def get(self, name: str) -> str | None:
        try:
            data = self._path(name).read_bytes()
        except FileNotFoundError:
            return None
        salt, token = data[:16], data[16:]
        try:
            return self._fernet(salt).decrypt(token).decode()
        except InvalidToken:
            log.warning("the saved sign-in for %s cannot be read on this machine; sign in again", name)
            return None

    def set(self, name: str, value: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        salt = secrets.token_bytes(16)
        path = self._path(name)
        partial = path.with_suffix(".partial")
        partial.write_bytes(salt + self._fernet(salt).encrypt(value.encode()))
        partial.chmod(0o600)
        partial.replace(path)

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)


class CredentialStore:
    """The tokens of one profile, in the OS keyring when there is one."""

    def __init__(self, data_dir: Path, profile: str) -> None:
        self.profile = profile
        folder = Path(data_dir).absolute()
        #: The keyring entry's name: readable in a keyring browser, unique per data folder.
        self.key = f"{profile} in {folder}" if len(str(folder)) < 200 else \
            f"{profile} in {hashlib.sha256(str(folder).encode()).hexdigest()[:16]}"
        self._file = EncryptedFileVault(data_dir / "credentials")
        backend = keyring.get_keyring()
        self.uses_keyring = not isinstance(backend, keyring.backends.fail.Keyring)

    @property
    def where(self) -> str:
        return "the system keyring" if self.uses_keyring else "an encrypted file in the data folder"

    def load(self) -> Credentials | None:
        text = self._get()
        if text is None:
            return None
        try:
            return Credentials(**json.loads(text))
        except (ValueError, TypeError):
            return None

    def save(self, credentials: Credentials) -> None:
        text = json.dumps(asdict(credentials))
        if self.uses_keyring:
            try:
                keyring.set_password(APP_SLUG, self.key, text)
                return
            except KeyringError as exc:  # a locked or broken keyring: fall back rather than lose the sign-in
                log.warning("the system keyring refused to store the sign-in (%s); using an encrypted file", exc)
                self.uses_keyring = False
        self._file.set(self.profile, text)

    def delete(self) -> None:
        if self.uses_keyring:
            try:
                keyring.delete_password(APP_SLUG, self.key)
            except KeyringError:
                pass
        self._file.delete(self.profile)

    def _get(self) -> str | None:
        if self.uses_keyring:
            try:
                value = keyring.get_password(APP_SLUG, self.key)
                if value is not None:
                    return value
            except KeyringError as exc:
                log.warning("the system keyring could not be read (%s)", exc)
        return self._file.get(self.profile)
