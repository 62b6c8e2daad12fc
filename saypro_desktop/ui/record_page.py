"""The master-detail page every kind of record is edited on: a lazy list on the left, the form on
the right, and the rules that make sure typing is never lost.

Typing marks the form changed and (re)starts a short timer; when it fires, or when the user opens
another record, switches page or closes the window, the form is written to the drafts table as
it stands, valid or not. Save validates, stores the record (which drops its draft in the same
transaction) and shows any problem next to its field. After a crash the draft is still there and
the main window reopens it. Delete asks first and can be undone from the banner (Ctrl+Z).

Subclasses describe one record type: its form (:meth:`build_form`, :meth:`fill_form`,
:meth:`read_form`), a new blank record, and how a row reads in the list.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import Record, SyncState
from saypro_core.validation import FieldError, problems
from saypro_desktop.storage.directory import is_mine
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.ui.feedback_thread import FeedbackThread
from saypro_desktop.ui.form_widgets import FormSection, RecordRowDelegate, format_day
from saypro_desktop.ui.page_parts import heading_label
from saypro_desktop.ui.record_list_model import RecordListModel, RowText
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.texts import enum_label, field_error

#: How long after the last keystroke the draft is written.
DRAFT_DELAY_MS = 2000


class Banner(QFrame):
    """A one-line message above the form with optional buttons (restored draft, undo delete)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text, 1)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.hide()

    def show_message(self, text: str, *buttons: QPushButton) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
        for button in buttons:
            self.buttons.addWidget(button)
        self.text.setText(text)
        self.show()


