"""Small facts about a profile kept in the `meta` table: device id, clock, pull cursor, flags."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from saypro_desktop.storage.tables import meta


def read_meta(connection: Connection, key: str) -> str | None:
    value = connection.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
    return None if value is None else str(value)


def write_meta(connection: Connection, key: str, value: str) -> None:
    statement = sqlite_insert(meta).values(key=key, value=value)
    connection.execute(statement.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": value}))
