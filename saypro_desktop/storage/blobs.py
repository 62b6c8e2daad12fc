"""Attachment files on this laptop, stored by content (sha256), as the server stores them.

A file is copied in once under ``<profile>/attachments/ab/abcdef…``; two records attaching the same
photo share it. Writes go to a temporary file that is renamed into place after its hash is known,
so a crash mid-copy leaves no half file under a real name. Downloads collect their bytes under
``attachments/.partial/<sha256>`` and move in once their hash matches.

In the profile of a signed-in person the files are encrypted (``<sha256>.enc``) with a key derived
from the profile's data key: AES-256 in counter mode, whose bytes at any offset can be written and
read on their own, so a download resumes where it broke and an upload sends any chunk, without
plain bytes on the disk. The nonce comes from the file's hash (a file is only ever written with its
own content). Integrity is the sha256 of the plain bytes, checked whenever a file is adopted,
opened or sent.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

CHUNK = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")
ENCRYPTED_SUFFIX = ".enc"


def is_sha256(value: str) -> bool:
    return _SHA256.fullmatch(value) is not None


class OutsideProfile(ValueError):
    """A path made from data (a hash from the server) would lie outside the profile's file store."""


class FileCipher:
    """Encrypts and decrypts attachment bytes at any offset (AES-256-CTR; the same operation both ways)."""

    def __init__(self, data_key: bytes) -> None:
        self._key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                         info=b"saypro attachment files").derive(data_key)

    def transform(self, sha256: str, offset: int, data: bytes) -> bytes:
        nonce = int.from_bytes(hmac.new(self._key, sha256.encode(), hashlib.sha256).digest()[:16], "big")
        block, skip = divmod(offset, 16)
        counter = ((nonce + block) % 2**128).to_bytes(16, "big")
        transformer = Cipher(algorithms.AES(self._key), modes.CTR(counter)).encryptor()
        if skip:
            transformer.update(bytes(skip))
        return transformer.update(data) + transformer.finalize()


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path


