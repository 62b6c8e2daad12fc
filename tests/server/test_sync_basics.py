"""Push and pull through the real app, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from saypro_core import compression
from saypro_core.wire import FRAME_RECORDS, MAX_STREAM_RECORDS, derived_change_id, reference_digest
from saypro_desktop.resources import default_reference_path
from saypro_desktop.sync.engine import shipped_reference_digest
from saypro_server import admin
from saypro_server.tables import ReferenceData
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change


def test_health_needs_no_token(server: Server) -> None:
    response = server.client.get("/api/v1/health")
    assert response.status_code == 200 and response.json()["ok"] is True


def test_push_then_pull_on_another_device(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    log = factories.learning_log(id=factories.new_id())

    pushed = server.sync(laptop, [change(log, laptop.device_id)])

    assert [a["s"] for a in pushed["ack"]] == ["ok"]
    assert pushed["ack"][0]["rev"] == 1
    assert pushed["ch"] == []  # the laptop already has what it sent
    pulled = server.sync(tablet)
    assert [(r["r"], r["rev"], r["f"]["title"]) for r in pulled["ch"]] == [(log.id, 1, log.title)]
    assert pulled["cur"] == pushed["cur"] > 0
    assert server.sync(tablet, cursor=pulled["cur"])["ch"] == []


def test_field_level_merge_and_conflict(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    log = factories.learning_log(id=factories.new_id())
    server.sync(laptop, [change(log, laptop.device_id)])
    # Both edit offline from revision 1: different fields merge, the same field conflicts.
    server.sync(laptop, [change(log, laptop.device_id, base=1, fields={"project": "Laptop project",
                                                                      "what_learned": "Laptop lesson"})])
    result = server.sync(tablet, [change(log, tablet.device_id, base=1, fields={"milestone": "Tablet milestone",
                                                                                 "what_learned": "Tablet lesson"})])
    assert result["ack"][0]["s"] == "merged"
    record = next(r for r in result["ch"] if r["r"] == log.id)
    assert record["f"]["project"] == "Laptop project"
    assert record["f"]["milestone"] == "Tablet milestone"
    assert record["f"]["what_learned"] == "Tablet lesson"  # the later stamp wins
    assert [(c["field"], c["kept"], c["lost"]) for c in result["cf"]] == [
        ("what_learned", "Tablet lesson", "Laptop lesson")]
    assert result["cf"][0]["lost_by"] == laptop.device_id
    laptop_view = server.sync(laptop, cursor=0)
    assert [c["id"] for c in laptop_view["cf"]] == [result["cf"][0]["id"]]


def test_a_devices_own_unacknowledged_edit_is_not_a_conflict(server: Server) -> None:
    """The answer to an edit is lost on a dropped link, so the device's next edit of the same field
    still names the old base revision: it was made on top of the first, so it simply wins."""
    server.user("thandi")
    laptop = server.login("thandi")
    log = factories.learning_log(id=factories.new_id())
    server.sync(laptop, [change(log, laptop.device_id)])
    server.sync(laptop, [change(log, laptop.device_id, base=1, fields={"what_learned": "First edit"})])  # ack lost
    again = server.sync(laptop, [change(log, laptop.device_id, base=1, fields={"what_learned": "Second edit",
                                                                               "deleted": True}, op="d")])
    assert again["ack"][0]["s"] == "ok" and again["cf"] == []
    with server.session() as session:
        from saypro_server.tables import StoredRecord

        stored = session.get(StoredRecord, log.id)
        assert stored is not None and stored.deleted
        assert stored.fields == {"deleted": True, "visibility": "team"}  # a tombstone keeps no text


def test_a_record_deleted_before_its_first_sync_travels_as_a_tombstone(server: Server) -> None:
    """Found by the three-device property test: the server used to drop it, so the devices disagreed
    and restoring it later sent a record without its fields."""
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    log = factories.learning_log(id=factories.new_id(), deleted=True)
    pushed = server.sync(laptop, [change(log, laptop.device_id, op="d")])
    assert pushed["ack"][0]["rev"] == 1
    received = server.sync(tablet)
    [record] = [r for r in received["ch"] if r["r"] == log.id]
    assert record["f"] == {"deleted": True, "visibility": "team"}  # a tombstone: the text stays on the laptop
    # Undone on the laptop: the server has only the tombstone, so it asks for the whole record...
    undone = server.sync(laptop, [change(log, laptop.device_id, base=1, fields={"deleted": False})])
    assert undone["ack"][0] == {"s": "resend", "rev": 1, "id": undone["ack"][0]["id"]}
    # ...which brings it back, for every device.
    whole = {**change(log, laptop.device_id, base=1)["f"], "deleted": False}
    restored = server.sync(laptop, [change(log, laptop.device_id, base=1, fields=whole)])
    assert restored["ack"][0]["s"] == "ok"
    again = server.sync(tablet, cursor=received["cur"])
    [record] = [r for r in again["ch"] if r["r"] == log.id]
    assert record["f"]["deleted"] is False and record["f"]["what_learned"] == log.what_learned


def test_edit_wins_over_delete(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    log = factories.learning_log(id=factories.new_id())
    server.sync(laptop, [change(log, laptop.device_id)])
    server.sync(laptop, [change(log, laptop.device_id, base=1, fields={"title": "Edited on the laptop"})])
    result = server.sync(tablet, [change(log, tablet.device_id, base=1, op="d", fields={"deleted": True})])
    assert result["ack"][0]["s"] == "merged"
    record = next(r for r in result["ch"] if r["r"] == log.id)
    assert record["f"]["deleted"] is False and record["f"]["title"] == "Edited on the laptop"
    assert [(c["field"], c["kept"], c["lost"]) for c in result["cf"]] == [("deleted", False, True)]


def test_replayed_change_is_applied_once(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    log = factories.learning_log(id=factories.new_id())
    first = change(log, laptop.device_id)
    once = server.sync(laptop, [first])
    twice = server.sync(laptop, [first])
    assert once["ack"] == twice["ack"]
    with server.session() as session:
        from saypro_server.tables import StoredRecord

        assert session.get(StoredRecord, log.id).revision == 1  # type: ignore[union-attr]


def test_changes_without_ids_are_known_by_device_and_stamp(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    logs = [factories.learning_log(id=factories.new_id(), title=f"Log {n}") for n in range(3)]
    bad = change(factories.learning_log(id=factories.new_id()), laptop.device_id, fields={"mood": "happy"})
    batch = [{k: v for k, v in c.items() if k != "id"}
             for c in [change(logs[0], laptop.device_id), bad, *(change(log, laptop.device_id) for log in logs[1:])]]
    once = server.sync(laptop, batch)
    # In the order sent, without ids (the device matches them by position).
    assert once["ack"] == [{"s": "ok", "rev": 1}, {"s": "rejected", "rev": 0,
                                                   "err": "Unknown field 'mood' for a learning log."},
                           {"s": "ok", "rev": 1}, {"s": "ok", "rev": 1}]
    assert server.sync(laptop, batch)["ack"] == once["ack"]  # a batch sent again is applied once
    # Another device's change at the very same clock reading is a different change.
    same_moment = batch[0]["h"].rsplit("-", 5)[0] + "-" + tablet.device_id
    other = {**batch[0], "f": {"title": "From the tablet"}, "b": 1, "h": same_moment}
    assert server.sync(tablet, [other])["ack"] == [{"s": "ok", "rev": 2}]
    with server.session() as session:
        from saypro_server.tables import AppliedChange, StoredRecord

        assert session.get(StoredRecord, logs[0].id).revision == 2  # type: ignore[union-attr]
        ids = set(session.scalars(select(AppliedChange.change_id)))
    assert derived_change_id(laptop.device_id, batch[0]["h"]) in ids
    assert derived_change_id(tablet.device_id, same_moment) in ids


def test_answers_come_zstd_compressed_when_asked(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    logs = [factories.learning_log(id=factories.new_id(), title=f"Log {n}") for n in range(20)]
    server.sync(laptop, [change(log, laptop.device_id) for log in logs])
    body = json.dumps({"v": 1, "dev": tablet.device_id, "cur": 0}).encode()
    response = server.client.post(
        "/api/v1/sync", content=compression.compress(body, "zstd"),
        headers={**tablet.headers, "Content-Encoding": "zstd", "Accept-Encoding": "zstd, gzip",
                 "Content-Type": "application/json"})
    assert response.status_code == 200 and response.headers["content-encoding"] == "zstd"
    answer = compression.decompress(response.content, "zstd", limit=10_000_000)
    assert len(response.content) < len(answer) / 3
    assert sorted(r["r"] for r in json.loads(answer)["ch"]) == sorted(log.id for log in logs)


def test_invalid_record_is_rejected_with_a_reason(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    log = factories.learning_log(id=factories.new_id(), title="")
    result = server.sync(laptop, [change(log, laptop.device_id)])
    assert result["ack"][0]["s"] == "rejected"
    assert result["ack"][0]["err"] == "title: Title is required."
    assert server.sync(server.login("thandi"))["ch"] == []


def test_a_push_replayed_concurrently_is_applied_once(server: Server) -> None:
    import threading

    from sqlalchemy import func, select

    from saypro_server.tables import AppliedChange, StoredRecord

    server.user("thandi")
    laptop = server.login("thandi")
    batch = [change(factories.learning_log(id=factories.new_id(), title=f"Log {n}"), laptop.device_id)
             for n in range(20)]
    batch.append(change(factories.learning_log(id=batch[0]["r"], title="Edited in the same batch"),
                        laptop.device_id, base=1, fields={"title": "Edited in the same batch"}))
    answers: list[list[dict[str, object]]] = []
    barrier = threading.Barrier(4)

    def replay() -> None:
        barrier.wait()
        answers.append(server.sync(laptop, batch)["ack"])

    threads = [threading.Thread(target=replay) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 4 and all(a == answers[0] for a in answers)
    assert answers[0][-1] == {"id": batch[-1]["id"], "s": "ok", "rev": 2}
    with server.session() as session:
        assert session.scalar(select(func.count()).select_from(StoredRecord)) == 20
        assert session.scalar(select(func.max(StoredRecord.revision))) == 2
        assert session.scalar(select(func.count()).select_from(AppliedChange)) == 21
    pulled = server.sync(server.login("thandi"))["ch"]
    assert sorted(r["r"] for r in pulled) == sorted({c["r"] for c in batch})


def _streamed(server: Server, account: Account, **request: object) -> list[dict[str, Any]]:
    body = json.dumps({"v": 1, "dev": account.device_id, "st": True, **request}).encode()
    response = server.client.post("/api/v1/sync", content=body, headers={**account.headers,
                                                                         "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    return [json.loads(line) for line in response.text.splitlines()]


def test_a_streamed_answer_comes_in_frames_each_with_its_cursor(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    logs = [factories.learning_log(id=factories.new_id(), title=f"Log {n}") for n in range(2 * FRAME_RECORDS + 50)]
    for start in range(0, len(logs), 100):
        server.sync(laptop, [change(log, laptop.device_id) for log in logs[start:start + 100]])

    frames = _streamed(server, tablet, lim=MAX_STREAM_RECORDS)
    assert [len(f["ch"]) for f in frames] == [FRAME_RECORDS, FRAME_RECORDS, 50]
    assert [f["more"] for f in frames] == [True, True, False]
    cursors = [f["cur"] for f in frames]
    assert cursors == sorted(cursors) and len(set(cursors)) == 3
    assert all(f["ack"] == [] and f["ref"] is None for f in frames[1:])
    assert sorted(r["r"] for f in frames for r in f["ch"]) == sorted(log.id for log in logs)
    # A limit ends the stream with more to come; the next request starts at the last cursor.
    first = _streamed(server, tablet, lim=2 * FRAME_RECORDS)
    assert [len(f["ch"]) for f in first] == [FRAME_RECORDS, FRAME_RECORDS] and first[-1]["more"] is True
    rest = _streamed(server, tablet, lim=MAX_STREAM_RECORDS, cur=first[-1]["cur"])
    assert [len(f["ch"]) for f in rest] == [50] and rest[-1]["more"] is False


def test_a_frame_ends_after_the_record_that_passes_its_size(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    text = "x" * 19_000
    big = [factories.learning_log(id=factories.new_id(), title=f"Long {n}", what_happened=text, what_learned=text,
                                  do_differently=text) for n in range(11)]  # 57 KB each
    assert [a["s"] for a in server.sync(laptop, [change(log, laptop.device_id) for log in big])["ack"]] == ["ok"] * 11
    frames = _streamed(server, tablet, lim=MAX_STREAM_RECORDS)
    assert [len(f["ch"]) for f in frames] == [5, 5, 1]  # 256 KB a frame: passed by the fifth record
    assert len(server.sync(tablet)["ch"]) == 11  # an answer not streamed may hold 1 MB


def test_reference_data_is_left_out_for_a_device_that_holds_the_same(server: Server) -> None:
    server.user("thandi")
    laptop = server.login("thandi")
    assert server.sync(laptop)["ref"] is None  # the server has none yet
    with server.session() as session:
        assert admin.load_reference(session, default_reference_path()) == 1
        session.commit()
        body = session.get(ReferenceData, 1).body  # type: ignore[union-attr]
    shipped = shipped_reference_digest()
    assert shipped == reference_digest(body)  # the shipped file, parsed and encoded, is what the server holds
    assert server.sync(laptop, rh=shipped)["ref"] == {"version": 1}
    assert server.sync(laptop, rh="0" * 64)["ref"] == {"version": 1, "data": body}
    assert server.sync(laptop)["ref"] == {"version": 1, "data": body}  # a device that sends no digest
    assert server.sync(laptop, ref=1, rh=shipped)["ref"] is None  # it has this version already
    assert "rh" in server.sync(laptop, rh="not a digest", expect=422)["detail"][0]["loc"]


def test_privacy_wins_a_visibility_conflict_whichever_edit_is_later(server: Server) -> None:
    server.user("thandi")
    laptop, tablet = server.login("thandi"), server.login("thandi")
    log = factories.learning_log(id=factories.new_id(), visibility="team")
    server.sync(laptop, [change(log, laptop.device_id)])
    # Offline on both: the tablet makes it private first, the laptop organisation-wide later.
    private = change(log, tablet.device_id, base=1, fields={"visibility": "private"})
    public = change(log, laptop.device_id, base=1, fields={"visibility": "organisation"})
    server.sync(tablet, [private])
    answer = server.sync(laptop, [public])
    assert answer["ack"][0]["s"] == "merged"
    assert [(c["field"], c["kept"], c["lost"]) for c in answer["cf"]] == [("visibility", "private", "organisation")]
    assert [r["f"]["visibility"] for r in server.sync(tablet)["ch"] if r["r"] == log.id] == ["private"]
    # In the other order too.
    other = factories.learning_log(id=factories.new_id(), visibility="team")
    server.sync(laptop, [change(other, laptop.device_id)])
    server.sync(laptop, [change(other, laptop.device_id, base=1, fields={"visibility": "organisation"})])
    answer = server.sync(tablet, [change(other, tablet.device_id, base=1, fields={"visibility": "supervisor"})])
    assert [(c["kept"], c["lost"]) for c in answer["cf"] if c["r"] == other.id] == [("supervisor", "organisation")]