class RecordPage(QWidget):
    """One record type's list and editor.

    Signals:
        data_changed(): something was saved, deleted or restored (Home and the status bar recount).
    """

    record_class: ClassVar[type[Record]]
    data_changed = Signal()

    def __init__(self, services: PageServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.store = services.store
        self._stored: Record | None = None  # the saved version of what the editor shows
        self._editing: Record | None = None  # the record the editor was filled from
        self._dirty = False
        self._filling = False
        self._draft_ids: set[str] = set()
        self._deleted: Record | None = None
        self.sections: list[FormSection] = []

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_draft)

        self.model = RecordListModel(services.runner, self._load_page, self._describe_row)
        self._build_layout()
        self._build_shortcuts()
        self.model.page_loaded.connect(self._update_list_state)
        self.reload()

    # -- to be provided by each record type ------------------------------------------------

    def page_title(self) -> str:
        raise NotImplementedError

    def new_button_text(self) -> str:
        return self.tr("New entry")

    def empty_text(self) -> str:
        raise NotImplementedError

    def build_form(self, layout: QVBoxLayout) -> None:
        """Add the form's sections to ``layout``; connect every edit signal to :meth:`mark_changed`."""
        raise NotImplementedError

    def fill_form(self, record: Record) -> None:
        raise NotImplementedError

    def read_form(self, base: Record) -> Record:
        """A copy of ``base`` with the form's values."""
        raise NotImplementedError

    def new_record(self) -> Record:
        raise NotImplementedError

    def describe(self, record: Record) -> RowText:
        raise NotImplementedError

    def build_filter_bar(self) -> QWidget | None:
        return None

    def current_filter(self) -> RecordFilter | None:
        return None

    def sort_order(self) -> tuple[str, bool]:
        """(field, newest first) the list is sorted by."""
        return "updated_at", True

    def extra_editor_widgets(self, layout: QVBoxLayout) -> None:
        """Sections under the form that are not part of the record (attachments)."""

    def after_open(self, record: Record | None) -> None:
        """Called once the editor shows ``record`` (None: the editor was cleared)."""

    # -- layout ---------------------------------------------------------------------------

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        header = QHBoxLayout()
        self.heading = heading_label(self.page_title())
        header.addWidget(self.heading)
        header.addStretch(1)
        self.new_button = QPushButton(self.new_button_text())
        self.new_button.setToolTip(self.tr("Start a new one (Ctrl+N)"))
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self.new_entry)
        header.addWidget(self.new_button)
        outer.addLayout(header)
        filters = self.build_filter_bar()
        if filters is not None:
            outer.addWidget(filters)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(RecordRowDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setAccessibleName(self.tr("Entries"))
        self.list_view.setMinimumWidth(260)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_activated)
        self.list_empty = QLabel()
        self.list_empty.setWordWrap(True)
        self.list_empty.setProperty("role", "hint")
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.list_empty.setMargin(16)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list_view)
        self.list_stack.addWidget(self.list_empty)
        left_layout.addWidget(self.list_stack)
        splitter.addWidget(left)

        self.editor_stack = QStackedWidget()
        self.no_selection = QLabel(self.tr("Choose an entry on the left, or press Ctrl+N to start a new one."))
        self.no_selection.setProperty("role", "hint")
        self.no_selection.setWordWrap(True)
        self.no_selection.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_stack.addWidget(self.no_selection)
        self.editor_stack.addWidget(self._build_editor())
        splitter.addWidget(self.editor_stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([300, 700])
        self.banner = Banner()
        outer.addWidget(self.banner)
        outer.addWidget(splitter, 1)

    def _build_editor(self) -> QWidget:
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(12, 0, 0, 0)
        self.state_label = QLabel()
        self.state_label.setProperty("role", "hint")
        column.addWidget(self.state_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_scroll = scroll
        form_holder = QWidget()
        self.form_layout = QVBoxLayout(form_holder)
        self.form_layout.setContentsMargins(0, 0, 8, 0)
        # Feedback first: what a supervisor, mentor or colleague said is what the person opens it for.
        self.feedback_thread = FeedbackThread(self.services)
        self.feedback_thread.hide()
        self.feedback_thread.sent.connect(self.data_changed)
        self.form_layout.addWidget(self.feedback_thread)
        self.build_form(self.form_layout)
        self.extra_editor_widgets(self.form_layout)
        self.form_layout.addStretch(1)
        scroll.setWidget(form_holder)
        column.addWidget(scroll, 1)
        self.error_summary = QLabel()
        self.error_summary.setProperty("role", "error")
        self.error_summary.setWordWrap(True)
        self.error_summary.hide()
        column.addWidget(self.error_summary)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this entry (you can undo it)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.discard_button.clicked.connect(self.discard_changes)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        return editor

    def _build_shortcuts(self) -> None:
        # Window-wide shortcuts on the page: Qt only fires them while the page is visible.
        for keys, slot in ((QKeySequence.StandardKey.New, self.new_entry),
                           (QKeySequence.StandardKey.Save, self.save),
                           (QKeySequence.StandardKey.Undo, self.undo_delete)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)

    def add_section(self, layout: QVBoxLayout, title: str) -> FormSection:
        section = FormSection(title)
        self.sections.append(section)
        layout.addWidget(section)
        return section

    # -- the list ---------------------------------------------------------------------------

    def _load_page(self, offset: int, limit: int) -> Sequence[Record]:
        order_by, descending = self.sort_order()
        return self.store.records(self.record_class, order_by=order_by, descending=descending,
                                  limit=limit, offset=offset, where=self.list_filter())

    def list_filter(self) -> RecordFilter:
        """The page's filter, narrowed to my own records: colleagues' are read in the Hub and on
        the Team page, never edited here."""
        chosen = self.current_filter() or RecordFilter()
        return dataclasses.replace(chosen, owner=self.services.owner_id or None)

    def _describe_row(self, record: Record) -> RowText:
        text = self.describe(record)
        if record.id in self._draft_ids:
            marker = self.tr("Unsaved changes") if record.revision else self.tr("Draft, not saved yet")
            return dataclasses.replace(text, subtitle=f"✎ {marker} · {text.subtitle}")
        if record.sync_state in (SyncState.CONFLICT, SyncState.ERROR):
            return dataclasses.replace(text, subtitle=f"⚠ {enum_label(record.sync_state)} · {text.subtitle}")
        return text

    def reload(self) -> None:
        """Read the list again from the first page (after a filter change or a sync)."""
        drafts = self.store.drafts(self.record_class.record_type)
        self._draft_ids = {d.record_id for d in drafts}
        unsaved: list[Record] = []
        for info in drafts:
            if self.store.get(self.record_class, info.record_id) is None:
                draft = self.store.draft(self.record_class, info.record_id)
                if draft is not None:
                    unsaved.append(draft.record)
        self.model.reload(unsaved=unsaved)
        self._update_list_state()

    def _update_list_state(self) -> None:
        loading = self.model.is_loading() and self.model.rowCount() == 0
        if self.model.rowCount() or loading:
            self.list_stack.setCurrentWidget(self.list_view)
        else:
            filtered = self.current_filter() is not None
            self.list_empty.setText(self.tr("Nothing matches these filters.") if filtered else self.empty_text())
            self.list_stack.setCurrentWidget(self.list_empty)
        if self._editing is not None:
            self._select_row(self._editing.id)

    def _select_row(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row is None:
            return
        index = self.model.index(row)
        if self.list_view.currentIndex() != index:
            self._filling = True
            try:
                self.list_view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            finally:
                self._filling = False
        self.list_view.scrollTo(index)

    def _row_activated(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._filling or not current.isValid():
            return
        record_id = current.data(RecordListModel.RecordIdRole)
        if self._editing is None or record_id != self._editing.id:
            self.open_record(record_id)

    # -- the editor -------------------------------------------------------------------------

    def open_record(self, record_id: str) -> bool:
        """Show a record in the editor, with its draft if one was kept. False if it is gone."""
        self.flush_draft()
        stored = self.store.get(self.record_class, record_id)
        draft = self.store.draft(self.record_class, record_id)
        if stored is None and draft is None:
            return False
        if stored is not None and not is_mine(stored.owner_id, self.services.owner_id):
            return False  # a colleague's: read in the Hub, never edited here
        shown = draft.record if draft is not None else stored
        assert shown is not None
        self._show(shown, stored)
        if draft is not None:
            self._dirty = True
            self._show_restored_banner(draft.saved_at)
        self._select_row(record_id)
        return True

    def new_entry(self) -> None:
        self.flush_draft()
        self._show(self.new_record(), None)
        self._unselect()
        self.focus_first_field()

    def _unselect(self) -> None:
        self._filling = True
        try:
            self.list_view.selectionModel().clearCurrentIndex()
            self.list_view.clearSelection()
        finally:
            self._filling = False

    def focus_first_field(self) -> None:
        for section in self.sections:
            if section.isVisible() or not self.isVisible():
                item = section.form.itemAt(0, section.form.ItemRole.FieldRole)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setFocus()
                    return

    def _show(self, record: Record, stored: Record | None) -> None:
        self._stored = stored
        self._editing = record
        self._dirty = False
        self._draft_timer.stop()
        self.banner.hide()
        self._filling = True
        try:
            self.fill_form(record)
        finally:
            self._filling = False
        self.show_problems([])
        self._show_state(stored)
        self.feedback_thread.show_for(stored)
        self.delete_button.setEnabled(stored is not None)
        self.editor_stack.setCurrentIndex(1)
        self.after_open(record)

    def _clear_editor(self) -> None:
        self._stored = None
        self._editing = None
        self._dirty = False
        self._draft_timer.stop()
        self.editor_stack.setCurrentIndex(0)
        self._unselect()
        self.after_open(None)

    def _show_state(self, stored: Record | None) -> None:
        if stored is None:
            self.state_label.setText(self.tr("New, not saved yet"))
            return
        state = enum_label(stored.sync_state)
        edited = self.tr("last changed {day} {time}").format(
            day=format_day(stored.updated_at.astimezone()), time=stored.updated_at.astimezone().strftime("%H:%M"))
        text = f"{state} · {edited}"
        if stored.sync_state == SyncState.ERROR and stored.sync_error:
            text += " · " + self.tr("The server said: {reason}").format(reason=stored.sync_error)
            text += " " + self.tr("Correct it and save to send it again, or delete it; it stays on this laptop.")
        self.state_label.setText(text)

    def refresh_state(self) -> None:
        """A sync ended: show the open record's real state (sent, refused and why, in conflict)."""
        if self._editing is None or self._stored is None:
            return
        stored = self.store.get(self.record_class, self._stored.id)
        if stored is None:
            return
        self._stored = stored
        self._show_state(stored)

    def mark_changed(self, *_: Any) -> None:
        """Connected to every edit signal of the form."""
        if self._filling or self._editing is None:
            return
        self._dirty = True
        self._draft_timer.start()

    def is_dirty(self) -> bool:
        return self._dirty

    def current_record_id(self) -> str | None:
        return None if self._editing is None else self._editing.id

    def flush_draft(self) -> None:
        """Write the form to the drafts table now, if it holds unsaved typing."""
        self._draft_timer.stop()
        if not self._dirty or self._editing is None:
            return
        record = self.read_form(self._editing)
        self.store.save_draft(record)
        self._draft_ids.add(record.id)
        self.model.put(self._stored if self._stored is not None else record)
        self._update_list_state()

    def save(self) -> bool:
        if self._editing is None:
            return False
        record = self.read_form(self._editing)
        errors = problems(record)
        self.show_problems(errors)
        if errors:
            self.services.notify(self.tr("Not saved yet: please fix what is marked in red."))
            return False
        saved = self.store.save(record)
        self._draft_ids.discard(saved.id)
        self._stored = saved
        self._editing = saved
        self._dirty = False
        self._draft_timer.stop()
        self.banner.hide()
        self._show_state(saved)
        self.delete_button.setEnabled(True)
        self.model.put(saved)
        self._update_list_state()
        self._select_row(saved.id)
        self.services.notify(self.tr("Saved “{title}”.").format(title=saved.display_title[:60]))
        self.data_changed.emit()
        return True

    def show_problems(self, errors: Sequence[FieldError]) -> None:
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.field, []).append(field_error(error))
        shown: set[str] = set()
        first: QLabel | None = None
        for section in self.sections:
            for name, label in section.errors.items():
                messages = by_field.get(name, [])
                label.setText("\n".join(messages))
                label.setVisible(bool(messages))
                if messages:
                    shown.add(name)
                    first = first or label
        if first is not None:
            self.form_scroll.ensureWidgetVisible(first)  # the first problem in view
        elsewhere = [m for name, messages in by_field.items() if name not in shown for m in messages]
        count = sum(len(m) for m in by_field.values())
        if count:
            summary = QCoreApplication.translate("RecordPage", "%n problem(s) to fix before saving.", None, count)
            self.error_summary.setText(" ".join([summary, *elsewhere]))
        self.error_summary.setVisible(bool(count))

    def discard_changes(self) -> None:
        if self._editing is None:
            return
        record_id = self._editing.id
        self.store.discard_draft(record_id)
        self._draft_ids.discard(record_id)
        if self._stored is not None:
            self.model.put(self._stored)
            self._show(self._stored, self._stored)
        else:
            self.model.remove(record_id)
            self._clear_editor()
        self._update_list_state()

    def delete_current(self) -> None:
        if self._editing is None:
            return
        if self._stored is None:
            self.discard_changes()
            return
        title = self._stored.display_title[:80]
        if not self.services.dialogs.confirm(
                self, self.tr("Delete this entry?"),
                self.tr("“{title}” will be deleted on this laptop and, after the next sync, everywhere. "
                        "You can undo this straight away.").format(title=title),
                self.tr("Delete")):
            return
        self.store.discard_draft(self._stored.id)
        self._draft_ids.discard(self._stored.id)
        self._deleted = self.store.delete(self.record_class, self._stored.id)
        self.model.remove(self._stored.id)
        self._clear_editor()
        self._update_list_state()
        undo = QPushButton(self.tr("Undo"))
        undo.setToolTip(self.tr("Bring it back (Ctrl+Z)"))
        undo.clicked.connect(self.undo_delete)
        self.banner.show_message(self.tr("Deleted “{title}”.").format(title=title), undo)
        self.data_changed.emit()

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        restored = self.store.restore(self.record_class, self._deleted.id)
        self._deleted = None
        self.banner.hide()
        self.model.put(restored)
        self._update_list_state()
        self.open_record(restored.id)
        self.services.notify(self.tr("Restored “{title}”.").format(title=restored.display_title[:60]))
        self.data_changed.emit()

    def _show_restored_banner(self, saved_at: datetime) -> None:
        local = saved_at.astimezone()
        discard = QPushButton(self.tr("Discard them"))
        discard.clicked.connect(self.discard_changes)
        self.banner.show_message(
            self.tr("Your unsaved changes from {day} {time} were kept. Save to keep them for good.").format(
                day=format_day(local), time=local.strftime("%H:%M")), discard)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.flush_draft()
        super().hideEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
