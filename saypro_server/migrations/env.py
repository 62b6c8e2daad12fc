"""Alembic environment for the server database (its own history, apart from the desktop's)."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from saypro_server.tables import Base, UtcDateTime


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    # Migration scripts stay free of app imports: the UTC wrapper is a plain timestamptz column.
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run server migrations with `saypro-server migrate`")
    context.configure(connection=connection, target_metadata=Base.metadata, compare_type=True,
                      render_as_batch=connection.dialect.name == "sqlite", transactional_ddl=True,
                      render_item=render_item)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
