"""The app's window on a temporary profile, with dialogs answered by the test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from build_scripts import translations
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.dialogs import DialogService
from saypro_desktop.ui.main_window import MainWindow
from saypro_desktop.ui.record_page import RecordPage
from saypro_desktop.ui.translation import install_language


@dataclass
class ScriptedDialogs(DialogService):
    """Answers the app's questions as the test says, and remembers what was asked."""

    confirm_answers: list[bool] = field(default_factory=list)
    save_paths: list[Path] = field(default_factory=list)
    open_paths: list[list[Path]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)

    def confirm(self, parent: QWidget, title: str, text: str, action: str) -> bool:
        self.asked.append(title)
        return self.confirm_answers.pop(0)

    def error(self, parent: QWidget, title: str, text: str) -> None:
        self.errors.append(f"{title}: {text}")

    def save_file_name(self, parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
        self.asked.append(title)
        return self.save_paths.pop(0) if self.save_paths else None

    def open_file_names(self, parent: QWidget, title: str, file_filter: str) -> list[Path]:
        self.asked.append(title)
        return self.open_paths.pop(0) if self.open_paths else []

    def print_document(self, parent: QWidget, document: QTextDocument) -> bool:
        self.printed.append(document.toPlainText())
        return True


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    """A fresh clone has only the .ts sources: compile them once, as dev.sh does."""
    if translations.stale():
        translations.compile_all(quiet=True)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def open_window(qtbot: QtBot, store: RecordStore, data_paths: DataPaths,
                dialogs: ScriptedDialogs) -> Iterator[type[MainWindow]]:
    """Opens the main window like a user starting the app (call it after putting data in the store)."""
    install_language("en")
    windows: list[MainWindow] = []

    def opener(**kwargs: object) -> MainWindow:
        settings = QSettings(str(data_paths.settings_file), QSettings.Format.IniFormat)
        window = MainWindow(store, data_paths, dialogs=dialogs, settings=settings, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.windowHandle().requestActivate()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield opener  # type: ignore[misc]
    for window in windows:
        window.runner.wait()
    install_language("en")


def wait_for_list(qtbot: QtBot, page: RecordPage) -> None:
    qtbot.waitUntil(lambda: not page.model.is_loading())
    QApplication.processEvents()


def go_to(qtbot: QtBot, window: MainWindow, number: int) -> None:
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    page = window.pages.currentWidget()
    if isinstance(page, RecordPage):
        wait_for_list(qtbot, page)
