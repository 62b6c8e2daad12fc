"""The learning programme on the server: who publishes, places settled first come first served
with a waiting list that moves up, deadlines by the server's clock, the roll and the survey kept to
the people they belong to, anonymous answers that do not name their author."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from saypro_core.metrics import ORGANISATION_TZ
from saypro_core.records import (
    HubKind,
    PlannedSession,
    Record,
    RegistrationOutcome,
    RegistrationStatus,
    SurveyKind,
    Visibility,
)
from saypro_core.wire import Change
from saypro_server.sync_service import make_principal, push
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change

STAFF = ("thandi", "sipho", "lerato", "musa")


@pytest.fixture
def people(server: Server) -> dict[str, Account]:
    server.user("sam", role="supervisor")
    server.team("Limpopo", supervisor="sam")
    for name in STAFF:
        server.user(name, team="Limpopo")
    return {name: server.login(name) for name in ("sam", *STAFF)}


def _ack(server: Server, account: Account, record: Record, **kwargs: Any) -> dict[str, Any]:
    ack: dict[str, Any] = server.sync(account, [change(record, account.device_id, **kwargs)])["ack"][0]
    return ack


def _publish(server: Server, sam: Account, **overrides: Any) -> PlannedSession:
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    values: dict[str, Any] = {"id": factories.new_id(), "owner_id": sam.user_id, "starts_at": soon,
                              "ends_at": soon + timedelta(hours=1), "registration_deadline": soon - timedelta(days=1),
                              "alternative_dates": [soon + timedelta(days=7)], "capacity": 2,
                              "facilitator_ids": [sam.user_id]}
    values.update(overrides)
    planned = factories.planned_session(**values)
    assert _ack(server, sam, planned)["s"] == "ok"
    return planned


def _register(server: Server, account: Account, planned: PlannedSession, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"id": factories.new_id(), "owner_id": account.user_id, "target_id": planned.id,
                              "occurrence": planned.starts_at, **overrides}
    registration = factories.registration(**values)
    answer = server.sync(account, [change(registration, account.device_id)])
    assert answer["ack"][0]["s"] == "ok", answer["ack"][0]
    return {"id": registration.id, "record": registration, "answer": answer}


def _outcome_seen_by(server: Server, account: Account, registration_id: str) -> str:
    """What the person's laptop is told, from a full pull."""
    found = [r for r in server.sync(server.login(account.username))["ch"] if r["r"] == registration_id]
    return str(found[0]["f"]["outcome"])


def test_only_supervisors_and_admins_publish_sessions(server: Server, people: dict[str, Account]) -> None:
    attempt = factories.planned_session(id=factories.new_id(), owner_id=people["thandi"].user_id)
    ack = _ack(server, people["thandi"], attempt)
    assert (ack["s"], ack["err"]) == ("rejected", "Only supervisors and the L&D office publish sessions.")
    _publish(server, people["sam"])


def test_places_go_in_arrival_order_and_the_waiting_list_moves_up(server: Server,
                                                                   people: dict[str, Account]) -> None:
    planned = _publish(server, people["sam"], capacity=2)
    first, second, third = (_register(server, people[name], planned) for name in ("thandi", "sipho", "lerato"))
    # Each is told in the answer to the very sync that carried the registration.
    told = [next(r["f"]["outcome"] for r in reg["answer"]["ch"] if r["r"] == reg["id"])
            for reg in (first, second, third)]
    assert told == ["registered", "registered", "waiting"]

    cancelled = factories.registration(**{**first["record"].__dict__, "status": RegistrationStatus.CANCELLED})
    assert _ack(server, people["thandi"], cancelled, base=1)["s"] == "ok"

    assert _outcome_seen_by(server, people["lerato"], third["id"]) == "registered"
    assert _outcome_seen_by(server, people["thandi"], first["id"]) == "cancelled"
    # Coming back after cancelling: at the end of the queue.
    again = factories.registration(**{**first["record"].__dict__, "status": RegistrationStatus.REGISTERED})
    assert _ack(server, people["thandi"], again, base=2)["s"] == "ok"
    assert _outcome_seen_by(server, people["thandi"], first["id"]) == "waiting"


def test_an_alternative_date_has_places_of_its_own(server: Server, people: dict[str, Account]) -> None:
    planned = _publish(server, people["sam"], capacity=1)
    _register(server, people["thandi"], planned)
    other = _register(server, people["sipho"], planned, occurrence=planned.alternative_dates[0])
    assert _outcome_seen_by(server, people["sipho"], other["id"]) == "registered"
    wrong = factories.registration(id=factories.new_id(), owner_id=people["musa"].user_id, target_id=planned.id,
                                   occurrence=planned.starts_at + timedelta(hours=1))
    ack = _ack(server, people["musa"], wrong)
    assert (ack["s"], ack["err"]) == ("rejected", "occurrence: That date is not one of the session's dates.")


