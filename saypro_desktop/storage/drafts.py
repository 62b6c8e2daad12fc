"""Drafts: what an editor held when the user last paused typing, kept across crashes.

A draft is the whole record as the form had it, encoded with the codec but not validated (a half
typed entry may have no title yet). Saving the record removes its draft in the same transaction
(store._write), so a draft never outlives the version it was typed into.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from saypro_core.codec import DecodeError, decode, encode, format_datetime, parse_datetime
from saypro_core.records import Record, utc_now
from saypro_desktop.storage.tables import drafts

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Draft(Generic[R]):
    record: R
    saved_at: datetime


@dataclass(frozen=True)
class DraftInfo:
    record_type: str
    record_id: str
    title: str
    saved_at: datetime


def put(connection: Connection, record: Record) -> None:
    values = {"record_type": record.record_type, "body": encode(record), "saved_at": format_datetime(utc_now())}
    statement = sqlite_insert(drafts).values(record_id=record.id, **values)
    connection.execute(statement.on_conflict_do_update(index_elements=[drafts.c.record_id], set_=values))


def get(connection: Connection, cls: type[R], record_id: str) -> Draft[R] | None:
    row = connection.execute(
        select(drafts).where(drafts.c.record_id == record_id, drafts.c.record_type == cls.record_type)
    ).mappings().first()
    if row is None:
        return None
    try:
        return Draft(decode(cls, row["body"]), parse_datetime(row["saved_at"]))
    except DecodeError:
        return None  # written by a version with other fields; the saved record is still there


def listing(connection: Connection, record_type: str | None) -> list[DraftInfo]:
    statement = select(drafts).order_by(drafts.c.saved_at.desc())
    if record_type is not None:
        statement = statement.where(drafts.c.record_type == record_type)
    found = []
    for row in connection.execute(statement).mappings():
        body = row["body"] if isinstance(row["body"], dict) else {}
        title = str(body.get("title") or body.get("comment") or "")
        found.append(DraftInfo(row["record_type"], row["record_id"], title, parse_datetime(row["saved_at"])))
    return found


def remove(connection: Connection, record_ids: Sequence[str]) -> None:
    for start in range(0, len(record_ids), 500):
        connection.execute(delete(drafts).where(drafts.c.record_id.in_(record_ids[start:start + 500])))
