"""The supervisor's view of the team."""

from __future__ import annotations

from datetime import date, timedelta

from saypro_core.records import GoalStatus, Visibility
from tests import factories
from tests.server.conftest import Server
from tests.server.helpers import change


def test_team_report_counts_shared_work_and_never_private(server: Server) -> None:
    server.user("sam", role="supervisor")
    server.team("Limpopo", supervisor="sam")
    for name in ("thandi", "sipho", "lerato"):
        server.user(name, team="Limpopo")
    thandi, sipho = server.login("thandi"), server.login("sipho")
    today = date.today()
    month = today.strftime("%Y-%m")
    server.sync(thandi, [
        change(factories.learning_log(id=factories.new_id(), log_date=today, visibility=Visibility.SUPERVISOR),
               thandi.device_id),
        change(factories.learning_log(id=factories.new_id(), log_date=today, visibility=Visibility.PRIVATE),
               thandi.device_id),
        change(factories.development_goal(id=factories.new_id(), status=GoalStatus.ON_TRACK,
                                          visibility=Visibility.SUPERVISOR), thandi.device_id),
        change(factories.development_goal(id=factories.new_id(), status=GoalStatus.AT_RISK,
                                          target_date=today - timedelta(days=40), visibility=Visibility.TEAM),
               thandi.device_id),
    ])
    server.sync(sipho, [change(factories.session_note(id=factories.new_id(), visibility=Visibility.TEAM,
                                                      starts_at=factories.CREATED.replace(
                                                          year=today.year, month=today.month, day=1),
                                                      ends_at=None), sipho.device_id)])

    response = server.client.get("/api/v1/reports/team", params={"month": month}, headers=server.login("sam").headers)

    assert response.status_code == 200
    (report,) = response.json()
    members = {m["username"]: m for m in report["members"]}
    assert members["thandi"]["learning_logs"] == 1  # the private log is not counted
    assert (members["thandi"]["goals_on_track"], members["thandi"]["goals_overdue"]) == (1, 1)
    assert members["sipho"]["session_notes"] == 1
    assert members["lerato"]["took_part"] is False
    assert report["participation_percent"] == 66.7
    assert report["learnings_shared"] == 2
    # Each goal once: the at-risk goal past its target date is overdue (not also at risk).
    assert (members["thandi"]["goals_at_risk"], members["thandi"]["goals_overdue"]) == (0, 1)
    assert report["goals_on_track_percent"] == 50.0  # 1 on track of 2 open


def test_a_log_counts_in_the_month_it_is_dated_not_the_month_it_arrived(server: Server) -> None:
    server.user("sam", role="supervisor")
    server.team("Limpopo", supervisor="sam")
    server.user("thandi", team="Limpopo")
    thandi = server.login("thandi")
    server.sync(thandi, [change(factories.learning_log(id=factories.new_id(), log_date=date(2026, 11, 28),
                                                       visibility=Visibility.SUPERVISOR), thandi.device_id)])
    sam = server.login("sam")
    figures = {}
    for month in ("2026-11", "2026-12"):
        (report,) = server.client.get("/api/v1/reports/team", params={"month": month}, headers=sam.headers).json()
        figures[month] = (report["learnings_shared"], report["participation_percent"])
    assert figures == {"2026-11": (1, 100.0), "2026-12": (0, 0.0)}


def test_staff_cannot_see_reports(server: Server) -> None:
    server.user("thandi")
    response = server.client.get("/api/v1/reports/team", headers=server.login("thandi").headers)
    assert (response.status_code, response.json()["detail"]) == (403, "Only supervisors can see team reports.")