def test_a_device_cannot_answer_for_the_server(server: Server, people: dict[str, Account]) -> None:
    planned = _publish(server, people["sam"], capacity=1)
    _register(server, people["thandi"], planned)
    pushy = _register(server, people["sipho"], planned, outcome=RegistrationOutcome.REGISTERED)
    assert _outcome_seen_by(server, people["sipho"], pushy["id"]) == "waiting"


def test_the_deadline_is_the_servers_clock(server: Server, people: dict[str, Account]) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    planned = _publish(server, people["sam"], starts_at=now + timedelta(hours=2), alternative_dates=[],
                       registration_deadline=now - timedelta(minutes=1))
    late = _register(server, people["thandi"], planned)
    assert _outcome_seen_by(server, people["thandi"], late["id"]) == "closed"


def test_a_deleted_registration_gives_its_place_back(server: Server, people: dict[str, Account]) -> None:
    planned = _publish(server, people["sam"], capacity=1)
    first = _register(server, people["thandi"], planned)
    waiting = _register(server, people["sipho"], planned)
    gone = factories.registration(**{**first["record"].__dict__, "deleted": True})
    assert _ack(server, people["thandi"], gone, base=1, op="d")["s"] == "ok"
    assert _outcome_seen_by(server, people["sipho"], waiting["id"]) == "registered"


def test_the_roll_is_the_facilitators_and_the_survey_the_attendees(server: Server,
                                                                  people: dict[str, Account]) -> None:
    planned = _publish(server, people["sam"])
    thandi, sipho = people["thandi"], people["sipho"]
    roll = factories.attendance(id=factories.new_id(), owner_id=thandi.user_id, target_id=planned.id,
                                occurrence=planned.starts_at, attendee_ids=[thandi.user_id])
    ack = _ack(server, thandi, roll)
    assert (ack["s"], ack["err"]) == ("rejected", "Only the session's facilitators take the roll.")
    roll.owner_id = people["sam"].user_id
    assert _ack(server, people["sam"], roll)["s"] == "ok"

    answer = factories.survey_response(id=factories.new_id(), owner_id=thandi.user_id, target_id=planned.id,
                                       occurrence=planned.starts_at, anonymous=True)
    assert _ack(server, thandi, answer)["s"] == "ok"
    twice = factories.survey_response(**{**answer.__dict__, "id": factories.new_id()})
    assert _ack(server, thandi, twice)["err"] == "You have answered this already; change your answer instead."
    not_there = factories.survey_response(id=factories.new_id(), owner_id=sipho.user_id, target_id=planned.id,
                                          occurrence=planned.starts_at)
    assert _ack(server, sipho, not_there)["err"] == "Only people on the session's roll answer its survey."
    check = factories.survey_response(id=factories.new_id(), owner_id=thandi.user_id, target_id=planned.id,
                                      occurrence=planned.starts_at, kind=SurveyKind.POST_CHECK, overall=0,
                                      usefulness=0, answers=[0])
    assert _ack(server, thandi, check)["s"] == "ok"

    seen_by_facilitator = {r["r"]: r for r in server.sync(server.login("sam"))["ch"] if r["t"] == "survey_response"}
    assert seen_by_facilitator[answer.id]["o"] == "anonymous"
    assert seen_by_facilitator[check.id]["o"] == thandi.user_id
    own = {r["r"]: r for r in server.sync(server.login("thandi"))["ch"] if r["t"] == "survey_response"}
    assert own[answer.id]["o"] == thandi.user_id
    # A colleague on the same team does not read another's survey answers.
    assert not [r for r in server.sync(server.login("sipho"))["ch"] if r["t"] == "survey_response"]


def test_guides_and_toolkits_come_from_the_programme(server: Server, people: dict[str, Account]) -> None:
    case = factories.hub_entry(id=factories.new_id(), owner_id=people["thandi"].user_id)
    assert _ack(server, people["thandi"], case)["s"] == "ok"
    guide = factories.hub_entry(id=factories.new_id(), owner_id=people["thandi"].user_id, kind=HubKind.GUIDE)
    assert _ack(server, people["thandi"], guide)["err"] == (
        "kind: Only supervisors and the L&D office publish guides and toolkits.")
    guide.owner_id = people["sam"].user_id
    assert _ack(server, people["sam"], guide)["s"] == "ok"


