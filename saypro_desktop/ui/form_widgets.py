"""Small editing widgets the record forms share: lists typed as text, optional dates, a form
section that shows each field's problem under it, and the two-line row painter of record lists."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import Record
from saypro_core.validation import problems
from saypro_desktop.ui.record_list_model import RecordListModel
from saypro_desktop.ui.texts import field_error

W = TypeVar("W", bound=QWidget)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def format_day(value: date | datetime) -> str:
    """A date the way people read it in lists: 3 Mar 2026."""
    return f"{value.day} {value.strftime('%b %Y')}"


DATE_FORMAT = "d MMM yyyy"
WARNING_COLOUR = "#c62828"  # readable on the light and the dark list background


def date_edit() -> QDateEdit:
    """A date field with a calendar pop-up, showing dates as people read them (3 Mar 2026)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def human_size(size: int) -> str:
    """Bytes as a person reads them: 830 B, 48 KB, 2.3 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def format_moment(value: datetime) -> str:
    """A moment in local time the way people read it: 3 Mar 2026 14:02."""
    local = value.astimezone()
    return f"{format_day(local)} {local:%H:%M}"


class ListLineEdit(QLineEdit):
    """A list of short values typed as "a, b, c" (tags)."""

    def values(self) -> list[str]:
        return [part.strip() for part in self.text().replace(";", ",").split(",") if part.strip()]

    def set_values(self, values: list[str]) -> None:
        self.setText(", ".join(values))


class NamesEdit(QPlainTextEdit):
    """A list of names, one per line (facilitators, attendees)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)

    def values(self) -> list[str]:
        return [line.strip() for line in self.toPlainText().splitlines() if line.strip()]

    def set_values(self, values: list[str]) -> None:
        self.setPlainText("\n".join(values))


class LongTextEdit(QPlainTextEdit):
    """Free text that grows to a few lines; Tab moves on, as in every other field."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 4) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a checkbox turns the date on.

    Signals:
        changed(): the date or its presence changed.
    """

    changed = Signal()

    def __init__(self, check_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(check_text)
        self.date_edit = date_edit()
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setEnabled(False)
        layout.addWidget(self.enabled)
        layout.addWidget(self.date_edit)
        layout.addStretch(1)
        self.enabled.toggled.connect(self.date_edit.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.date_edit.dateChanged.connect(self.changed)
        self.setFocusProxy(self.enabled)

    def value(self) -> date | None:
        return from_qdate(self.date_edit.date()) if self.enabled.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        self.date_edit.setDate(to_qdate(value) if value is not None else QDate.currentDate())


class FormSection(QGroupBox):
    """A titled group of labelled fields, each with room for its problem underneath."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.errors: dict[str, QLabel] = {}

    def add_field(self, name: str, label: str, widget: W, hint: str = "") -> W:
        holder = QWidget()
        holder.setFocusProxy(widget)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setProperty("role", "hint")
            column.addWidget(hint_label)
        error = QLabel()
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        self.form.addRow(caption, holder)
        return widget


class RecordRowDelegate(QStyledItemDelegate):
    """Paints a record row as a bold title over a quieter subtitle (date, project, state)."""

    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        lines = option.fontMetrics.lineSpacing()
        return QSize(200, lines * 2 + self.PADDING * 2 + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        style = option.widget.style() if option.widget else None
        painter.save()
        if style is not None:
            blank = QStyleOptionViewItem(option)
            self.initStyleOption(blank, index)
            blank.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, blank, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        active = bool(option.state & QStyle.StateFlag.State_Active)
        group = QPalette.ColorGroup.Active if active else QPalette.ColorGroup.Inactive
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(self.PADDING + 4, self.PADDING, -self.PADDING, -self.PADDING)
        line = option.fontMetrics.lineSpacing()
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(group, text_role))
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title_rect = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(option.font)
        subtitle = str(index.data(RecordListModel.SubtitleRole) or "")
        if not selected:
            # A warning (overdue review, conflict, refused by the server) reads in the error colour.
            warning = subtitle.startswith("⚠")
            painter.setPen(QColor(WARNING_COLOUR) if warning
                           else option.palette.color(group, QPalette.ColorRole.PlaceholderText))
        subtitle_rect = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        painter.drawText(subtitle_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         option.fontMetrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


def problems_label() -> QLabel:
    """Where a dialog lists why what was typed cannot be saved (hidden until there is something)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {WARNING_COLOUR}")
    label.hide()
    return label


def passes_checks(record: Record, label: QLabel) -> bool:
    """Whether ``record`` passes the domain's rules; if not, ``label`` says why, field by field."""
    errors = problems(record)
    if errors:
        label.setText("\n".join(field_error(e) for e in errors))
        label.show()
    return not errors
