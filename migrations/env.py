"""Alembic environment for the desktop database. The app runs it from code
(saypro_desktop.storage.migrate) and always hands it an open connection."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from saypro_desktop.storage.tables import FTS_TABLES, JSONText, metadata


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    # The FTS5 virtual table and its shadow tables are made by raw SQL in a migration.
    return not (type_ == "table" and name in FTS_TABLES)


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    # Migration scripts stay free of app imports: JSON columns are plain TEXT in the file.
    if type_ == "type" and isinstance(obj, JSONText):
        return "sa.Text()"
    return False


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through saypro_desktop.storage.migrate, not the alembic CLI")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite can only ALTER by copying a table; batch mode does that
        transactional_ddl=True,  # SQLite DDL is transactional: a failed upgrade leaves nothing behind
        include_name=include_name,
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
