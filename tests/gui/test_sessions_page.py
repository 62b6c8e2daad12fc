"""The Sessions page on one laptop, offline: a session from the programme, registering and
cancelling (the server's answer pending), a supervisor's roll that writes the report, the survey."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from saypro_core.records import Registration, RegistrationOutcome, RegistrationStatus, SessionNote, SurveyResponse
from saypro_core.wire import DirectoryOut, PersonOut
from saypro_desktop.storage import programme as schedule
from saypro_desktop.storage.directory import write_directory
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.main_window import SESSIONS_ROW
from saypro_desktop.ui.session_dialogs import PublishSessionDialog, RollDialog, SurveyDialog
from tests import factories

ME, SAM, SIPHO = (factories.new_id() for _ in range(3))


def _directory(store: RecordStore, my_role: str) -> None:
    with store.engine.begin() as connection:
        write_directory(connection, DirectoryOut(v=1, me=ME, p=[
            PersonOut(id=ME, n="Thandi Mokoena", r=my_role, t="Limpopo", rel=[]),
            PersonOut(id=SAM, n="Sam Dlamini", r="supervisor", t="Limpopo", rel=["supervisor"]),
            PersonOut(id=SIPHO, n="Sipho Nkosi", r="staff", t="Limpopo", rel=["teammate"])]))


def _cafe(owner: str, **overrides: object) -> factories.PlannedSession:
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    values: dict[str, object] = {"id": factories.new_id(), "owner_id": owner, "starts_at": soon,
                                 "ends_at": soon + timedelta(hours=1), "registration_deadline": None,
                                 "alternative_dates": [soon + timedelta(days=7)], "facilitator_ids": [owner]}
    values.update(overrides)
    return factories.planned_session(**values)


def test_register_choose_another_date_and_cancel_offline(qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    _directory(store, "staff")
    cafe = store.save(_cafe(SAM))
    window = open_window(owner_id=ME)
    window.navigation.setCurrentRow(SESSIONS_ROW)
    page = window.sessions
    qtbot.waitUntil(lambda: page.trees[0].topLevelItemCount() == 2, timeout=5_000)
    assert not page.publish_button.isVisible()  # staff do not publish
    page.trees[0].setCurrentItem(page.trees[0].topLevelItem(0))
    assert "Knowledge café" in page.reader.toPlainText() and page.register_button.isVisible()
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    (mine,) = store.records(Registration, limit=None)
    assert (mine.occurrence, mine.outcome) == (cafe.starts_at, RegistrationOutcome.PENDING)
    assert page.trees[0].topLevelItem(0).text(3) == "Asked: the server answers at the next sync"
    assert page.tabs.tabText(1) == "My registrations (1)"
    page.trees[0].setCurrentItem(page.trees[0].topLevelItem(0))
    assert page.move_button.isVisible() and page.date_combo.count() == 1
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    assert store.require(Registration, mine.id).occurrence == cafe.alternative_dates[0]
    page.trees[0].setCurrentItem(page.trees[0].topLevelItem(1))
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert store.require(Registration, mine.id).status == RegistrationStatus.CANCELLED
    assert page.tabs.tabText(1) == "My registrations (0)"


def test_a_supervisor_publishes_takes_the_roll_and_the_report_is_prefilled(
        qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    _directory(store, "supervisor")
    window = open_window(owner_id=ME)
    window.navigation.setCurrentRow(SESSIONS_ROW)
    page = window.sessions
    qtbot.waitUntil(page.publish_button.isVisible, timeout=5_000)
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PublishSessionDialog)
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Title is required." in dialog.problems.text()  # nothing saved
    dialog.title_edit.setText("Sharing circle: reporting to funders")
    dialog.link_edit.setText("javascript:alert(1)")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert "Online link must be a web address" in dialog.problems.text()
    dialog.link_edit.setText("")
    dialog.capacity_spin.setValue(0)
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    page.trees[0].setCurrentItem(page.trees[0].topLevelItem(0))
    occasion = page.occasion
    assert occasion is not None and occasion.session.capacity == 0 and occasion.session.facilitator_ids == [ME]
    store.save(factories.registration(id=factories.new_id(), owner_id=SIPHO, target_id=occasion.session.id,
                                      occurrence=occasion.occurrence, outcome=RegistrationOutcome.REGISTERED))
    page.reload_now()
    assert page.roll_button.isVisible() and not page.register_button.isVisible()
    qtbot.mouseClick(page.roll_button, Qt.MouseButton.LeftButton)
    roll = page.dialog
    assert isinstance(roll, RollDialog) and roll.people.item(0).text() == "Sipho Nkosi"
    roll.guest_edit.setText("Mr Baloyi")
    roll.add_guest()
    qtbot.mouseClick(roll.close_button, Qt.MouseButton.LeftButton)
    (report,) = store.records(SessionNote, limit=None)
    assert report.attendees == ["Sipho Nkosi", "Mr Baloyi"] and report.attendee_ids == [SIPHO]
    assert report.facilitators == ["Thandi Mokoena"] and report.written_by == "Thandi Mokoena"
    assert window.navigation.currentRow() == 3 and window.session_notes.title_edit.text() == report.title


def test_an_attendee_answers_the_survey_once(qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    _directory(store, "staff")
    cafe = store.save(_cafe(SAM, alternative_dates=[]))
    store.save(factories.attendance(id=factories.new_id(), owner_id=SAM, target_id=cafe.id,
                                    occurrence=cafe.starts_at, attendee_ids=[ME], closed=True))
    window = open_window(owner_id=ME)
    window.navigation.setCurrentRow(SESSIONS_ROW)
    page = window.sessions
    qtbot.waitUntil(lambda: page.trees[0].topLevelItemCount() == 1, timeout=5_000)
    page.trees[0].setCurrentItem(page.trees[0].topLevelItem(0))
    assert page.survey_button.isVisible()
    qtbot.mouseClick(page.survey_button, Qt.MouseButton.LeftButton)
    survey = page.dialog
    assert isinstance(survey, SurveyDialog)
    survey.accept()
    assert survey.isVisible() and survey.problems.text() == "Choose a number from 1 to 5 for both questions."
    survey.overall.set_value(4)
    survey.usefulness.set_value(5)
    survey.anonymous_check.setChecked(True)
    survey.accept()
    (answer,) = store.records(SurveyResponse, limit=None)
    assert (answer.overall, answer.usefulness, answer.anonymous) == (4, 5, True)
    assert not page.survey_button.isVisible()


def test_enum_words_of_two_kinds_with_one_value_keep_their_own_labels() -> None:
    from saypro_core.records import SyncState
    from saypro_desktop.ui.texts import enum_label

    assert enum_label(SyncState.WAITING) == "Waiting to sync"  # "waiting" is both
    assert enum_label(RegistrationOutcome.WAITING) == "On the waiting list"


def test_home_reminds_of_tomorrows_session_and_leads_to_it(qtbot: QtBot, store: RecordStore, open_window) -> None:  # type: ignore[no-untyped-def]
    _directory(store, "staff")
    tomorrow = (datetime.now().astimezone() + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    cafe = store.save(_cafe(SAM, starts_at=tomorrow.astimezone(UTC), ends_at=tomorrow.astimezone(UTC)
                            + timedelta(hours=1), alternative_dates=[]))
    later = store.save(_cafe(SAM, title="Lightning talks", starts_at=tomorrow.astimezone(UTC) + timedelta(days=5),
                             ends_at=None, alternative_dates=[]))
    for session, outcome in ((cafe, RegistrationOutcome.REGISTERED), (later, RegistrationOutcome.REGISTERED)):
        store.save(factories.registration(id=factories.new_id(), owner_id=ME, target_id=session.id,
                                          occurrence=session.starts_at, outcome=outcome))
    window = open_window(owner_id=ME)
    home = window.home
    qtbot.waitUntil(home.reminder.isVisible, timeout=5_000)
    assert "Tomorrow 09:00" in home.reminder.text() and cafe.title in home.reminder.text()
    assert "Lightning talks" not in home.reminder.text()  # not yet
    home.reminder.linkActivated.emit("sessions")
    assert window.navigation.currentRow() == SESSIONS_ROW
    # The same reminder as a notification (the tray's, and the status bar's), once: not again at the
    # next check, nor after the app starts again.
    messages: list[str] = []
    window.reminders.due.connect(messages.append)
    told = window.reminders.tell(schedule.reminders(store, ME, date.today()), date.today())
    assert told == [f"Tomorrow 09:00: {cafe.title} ({cafe.location})"] and messages == told
    assert window.statusBar().currentMessage() == told[0]
    assert window.reminders.tell(schedule.reminders(store, ME, date.today()), date.today()) == []
    assert open_window(owner_id=ME).reminders.tell(schedule.reminders(store, ME, date.today()), date.today()) == []
