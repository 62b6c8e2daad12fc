"""A record and its row in the local database."""

from __future__ import annotations

from typing import Any, TypeVar

from saypro_core.codec import decode, encode
from saypro_core.records import Record

R = TypeVar("R", bound=Record)

#: Columns of a record table that are about this laptop's copy, not fields of the record.
COPY_COLUMNS = ("hlc", "server_revision")


def record_to_row(record: Record, hlc: str) -> dict[str, Any]:
    row = encode(record)
    row["hlc"] = hlc
    return row


def row_to_record(cls: type[R], row: Any) -> R:
    data = dict(row)
    for column in COPY_COLUMNS:
        data.pop(column, None)
    return decode(cls, data)
