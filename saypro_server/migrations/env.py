"""Alembic environment for the server database (its own history, apart from the desktop's)."""

from __future__ import annotations

from alembic import context

from saypro_server.tables import Base


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run server migrations with `saypro-server migrate`")
    context.configure(connection=connection, target_metadata=Base.metadata, compare_type=True,
                      render_as_batch=connection.dialect.name == "sqlite", transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
