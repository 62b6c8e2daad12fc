"""Changes as a device sends them."""

from __future__ import annotations

from typing import Any

from saypro_core.clock import HybridLogicalClock
from saypro_core.codec import encode
from saypro_core.ids import new_id
from saypro_core.records import BOOKKEEPING_FIELDS, Record

_clocks: dict[str, HybridLogicalClock] = {}


def stamp(device: str) -> str:
    clock = _clocks.setdefault(device, HybridLogicalClock(device))
    return str(clock.now())


def content(record: Record) -> dict[str, Any]:
    encoded = encode(record)
    return {k: v for k, v in encoded.items() if k not in BOOKKEEPING_FIELDS or k in ("visibility", "deleted")}


def change(record: Record, device: str, *, base: int = 0, fields: dict[str, Any] | None = None,
           op: str = "u", change_id: str | None = None) -> dict[str, Any]:
    return {"id": change_id or new_id(), "t": record.record_type, "r": record.id, "op": op,
            "f": content(record) if fields is None else fields, "b": base, "h": stamp(device)}
