"""Who may read and write what: every role against records of every visibility."""

from __future__ import annotations

import pytest

from saypro_core.records import Visibility
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change

# Who sees a record of each visibility written by thandi (team Limpopo, supervised by sam).
EXPECTED_READERS = {
    Visibility.PRIVATE: {"thandi"},
    Visibility.SUPERVISOR: {"thandi", "sam"},
    Visibility.TEAM: {"thandi", "sam", "sipho"},
    Visibility.ORGANISATION: {"thandi", "sam", "sipho", "lerato", "bongi", "ada"},
}


@pytest.fixture
def shared(server: Server, people: dict[str, Account]) -> dict[Visibility, str]:
    thandi = people["thandi"]
    ids = {}
    changes = []
    for visibility in Visibility:
        log = factories.learning_log(id=factories.new_id(), title=f"{visibility.value} log", visibility=visibility)
        ids[visibility] = log.id
        changes.append(change(log, thandi.device_id))
    assert [a["s"] for a in server.sync(thandi, changes)["ack"]] == ["ok"] * 4
    return ids


def test_each_user_reads_exactly_what_is_shared_with_them(
        server: Server, people: dict[str, Account], shared: dict[Visibility, str]) -> None:
    for name in people:
        seen = {r["r"] for r in server.sync(server.login(name))["ch"]}  # a fresh device pulls everything
        expected = {shared[v] for v, readers in EXPECTED_READERS.items() if name in readers}
        assert seen == expected, name


@pytest.mark.parametrize("intruder", ["sipho", "sam", "lerato", "ada"])
def test_nobody_else_can_change_or_delete_a_record(
        server: Server, people: dict[str, Account], shared: dict[Visibility, str], intruder: str) -> None:
    account = people[intruder]
    for visibility, record_id in shared.items():
        log = factories.learning_log(id=record_id, title="Overwritten", visibility=visibility)
        edit = server.sync(account, [change(log, account.device_id, base=1, fields={"title": "Overwritten"})])
        delete = server.sync(account, [change(log, account.device_id, base=1, op="d", fields={"deleted": True})])
        for result in (edit, delete):
            assert result["ack"][0]["s"] == "rejected"
            assert result["ack"][0]["err"] == "You cannot change a record that belongs to someone else."
    titles = {r["r"]: (r["f"]["title"], r["f"]["deleted"]) for r in server.sync(server.login("thandi"))["ch"]}
    assert all(title != "Overwritten" and not deleted for title, deleted in titles.values())


@pytest.mark.parametrize(
    ("mentor", "visibility", "outcome"),
    [
        ("sam", Visibility.SUPERVISOR, "ok"),
        ("sam", Visibility.PRIVATE, "You cannot give feedback on a record that is not shared with you."),
        ("bongi", Visibility.SUPERVISOR, "You cannot give feedback on a record that is not shared with you."),
        ("bongi", Visibility.ORGANISATION, "review_state: Only the person's supervisor or mentor can mark a "
                                           "review; write a comment instead."),
        ("sipho", Visibility.TEAM, "review_state: Only the person's supervisor or mentor can mark a review; "
                                   "write a comment instead."),
    ],
)
def test_feedback_rights_and_delivery(server: Server, people: dict[str, Account], shared: dict[Visibility, str],
                                      mentor: str, visibility: Visibility, outcome: str) -> None:
    account = people[mentor]
    feedback = factories.feedback(id=factories.new_id(), target_id=shared[visibility], target_type="learning_log",
                                  visibility=Visibility.PRIVATE)
    ack = server.sync(account, [change(feedback, account.device_id)])["ack"][0]
    if outcome == "ok":
        assert ack["s"] == "ok"
        received = [r for r in server.sync(people["thandi"])["ch"] if r["t"] == "feedback"]
        assert [r["f"]["comment"] for r in received] == [feedback.comment]
        others = [name for name in ("sipho", "lerato") if any(
            r["t"] == "feedback" for r in server.sync(people[name])["ch"])]
        assert others == []  # private feedback reaches the mentor and the author only
    else:
        assert (ack["s"], ack["err"]) == ("rejected", outcome)


def test_a_record_id_of_another_user_cannot_be_taken(
        server: Server, people: dict[str, Account], shared: dict[Visibility, str]) -> None:
    sipho = people["sipho"]
    stolen = factories.learning_log(id=shared[Visibility.TEAM], title="Mine now")
    ack = server.sync(sipho, [change(stolen, sipho.device_id)])["ack"][0]
    assert ack["s"] == "rejected"


def test_conflicts_of_other_users_cannot_be_resolved(server: Server, people: dict[str, Account]) -> None:
    thandi = people["thandi"]
    log = factories.learning_log(id=factories.new_id())
    server.sync(thandi, [change(log, thandi.device_id)])
    server.sync(thandi, [change(log, thandi.device_id, base=1, fields={"title": "A"})])
    tablet = server.login("thandi")
    conflict = server.sync(tablet, [change(log, tablet.device_id, base=1, fields={"title": "B"})])["cf"][0]
    intruder = server.client.post(f"/api/v1/conflicts/{conflict['id']}/resolve", headers=people["sipho"].headers)
    assert intruder.status_code == 404
    owner = server.client.post(f"/api/v1/conflicts/{conflict['id']}/resolve", headers=thandi.headers)
    assert owner.status_code == 204
    assert [c["res"] for c in server.sync(thandi)["cf"] if c["id"] == conflict["id"]] == [True]


def test_sync_refuses_another_devices_id(server: Server, people: dict[str, Account]) -> None:
    thandi = people["thandi"]
    response = server.client.post("/api/v1/sync", json={"v": 1, "dev": people["sipho"].device_id},
                                  headers=thandi.headers)
    assert response.status_code == 400
