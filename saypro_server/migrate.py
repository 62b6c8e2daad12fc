"""Server schema migrations, run from code (``saypro-server migrate`` and at ``serve``)."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, insert, inspect, select, text

from saypro_core.ids import new_id
from saypro_server.security import write_key_file
from saypro_server.tables import FeedCounter

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _move_signing_key_out(connection: Connection, key_file: Path | None) -> None:
    """Versions before s0003 kept the token signing key in the database: write it to the key file
    (so tokens already handed out stay valid) before the migration drops it from the database."""
    if key_file is None or "server_secrets" not in inspect(connection).get_table_names():
        return
    key = connection.execute(text("SELECT value FROM server_secrets WHERE name = 'token_signing_key'")).scalar()
    if key and not key_file.exists():
        write_key_file(key_file, str(key))
        log.warning("moved the token signing key out of the database into %s", key_file)


def migrate(engine: Engine, key_file: Path | None = None) -> None:
    """Upgrade to head and make sure the rows every server relies on exist. ``key_file``: where an
    older database's signing key goes (None where the key comes from the environment)."""
    with engine.begin() as connection:
        _move_signing_key_out(connection, key_file)
        command.upgrade(alembic_config(connection), "head")
        if connection.execute(select(FeedCounter.id)).first() is None:
            connection.execute(insert(FeedCounter).values(id=1, position=0, epoch=new_id()))
    log.info("server database at head")
