"""Comparing what a device holds with what the server holds, cheaply: the digests both sides compute.

After a server is restored from a backup, or a laptop's profile is, the cursor between them means
nothing. Instead of sending every record, the two sides compare digests: each live record (its id
and the stamp of its last change) falls into one of 65,536 leaves by the hash of its id (256 top
buckets of 256 leaves); a bucket's digest is the count and the XOR of its records' 64-bit hashes.
Only buckets whose digests differ are looked into, first their leaves, then the records of the
leaves that differ: a device that misses a few dozen records out of ten thousand sends a few
kilobytes, in four requests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

#: The number of top buckets and of leaves in each.
FANOUT = 256


def leaf_of(record_id: str) -> tuple[int, int]:
    """(top bucket, leaf) of a record id."""
    digest = hashlib.sha256(record_id.encode()).digest()
    return digest[0], digest[1]


def entry_hash(record_id: str, stamp: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{record_id}|{stamp}".encode()).digest()[:8], "big")


@dataclass
class Digest:
    count: int = 0
    xor: int = 0

    def add(self, record_id: str, stamp: str) -> None:
        self.count += 1
        self.xor ^= entry_hash(record_id, stamp)

    def wire(self) -> tuple[int, str]:
        return self.count, f"{self.xor:016x}"


@dataclass
class Digests:
    """The digests of a set of live records, per top bucket and per leaf."""

    tops: dict[int, Digest] = field(default_factory=dict)
    leaves: dict[tuple[int, int], Digest] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[tuple[str, str]]) -> Digests:
        """``records``: (id, stamp) of every live record."""
        made = cls()
        for record_id, stamp in records:
            top, leaf = leaf_of(record_id)
            made.tops.setdefault(top, Digest()).add(record_id, stamp)
            made.leaves.setdefault((top, leaf), Digest()).add(record_id, stamp)
        return made

    def top_wire(self) -> list[tuple[int, int, str]]:
        return [(top, *digest.wire()) for top, digest in sorted(self.tops.items())]

    def leaf_wire(self, tops: Iterable[int]) -> list[tuple[int, int, int, str]]:
        wanted = set(tops)
        return [(top, leaf, *digest.wire()) for (top, leaf), digest in sorted(self.leaves.items()) if top in wanted]


K = TypeVar("K", int, tuple[int, int])


def differing(mine: dict[K, tuple[int, str]], theirs: dict[K, tuple[int, str]]) -> list[K]:
    """The keys whose digests are not the same on both sides (missing counts as empty)."""
    empty = (0, "0" * 16)
    return sorted(key for key in set(mine) | set(theirs) if mine.get(key, empty) != theirs.get(key, empty))
