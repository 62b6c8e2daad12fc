"""Privacy (POPIA) on the server, SQLite and PostgreSQL: whoever loses the right to read a record
gets a withdrawal; deleted records keep no text; nothing attached to a record is seen by more
people than the record; a person's data can be exported or erased; reads are audited."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update

from saypro_core.ids import new_id
from saypro_server import admin, audit
from saypro_server.tables import AttachmentBlob, AuditEntry, StoredRecord, Withdrawal
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change


def _team(server: Server) -> dict[str, Account]:
    """Limpopo: thandi and sipho, supervised by sam. Gauteng: lerato, supervised by nomsa."""
    server.user("sam", role="supervisor")
    server.user("nomsa", role="supervisor")
    server.team("Limpopo", "sam")
    server.team("Gauteng", "nomsa")
    for name, team in (("thandi", "Limpopo"), ("sipho", "Limpopo"), ("lerato", "Gauteng")):
        server.user(name, team=team)
    return {name: server.login(name) for name in ("thandi", "sipho", "lerato", "sam", "nomsa")}


def _pull(server: Server, account: Account, cursor: int = 0, **extra: Any) -> dict[str, Any]:
    return server.sync(account, cursor=cursor, **extra)


def _ids(answer: dict[str, Any]) -> set[str]:
    return {r["r"] for r in answer["ch"]}


def test_a_record_made_private_is_withdrawn_from_those_who_had_it(server: Server) -> None:
    people = _team(server)
    thandi, sipho = people["thandi"], people["sipho"]
    log = factories.learning_log(id=new_id(), visibility="team")
    server.sync(thandi, [change(log, thandi.device_id)])
    first = _pull(server, sipho)
    assert log.id in _ids(first)
    server.sync(thandi, [change(log, thandi.device_id, base=1, fields={"visibility": "private"})])
    later = _pull(server, sipho, first["cur"])
    assert later["w"] == [log.id] and log.id not in _ids(later)
    assert "w" not in _pull(server, people["lerato"], 0)  # never had it: nothing to withdraw


def test_a_team_move_withdraws_from_the_old_team_and_reaches_the_new_one(server: Server) -> None:
    people = _team(server)
    thandi = people["thandi"]
    for_supervisor = factories.learning_log(id=new_id(), visibility="supervisor")
    server.sync(thandi, [change(for_supervisor, thandi.device_id)])
    limpopo_log = factories.learning_log(id=new_id(), visibility="team")
    server.sync(people["sipho"], [change(limpopo_log, people["sipho"].device_id)])
    sam_before = _pull(server, people["sam"])
    thandi_before = _pull(server, thandi)
    assert for_supervisor.id in _ids(sam_before) and limpopo_log.id in _ids(thandi_before)
    gauteng_log = factories.learning_log(id=new_id(), visibility="team")
    server.sync(people["lerato"], [change(gauteng_log, people["lerato"].device_id)])

    with server.session() as session:
        admin.add_member(session, "Gauteng", "thandi")

    assert _pull(server, people["sam"], sam_before["cur"])["w"] == [for_supervisor.id]  # the old supervisor
    assert for_supervisor.id in _ids(_pull(server, people["nomsa"]))  # the new one
    moved = _pull(server, thandi, thandi_before["cur"])
    assert limpopo_log.id in moved["w"]  # the old team's log goes...
    assert moved["se"] == 1 and gauteng_log.id in _ids(moved)  # ...the new team's arrives (a pull from the start)
    assert "se" not in _pull(server, thandi, moved["cur"], se=1)


def test_a_new_supervisor_receives_the_team_and_the_old_one_loses_it(server: Server) -> None:
    people = _team(server)
    log = factories.learning_log(id=new_id(), visibility="supervisor")
    server.sync(people["thandi"], [change(log, people["thandi"].device_id)])
    sam = _pull(server, people["sam"])
    assert log.id in _ids(sam)
    with server.session() as session:
        admin.set_supervisor(session, "Limpopo", "nomsa")
    assert _pull(server, people["sam"], sam["cur"])["w"] == [log.id]
    assert log.id in _ids(_pull(server, people["nomsa"], 0, se=0))


def test_a_deleted_record_keeps_no_text_anywhere(server: Server) -> None:
    people = _team(server)
    thandi = people["thandi"]
    log = factories.learning_log(id=new_id(), visibility="team")
    server.sync(thandi, [change(log, thandi.device_id)])
    server.sync(thandi, [change(log, thandi.device_id, base=1, fields={"deleted": True}, op="d")])
    with server.session() as session:
        assert session.get(StoredRecord, log.id).fields == {"deleted": True, "visibility": "team"}  # type: ignore
    [tombstone] = [r for r in _pull(server, server.login("sipho"))["ch"] if r["r"] == log.id]
    assert tombstone["f"] == {"deleted": True, "visibility": "team"}


def _photo_on(server: Server, account: Account, note: Any, data: bytes, visibility: str = "private") -> Any:
    digest = hashlib.sha256(data).hexdigest()
    upload = server.client.post("/api/v1/attachments", json={"sha256": digest, "size": len(data)},
                                headers=account.headers)
    assert upload.status_code == 200, upload.text
    sent = server.client.patch(f"/api/v1/attachments/{digest}", content=data, headers={
        **account.headers, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert sent.status_code == 200, sent.text
    attachment = factories.attachment(id=new_id(), target_id=note.id, sha256=digest, size=len(data),
                                      visibility=visibility)
    assert server.sync(account, [change(attachment, account.device_id)])["ack"][0]["s"] == "ok"
    return attachment


def test_a_deleted_attachments_file_leaves_the_server(server: Server) -> None:
    people = _team(server)
    thandi = people["thandi"]
    note = factories.session_note(id=new_id())
    server.sync(thandi, [change(note, thandi.device_id)])
    attachment = _photo_on(server, thandi, note, b"flip chart" * 100)
    server.sync(thandi, [change(attachment, thandi.device_id, base=1, fields={"deleted": True}, op="d")])
    with server.session() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 0
    fetched = server.client.get(f"/api/v1/attachments/{attachment.sha256}", params={"owner": thandi.user_id},
                                headers=thandi.headers)
    assert fetched.status_code == 404


def test_a_photo_on_a_private_note_is_never_seen_by_the_team(server: Server) -> None:
    people = _team(server)
    thandi, sipho = people["thandi"], people["sipho"]
    note = factories.session_note(id=new_id(), visibility="private")
    server.sync(thandi, [change(note, thandi.device_id)])
    attachment = _photo_on(server, thandi, note, b"register" * 50, visibility="team")
    first = _pull(server, sipho)
    assert _ids(first) == set()
    photo = server.client.get(f"/api/v1/attachments/{attachment.sha256}", params={"owner": thandi.user_id},
                              headers=sipho.headers)
    assert photo.status_code == 404
    # Shared with the team, the note brings its photo; made private again, both are withdrawn.
    server.sync(thandi, [change(note, thandi.device_id, base=1, fields={"visibility": "team"})])
    shared = _pull(server, sipho, first["cur"])
    assert _ids(shared) == {note.id, attachment.id}
    server.sync(thandi, [change(note, thandi.device_id, base=2, fields={"visibility": "private"})])
    assert set(_pull(server, sipho, shared["cur"])["w"]) == {note.id, attachment.id}


def test_feedback_is_never_seen_by_more_people_than_its_record(server: Server) -> None:
    people = _team(server)
    thandi, sam, sipho = people["thandi"], people["sam"], people["sipho"]
    log = factories.learning_log(id=new_id(), visibility="supervisor")
    server.sync(thandi, [change(log, thandi.device_id)])
    comment = factories.feedback(id=new_id(), target_type="learning_log", target_id=log.id, visibility="organisation",
                                 comment="Well observed; next time note the numbers.")
    assert server.sync(sam, [change(comment, sam.device_id)])["ack"][0]["s"] == "ok"
    assert comment.id in _ids(_pull(server, thandi))
    assert comment.id not in _ids(_pull(server, sipho))
    assert comment.id not in _ids(_pull(server, people["lerato"]))


def test_a_person_can_have_all_their_data(server: Server) -> None:
    people = _team(server)
    thandi = people["thandi"]
    log = factories.learning_log(id=new_id(), visibility="supervisor")
    note = factories.session_note(id=new_id())
    server.sync(thandi, [change(log, thandi.device_id), change(note, thandi.device_id)])
    _photo_on(server, thandi, note, b"photo bytes")
    _pull(server, people["sam"])
    with server.session() as session:
        document = admin.export_user(session, "thandi")
    assert document["account"]["username"] == "thandi" and document["account"]["team"] == "Limpopo"
    assert {r["id"] for r in document["records"]} >= {log.id, note.id}
    assert base64.b64decode(document["attachment_files"][0]["content_base64"]) == b"photo bytes"
    assert any(e["who"] == "sam" and e["action"] == "read" and e["record"] == log.id for e in document["audit"])
    assert document["devices"] and document["sign_ins"]


def test_erasing_a_person_removes_them_and_withdraws_their_records_everywhere(server: Server) -> None:
    people = _team(server)
    thandi, sipho, sam = people["thandi"], people["sipho"], people["sam"]
    log = factories.learning_log(id=new_id(), visibility="team")
    note = factories.session_note(id=new_id(), visibility="team")
    server.sync(thandi, [change(log, thandi.device_id), change(note, thandi.device_id)])
    _photo_on(server, thandi, note, b"photo", visibility="team")
    comment = factories.feedback(id=new_id(), target_type="learning_log", target_id=log.id,
                                 comment="Good.", visibility="team")
    server.sync(sam, [change(comment, sam.device_id)])
    sipho_before, sam_before = _pull(server, sipho), _pull(server, sam)
    with server.session() as session:
        assert admin.erase_user(session, "thandi") == 4
    assert {log.id, note.id, comment.id} <= set(_pull(server, sipho, sipho_before["cur"])["w"])
    assert comment.id in _pull(server, sam, sam_before["cur"])["w"]  # feedback about her records goes too
    with server.session() as session:
        assert session.scalar(select(func.count()).select_from(StoredRecord).where(
            StoredRecord.id.in_([log.id, note.id, comment.id]))) == 0
        assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 0
    gone = server.client.post("/api/v1/auth/login", json={"username": "thandi", "password": "x" * 12,
                                                          "device_id": new_id()})
    assert gone.status_code == 401


def test_supervisors_reads_of_others_records_are_audited(server: Server) -> None:
    people = _team(server)
    thandi, sam = people["thandi"], people["sam"]
    shared = factories.learning_log(id=new_id(), visibility="supervisor")
    public = factories.learning_log(id=new_id(), visibility="organisation")
    server.sync(thandi, [change(shared, thandi.device_id), change(public, thandi.device_id)])
    _pull(server, sam)
    _pull(server, people["sipho"])  # staff reading the public log is not watched
    with server.session() as session:
        lines = audit.listing(session, owner="thandi")
    assert [(line.actor, line.action, line.record) for line in lines] == [
        ("sam", "read", f"learning_log {shared.id}"), ("(command line)", "user created", "")]  # newest first
    report = server.client.get("/api/v1/reports/team", headers=sam.headers)
    assert report.status_code == 200
    with server.session() as session:
        assert [line.action for line in audit.listing(session, actor="sam")] == ["report", "read"]


def test_maintenance_applies_the_retention_settings(server: Server) -> None:
    people = _team(server)
    thandi = people["thandi"]
    log = factories.learning_log(id=new_id())
    server.sync(thandi, [change(log, thandi.device_id)])
    server.sync(thandi, [change(log, thandi.device_id, base=1, fields={"deleted": True}, op="d")])
    _pull(server, people["sam"])
    long_ago = datetime.now(UTC) - timedelta(days=1000)
    with server.session() as session, session.begin():
        session.execute(update(StoredRecord).where(StoredRecord.id == log.id).values(updated_at=long_ago))
        session.add(AuditEntry(at=long_ago, actor_id=None, action="read", detail=""))
        session.add(Withdrawal(user_id=thandi.user_id, record_id=log.id, record_type="learning_log",
                               created_at=long_ago, feed_position=1))
    with server.session() as session:
        done = admin.maintain(session, server.settings)
    assert (done.tombstones, done.withdrawals, done.audit_entries) == (1, 1, 1)
    with server.session() as session:
        assert session.get(StoredRecord, log.id) is None
