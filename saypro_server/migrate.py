"""Server schema migrations, run from code (``saypro-server migrate`` and at ``serve``)."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, insert, select

from saypro_server.security import SECRET_NAME, new_signing_key
from saypro_server.tables import FeedCounter, ServerSecret

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Upgrade to head and make sure the rows every server relies on exist."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        if connection.execute(select(FeedCounter.id)).first() is None:
            connection.execute(insert(FeedCounter).values(id=1, position=0))
        if connection.execute(select(ServerSecret.name).where(ServerSecret.name == SECRET_NAME)).first() is None:
            connection.execute(insert(ServerSecret).values(name=SECRET_NAME, value=new_signing_key()))
    log.info("server database at head")
