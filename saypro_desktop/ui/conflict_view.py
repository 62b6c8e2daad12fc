"""One conflict, side by side: the value the server kept and the one it set aside, who wrote each
and when, and the user's choice: keep either, or (for text) combine them. The choice is stored at
once and syncs like any change; no connection is needed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QPushButton, QWidget

from saypro_core.clock import Stamp
from saypro_core.records import RECORD_TYPES
from saypro_core.validation import ValidationError
from saypro_desktop.storage.remote import RemoteConflict
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.form_widgets import format_day
from saypro_desktop.ui.texts import field_error, field_label


def show_value(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value) or "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("ConflictView", "Yes") if value else QCoreApplication.translate(
            "ConflictView", "No")
    return str(value) if value not in (None, "") else "—"


class ConflictView(QGroupBox):
    """Signals:
        resolved(str): the conflict with this id was settled.
    """

    resolved = Signal(str)

    def __init__(self, store: RecordStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.conflict: RemoteConflict | None = None
        grid = QGridLayout(self)
        self.kept_caption = QLabel()
        self.lost_caption = QLabel()
        self.kept_text = QPlainTextEdit()
        self.lost_text = QPlainTextEdit()
        for column, (caption, text) in enumerate(((self.kept_caption, self.kept_text),
                                                  (self.lost_caption, self.lost_text))):
            caption.setWordWrap(True)
            text.setReadOnly(True)
            text.setMaximumHeight(120)
            grid.addWidget(caption, 0, column)
            grid.addWidget(text, 1, column)
        self.kept_text.setAccessibleName(self.tr("Value kept"))
        self.lost_text.setAccessibleName(self.tr("Value set aside"))
        self.keep_kept = QPushButton(self.tr("Keep this one"))
        self.keep_lost = QPushButton(self.tr("Keep this one instead"))
        self.keep_kept.clicked.connect(lambda: self._choose(self.conflict.kept if self.conflict else None))
        self.keep_lost.clicked.connect(lambda: self._choose(self.conflict.lost if self.conflict else None))
        grid.addWidget(self.keep_kept, 2, 0)
        grid.addWidget(self.keep_lost, 2, 1)
        self.combined_caption = QLabel(self.tr("Or combine them:"))
        self.combined = QPlainTextEdit()
        self.combined.setAccessibleName(self.tr("Combined value"))
        self.combined.setMaximumHeight(120)
        self.save_combined = QPushButton(self.tr("Keep the combined text"))
        self.save_combined.clicked.connect(lambda: self._choose(self.combined.toPlainText()))
        grid.addWidget(self.combined_caption, 3, 0, 1, 2)
        grid.addWidget(self.combined, 4, 0, 1, 2)
        grid.addWidget(self.save_combined, 5, 1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        grid.addWidget(self.error, 6, 0, 1, 2)
        self.hide()

    def _who(self, stamp_text: str) -> str:
        try:
            stamp = Stamp.parse(stamp_text)
        except ValueError:
            return self.tr("another device")
        when = datetime.fromtimestamp(stamp.millis / 1000, UTC).astimezone()
        where = self.tr("this laptop") if stamp.device == self.store.device_id else self.tr("another device")
        return self.tr("{where}, {day} {time}").format(where=where, day=format_day(when), time=f"{when:%H:%M}")

    def show_conflict(self, conflict: RemoteConflict | None) -> None:
        self.conflict = conflict
        self.error.clear()
        if conflict is None:
            self.hide()
            return
        cls = RECORD_TYPES[conflict.record_type]
        record = self.store.get(cls, conflict.record_id)
        title = record.display_title if record is not None else conflict.record_id
        self.setTitle(self.tr("“{field}” of “{title}”").format(field=field_label(conflict.field), title=title))
        self.kept_caption.setText(self.tr("<b>Kept</b> — from {who}").format(who=self._who(conflict.kept_stamp)))
        self.lost_caption.setText(self.tr("<b>Set aside</b> — from {who}").format(who=self._who(conflict.lost_stamp)))
        self.kept_text.setPlainText(show_value(conflict.kept))
        self.lost_text.setPlainText(show_value(conflict.lost))
        text = isinstance(conflict.kept, str) and isinstance(conflict.lost, str)
        for widget in (self.combined_caption, self.combined, self.save_combined):
            widget.setVisible(text)
        if text:
            self.combined.setPlainText(f"{conflict.kept}\n\n{conflict.lost}")
        self.show()

    def _choose(self, value: Any) -> None:
        if self.conflict is None:
            return
        try:
            self.store.resolve_conflict(self.conflict.id, value)
        except ValidationError as error:
            self.error.setText(" ".join(field_error(e) for e in error.errors))
            return
        settled = self.conflict.id
        self.show_conflict(None)
        self.resolved.emit(settled)
