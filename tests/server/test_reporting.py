"""The L&D office's report pins each definition of saypro_core.metrics on hand-made records, pushed
as the laptops push them, on SQLite and PostgreSQL: by the date of the activity, each goal once,
participation from sessions attended or shared reflections, private records never counted."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from saypro_core.metrics import Period
from saypro_core.records import CompetencyRating, GoalStatus, Record, ReviewState, SurveyKind, Visibility
from saypro_server import admin
from saypro_server.cli import main
from saypro_server.reporting import build_report, candidates, recognition_reasons
from saypro_server.tables import Team
from tests import factories
from tests.server.conftest import Account, Server
from tests.server.helpers import change

NOVEMBER = Period.parse_month("2026-11")
TODAY = date(2026, 12, 3)
CAFE = datetime(2026, 11, 12, 7, 0, tzinfo=UTC)  # 09:00 in South Africa


def _push(server: Server, account: Account, *records: Record) -> None:
    answer = server.sync(account, [change(r, account.device_id) for r in records])
    assert [a["s"] for a in answer["ack"]] == ["ok"] * len(records), answer["ack"]


def _ids(server: Server) -> dict[str, str]:
    with server.session() as session:
        return {team.name: team.id for team in session.query(Team)}


@pytest.fixture
def november(server: Server, people: dict[str, Account]) -> dict[str, Any]:
    thandi, sipho, lerato, sam = (people[n] for n in ("thandi", "sipho", "lerato", "sam"))
    shared = Visibility.TEAM
    log = factories.learning_log(id=factories.new_id(), owner_id=thandi.user_id, visibility=shared,
                                 log_date=date(2026, 11, 5), title="Radio slots for parents")
    _push(server, thandi,
          log,
          factories.learning_log(id=factories.new_id(), owner_id=thandi.user_id, visibility=Visibility.PRIVATE,
                                 log_date=date(2026, 11, 20)),  # private: never counted
          factories.learning_log(id=factories.new_id(), owner_id=thandi.user_id, visibility=shared,
                                 log_date=date(2026, 10, 30)),  # October's
          factories.session_note(id=factories.new_id(), owner_id=thandi.user_id, visibility=shared,
                                 starts_at=CAFE, ends_at=None, title="Borehole committee",
                                 success_stories="The committee mapped every pipe in a day."),
          factories.development_goal(id=factories.new_id(), owner_id=thandi.user_id, visibility=shared,
                                     status=GoalStatus.ON_TRACK, target_date=date(2026, 10, 1),
                                     next_review=None),  # overdue (whatever its status says), counted once
          factories.development_goal(id=factories.new_id(), owner_id=thandi.user_id, visibility=shared,
                                     status=GoalStatus.ACHIEVED, target_date=date(2026, 9, 1)),
          factories.self_assessment(id=factories.new_id(), owner_id=thandi.user_id, visibility=shared,
                                    assessed_on=date(2026, 6, 1), gaps=[],
                                    ratings=[CompetencyRating(competency_id="me", rating=2),
                                             CompetencyRating(competency_id="facilitation", rating=2)]),
          factories.self_assessment(id=factories.new_id(), owner_id=thandi.user_id, visibility=shared,
                                    assessed_on=date(2026, 11, 15), gaps=[],
                                    ratings=[CompetencyRating(competency_id="me", rating=3),
                                             CompetencyRating(competency_id="facilitation", rating=4)]))
    _push(server, sipho, factories.development_goal(
        id=factories.new_id(), owner_id=sipho.user_id, visibility=shared, status=GoalStatus.AT_RISK,
        target_date=date(2027, 6, 1), next_review=date(2026, 11, 10)))
    cafe = factories.planned_session(id=factories.new_id(), owner_id=sam.user_id, starts_at=CAFE,
                                     ends_at=None, registration_deadline=None, alternative_dates=[],
                                     facilitator_ids=[sam.user_id], visibility=Visibility.ORGANISATION)
    roll = factories.attendance(id=factories.new_id(), owner_id=sam.user_id, target_id=cafe.id, occurrence=CAFE,
                                attendee_ids=[sipho.user_id, lerato.user_id], guests=["Guest One"], closed=True,
                                visibility=Visibility.ORGANISATION)
    _push(server, sam, cafe, roll)
    _push(server, sipho, factories.survey_response(
        id=factories.new_id(), owner_id=sipho.user_id, target_id=cafe.id, occurrence=CAFE, overall=4,
        kind=SurveyKind.SURVEY, visibility=Visibility.ORGANISATION))
    _push(server, lerato, factories.survey_response(
        id=factories.new_id(), owner_id=lerato.user_id, target_id=cafe.id, occurrence=CAFE, overall=2,
        anonymous=True, kind=SurveyKind.SURVEY, visibility=Visibility.ORGANISATION))
    return {"log": log}


def test_the_organisations_november(server: Server, november: dict[str, Any]) -> None:
    with server.session() as session:
        report = build_report(session, NOVEMBER, today=TODAY)
    assert report.active_staff == 3  # thandi, sipho (Limpopo), lerato (Gauteng): supervisors have no team here
    assert (report.took_part, report.participation_percent) == (3, 100.0)
    assert report.learnings_shared == 1  # by the log's date; not the private one, not October's
    assert (report.sessions_held, report.attendance) == (1, 3)  # two accounts and a guest
    assert report.goals == {"overdue": 1, "achieved": 1, "at_risk": 1} and report.reviews_overdue == 1
    assert (report.satisfaction, report.satisfaction_answers) == (3.0, 2)
    assert (report.competency_growth, report.assessed_twice) == (1.5, 1)
    assert [m.month for m in report.trend][-2:] == [date(2026, 10, 1), date(2026, 11, 1)] and len(report.trend) == 12
    october = report.trend[-2]
    assert (october.learnings_shared, october.participation_percent, october.sessions_held) == (1, 33.3, 0)
    [story] = [h for h in report.highlights if h.kind == "success_story"]
    assert (story.title, story.author) == ("Borehole committee", "thandi")
    people = {p.name: p for p in report.people}
    assert (people["sipho"].sessions_attended, people["sipho"].took_part, people["thandi"].learnings_shared) == (
        1, True, 1)


def test_a_teams_november_counts_its_members_only(server: Server, november: dict[str, Any]) -> None:
    teams = _ids(server)
    with server.session() as session:
        limpopo = build_report(session, NOVEMBER, teams["Limpopo"], today=TODAY)
        gauteng = build_report(session, NOVEMBER, teams["Gauteng"], today=TODAY)
    assert (limpopo.scope, limpopo.active_staff, limpopo.took_part, limpopo.learnings_shared) == ("Limpopo", 2, 2, 1)
    assert (limpopo.sessions_held, limpopo.attendance, limpopo.satisfaction) == (1, 1, 4.0)
    assert (gauteng.active_staff, gauteng.took_part, gauteng.attendance, gauteng.satisfaction) == (1, 1, 1, 2.0)
    assert gauteng.goals == {} and gauteng.learnings_shared == 0


def test_what_was_featured_this_month_is_a_highlight(server: Server, people: dict[str, Account],
                                                     november: dict[str, Any]) -> None:
    log = november["log"]
    featured = factories.feedback(id=factories.new_id(), owner_id=people["sam"].user_id, target_id=log.id,
                                  target_type="learning_log", review_state=ReviewState.FEATURED,
                                  visibility=Visibility.TEAM, comment="For the newsletter")
    _push(server, people["sam"], featured)
    this_month = Period.month(datetime.now(UTC).date())
    with server.session() as session:
        report = build_report(session, this_month)
    assert [(h.kind, h.title, h.author) for h in report.highlights] == [
        ("featured", "Radio slots for parents", "thandi")]


def test_the_command_line_writes_the_pdf_and_the_csv(server: Server, people: dict[str, Account],
                                                     november: dict[str, Any], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # A colleague's title that a spreadsheet would run as a formula.
    _push(server, people["sipho"], factories.session_note(
        id=factories.new_id(), owner_id=people["sipho"].user_id, visibility=Visibility.TEAM, starts_at=CAFE,
        ends_at=None, title="=HYPERLINK(\"http://evil.example\",\"click\")", success_stories="We met."))
    common = ["--data-dir", str(tmp_path), "--database-url", server.settings.database_url, "report"]
    pdf_path, csv_path = tmp_path / "november.pdf", tmp_path / "november.csv"
    assert main([*common, "--month", "2026-11", "--format", "pdf", "-o", str(pdf_path)]) == 0
    assert "Wrote the PDF report of the organisation" in capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "SayPro learning report: the organisation, November 2026" in text
    assert "Participation" in text and "Learnings shared" in text and "Borehole committee" in text
    assert main([*common, "--month", "2026-11", "--team", "Limpopo", "--format", "csv", "-o", str(csv_path)]) == 0
    rows = list(csv.reader(csv_path.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["SayPro learning report: Limpopo, November 2026"]
    assert ["Learnings shared", "1"] in rows and ["Sessions held", "1"] in rows
    assert any(row[:2] == ["success story", "'=HYPERLINK(\"http://evil.example\",\"click\")"] for row in rows)
    assert main([*common, "--quarter", "2026-Q4", "--format", "csv", "-o", str(csv_path)]) == 0
    assert csv_path.read_text(encoding="utf-8").startswith("\"SayPro learning report: the organisation, October to")
    # Bad input: a clear message, no file.
    for bad in (["--month", "2026-13"], ["--quarter", "2026-Q5"], ["--month", "0000-01"]):
        with pytest.raises(SystemExit):
            main([*common, *bad, "-o", str(tmp_path / "bad.pdf")])
    assert main([*common, "--month", "2026-11", "--team", "Nowhere", "-o", str(tmp_path / "bad.pdf")]) == 1
    assert "Nowhere" in capsys.readouterr().err and not (tmp_path / "bad.pdf").exists()


def test_only_the_lnd_office_confirms_a_learner_and_the_rules_rank_the_candidates(
        server: Server, people: dict[str, Account], november: dict[str, Any]) -> None:
    forged = factories.recognition(id=factories.new_id(), owner_id=people["thandi"].user_id,
                                   person_id=people["thandi"].user_id)
    ack = server.sync(people["thandi"], [change(forged, people["thandi"].device_id)])["ack"][0]
    assert (ack["s"], ack["err"]) == ("rejected", "Only the L&D office confirms a learner of the month.")
    with server.session() as session:
        ranked = candidates(session, NOVEMBER)
    # Thandi: a log and a session report shared (2 x 3); Sipho and Lerato: a session each (2).
    assert [(c.name, c.score) for c in ranked] == [("thandi", 6), ("lerato", 2), ("sipho", 2)]
    assert recognition_reasons(ranked[0]) == "2 reflections shared."
    ada = factories.recognition(id=factories.new_id(), owner_id=people["ada"].user_id,
                                person_id=people["thandi"].user_id)
    assert server.sync(people["ada"], [change(ada, people["ada"].device_id)])["ack"][0]["s"] == "ok"


def test_a_kept_report_is_read_again_once_anything_it_counts_changes(server: Server, people: dict[str, Account],
                                                                      november: dict[str, Any]) -> None:
    with server.session() as session:
        before = build_report(session, NOVEMBER, today=TODAY)
        assert build_report(session, NOVEMBER, today=TODAY) is before  # nothing changed: kept
    _push(server, people["sipho"], factories.learning_log(
        id=factories.new_id(), owner_id=people["sipho"].user_id, visibility=Visibility.TEAM,
        log_date=date(2026, 11, 9)))
    with server.session() as session:
        after = build_report(session, NOVEMBER, today=TODAY)
    assert (before.learnings_shared, after.learnings_shared) == (1, 2)
    with server.session() as session:
        admin.set_disabled(session, "lerato", True)
    with server.session() as session:
        assert build_report(session, NOVEMBER, today=TODAY).active_staff == 2


def test_a_record_counts_on_its_new_day_once_its_date_is_changed_and_nowhere_once_deleted(
        server: Server, people: dict[str, Account]) -> None:
    sipho = people["sipho"]
    log = factories.learning_log(id=factories.new_id(), owner_id=sipho.user_id, visibility=Visibility.TEAM,
                                 log_date=date(2026, 10, 30))
    _push(server, sipho, log)
    october = Period.parse_month("2026-10")

    def shared() -> tuple[int, int]:
        with server.session() as session:
            return (build_report(session, october, today=TODAY).learnings_shared,
                    build_report(session, NOVEMBER, today=TODAY).learnings_shared)

    assert shared() == (1, 0)
    answer = server.sync(sipho, [change(log, sipho.device_id, base=1, fields={"log_date": "2026-11-02"})])
    assert answer["ack"][0]["s"] == "ok"
    assert shared() == (0, 1)
    answer = server.sync(sipho, [change(log, sipho.device_id, base=2, fields={"deleted": True})])
    assert answer["ack"][0]["s"] == "ok"
    assert shared() == (0, 0)
