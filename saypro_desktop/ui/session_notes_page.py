"""Session Notes: the Session Summary Report Form, with an editable action-items table, photos and
documents, and export to PDF or the printer."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import (
    ActionItem,
    LocationKind,
    QuestionAnswer,
    Record,
    SessionNote,
    SessionType,
    TemplateAnswer,
    Visibility,
)
from saypro_core.validation import problems
from saypro_desktop.storage.programme import DEBRIEF_QUESTIONS
from saypro_desktop.ui.attachments_section import AttachmentsSection
from saypro_desktop.ui.form_widgets import LongTextEdit, NamesEdit, date_edit, format_day, from_qdate, to_qdate
from saypro_desktop.ui.learning_log_page import readers_text, visibility_combo
from saypro_desktop.ui.record_list_model import RowText
from saypro_desktop.ui.record_page import RecordPage
from saypro_desktop.ui.session_report import export_pdf, report_document
from saypro_desktop.ui.texts import enum_label, field_label

NO_DATE = QDate(2000, 1, 1)  # the due-date editor's "no date" value, shown as "—"


def _to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def _from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class ActionItemsTable(QTableWidget):
    """Action, owner, due date (a date editor per row, "—" for none) and done (a check box)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Owner"), self.tr("Due date"), self.tr("Done")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)
        self.setMinimumHeight(140)
        self._ids: list[str] = []

    def add_item(self, item: ActionItem | None = None) -> int:
        item = item or ActionItem(text="")
        row = self.rowCount()
        self.insertRow(row)
        self._ids.append(item.id)
        self.setItem(row, 0, QTableWidgetItem(item.text))
        self.setItem(row, 1, QTableWidgetItem(item.owner))
        due = date_edit()
        due.setMinimumDate(NO_DATE)
        due.setSpecialValueText("—")
        due.setAccessibleName(self.tr("Due date"))
        due.setDate(to_qdate(item.due_date) if item.due_date else NO_DATE)
        self.setCellWidget(row, 2, due)
        done = QTableWidgetItem()
        done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        done.setCheckState(Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked)
        self.setItem(row, 3, done)
        return row

    def set_items(self, items: list[ActionItem]) -> None:
        self.setRowCount(0)
        self._ids = []
        for item in items:
            self.add_item(item)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.selectedIndexes()}, reverse=True)
        if not rows and self.currentRow() >= 0:
            rows = [self.currentRow()]
        for row in rows:
            self.removeRow(row)
            del self._ids[row]

    def action_items(self) -> list[ActionItem]:
        found = []
        for row in range(self.rowCount()):
            text_item, owner_item, done_item = self.item(row, 0), self.item(row, 1), self.item(row, 3)
            due = self.cellWidget(row, 2)
            assert isinstance(due, QDateEdit)
            text = text_item.text().strip() if text_item else ""
            owner = owner_item.text().strip() if owner_item else ""
            if not text and not owner and due.date() == NO_DATE:
                continue  # an empty row the user added and did not fill
            found.append(ActionItem(id=self._ids[row], text=text, owner=owner,
                                    due_date=None if due.date() == NO_DATE else from_qdate(due.date()),
                                    done=bool(done_item and done_item.checkState() == Qt.CheckState.Checked)))
        return found


