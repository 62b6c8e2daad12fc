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


def test_records_stored_before_activity_days_get_theirs(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+pysqlite:///{tmp_path / 'old.sqlite'}")
    rows = {"log": ("learning_log", {"log_date": "2026-11-05"}), "note": ("session_note", {
        "starts_at": "2026-11-30T23:30:00Z"}), "feedback": ("feedback", {"comment": "Well done"}),
            "broken": ("learning_log", {"log_date": "soon"}), "plan": ("registration", {})}
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "s0009_reference_versions")
        connection.execute(text("INSERT INTO users (id, username, display_name, password_hash, role, disabled, "
                                "created_at, stored_bytes, scope_epoch) VALUES ('u', 'u', 'U', 'x', 'staff', 0, "
                                "'2026-01-01 00:00:00', 0, 0)"))
        for record_id, (kind, fields) in rows.items():
            connection.execute(text(
                "INSERT INTO records (id, type, owner_id, visibility, deleted, revision, fields, field_revisions, "
                "field_stamps, stamp, updated_at, feed_position, size) VALUES (:id, :type, 'u', 'team', 0, 1, "
                ":fields, '{}', '{}', '', '2026-12-01 21:30:00.000000', 0, 0)"),
                {"id": record_id, "type": kind, "fields": json.dumps(fields)})
    migrate(engine)
    with engine.connect() as connection:
        days = dict(connection.execute(text("SELECT id, activity_on FROM records")).all())
    engine.dispose()
    assert days == {"log": "2026-11-05", "note": "2026-12-01", "feedback": "2026-12-01", "broken": None, "plan": None}
