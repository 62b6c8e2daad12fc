"""A list of records that loads itself a page at a time, off the GUI thread.

The view asks ``canFetchMore``/``fetchMore`` as the user scrolls; each page is read by the
background runner and appended when it arrives, so a profile with 100,000 logs shows its first
rows at once and never loads the whole table. Unsaved new entries (drafts of records not stored
yet) are listed on top so a crash never hides them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from saypro_core.records import Record
from saypro_desktop.ui.background import BackgroundRunner

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RowText:
    title: str
    subtitle: str
    tooltip: str = ""


class RecordListModel(QAbstractListModel):
    """Rows of one record type, as :class:`RowText` from ``describe``.

    Signals:
        page_loaded(int): a page arrived; the argument is the number of rows now held.
    """

    RecordIdRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2
    SubtitleRole = Qt.ItemDataRole.UserRole + 3

    page_loaded = Signal(int)

    def __init__(self, runner: BackgroundRunner, load_page: Callable[[int, int], Sequence[Record]],
                 describe: Callable[[Record], RowText], *, page_size: int = 100) -> None:
        super().__init__()
        self._runner = runner
        self._load_page = load_page
        self._describe = describe
        self.page_size = page_size
        self._records: list[Record] = []
        self._texts: list[RowText] = []
        self._stored_rows = 0  # rows that came from the database (the offset of the next page)
        self._has_more = True
        self._loading = False
        self._generation = 0

    # -- loading -----------------------------------------------------------------------

    def reload(self, load_page: Callable[[int, int], Sequence[Record]] | None = None,
               unsaved: Sequence[Record] = ()) -> None:
        """Forget the rows and load the first page again (new filter, sort or data)."""
        if load_page is not None:
            self._load_page = load_page
        self._generation += 1
        self.beginResetModel()
        self._records = list(unsaved)
        self._texts = [self._describe(r) for r in unsaved]
        self._stored_rows = 0
        self._has_more = True
        self._loading = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's API
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt's API
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation, offset, size, load = self._generation, self._stored_rows, self.page_size, self._load_page
        self._runner.run(lambda: load(offset, size), lambda page: self._page_arrived(generation, page))

    def is_loading(self) -> bool:
        return self._loading

    def _page_arrived(self, generation: int, page: Sequence[Record]) -> None:
        if generation != self._generation:
            return  # a reload happened meanwhile; this page belongs to the old list
        known = {r.id for r in self._records}
        fresh = [r for r in page if r.id not in known]
        if fresh:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._records.extend(fresh)
            self._texts.extend(self._describe(r) for r in fresh)
            self.endInsertRows()
        self._stored_rows += len(page)
        self._has_more = len(page) == self.page_size
        self._loading = False
        self.page_loaded.emit(len(self._records))

    # -- reading -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        text = self._texts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text.title
        if role == self.SubtitleRole:
            return text.subtitle
        if role == Qt.ItemDataRole.ToolTipRole:
            return text.tooltip or None
        if role == self.RecordIdRole:
            return self._records[index.row()].id
        if role == self.RecordRole:
            return self._records[index.row()]
        return None

    def row_of(self, record_id: str) -> int | None:
        return next((i for i, r in enumerate(self._records) if r.id == record_id), None)

    def record_at(self, row: int) -> Record:
        return self._records[row]

    # -- keeping rows in step with edits -------------------------------------------------

    def put(self, record: Record) -> int:
        """Show ``record`` (saved or drafted): replace its row, or add it on top. Returns its row."""
        row = self.row_of(record.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._records.insert(0, record)
            self._texts.insert(0, self._describe(record))
            self.endInsertRows()
            return 0
        self._records[row] = record
        self._texts[row] = self._describe(record)
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return row

    def refresh_texts(self) -> None:
        """Describe every row again (after a language switch or a new draft marker)."""
        self._texts = [self._describe(r) for r in self._records]
        if self._records:
            self.dataChanged.emit(self.index(0), self.index(len(self._records) - 1))

    def remove(self, record_id: str) -> None:
        row = self.row_of(record_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._stored_rows = max(0, self._stored_rows - 1)  # so the next page does not skip a row
        del self._records[row]
        del self._texts[row]
        self.endRemoveRows()
