"""Copies of attachments handed to the operating system to open, and which kinds it may open.

A photo or document is opened from a copy under its own name (so the system picks the right
viewer), in a folder inside the profile that only its owner can read, and every copy is deleted
when the app closes (and at the next start, after a crash). Only kinds that hold pictures and
documents are handed to the system: a colleague's attachment named ``report.hta``, ``setup.lnk``
or ``notes.desktop`` would run as a program; those are only ever saved where the person chooses.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

#: Opened with the system's viewer: pictures and documents without macros.
OPENABLE = frozenset({
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".heic",
    ".pdf", ".txt", ".csv", ".rtf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp",
})
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def safe_file_name(name: str) -> str:
    """A name to save or open a file under: no folders, no control characters, not empty or hidden."""
    base = _UNSAFE.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    return (base or "attachment")[:120]


def may_open(name: str) -> bool:
    return Path(safe_file_name(name)).suffix.lower() in OPENABLE


class OpenedCopies:
    """The folder of copies opened in this session."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def place(self, name: str, write: Callable[[Path], None]) -> Path:
        """A fresh copy named ``name`` (made safe), written by ``write``; only its owner can read it."""
        folder = self.root / secrets.token_hex(8)
        folder.mkdir(parents=True, mode=0o700)
        if os.name == "posix":
            self.root.chmod(0o700)
        target = folder / safe_file_name(name)
        write(target)
        if os.name == "posix":
            target.chmod(0o600)
        return target

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
