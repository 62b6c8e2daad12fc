"""One record a hostile or careless colleague pushes never breaks anyone else's sync (SQLite and PostgreSQL).

The server refuses, per change and naming the field, text that is not valid Unicode or holds NUL
and numbers no side can keep; the rest of the batch is applied. A record stored before those
checks (by an older version) that cannot be encoded is quarantined, not a 500 for every reader;
the migration repairs such rows.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, insert, select, text

from saypro_core.ids import new_id
from saypro_server.migrate import alembic_config
from saypro_server.tables import FeedCounter, StoredRecord
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change


def _team_of_three(server: Server) -> tuple[Account, Account]:
    server.team("Limpopo")
    server.user("mallory", team="Limpopo")
    server.user("thandi", team="Limpopo")
    return server.login("mallory"), server.login("thandi")


def _streamed(server: Server, account: Account) -> list[dict[str, Any]]:
    body = json.dumps({"v": 1, "dev": account.device_id, "st": True, "lim": 5000}).encode()
    response = server.client.post("/api/v1/sync", content=body,
                                  headers={**account.headers, "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    return [json.loads(line) for line in response.text.splitlines()]


@pytest.mark.parametrize(("field", "value", "shown"), [
    ("title", "Broken \ud800 title", "U+D800"),
    ("what_learned", "cut \x00 here", "NUL"),
    ("tags", ["ok", "\udfff"], "U+DFFF"),
])
def test_text_that_is_not_valid_unicode_is_refused_per_change(server: Server, field: str, value: object,
                                                              shown: str) -> None:
    mallory, thandi = _team_of_three(server)
    poisoned = factories.learning_log(id=new_id(), visibility="organisation")
    fine = factories.learning_log(id=new_id(), visibility="organisation", title="A sound log")
    fields = {**change(poisoned, mallory.device_id)["f"], field: value}

    pushed = server.sync(mallory, [change(poisoned, mallory.device_id, fields=fields),
                                   change(fine, mallory.device_id)])

    assert [a["s"] for a in pushed["ack"]] == ["rejected", "ok"]
    assert pushed["ack"][0]["err"].startswith(f"{field}: ")
    assert shown in pushed["ack"][0]["err"]
    pulled = server.sync(thandi)
    assert [r["f"]["title"] for r in pulled["ch"]] == ["A sound log"]
    assert [r["f"]["title"] for frame in _streamed(server, thandi) for r in frame["ch"]] == ["A sound log"]


@pytest.mark.parametrize(("record", "field", "value"), [
    (factories.self_assessment, "framework_version", 2**63),
    (factories.self_assessment, "framework_version", 2**31),
    (factories.learning_log, "title", 1),
])
def test_numbers_no_side_can_keep_are_refused(server: Server, record: Any, field: str, value: object) -> None:
    mallory, thandi = _team_of_three(server)
    poisoned = record(id=new_id(), visibility="organisation")
    fields = {**change(poisoned, mallory.device_id)["f"], field: value}
    pushed = server.sync(mallory, [change(poisoned, mallory.device_id, fields=fields)])
    assert pushed["ack"][0]["s"] == "rejected" and pushed["ack"][0]["err"].startswith(field)
    assert server.sync(thandi)["ch"] == []


def test_an_attachment_of_impossible_size_is_refused(server: Server) -> None:
    mallory, thandi = _team_of_three(server)
    note = factories.session_note(id=new_id(), visibility="organisation")
    attachment = factories.attachment(id=new_id(), target_id=note.id, visibility="organisation")
    fields = {**change(attachment, mallory.device_id)["f"], "size": 10**30}
    pushed = server.sync(mallory, [change(note, mallory.device_id),
                                   change(attachment, mallory.device_id, fields=fields)])
    assert [a["s"] for a in pushed["ack"]] == ["ok", "rejected"]
    assert pushed["ack"][1]["err"].startswith("size")
    assert [r["t"] for r in server.sync(thandi)["ch"]] == ["session_note"]


def test_a_value_set_aside_by_a_conflict_is_checked_too(server: Server) -> None:
    """The value that loses a conflict is kept for the owner: it must be one that can be sent."""
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    log = factories.learning_log(id=new_id())
    server.sync(laptop, [change(log, laptop.device_id)])
    server.sync(laptop, [change(log, laptop.device_id, base=1, fields={"what_learned": "Laptop"})])
    pushed = server.sync(tablet, [change(log, tablet.device_id, base=1, fields={"what_learned": "x\ud800"})])
    assert pushed["ack"][0]["s"] == "rejected"
    assert server.sync(laptop)["cf"] == []


def _store_directly(server: Server, owner_id: str, fields: dict[str, Any]) -> str:
    """A row as an older server version could have stored it, before any of these checks."""
    record_id = new_id()
    with server.session() as session, session.begin():
        position = session.execute(select(FeedCounter.position).where(FeedCounter.id == 1)).scalar_one() + 1
        session.execute(FeedCounter.__table__.update().values(position=position))
        session.execute(insert(StoredRecord).values(
            id=record_id, type="learning_log", owner_id=owner_id, visibility="organisation", deleted=False,
            revision=1, fields=fields, field_revisions={}, field_stamps={}, stamp="0", team_id=None,
            updated_at=datetime.now(UTC), feed_position=position))
    return record_id


def test_a_stored_record_that_cannot_be_encoded_is_quarantined_not_a_500(server: Server) -> None:
    if server.settings.database_url and server.settings.database_url.startswith("postgresql"):
        pytest.skip("PostgreSQL never stored a lone surrogate (JSONB refuses it)")
    mallory, thandi = _team_of_three(server)
    sound = factories.learning_log(id=new_id(), visibility="organisation", title="Sound")
    server.sync(mallory, [change(sound, mallory.device_id)])
    fields = {**change(factories.learning_log(), mallory.device_id)["f"], "title": "old \ud800"}
    bad_id = _store_directly(server, mallory.user_id, fields)

    assert [r["r"] for r in server.sync(thandi)["ch"]] == [sound.id]
    assert [r["r"] for frame in _streamed(server, thandi) for r in frame["ch"]] == [sound.id]
    with server.session() as session:
        assert session.get(StoredRecord, bad_id).quarantined.startswith("its fields cannot be encoded")


def test_the_migration_repairs_text_and_quarantines_impossible_numbers(tmp_path: Any) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_engine(url)
    owner = new_id()
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "s0001_initial")
        connection.execute(text("INSERT INTO feed_counter (id, position) VALUES (1, 2)"))
        connection.execute(text("INSERT INTO users (id, username, display_name, password_hash, role, disabled, "
                                "created_at) VALUES (:id, 'u', 'U', 'x', 'staff', 0, '2026-01-01')"), {"id": owner})
        for number, fields in enumerate([{"title": "bad \ud800 and \x00"}, {"framework_version": 2**63}], start=1):
            connection.execute(text(
                "INSERT INTO records (id, type, owner_id, visibility, deleted, revision, fields, field_revisions, "
                "field_stamps, stamp, updated_at, feed_position) VALUES (:id, 'learning_log', :owner, 'team', 0, 1, "
                ":fields, '{}', '{}', '0', '2026-01-01', :position)"),
                {"id": f"r{number}", "owner": owner, "fields": json.dumps(fields), "position": number})
        command.upgrade(alembic_config(connection), "s0002_quarantine")
        rows = {row.id: row for row in connection.execute(text(
            "SELECT id, fields, feed_position, quarantined FROM records"))}
        position = connection.execute(text("SELECT position FROM feed_counter")).scalar_one()
    engine.dispose()
    assert json.loads(rows["r1"].fields) == {"title": "bad \ufffd and \ufffd"}
    assert rows["r1"].feed_position == position == 3  # every device receives the repaired text
    assert rows["r1"].quarantined is None
    assert rows["r2"].quarantined == "a whole number beyond what every client and database can keep"
