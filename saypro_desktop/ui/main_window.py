"""The main window: navigation on the left, one page per part of the app on the right.

Pages here show what the profile holds and honest empty states; the full editors arrive with the
desktop issue. The status bar says where the data stands with the server.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from saypro_desktop import APP_NAME
from saypro_desktop.domain.records import (
    RECORD_TYPES,
    DevelopmentGoal,
    LearningLog,
    SelfAssessment,
    SessionNote,
)
from saypro_desktop.paths import DataPaths
from saypro_desktop.storage.store import RecordStore


class EmptyStatePage(QWidget):
    """A page heading with a short explanation of what will appear there."""

    def __init__(self, heading: str, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        title = QLabel(heading)
        title.setObjectName("pageHeading")
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        body = QLabel(explanation)
        body.setWordWrap(True)
        body.setStyleSheet("font-size: 11pt; color: palette(placeholder-text);")
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = body
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(body)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """Composes the pages; owns no business logic."""

    def __init__(self, store: RecordStore, paths: DataPaths, *, server_url: str | None = None) -> None:
        super().__init__()
        self._store = store
        self._server_url = server_url
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Sections"))
        self.navigation.setFixedWidth(210)
        self.navigation.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }")
        self.pages = QStackedWidget()
        for name, page in self._build_pages(paths):
            QListWidgetItem(name, self.navigation)
            self.pages.addWidget(page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        # Ctrl+1..7 open the sections in list order.
        self._section_shortcuts = []
        for row in range(self.navigation.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self)
            shortcut.activated.connect(lambda r=row: self.navigation.setCurrentRow(r))
            self._section_shortcuts.append(shortcut)
        self.refresh_status()

    def _build_pages(self, paths: DataPaths) -> list[tuple[str, QWidget]]:
        store = self._store
        month_start = date.today().replace(day=1)
        logs_this_month = sum(
            1 for log in store.records(LearningLog, order_by="log_date", limit=500)
            if log.log_date >= month_start
        )
        home = EmptyStatePage(
            self.tr("Welcome"),
            self.tr("This month: {logs} learning logs written. "
                    "{goals} development goals in your plan.\n\n"
                    "Everything you write is saved on this laptop first and works without "
                    "internet.").format(logs=logs_this_month, goals=store.count(DevelopmentGoal)),
        )
        return [
            (self.tr("Home"), home),
            (self.tr("Learning Log"), EmptyStatePage(
                self.tr("Learning Log"),
                self.tr("{n} learning logs. Capture what you learned after each project or "
                        "milestone.").format(n=store.count(LearningLog)))),
            (self.tr("Self-Assessment"), EmptyStatePage(
                self.tr("Self-Assessment"),
                self.tr("{n} self-assessments. Rate yourself against the SayPro competency "
                        "framework and see how you grow.").format(n=store.count(SelfAssessment)))),
            (self.tr("Session Notes"), EmptyStatePage(
                self.tr("Session Notes"),
                self.tr("{n} session notes. Summarise peer-learning sessions, sharing circles and "
                        "knowledge cafés.").format(n=store.count(SessionNote)))),
            (self.tr("Development Plan"), EmptyStatePage(
                self.tr("Development Plan"),
                self.tr("{n} goals. Keep SMART goals agreed with your supervisor.").format(
                    n=store.count(DevelopmentGoal)))),
            (self.tr("Knowledge Hub"), EmptyStatePage(
                self.tr("Knowledge Hub"),
                self.tr("Session summaries and lessons your colleagues share will appear here "
                        "after your first sync. Nothing has been shared with you yet."))),
            (self.tr("Sync"), EmptyStatePage(
                self.tr("Sync"),
                self.tr("Your data is kept in {path}.").format(path=paths.root))),
        ]

    def record_total(self) -> int:
        return sum(self._store.count(cls) for cls in RECORD_TYPES.values())

    def refresh_status(self) -> None:
        waiting = self._store.outbox_summary()
        if self._server_url:
            where = self.tr("Server: {url}").format(url=self._server_url)
        else:
            where = self.tr("Working offline (no server set up)")
        if waiting.changes:
            pending = self.tr("{n} changes saved on this laptop, waiting to sync").format(n=waiting.changes)
        else:
            pending = self.tr("nothing waiting to sync")
        self.statusBar().showMessage(f"{where} · {pending}")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        event.accept()
