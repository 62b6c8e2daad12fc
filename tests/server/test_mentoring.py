"""The mentor's half of the loop on the server: a mentor besides the supervisor, who may comment,
review and reply on what, and the directory (who is who) each device receives with sync."""

from __future__ import annotations

from typing import Any

import pytest

from saypro_core.records import ReviewState, Visibility
from saypro_server import admin
from saypro_server.tables import FeedCounter
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change

REVIEW_REFUSED = "review_state: Only the person's supervisor or mentor can mark a review; write a comment instead."
NOT_SHARED = "You cannot give feedback on a record that is not shared with you."


def _logs(server: Server, owner: Account) -> dict[Visibility, str]:
    ids, changes = {}, []
    for visibility in Visibility:
        log = factories.learning_log(id=factories.new_id(), title=f"{visibility.value} log", visibility=visibility)
        ids[visibility] = log.id
        changes.append(change(log, owner.device_id))
    assert [a["s"] for a in server.sync(owner, changes)["ack"]] == ["ok"] * len(changes)
    return ids


def _feedback(server: Server, author: Account, target: str, state: ReviewState,
              visibility: Visibility = Visibility.ORGANISATION) -> dict[str, Any]:
    item = factories.feedback(id=factories.new_id(), target_id=target, target_type="learning_log",
                              review_state=state, visibility=visibility, comment=f"{author.username}: {state.value}")
    ack: dict[str, Any] = server.sync(author, [change(item, author.device_id)])["ack"][0]
    return ack


def _set_mentor(server: Server, staff: str, mentor: str | None) -> None:
    with server.session() as session:
        admin.set_mentor(session, staff, mentor)


def _seen(server: Server, account: Account, record_type: str = "learning_log") -> set[str]:
    return {r["r"] for r in server.sync(server.login(account.username))["ch"] if r["t"] == record_type}


@pytest.mark.parametrize(
    ("author", "visibility", "state", "outcome"),
    [
        ("sipho", Visibility.TEAM, ReviewState.COMMENT, "ok"),  # a peer comments on what the team shares
        ("sipho", Visibility.TEAM, ReviewState.NEEDS_MORE, REVIEW_REFUSED),
        ("sipho", Visibility.SUPERVISOR, ReviewState.COMMENT, NOT_SHARED),
        ("lerato", Visibility.ORGANISATION, ReviewState.COMMENT, "ok"),
        ("lerato", Visibility.TEAM, ReviewState.COMMENT, NOT_SHARED),
        ("sam", Visibility.SUPERVISOR, ReviewState.NEEDS_MORE, "ok"),
        ("bongi", Visibility.ORGANISATION, ReviewState.VALIDATED, REVIEW_REFUSED),  # not her supervisor
        ("thandi", Visibility.SUPERVISOR, ReviewState.COMMENT, "ok"),  # the author replies
        ("thandi", Visibility.SUPERVISOR, ReviewState.VALIDATED, REVIEW_REFUSED),  # nobody validates their own
    ],
)
def test_who_may_comment_review_and_reply(server: Server, people: dict[str, Account], author: str,
                                          visibility: Visibility, state: ReviewState, outcome: str) -> None:
    logs = _logs(server, people["thandi"])
    ack = _feedback(server, people[author], logs[visibility], state)
    assert (ack["s"], ack.get("err", "ok")) == (("ok", "ok") if outcome == "ok" else ("rejected", outcome))


def test_feedback_is_never_seen_by_more_people_than_its_record(server: Server, people: dict[str, Account]) -> None:
    logs = _logs(server, people["thandi"])
    assert _feedback(server, people["sipho"], logs[Visibility.TEAM], ReviewState.COMMENT)["s"] == "ok"
    assert _feedback(server, people["sam"], logs[Visibility.SUPERVISOR], ReviewState.NEEDS_MORE)["s"] == "ok"
    readers = {name: {r["f"]["comment"] for r in server.sync(server.login(name))["ch"] if r["t"] == "feedback"}
               for name in people}
    assert readers == {
        "thandi": {"sipho: comment", "sam: needs_more"},
        "sipho": {"sipho: comment"},  # the supervisor's review of a supervisor-only log is not the team's
        "sam": {"sipho: comment", "sam: needs_more"},
        "lerato": set(), "bongi": set(), "ada": set(),  # an admin reads only what is shared with all
    }