class SessionNotesPage(RecordPage):
    record_class = SessionNote

    def page_title(self) -> str:
        return self.tr("Session Notes")

    def new_button_text(self) -> str:
        return self.tr("New session note")

    def empty_text(self) -> str:
        return self.tr("No session notes yet. After a sharing circle, knowledge café or feedback session, press "
                       "“New session note” (Ctrl+N) to record who came, what you learned and what happens next.")

    def sort_order(self) -> tuple[str, bool]:
        return "starts_at", True

    def build_form(self, layout: QVBoxLayout) -> None:
        session = self.add_section(layout, self.tr("Session"))
        self.type_combo = QComboBox()
        for value in SessionType:
            self.type_combo.addItem(enum_label(value), value)
        session.add_field("session_type", self.tr("Type"), self.type_combo)
        self.title_edit = session.add_field("title", self.tr("Topic"), QLineEdit())
        self.title_edit.setPlaceholderText(self.tr("e.g. Sharing circle: keeping youth in the programme"))
        self.start_edit = QDateTimeEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("d MMM yyyy  HH:mm")
        session.add_field("starts_at", field_label("starts_at"), self.start_edit)
        self.end_edit = QDateTimeEdit()
        self.end_edit.setCalendarPopup(True)
        self.end_edit.setDisplayFormat("d MMM yyyy  HH:mm")
        session.add_field("ends_at", field_label("ends_at"), self.end_edit)
        self.location_kind = QComboBox()
        for kind in LocationKind:
            self.location_kind.addItem(enum_label(kind), kind)
        session.add_field("location_kind", self.tr("Online or in person"), self.location_kind)
        self.location_edit = session.add_field("location", field_label("location"), QLineEdit())
        self.location_edit.setPlaceholderText(self.tr("e.g. Community hall, Tzaneen, or the meeting link"))
        self.visibility_combo = session.add_field("visibility", self.tr("Who can read it"), visibility_combo())
        self.readers_label = QLabel()
        self.readers_label.setProperty("role", "hint")
        self.readers_label.setWordWrap(True)
        session.form.addRow("", self.readers_label)
        self.visibility_combo.currentIndexChanged.connect(self._show_readers)

        people = self.add_section(layout, self.tr("People"))
        hint = self.tr("One name per line.")
        self.facilitators_edit = people.add_field("facilitators", field_label("facilitators"), NamesEdit(), hint)
        self.attendees_edit = people.add_field("attendees", field_label("attendees"), NamesEdit(), hint)

        details = self.add_section(layout, self.tr("Report details"))
        self.agenda_edit = details.add_field("agenda", field_label("agenda"), LongTextEdit())
        self.programme_edit = details.add_field("programme", field_label("programme"), QLineEdit())
        self.department_edit = details.add_field("department", field_label("department"), QLineEdit())
        self.cycle_edit = details.add_field("reporting_cycle", field_label("reporting_cycle"), QLineEdit())
        self.cycle_edit.setPlaceholderText(self.tr("e.g. April SCOR-1"))
        self.recording_edit = details.add_field("recording_link", field_label("recording_link"), QLineEdit())
        self.recording_edit.setPlaceholderText("https://")
        self.written_by_edit = details.add_field("written_by", field_label("written_by"), QLineEdit())

        outcomes = self.add_section(layout, self.tr("What came out of it"))
        self.insights_edit = outcomes.add_field("insights", field_label("insights"), LongTextEdit())
        self.challenges_edit = outcomes.add_field("challenges", field_label("challenges"), LongTextEdit())
        self.stories_edit = outcomes.add_field("success_stories", field_label("success_stories"), LongTextEdit())

        self.questions_edit = outcomes.add_field(
            "questions", field_label("questions"), LongTextEdit(),
            self.tr("One question a line; its answer after “ -> ”, e.g. Who pays the venue? -> The district office"))
        self.debrief_edits: list[tuple[str, str, LongTextEdit]] = []
        debrief = self.add_section(layout, field_label("debrief"))
        for question_id, question in DEBRIEF_QUESTIONS:
            edit = debrief.add_field("debrief", self.tr(question), LongTextEdit())
            self.debrief_edits.append((question_id, question, edit))

        actions = self.add_section(layout, field_label("action_items"))
        self.actions_table = ActionItemsTable()
        self.actions_table.setAccessibleName(field_label("action_items"))
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.actions_table)
        row = QHBoxLayout()
        self.add_action_button = QPushButton(self.tr("Add action item"))
        self.add_action_button.clicked.connect(self.add_action_item)
        self.remove_action_button = QPushButton(self.tr("Remove selected"))
        self.remove_action_button.clicked.connect(self._remove_action_items)
        row.addWidget(self.add_action_button)
        row.addWidget(self.remove_action_button)
        row.addStretch(1)
        column.addLayout(row)
        actions.add_field("action_items", self.tr("Who does what by when"), holder)

        for signal in (self.type_combo.currentIndexChanged, self.title_edit.textEdited, self.start_edit.dateTimeChanged,
                       self.end_edit.dateTimeChanged, self.location_kind.currentIndexChanged,
                       self.location_edit.textEdited, self.visibility_combo.currentIndexChanged,
                       self.facilitators_edit.textChanged, self.attendees_edit.textChanged,
                       self.insights_edit.textChanged, self.challenges_edit.textChanged,
                       self.stories_edit.textChanged, self.actions_table.itemChanged, self.agenda_edit.textChanged,
                       self.programme_edit.textEdited, self.department_edit.textEdited, self.cycle_edit.textEdited,
                       self.recording_edit.textEdited, self.written_by_edit.textEdited,
                       self.questions_edit.textChanged, *(edit.textChanged for _, _, edit in self.debrief_edits)):
            signal.connect(self.mark_changed)

    def extra_editor_widgets(self, layout: QVBoxLayout) -> None:
        self.attachments = AttachmentsSection(self.services, SessionNote.record_type)
        layout.addWidget(self.attachments)
        report = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Export as PDF…"))
        self.pdf_button.setToolTip(self.tr("Save the Session Summary Report as a PDF (Ctrl+E)"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print the Session Summary Report (Ctrl+P)"))
        for keys, slot in (("Ctrl+E", self.export_pdf), (QKeySequence.StandardKey.Print, self.print_report)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self.print_button.clicked.connect(self.print_report)
        report.addStretch(1)
        report.addWidget(self.pdf_button)
        report.addWidget(self.print_button)
        layout.addLayout(report)

    def after_open(self, record: Record | None) -> None:
        self.attachments.show_for(None if record is None else record.id)

    def add_action_item(self) -> None:
        row = self.actions_table.add_item()
        due = self.actions_table.cellWidget(row, 2)
        assert isinstance(due, QDateEdit)
        due.dateChanged.connect(self.mark_changed)
        self.actions_table.setCurrentCell(row, 0)
        first_cell = self.actions_table.item(row, 0)
        if first_cell is not None:
            self.actions_table.editItem(first_cell)
        self.mark_changed()

    def _remove_action_items(self) -> None:
        self.actions_table.remove_selected()
        self.mark_changed()

    def fill_form(self, record: Record) -> None:
        assert isinstance(record, SessionNote)
        self.type_combo.setCurrentIndex(self.type_combo.findData(record.session_type))
        self.title_edit.setText(record.title)
        self.start_edit.setDateTime(_to_qdatetime(record.starts_at))
        self.end_edit.setDateTime(_to_qdatetime(record.ends_at or record.starts_at + timedelta(hours=1)))
        self.location_kind.setCurrentIndex(self.location_kind.findData(record.location_kind))
        self.location_edit.setText(record.location)
        self.visibility_combo.setCurrentIndex(self.visibility_combo.findData(record.visibility))
        self._show_readers()
        self.facilitators_edit.set_values(record.facilitators)
        self.attendees_edit.set_values(record.attendees)
        self.insights_edit.setPlainText(record.insights)
        self.challenges_edit.setPlainText(record.challenges)
        self.stories_edit.setPlainText(record.success_stories)
        self.actions_table.set_items(record.action_items)
        self.agenda_edit.setPlainText(record.agenda)
        for line, value in ((self.programme_edit, record.programme), (self.department_edit, record.department),
                            (self.cycle_edit, record.reporting_cycle), (self.recording_edit, record.recording_link),
                            (self.written_by_edit, record.written_by)):
            line.setText(value)
        self.questions_edit.setPlainText("\n".join(f"{qa.question} -> {qa.answer}" if qa.answer else qa.question
                                                   for qa in record.questions))
        answers = {a.question_id: a.answer for a in record.debrief}
        for question_id, _, answer_edit in self.debrief_edits:
            answer_edit.setPlainText(answers.get(question_id, ""))
        for row in range(self.actions_table.rowCount()):
            due = self.actions_table.cellWidget(row, 2)
            assert isinstance(due, QDateEdit)
            due.dateChanged.connect(self.mark_changed)

    def read_form(self, base: Record) -> Record:
        assert isinstance(base, SessionNote)
        return dataclasses.replace(
            base, session_type=SessionType(self.type_combo.currentData()), title=self.title_edit.text().strip(),
            starts_at=_from_qdatetime(self.start_edit.dateTime()), ends_at=_from_qdatetime(self.end_edit.dateTime()),
            location_kind=LocationKind(self.location_kind.currentData()), location=self.location_edit.text().strip(),
            visibility=Visibility(self.visibility_combo.currentData()),
            facilitators=self.facilitators_edit.values(), attendees=self.attendees_edit.values(),
            insights=self.insights_edit.toPlainText(), challenges=self.challenges_edit.toPlainText(),
            success_stories=self.stories_edit.toPlainText(), action_items=self.actions_table.action_items(),
            agenda=self.agenda_edit.toPlainText(), programme=self.programme_edit.text().strip(),
            department=self.department_edit.text().strip(), reporting_cycle=self.cycle_edit.text().strip(),
            recording_link=self.recording_edit.text().strip(), written_by=self.written_by_edit.text().strip(),
            questions=[QuestionAnswer(question=q.strip(), answer=a.strip()) for q, _, a in (
                line.partition(" -> ") for line in self.questions_edit.toPlainText().splitlines()) if q.strip()],
            debrief=[TemplateAnswer(question_id=question_id, question=question, answer=edit.toPlainText())
                     for question_id, question, edit in self.debrief_edits if edit.toPlainText().strip()])

    def _show_readers(self) -> None:
        self.readers_label.setText(readers_text(self.services.directory,
                                                Visibility(self.visibility_combo.currentData())))

    def new_record(self) -> Record:
        start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        return SessionNote(title="", starts_at=start, ends_at=start + timedelta(hours=1),
                           owner_id=self.services.owner_id, visibility=self.services.default_sharing)

    def describe(self, record: Record) -> RowText:
        assert isinstance(record, SessionNote)
        parts = [enum_label(record.session_type), format_day(record.starts_at.astimezone())]
        if record.attendees:
            parts.append(QCoreApplication.translate("SessionNotesPage", "%n attendee(s)", None, len(record.attendees)))
        open_items = sum(1 for item in record.action_items if not item.done)
        if open_items:
            parts.append(QCoreApplication.translate("SessionNotesPage", "%n open action(s)", None, open_items))
        return RowText(record.title or self.tr("(no topic yet)"), " · ".join(parts), record.insights[:200])

    # -- the report ---------------------------------------------------------------------------

    def _report_note(self) -> SessionNote | None:
        if self._editing is None:
            return None
        note = self.read_form(self._editing)
        assert isinstance(note, SessionNote)
        errors = problems(note)
        self.show_problems(errors)
        return None if errors else note

    def export_pdf(self) -> None:
        note = self._report_note()
        if note is None:
            return
        slug = re.sub(r"[^A-Za-z0-9]+", "-", note.title).strip("-")[:60] or "session"
        suggested = Path.home() / f"{note.starts_at.astimezone():%Y-%m-%d}-{slug}.pdf"
        path = self.services.dialogs.save_file_name(self, self.tr("Export the session report"),
                                                    suggested, self.tr("PDF documents (*.pdf)"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            export_pdf(note, path)
        except OSError as error:
            self.services.dialogs.error(self, self.tr("Could not write the PDF"), str(error))
            return
        self.services.notify(self.tr("Report saved to {path}").format(path=path))

    def print_report(self) -> None:
        note = self._report_note()
        if note is not None:
            self.services.dialogs.print_document(self, report_document(note))