def test_featuring_is_proposed_by_anyone_and_confirmed_by_a_reviewer(server: Server,
                                                                      people: dict[str, Account]) -> None:
    log = factories.learning_log(id=factories.new_id(), owner_id=people["thandi"].user_id,
                                 visibility=Visibility.ORGANISATION)
    assert _ack(server, people["thandi"], log)["s"] == "ok"
    proposal = factories.feedback(id=factories.new_id(), target_id=log.id, review_state="proposed",
                                  visibility=Visibility.ORGANISATION, comment="For December's newsletter?")
    assert _ack(server, people["sipho"], proposal)["s"] == "ok"
    sipho_confirms = factories.feedback(id=factories.new_id(), target_id=log.id, review_state="featured",
                                        visibility=Visibility.ORGANISATION, comment="Featured")
    assert _ack(server, people["sipho"], sipho_confirms)["s"] == "rejected"
    assert _ack(server, people["sam"], sipho_confirms)["s"] == "ok"


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_concurrent_registrations_never_overfill_a_session(server: Server, people: dict[str, Account]) -> None:
    """Pushes at the same moment from many laptops: the session's row lock counts one at a time
    (SQLite has one writer at a time anyway)."""
    planned = _publish(server, people["sam"], capacity=3)
    names = [f"staff{n}" for n in range(10)]
    for name in names:
        server.user(name, team="Limpopo")
    accounts = [server.login(name) for name in names]
    barrier = threading.Barrier(len(accounts))
    errors: list[BaseException] = []

    def register(account: Account) -> None:
        registration = factories.registration(id=factories.new_id(), owner_id=account.user_id,
                                              target_id=planned.id, occurrence=planned.starts_at)
        wire = Change.model_validate(change(registration, account.device_id))
        try:
            with server.session() as session:
                with session.begin():
                    principal = make_principal(session, account.user_id, account.device_id, "staff", None)
                    barrier.wait()
                    assert push(session, principal, [wire])[0].s == "ok"
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=register, args=(account,)) for account in accounts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    outcomes = [r["f"]["outcome"] for r in server.sync(server.login("sam"))["ch"] if r["t"] == "registration"]
    assert sorted(outcomes) == ["registered"] * 3 + ["waiting"] * 7


def test_a_session_the_pusher_cannot_see_or_that_is_gone_takes_no_registration(
        server: Server, people: dict[str, Account]) -> None:
    server.user("bongi", role="supervisor")
    server.team("Gauteng", supervisor="bongi")
    server.user("lindiwe", team="Gauteng")
    hidden = _publish(server, people["sam"], visibility=Visibility.TEAM)
    outsider = server.login("lindiwe")
    attempt = factories.registration(id=factories.new_id(), owner_id=outsider.user_id, target_id=hidden.id,
                                     occurrence=hidden.starts_at)
    assert _ack(server, outsider, attempt)["err"] == "That session is not one you can see."
    gone = _publish(server, people["sam"])
    tombstone = factories.planned_session(**{**gone.__dict__, "deleted": True})
    assert _ack(server, people["sam"], tombstone, base=1, op="d")["s"] == "ok"
    late = factories.registration(id=factories.new_id(), owner_id=people["thandi"].user_id, target_id=gone.id,
                                  occurrence=gone.starts_at)
    assert _ack(server, people["thandi"], late)["s"] == "rejected"


def test_a_hub_entry_links_only_to_web_addresses(server: Server, people: dict[str, Account]) -> None:
    entry = factories.hub_entry(id=factories.new_id(), owner_id=people["thandi"].user_id,
                                links=["javascript:alert(document.cookie)"])
    ack = _ack(server, people["thandi"], entry)
    assert ack["s"] == "rejected" and "must be a web address" in ack["err"]


def test_the_team_report_counts_a_roll_in_its_own_month_only(server: Server, people: dict[str, Account]) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    planned = _publish(server, people["sam"], starts_at=now, ends_at=now + timedelta(hours=1),
                       registration_deadline=None, alternative_dates=[now + timedelta(days=40)])
    for moment in (planned.starts_at, planned.alternative_dates[0]):
        roll = factories.attendance(id=factories.new_id(), owner_id=people["sam"].user_id, target_id=planned.id,
                                    occurrence=moment, attendee_ids=[people["thandi"].user_id], closed=True)
        assert _ack(server, people["sam"], roll)["s"] == "ok"
    month = now.astimezone(ORGANISATION_TZ).strftime("%Y-%m")
    report = server.client.get("/api/v1/reports/team", params={"month": month}, headers=people["sam"].headers)
    members = {m["username"]: m for m in report.json()[0]["members"]}
    assert (members["thandi"]["sessions_attended"], members["thandi"]["took_part"]) == (1, True)
    assert (members["sipho"]["sessions_attended"], members["sipho"]["took_part"]) == (0, False)