def test_a_mentor_reads_and_reviews_what_the_mentee_shares_with_supervisor_and_mentor(
        server: Server, people: dict[str, Account]) -> None:
    logs = _logs(server, people["thandi"])
    bongi = people["bongi"]
    assert _feedback(server, bongi, logs[Visibility.SUPERVISOR], ReviewState.COMMENT)["err"] == NOT_SHARED
    _set_mentor(server, "thandi", "bongi")
    assert _seen(server, bongi) >= {logs[Visibility.SUPERVISOR], logs[Visibility.TEAM]}
    assert logs[Visibility.PRIVATE] not in _seen(server, bongi)
    assert _feedback(server, bongi, logs[Visibility.SUPERVISOR], ReviewState.VALIDATED)["s"] == "ok"
    # The supervisor's feedback on it reaches the mentor too (the thread is one), the mentee sees both.
    assert _feedback(server, people["sam"], logs[Visibility.SUPERVISOR], ReviewState.NEEDS_MORE,
                     Visibility.SUPERVISOR)["s"] == "ok"
    assert len(_seen(server, bongi, "feedback")) == 2
    assert len(_seen(server, people["thandi"], "feedback")) == 2
    # No longer the mentor: her laptop is told to remove the copies.
    _set_mentor(server, "thandi", None)
    answer = server.sync(bongi)
    assert set(answer["w"]) >= {logs[Visibility.SUPERVISOR], logs[Visibility.TEAM]}  # withdrawn from the ex-mentor
    assert _seen(server, bongi) & {logs[Visibility.SUPERVISOR], logs[Visibility.TEAM]} == set()


def test_mentoring_needs_two_people_who_exist(server: Server, people: dict[str, Account]) -> None:
    with server.session() as session:
        with pytest.raises(admin.AdminError, match="their own mentor"):
            admin.set_mentor(session, "thandi", "thandi")
        with pytest.raises(admin.AdminError):
            admin.set_mentor(session, "thandi", "nobody")


def _directory(server: Server, account: Account, version: int | None) -> dict[str, Any] | None:
    extra = {} if version is None else {"dv": version}
    answer: dict[str, Any] | None = server.sync(account, **extra).get("dir")
    return answer


def test_the_directory_says_who_is_who_and_comes_only_when_it_changed(
        server: Server, people: dict[str, Account]) -> None:
    thandi, sam = people["thandi"], people["sam"]
    assert _directory(server, thandi, None) is None  # a device that does not ask gets none
    directory = _directory(server, thandi, 0)
    assert directory is not None and directory["me"] == thandi.user_id
    by_name = {p["n"]: p for p in directory["p"]}
    assert by_name["sam"]["rel"] == ["supervisor"] and by_name["sam"]["r"] == "supervisor"
    assert by_name["sipho"]["rel"] == ["teammate"] and by_name["sipho"]["t"] == "Limpopo"
    assert "rel" not in by_name["lerato"] and set(by_name["thandi"]) == {"id", "n", "r", "t"}
    assert _directory(server, thandi, directory["v"]) is None  # nothing new: nothing sent
    sams = _directory(server, sam, 0)
    assert sams is not None
    assert {p["n"]: p.get("rel", []) for p in sams["p"]}["thandi"] == ["supervisee"]
    _set_mentor(server, "thandi", "bongi")
    changed = _directory(server, thandi, directory["v"])
    assert changed is not None and changed["v"] > directory["v"]
    assert {p["n"]: p.get("rel", []) for p in changed["p"]}["bongi"] == ["mentor"]
    bongis = _directory(server, people["bongi"], 0)
    assert bongis is not None and {p["n"]: p.get("rel", []) for p in bongis["p"]}["thandi"] == ["mentee"]


def test_a_change_of_name_or_team_makes_a_new_directory_and_a_quota_update_does_not(
        server: Server, people: dict[str, Account]) -> None:
    def version() -> int:
        with server.session() as session:
            counter = session.get(FeedCounter, 1)
            assert counter is not None
            return counter.directory_version

    before = version()
    _logs(server, people["thandi"])  # pushes change users.stored_bytes
    assert version() == before
    with server.session() as session:
        admin.add_member(session, "Gauteng", "sipho")
    assert version() > before


def test_only_a_development_goal_is_agreed_and_only_by_the_supervisor_or_mentor(
        server: Server, people: dict[str, Account]) -> None:
    thandi = people["thandi"]
    goal = factories.development_goal(id=factories.new_id(), visibility=Visibility.SUPERVISOR)
    assert server.sync(thandi, [change(goal, thandi.device_id)])["ack"][0]["s"] == "ok"
    logs = _logs(server, thandi)

    def agree(author: str, target: str, target_type: str) -> dict[str, Any]:
        item = factories.feedback(id=factories.new_id(), target_id=target, target_type=target_type,
                                  review_state=ReviewState.AGREED, visibility=Visibility.SUPERVISOR)
        ack: dict[str, Any] = server.sync(people[author], [change(item, people[author].device_id)])["ack"][0]
        return ack

    assert agree("sam", goal.id, "development_goal")["s"] == "ok"
    assert agree("sam", logs[Visibility.SUPERVISOR], "learning_log")["err"] == (
        "review_state: Only a development goal is agreed.")
    assert agree("thandi", goal.id, "development_goal")["err"] == REVIEW_REFUSED
