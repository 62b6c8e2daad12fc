"""The main window as a field officer meets it on a fresh profile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.main_window import EmptyStatePage, MainWindow
from tests import factories


def make_window(qtbot: QtBot, store: RecordStore, data_paths: DataPaths) -> MainWindow:
    window = MainWindow(store, data_paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow)
    return window


def page_text(window: MainWindow) -> str:
    page = window.pages.currentWidget()
    assert isinstance(page, EmptyStatePage)
    return page.explanation.text()


def test_fresh_profile_opens_offline_on_home(qtbot: QtBot, store: RecordStore, data_paths: DataPaths) -> None:
    window = make_window(qtbot, store, data_paths)
    assert window.windowTitle() == "SayPro Field Learning"
    assert window.navigation.currentItem().text() == "Home"
    assert "works without internet" in page_text(window)
    assert window.statusBar().currentMessage() == "Working offline (no server set up) · nothing waiting to sync"


def test_keyboard_shortcuts_switch_sections(qtbot: QtBot, store: RecordStore, data_paths: DataPaths) -> None:
    store.save(factories.learning_log())
    window = make_window(qtbot, store, data_paths)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.navigation.currentItem().text() == "Learning Log"
    assert page_text(window).startswith("1 learning logs.")
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert "Nothing has been shared with you yet" in page_text(window)
    assert "1 changes saved on this laptop" in window.statusBar().currentMessage()


def test_every_section_is_reachable_from_the_list(qtbot: QtBot, store: RecordStore, data_paths: DataPaths) -> None:
    window = make_window(qtbot, store, data_paths)
    names = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert names == ["Home", "Learning Log", "Self-Assessment", "Session Notes", "Development Plan",
                     "Knowledge Hub", "Sync"]
    window.navigation.setCurrentRow(6)
    assert str(data_paths.root) in page_text(window)
