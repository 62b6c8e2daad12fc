"""Record ids: UUIDv7, made on the device, so they are unique without a server and sort by time."""

from __future__ import annotations

import re

import uuid6

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def new_id() -> str:
    """A new UUIDv7 as its canonical lower-case string."""
    return str(uuid6.uuid7())


def is_valid_id(value: str) -> bool:
    return bool(_UUID_RE.match(value))