class PartialFile:
    """A download in progress: how much has arrived, and a way to add what comes next."""

    def __init__(self, path: Path, sha256: str, cipher: FileCipher | None) -> None:
        self.path = path
        self.sha256 = sha256
        self._cipher = cipher

    def size(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0

    @contextmanager
    def appending(self, *, restart: bool) -> Iterator[Callable[[bytes], None]]:
        """A writer of the next bytes (``restart``: from the first byte again)."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        offset = 0 if restart else self.size()
        with self.path.open("wb" if restart else "ab") as f:
            def write(block: bytes) -> None:
                nonlocal offset
                f.write(self._cipher.transform(self.sha256, offset, block) if self._cipher else block)
                offset += len(block)

            yield write

    def unlink(self) -> None:
        self.path.unlink(missing_ok=True)


class BlobStore:
    def __init__(self, root: Path, cipher: FileCipher | None = None) -> None:
        self.root = root
        #: Set once the profile is encrypted: files are then written and read through it.
        self.cipher = cipher

    @property
    def _suffix(self) -> str:
        return ENCRYPTED_SUFFIX if self.cipher is not None else ""

    def _inside(self, *parts: str) -> Path:
        """A path under the store, made only of a checked hash: a name from a hostile server
        ("../../.bashrc") never becomes a path outside the profile."""
        sha256 = parts[-1]
        if not is_sha256(sha256):
            raise OutsideProfile(f"{sha256[:80]!r} is not a sha256 hash")
        path = self.root.joinpath(*parts[:-1], sha256 + self._suffix)
        if not path.resolve().is_relative_to(self.root.resolve()):
            raise OutsideProfile(f"{path} is not inside {self.root}")
        return path

    def path_for(self, sha256: str) -> Path:
        """Where the file is kept (encrypted in a signed-in person's profile: read it with ``read``)."""
        return self._inside(sha256[:2], sha256)

    def has(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path_for(sha256).is_file()

    def _coded(self, sha256: str, offset: int, data: bytes) -> bytes:
        return self.cipher.transform(sha256, offset, data) if self.cipher is not None else data

    def put_file(self, source: Path) -> StoredFile:
        """Copy ``source`` in (once per content) and return its hash, size and stored path."""
        digest = hashlib.sha256()
        with open(source, "rb") as reader:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
        sha256 = digest.hexdigest()
        target = self.path_for(sha256)
        if target.is_file():
            return StoredFile(sha256, source.stat().st_size, target)
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        size = 0
        try:
            with open(source, "rb") as reader, os.fdopen(descriptor, "wb") as writer:
                while chunk := reader.read(CHUNK):
                    writer.write(self._coded(sha256, size, chunk))
                    size += len(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            target.parent.mkdir(exist_ok=True, mode=0o700)
            os.replace(temporary, target)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        return StoredFile(sha256, size, target)

    def read(self, sha256: str, offset: int, size: int) -> bytes:
        """``size`` plain bytes of a stored file from ``offset`` (what an upload sends)."""
        with self.path_for(sha256).open("rb") as f:
            f.seek(offset)
            return self._coded(sha256, offset, f.read(size))

    def _plain_blocks(self, path: Path, sha256: str) -> Iterator[bytes]:
        offset = 0
        with path.open("rb") as f:
            while chunk := f.read(CHUNK):
                yield self._coded(sha256, offset, chunk)
                offset += len(chunk)

    def partial(self, sha256: str) -> PartialFile:
        """Where a download collects its bytes until they are whole (kept across syncs: it resumes)."""
        return PartialFile(self._inside(".partial", sha256), sha256, self.cipher)

    def partial_downloads(self) -> list[str]:
        """The hashes of downloads that broke off."""
        folder = self.root / ".partial"
        if not folder.is_dir():
            return []
        return sorted(name for path in folder.iterdir() if is_sha256(name := path.name.removesuffix(ENCRYPTED_SUFFIX)))

    def adopt(self, sha256: str) -> bool:
        """Move a finished download in under its hash if its bytes match (no copy); one that does
        not match is deleted. Returns whether it was taken."""
        partial = self.partial(sha256).path
        digest = hashlib.sha256()
        for block in self._plain_blocks(partial, sha256):
            digest.update(block)
        with open(partial, "rb") as f:
            os.fsync(f.fileno())
        if digest.hexdigest() != sha256:
            partial.unlink()
            return False
        target = self.path_for(sha256)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.replace(partial, target)
        return True

    def copy_out(self, sha256: str, destination: Path) -> None:
        """The plain file, written to ``destination``; raises ValueError if the stored bytes do not
        match their hash any more (damaged, or tampered with)."""
        digest = hashlib.sha256()
        with destination.open("wb") as out:
            for block in self._plain_blocks(self.path_for(sha256), sha256):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != sha256:
            destination.unlink()
            raise ValueError("the stored file does not match its checksum")

    def remove(self, sha256: str) -> None:
        """Delete a file no record uses any more (and a partial download of it)."""
        if is_sha256(sha256):
            self.path_for(sha256).unlink(missing_ok=True)
            self.partial(sha256).unlink()

    def encrypt_existing(self) -> int:
        """Encrypt the plain files of a profile that has just been locked (each written encrypted,
        then the plain one removed; a crash leaves at most one plain file to do again). Returns how
        many were done."""
        assert self.cipher is not None
        done = 0
        for plain in sorted(self.root.glob("??/*")) + sorted(self.root.glob(".partial/*")):
            if not is_sha256(plain.name):
                continue
            encrypted = plain.with_name(plain.name + ENCRYPTED_SUFFIX)
            temporary = plain.with_name(plain.name + ".encrypting")
            with plain.open("rb") as reader, temporary.open("wb") as writer:
                offset = 0
                while chunk := reader.read(CHUNK):
                    writer.write(self.cipher.transform(plain.name, offset, chunk))
                    offset += len(chunk)
                writer.flush()
                os.fsync(writer.fileno())
            os.replace(temporary, encrypted)
            plain.unlink()
            done += 1
        return done

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
