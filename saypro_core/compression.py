"""Body compression for sync, shared by the desktop and the server: zstd, with gzip for old peers.

On a 2G link every byte is time. Zstandard at level 17 makes a batch of learning logs about a
fifth smaller than gzip at level 6 (bench/sync_link.py: 96 KB instead of 126 KB for 1,000 logs)
for ~0.2 s of one core per megabyte, which a 128 kbit/s link repays several times over. zstd is
a registered HTTP content coding (RFC 8878) and comes from Python's standard library from 3.14
(``compression.zstd``) or its official backport before that (``backports.zstd``, which urllib3
also uses to read zstd answers). gzip stays: a server that answers 415 to zstd gets gzip.

Decompression stops at a limit, so a small body that inflates to gigabytes (a "zip bomb") is
refused after ``limit`` bytes instead of filling memory.
"""

from __future__ import annotations

import gzip
import sys
import zlib
from typing import Final, Literal

if sys.version_info >= (3, 14):
    from compression import zstd
else:  # pragma: no cover - depends on the Python version
    from backports import zstd

Encoding = Literal["zstd", "gzip"]

#: zstd level: 17 is where a further level costs more CPU than a 128 kbit/s link saves.
ZSTD_LEVEL: Final = 17
#: For a streamed answer, compressing a frame overlaps sending the one before, so the slower level
#: 19 is almost free in time and 7% smaller (bench/sync_link.py: 1.2 s less at 50 kbit/s).
STREAM_ZSTD_LEVEL: Final = 19
GZIP_LEVEL: Final = 6


class TooLarge(ValueError):
    """The body inflates past the limit."""


class Corrupt(ValueError):
    """The body is not valid in its declared encoding (cut short or damaged)."""


def compress(body: bytes, encoding: Encoding) -> bytes:
    if encoding == "zstd":
        return zstd.compress(body, level=ZSTD_LEVEL)
    return gzip.compress(body, compresslevel=GZIP_LEVEL)


class StreamPacker:
    """One zstd stream over the frames of a streamed answer. Each :meth:`pack` ends on a block
    boundary, so the reader can decode every frame that has arrived, while the frames still share
    one compression history (as small as one big body, not as a row of small ones)."""

    def __init__(self, level: int = STREAM_ZSTD_LEVEL) -> None:
        self._compressor = zstd.ZstdCompressor(level=level)

    def pack(self, data: bytes) -> bytes:
        return self._compressor.compress(data, mode=zstd.ZstdCompressor.FLUSH_BLOCK)

    def finish(self) -> bytes:
        return self._compressor.flush(mode=zstd.ZstdCompressor.FLUSH_FRAME)


def decompress(data: bytes, encoding: Encoding, limit: int) -> bytes:
    """``data`` inflated; :class:`TooLarge` past ``limit`` bytes, :class:`Corrupt` if damaged or cut short."""
    try:
        return _unzstd(data, limit) if encoding == "zstd" else _gunzip(data, limit)
    except (zlib.error, zstd.ZstdError, EOFError) as exc:
        raise Corrupt(str(exc)) from None


def _unzstd(data: bytes, limit: int) -> bytes:
    decompressor = zstd.ZstdDecompressor()
    out = decompressor.decompress(data, max_length=limit + 1)
    if len(out) > limit:
        raise TooLarge
    if not decompressor.eof:
        raise Corrupt("the zstd frame is cut short")
    return out


def _gunzip(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise TooLarge
    out += inflater.flush()
    if not inflater.eof:
        raise Corrupt("the gzip stream is cut short")
    if len(out) > limit:
        raise TooLarge
    return out


def accepted(accept_encoding: str) -> Encoding | None:
    """The encoding to answer with, from an ``Accept-Encoding`` header: zstd if named, else gzip if named."""
    named = set()
    for part in accept_encoding.split(","):
        name, _, params = part.partition(";")
        if params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            named.add(name.strip().lower())
    if "zstd" in named:
        return "zstd"
    return "gzip" if "gzip" in named else None
