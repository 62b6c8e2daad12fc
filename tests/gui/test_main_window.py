"""The main window as a field officer meets it: sections, shortcuts, status bar, remembered place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui import main_window
from saypro_desktop.ui.home_page import HomePage
from saypro_desktop.ui.learning_log_page import LearningLogPage
from saypro_desktop.ui.settings_dialog import SettingsDialog
from tests import factories
from tests.gui.conftest import go_to

SECTIONS = ["Home", "Learning Log", "Self-Assessment", "Session Notes", "Development Plan", "Sessions",
            "Knowledge Hub", "My team", "Sync"]


def test_fresh_profile_opens_offline_on_home(qtbot: QtBot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    assert window.windowTitle() == "SayPro Field Learning"
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == SECTIONS
    assert isinstance(window.pages.currentWidget(), HomePage)
    qtbot.waitUntil(lambda: window.sync_status.text() != "")
    assert window.sync_status.text() == "Working offline (no server set up) · nothing waiting to sync"
    home = window.home
    qtbot.waitUntil(lambda: home.summary is not None)
    assert home.logs_card.figure.text() == "0"
    assert home.feedback_empty.isVisible() and "No feedback yet" in home.feedback_empty.text()


def test_shortcuts_reach_every_section_and_the_status_counts_changes(qtbot: QtBot, store: RecordStore,
                                                                     open_window) -> None:  # type: ignore[no-untyped-def]
    store.save(factories.learning_log())
    window = open_window()
    for number, name in enumerate(SECTIONS, start=1):
        go_to(qtbot, window, number)
        assert window.navigation.currentItem().text() == name
    go_to(qtbot, window, 2)
    assert isinstance(window.pages.currentWidget(), LearningLogPage)
    assert window.learning_log.model.rowCount() == 1
    qtbot.waitUntil(lambda: window.sync_status.text() != "")
    assert window.sync_status.text().startswith("Working offline (no server set up) · 1 change waiting to sync")
    qtbot.keyClick(page_of(window), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.learning_log.title_edit, "Second")
    qtbot.keyClicks(window.learning_log.learned_edit, "More")
    qtbot.keyClick(window.learning_log, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "2 changes waiting to sync" in window.sync_status.text())


def page_of(window):  # type: ignore[no-untyped-def]
    return window.pages.currentWidget()


def test_window_remembers_size_position_and_last_page(qtbot: QtBot, data_paths: DataPaths,
                                                      open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    window.resize(780, 560)  # the offscreen screen is 800x600
    go_to(qtbot, window, 4)
    window.close()
    settings = QSettings(str(data_paths.settings_file), QSettings.Format.IniFormat)
    assert int(settings.value("window/page")) == 3
    again = open_window()
    assert again.navigation.currentRow() == 3
    assert (again.size().width(), again.size().height()) == (780, 560)


def test_home_counts_this_month_and_opens_latest_feedback(qtbot: QtBot, store: RecordStore,
                                                          open_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    log = store.save(factories.learning_log(log_date=date.today(), id=factories.new_id()))
    store.save(factories.learning_log(log_date=date(2020, 1, 1), id=factories.new_id()))
    store.save(factories.feedback(target_id=log.id, comment="Good evidence; share it with the team."))
    window = open_window()
    home = window.home
    qtbot.waitUntil(lambda: home.summary is not None and home.feedback_list.count() == 1)
    assert home.logs_card.figure.text() == "1"
    assert home.waiting_card.figure.text() == "3"
    item = home.feedback_list.item(0)
    assert "Good evidence" in item.text()
    home.feedback_list.setCurrentItem(item)
    home.feedback_list.itemActivated.emit(item)
    assert window.pages.currentWidget() is window.learning_log
    assert window.learning_log.title_edit.text() == log.title
    thread = window.learning_log.feedback_thread
    assert "Good evidence" in thread.entries.text() and "Nomsa Khumalo" not in thread.entries.text()
    assert thread.isVisible() and thread.send_button.text() == "Reply"
    assert not thread.review.isVisible()  # nobody reviews their own record


def test_quick_actions_on_home_go_to_their_section(qtbot: QtBot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    button = next(b for b in window.home.findChildren(type(window.learning_log.save_button))
                  if b.text() == "Record a session")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.session_notes


@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")  # offscreen: no tray, no raising
def test_closing_into_the_tray_keeps_the_typing_and_the_app(qtbot: QtBot, store: RecordStore,
                                                            open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(tray=True)
    assert window.tray is not None and window.tray.is_shown()
    qtbot.waitUntil(lambda: "nothing waiting to sync" in window.tray.icon.toolTip())
    assert window.tray.icon.toolTip() == ("SayPro Field Learning\nWorking offline (no server set up)\n"
                                          "nothing waiting to sync")
    assert not window.tray.sync_action.isEnabled()  # nothing to sync with
    go_to(qtbot, window, 2)
    page = window.learning_log
    page.new_entry()
    qtbot.keyClicks(page.title_edit, "Typed before closing")
    window.close()
    assert not window.isVisible() and window.tray.is_shown()
    assert [draft.title for draft in store.drafts()] == ["Typed before closing"]
    assert window.sync.running is False and not window.sync._cancel.is_set()  # not shut down: sync goes on
    window.tray.open_action.trigger()
    qtbot.waitUntil(window.isVisible)
    assert page.title_edit.text() == "Typed before closing"
    # Without the tray (Settings), closing closes.
    window.use_tray(False)
    assert window.tray is None
    window.close()
    assert not window.isVisible() and window.sync._cancel.is_set()


@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")  # offscreen: no tray, no raising
def test_a_tray_that_comes_up_after_the_app_is_used(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                    open_window) -> None:  # type: ignore[no-untyped-def]
    """At log-in the panel can start after the app: started minimized, it goes into the tray when one appears."""
    panel_up = False
    monkeypatch.setattr(main_window, "tray_available", lambda: panel_up)
    monkeypatch.setattr(main_window, "TRAY_LOOK_MS", 20)
    window = open_window()
    assert window.tray is None and window._tray_watch.isActive()
    window.showMinimized()
    window.into_tray_when_it_appears = True  # what a start with --minimized sets
    qtbot.wait(100)
    assert window.tray is None and window.isVisible()
    panel_up = True
    qtbot.waitUntil(lambda: window.tray is not None)
    assert window.tray.is_shown() and not window.isVisible() and not window._tray_watch.isActive()
    window.tray.open_action.trigger()
    qtbot.waitUntil(window.isVisible)
    # A person who turned the tray off, or a panel that never comes: the window stops looking.
    panel_up = False
    monkeypatch.setattr(main_window, "TRAY_WAIT_S", 0)
    window.settings.setValue("sync/keep_in_tray", "false")
    assert not open_window()._tray_watch.isActive()
    window.settings.setValue("sync/keep_in_tray", "true")
    waiting = open_window()
    qtbot.waitUntil(lambda: not waiting._tray_watch.isActive())
    assert waiting.tray is None


def test_settings_offer_the_tray_only_where_there_is_one(qtbot: QtBot, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    assert window.tray is None  # offscreen: no tray
    dialog = SettingsDialog(window.settings, window, tray_available=False)
    qtbot.addWidget(dialog)
    assert not dialog.keep_in_tray.isEnabled() and "no system tray" in dialog.keep_in_tray.toolTip()
    dialog = SettingsDialog(window.settings, window, tray_available=True)
    qtbot.addWidget(dialog)
    assert dialog.keep_in_tray.isEnabled() and dialog.keeps_in_tray()  # on unless the person turned it off


def test_import_and_export_my_data_from_the_file_menu(qtbot: QtBot, store: RecordStore, open_window, dialogs,
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from saypro_core.records import LearningLog, Visibility

    mine = store.save(factories.learning_log(id=factories.new_id(), owner_id="me", title="Mine"))
    store.save(factories.learning_log(id=factories.new_id(), owner_id="colleague", title="Theirs",
                                      visibility=Visibility.TEAM))
    store.save(factories.feedback(id=factories.new_id(), target_id=mine.id, comment="On mine"))
    window = open_window(owner_id="me")
    dialogs.save_paths.append(tmp_path / "mine.json")
    window.export_my_data()
    exported = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert [log["title"] for log in exported["learning_logs"]] == ["Mine"]
    assert [f["comment"] for f in exported["feedback"]] == ["On mine"]
    # A broken file: a clear error, nothing changed.
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "learning_logs": [{"title": 5}]}', encoding="utf-8")
    before = store.count(LearningLog)
    dialogs.open_paths.append([broken])
    window.import_records()
    assert dialogs.errors and dialogs.errors[-1].startswith("Nothing was imported: ")
    assert store.count(LearningLog) == before
    # A good one (another laptop's export): every record, at once.
    other = {**exported, "learning_logs": [{**exported["learning_logs"][0], "id": factories.new_id(),
                                            "title": "From my old laptop"}], "feedback": []}
    good = tmp_path / "good.json"
    good.write_text(json.dumps(other), encoding="utf-8")
    dialogs.open_paths.append([good])
    window.import_records()
    assert store.count(LearningLog) == before + 1
    assert "Imported 1 record" in window.statusBar().currentMessage()
