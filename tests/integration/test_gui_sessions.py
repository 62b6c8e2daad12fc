"""The learning programme in real windows against a real server on loopback: a supervisor
publishes a café with two places; three staff register offline on three laptops and sync: two get
a place, one the waiting list, each told so on their Sessions page; the facilitator takes the roll
offline and closes the session, the report is prefilled and exports to PDF; the attendees answer
the survey; the facilitator reads the summary; the team report counts the attendees as taking part."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from saypro_core.records import Attendance, Registration, SessionNote
from saypro_desktop.ui.main_window import SESSIONS_ROW, MainWindow
from saypro_desktop.ui.session_dialogs import PublishSessionDialog, RollDialog, SurveyDialog
from saypro_desktop.ui.session_report import export_pdf
from tests.integration.conftest import PASSWORD, admin
from tests.integration.test_gui_feedback import _profile, _synced
from tests.integration.test_gui_sync import Served, open_window


def _sessions_of(qtbot: QtBot, window: MainWindow) -> None:
    window.navigation.setCurrentRow(SESSIONS_ROW)
    page = window.sessions
    page.reload_now()
    qtbot.waitUntil(lambda: page.trees[0].topLevelItemCount() > 0, timeout=5_000)
    page.tabs.setCurrentIndex(0)
    page.trees[0].setCurrentItem(page.trees[0].topLevelItem(0))


def _status(window: MainWindow) -> str:
    page = window.sessions
    page.reload_now()
    return page.trees[0].topLevelItem(0).text(3)


def test_a_cafe_fills_up_takes_its_roll_writes_its_report_and_hears_back(
        qtbot: QtBot, served: Served, tmp_path: Path, fast_schedule: None) -> None:
    url, data_dir, _ = served
    for name, display, role in (("sam", "Sam Dlamini", "supervisor"), ("sipho", "Sipho Nkosi", "staff"),
                                ("lerato", "Lerato Mokoena", "staff"), ("musa", "Musa Zulu", "staff")):
        created = admin(data_dir, "users", "create", name, "--display-name", display, "--role", role,
                        *(("--team", "Limpopo") if role == "staff" else ()), "--password-stdin",
                        stdin=f"{PASSWORD}\n")
        assert created.returncode == 0, created.stderr
    assert admin(data_dir, "teams", "set-supervisor", "Limpopo", "sam").returncode == 0

    sam = open_window(qtbot, *_profile(url, tmp_path / "sam", "sam"))
    _synced(qtbot, sam)
    sam.navigation.setCurrentRow(SESSIONS_ROW)
    page = sam.sessions
    qtbot.waitUntil(page.publish_button.isVisible, timeout=5_000)
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PublishSessionDialog)
    dialog.title_edit.setText("Knowledge café: keeping volunteers")  # QTest types ASCII only
    dialog.capacity_spin.setValue(2)
    dialog.location_edit.setText("Polokwane office")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    _synced(qtbot, sam)

    # Three laptops register (each saved on the laptop first: "asked"), then sync.
    laptops = {}
    for name in ("sipho", "lerato", "musa"):
        window = open_window(qtbot, *_profile(url, tmp_path / name, name))
        _synced(qtbot, window)  # the session arrives
        _sessions_of(qtbot, window)
        qtbot.mouseClick(window.sessions.register_button, Qt.MouseButton.LeftButton)
        assert _status(window) == "Asked: the server answers at the next sync"
        laptops[name] = window
    for window in laptops.values():
        _synced(qtbot, window)
    statuses = {name: _status(window) for name, window in laptops.items()}
    assert sorted(statuses.values()) == ["On the waiting list", "Registered", "Registered"], statuses
    placed = sorted(name for name, status in statuses.items() if status == "Registered")
    waiting = next(name for name, status in statuses.items() if status != "Registered")
    names = {"sipho": "Sipho Nkosi", "lerato": "Lerato Mokoena", "musa": "Musa Zulu"}

    # The facilitator takes the roll: the registered are ticked; the one waiting comes as a walk-in,
    # and a guest without an account is typed in.
    _synced(qtbot, sam)
    _sessions_of(qtbot, sam)
    occasion = sam.sessions.occasion
    assert occasion is not None and sam.sessions.roll_button.isVisible()
    qtbot.mouseClick(sam.sessions.roll_button, Qt.MouseButton.LeftButton)
    roll = sam.sessions.dialog
    assert isinstance(roll, RollDialog)
    assert sorted(roll.people.item(i).text() for i in range(roll.people.count())) == sorted(
        names[n] for n in placed)
    roll.walk_in_combo.setCurrentIndex(roll.walk_in_combo.findText(names[waiting]))
    roll.add_walk_in()
    qtbot.keyClicks(roll.guest_edit, "Mr Baloyi")
    roll.add_guest()
    qtbot.mouseClick(roll.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sam.navigation.currentRow() == 3, timeout=5_000)  # the report opens
    reports = list(sam.services.store.records(SessionNote, limit=None))
    assert len(reports) == 1
    report = reports[0]
    assert report.title == "Knowledge café: keeping volunteers" and report.written_by == "Sam Dlamini"
    assert sorted(report.attendees) == sorted([*names.values(), "Mr Baloyi"])
    assert len(report.attendee_ids) == 3 and report.planned_session_id == occasion.session.id
    pdf = tmp_path / "report.pdf"
    export_pdf(report, pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2_000
    _synced(qtbot, sam)

    # The attendees answer the survey (Lerato anonymously); the facilitator reads the summary.
    for name, overall, anonymous in ((placed[0], 5, False), (placed[1], 3, True)):
        window = laptops[name]
        _synced(qtbot, window)
        _sessions_of(qtbot, window)
        assert window.sessions.survey_button.isVisible()
        qtbot.mouseClick(window.sessions.survey_button, Qt.MouseButton.LeftButton)
        survey = window.sessions.dialog
        assert isinstance(survey, SurveyDialog)
        survey.overall.set_value(overall)
        survey.usefulness.set_value(4)
        survey.improve_edit.setPlainText(f"{name}: more time for questions")
        survey.anonymous_check.setChecked(anonymous)
        survey.accept()
        _synced(qtbot, window)
    _synced(qtbot, sam)
    sam.sessions.reload_now()
    _sessions_of(qtbot, sam)
    text = sam.sessions.reader.toPlainText()
    assert "Answers: 2 · overall 4.0 of 5 · usefulness 4.0 of 5" in text, text
    assert f"{placed[1]}: more time for questions" in text

    # Participation: the team report counts the three attendees as taking part this month.
    login = requests.post(f"{url}/api/v1/auth/login", json={"username": "sam", "password": PASSWORD,
                                                             "device_id": "01a23c81-0000-7000-8000-000000000001"},
                          timeout=10)
    token = login.json()["access_token"]
    month = occasion.occurrence.astimezone(UTC).strftime("%Y-%m")
    reports_json = requests.get(f"{url}/api/v1/reports/team", params={"month": month},
                                headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
    members = {m["username"]: m for m in reports_json[0]["members"]}
    assert [members[n]["sessions_attended"] for n in ("sipho", "lerato", "musa")] == [1, 1, 1]
    assert all(members[n]["took_part"] for n in ("sipho", "lerato", "musa"))
    assert len(list(sam.services.store.records(Attendance, limit=None))) == 1
    # What a laptop holds of the others' registrations: the session's sign-up sheet, no more.
    assert len(list(laptops[waiting].services.store.records(Registration, limit=None))) == 3
