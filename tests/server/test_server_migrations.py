"""The server's Alembic history matches its tables (`alembic check`) on both databases."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from saypro_server.migrate import alembic_config, migrate


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as connection:
        command.check(alembic_config(connection))
    engine.dispose()


def test_the_reference_data_in_use_becomes_the_first_version_of_its_history(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+pysqlite:///{tmp_path / 'old.sqlite'}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "s0008_mentors")
        connection.execute(text("INSERT INTO reference_data (id, version, body, updated_at) "
                                "VALUES (1, 4, :body, '2026-01-01 00:00:00')"),
                           {"body": json.dumps({"frameworks": []})})
    migrate(engine)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT version, body, actor_id FROM reference_versions")).all()
    engine.dispose()
    assert [(version, json.loads(body), actor) for version, body, actor in rows] == [(4, {"frameworks": []}, None)]
