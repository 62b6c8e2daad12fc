"""Where a profile's data lives on disk.

Default root: the platform's user data directory (platformdirs), e.g.
``~/.local/share/saypro-field-learning`` on Linux, ``%LOCALAPPDATA%\\SayPro\\saypro-field-learning``
on Windows. ``--data-dir`` (or ``SAYPRO_DATA_DIR``) overrides it. Several staff can share one
laptop: each profile has its own folder with its database, backups and attachments::

    <root>/profiles/<profile>/saypro.sqlite
    <root>/profiles/<profile>/backups/
    <root>/profiles/<profile>/attachments/
    <root>/logs/saypro.log
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from saypro_desktop import APP_SLUG, ORGANISATION

DEFAULT_PROFILE = "default"
DATA_DIR_ENV = "SAYPRO_DATA_DIR"
_PROFILE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_SLUG, ORGANISATION, roaming=False)


def check_profile_name(name: str) -> str:
    if not _PROFILE_RE.match(name) or name in {".", ".."}:
        raise ValueError(
            f"'{name}' cannot be a profile name: use letters, digits, '.', '_', '-' or '@' "
            "(at most 64 characters)."
        )
    return name


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @classmethod
    def resolve(cls, data_dir: str | Path | None) -> DataPaths:
        root = Path(data_dir).expanduser() if data_dir else default_data_dir()
        return cls(root.absolute())

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.ini"

    def profile_dir(self, profile: str = DEFAULT_PROFILE) -> Path:
        return self.root / "profiles" / check_profile_name(profile)

    def profiles(self) -> list[str]:
        """The profiles on this laptop, A to Z."""
        folder = self.root / "profiles"
        return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []

    def database(self, profile: str = DEFAULT_PROFILE) -> Path:
        return self.profile_dir(profile) / "saypro.sqlite"

    def attachments_dir(self, profile: str = DEFAULT_PROFILE) -> Path:
        return self.profile_dir(profile) / "attachments"

    def ensure(self, profile: str = DEFAULT_PROFILE) -> None:
        """Make the folders; the data folder and the profile's are readable by this OS user only (the
        laptop may be shared; folders an older version made are closed too)."""
        for folder in (self.logs_dir, self.profile_dir(profile), self.attachments_dir(profile)):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            for folder in (self.root, self.logs_dir, self.profile_dir(profile)):
                if folder.stat().st_mode & 0o077:
                    folder.chmod(0o700)
