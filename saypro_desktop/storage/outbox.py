"""The outbox: changes written on this laptop that the server has not acknowledged yet.

An entry is written in the same transaction as the record change it describes (see
``RecordStore``) and removed only in the transaction that stores the server's acknowledgement,
so no change can be lost between the two (DESIGN.md, "Nothing is lost").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from saypro_desktop.storage.tables import outbox


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    change_id: str
    record_type: str
    record_id: str
    op: str
    fields: dict[str, Any]
    base_revision: int
    revision: int
    hlc: str
    created_at: str
    size: int


@dataclass(frozen=True)
class OutboxSummary:
    changes: int
    records: int
    bytes: int


def entry_size(fields: dict[str, Any]) -> int:
    return len(json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode())


def append(connection: Connection, entries: Sequence[dict[str, Any]]) -> None:
    if entries:
        connection.execute(insert(outbox), list(entries))


def pending(connection: Connection, limit: int = 500, after_seq: int = 0) -> list[OutboxEntry]:
    rows = connection.execute(
        select(outbox).where(outbox.c.seq > after_seq).order_by(outbox.c.seq).limit(limit)
    ).mappings()
    return [OutboxEntry(**row) for row in rows]


def acknowledge(connection: Connection, change_ids: Sequence[str]) -> None:
    """Drop acknowledged entries; call in the transaction that stores the server's answer."""
    for start in range(0, len(change_ids), 500):
        connection.execute(delete(outbox).where(outbox.c.change_id.in_(change_ids[start:start + 500])))


def summary(connection: Connection) -> OutboxSummary:
    changes, records, size = connection.execute(
        select(func.count(), func.count(func.distinct(outbox.c.record_id)),
               func.coalesce(func.sum(outbox.c.size), 0))
    ).one()
    return OutboxSummary(int(changes), int(records), int(size))
