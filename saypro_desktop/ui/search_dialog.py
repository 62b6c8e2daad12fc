"""Search everything (Ctrl+F): full-text over every record, results grouped by type; Enter or a
double click opens the record in its page. Searches run off the GUI thread as the user types."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import RECORD_TYPES
from saypro_desktop.storage.search import SearchHit
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.texts import type_name

DEBOUNCE_MS = 150
RESULTS = 60


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]


def _plain_snippet(snippet: str) -> str:
    return re.sub(r"\s+", " ", snippet).strip()


class SearchDialog(QDialog):
    """Signals:
        open_record(str, str): the user chose a result (record type, id).
    """

    open_record = Signal(str, str)

    def __init__(self, services: PageServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Search everything"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(self.tr("Type words to find in logs, assessments, sessions and goals…"))
        self.query_edit.setAccessibleName(self.tr("Search"))
        self.query_edit.setClearButtonEnabled(True)
        layout.addWidget(self.query_edit)
        self.results = QTreeWidget()
        self.results.setHeaderHidden(True)
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setRootIsDecorated(False)
        self.results.itemActivated.connect(self._activated)
        layout.addWidget(self.results, 1)
        self.summary = QLabel(self.tr("Results appear as you type. Enter opens the first one."))
        self.summary.setProperty("role", "hint")
        layout.addWidget(self.summary)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(self._debounce.start)
        self.query_edit.returnPressed.connect(self._open_current)
        self.latest: SearchResults | None = None

    def run_search(self) -> None:
        query = self.query_edit.text()
        if not query.strip():
            self.results.clear()
            self.summary.setText(self.tr("Results appear as you type. Enter opens the first one."))
            return
        store = self.services.store
        self.services.runner.run(lambda: SearchResults(query, store.search(query, limit=RESULTS)), self.show_results)

    def show_results(self, results: SearchResults) -> None:
        if results.query != self.query_edit.text():
            return  # typed on since; a newer search is on its way
        self.latest = results
        self.results.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        for record_type in RECORD_TYPES:
            hits = [h for h in results.hits if h.record_type == record_type]
            if not hits:
                continue
            group = QTreeWidgetItem(self.results, [f"{type_name(record_type)} ({len(hits)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            groups[record_type] = group
            for hit in hits:
                item = QTreeWidgetItem(group, [hit.title or self.tr("(untitled)")])
                item.setToolTip(0, _plain_snippet(hit.snippet))
                # Plain text, not a Python tuple: PySide's reference counting of Python objects kept in
                # item data has crashed the interpreter at exit.
                item.setData(0, Qt.ItemDataRole.UserRole, f"{hit.record_type}:{hit.record_id}")
                first = first or item
            group.setExpanded(True)
        if first is not None:
            self.results.setCurrentItem(first)
            self.summary.setText(QCoreApplication.translate(
                "SearchDialog", "%n result(s). Enter opens the selected one; arrows move.", None, len(results.hits)))
        else:
            self.summary.setText(self.tr("Nothing found for “{query}”.").format(query=results.query))

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query_edit.hasFocus():
            self.results.setFocus()
            self.results.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def _open_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._activated(item)

    def _activated(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(target, str):
            return  # a group heading
        record_type, record_id = target.split(":", 1)
        self.open_record.emit(record_type, record_id)
        self.accept()
