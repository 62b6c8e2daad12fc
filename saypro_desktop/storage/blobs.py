"""Attachment files on this laptop, stored by content (sha256), as the server stores them.

A file is copied in once under ``<profile>/attachments/ab/abcdef…``; two records attaching the same
photo share it. Writes go to a temporary file that is renamed into place after its hash is known,
so a crash mid-copy leaves no half file under a real name. Downloads collect their bytes under
``attachments/.partial/<sha256>`` and move in once their hash matches.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")


def is_sha256(value: str) -> bool:
    return _SHA256.fullmatch(value) is not None


class OutsideProfile(ValueError):
    """A path made from data (a hash from the server) would lie outside the profile's file store."""


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _inside(self, *parts: str) -> Path:
        """A path under the store, made only of a checked hash: a name from a hostile server
        ("../../.bashrc") never becomes a path outside the profile."""
        sha256 = parts[-1]
        if not is_sha256(sha256):
            raise OutsideProfile(f"{sha256[:80]!r} is not a sha256 hash")
        path = self.root.joinpath(*parts)
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise OutsideProfile(f"{path} is not inside {self.root}")
        return path

    def path_for(self, sha256: str) -> Path:
        return self._inside(sha256[:2], sha256)

    def has(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path_for(sha256).is_file()

    def put_file(self, source: Path) -> StoredFile:
        """Copy ``source`` in (once per content) and return its hash, size and stored path."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        descriptor, temporary = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with open(source, "rb") as reader, os.fdopen(descriptor, "wb") as writer:
                while chunk := reader.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    writer.write(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            target = self.path_for(digest.hexdigest())
            if target.is_file():
                os.unlink(temporary)
            else:
                target.parent.mkdir(exist_ok=True)
                os.replace(temporary, target)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        return StoredFile(digest.hexdigest(), size, target)

    def partial_path(self, sha256: str) -> Path:
        """Where a download collects its bytes until they are whole (kept across syncs: it resumes)."""
        return self._inside(".partial", sha256)

    def partial_downloads(self) -> list[Path]:
        folder = self.root / ".partial"
        return sorted(folder.iterdir()) if folder.is_dir() else []

    def adopt(self, partial: Path, sha256: str) -> bool:
        """Move a finished download in under its hash if its bytes match ``sha256`` (no copy);
        a file that does not match is deleted. Returns whether it was taken."""
        digest = hashlib.sha256()
        with open(partial, "r+b") as reader:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
            os.fsync(reader.fileno())
        if digest.hexdigest() != sha256:
            partial.unlink()
            return False
        target = self.path_for(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, target)
        return True

    def remove(self, sha256: str) -> None:
        """Delete a file no record uses any more (and a partial download of it)."""
        if is_sha256(sha256):
            self.path_for(sha256).unlink(missing_ok=True)
            self.partial_path(sha256).unlink(missing_ok=True)

    def copy_out(self, sha256: str, destination: Path) -> None:
        shutil.copyfile(self.path_for(sha256), destination)
