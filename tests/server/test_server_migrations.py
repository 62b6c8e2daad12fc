"""The server's Alembic history matches its tables (`alembic check`) on both databases."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine

from saypro_server.migrate import alembic_config


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.check(alembic_config(connection))
    engine.dispose()
