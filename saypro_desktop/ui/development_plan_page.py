"""Development Plan: SMART goals with status, review dates, progress notes and links to the
learning logs and self-assessments that show progress. Reviews that are overdue stand out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import (
    DevelopmentGoal,
    GoalStatus,
    LearningLog,
    ProgressNote,
    Record,
    SelfAssessment,
    Visibility,
)
from saypro_desktop.storage.feedback import agreement
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.ui.form_widgets import LongTextEdit, OptionalDateEdit, date_edit, format_day, from_qdate, to_qdate
from saypro_desktop.ui.learning_log_page import visibility_combo
from saypro_desktop.ui.plan_report import agreement_text, export_plan_pdf
from saypro_desktop.ui.record_list_model import RowText
from saypro_desktop.ui.record_page import RecordPage
from saypro_desktop.ui.texts import enum_label, field_label

CLOSED = (GoalStatus.ACHIEVED, GoalStatus.DROPPED)
LINK_CHOICES = 50


class ChoicesComboBox(QComboBox):
    """A combo box whose choices are read again each time its list is opened (not on every record shown)."""

    def __init__(self, fill: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fill = fill

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        chosen = self.currentData()
        self._fill()
        self.setCurrentIndex(max(self.findData(chosen), 0))
        super().showPopup()


def _list_with_controls(items: QListWidget, first: QWidget, *buttons: QWidget) -> QWidget:
    """A list with a row under it: a stretching input, then its buttons."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(items)
    row = QHBoxLayout()
    row.addWidget(first, 1)
    for button in buttons:
        row.addWidget(button)
    column.addLayout(row)
    return holder


def review_overdue(goal: DevelopmentGoal, today: date | None = None) -> bool:
    today = today or date.today()
    return goal.status not in CLOSED and goal.next_review is not None and goal.next_review < today


def goal_overdue(goal: DevelopmentGoal, today: date | None = None) -> bool:
    today = today or date.today()
    return goal.status not in CLOSED and goal.target_date < today


#: A review meeting sets the next one this far ahead.
REVIEW_INTERVAL_DAYS = 91


class DevelopmentPlanPage(RecordPage):
    record_class = DevelopmentGoal

    def page_title(self) -> str:
        return self.tr("Development Plan")

    def new_button_text(self) -> str:
        return self.tr("New goal")

    def empty_text(self) -> str:
        return self.tr("Your plan has no goals yet. Press “New goal” (Ctrl+N) to write a SMART goal you agreed "
                       "with your supervisor, or turn the gaps of a self-assessment into goals in one step.")

    def sort_order(self) -> tuple[str, bool]:
        return "target_date", False

    def build_form(self, layout: QVBoxLayout) -> None:
        smart = self.add_section(layout, self.tr("SMART goal"))
        self.title_edit = smart.add_field("title", self.tr("Goal"), QLineEdit())
        self.title_edit.setPlaceholderText(self.tr("e.g. Run monthly data quality checks on my project"))
        self.specific_edit = smart.add_field("specific", field_label("specific"), LongTextEdit(lines=2),
                                             self.tr("What exactly will you do or be able to do?"))
        self.measure_edit = smart.add_field("measure", field_label("measure"), LongTextEdit(lines=2),
                                            self.tr("How will you and your supervisor know it is done?"))
        self.steps_edit = smart.add_field("achievable_steps", field_label("achievable_steps"), LongTextEdit(lines=3),
                                          self.tr("The steps, small enough to start this month."))
        self.relevance_edit = smart.add_field("relevance", field_label("relevance"), LongTextEdit(lines=2),
                                              self.tr("Why it matters for your work and the communities you serve."))
        self.target_edit = date_edit()
        smart.add_field("target_date", field_label("target_date"), self.target_edit)

        tracking = self.add_section(layout, self.tr("Progress"))
        self.status_combo = QComboBox()
        for value in GoalStatus:
            self.status_combo.addItem(enum_label(value), value)
        tracking.add_field("status", self.tr("Status"), self.status_combo)
        self.review_edit = OptionalDateEdit(self.tr("Review on"))
        tracking.add_field("next_review", field_label("next_review"), self.review_edit)
        self.review_warning = QLabel()
        self.review_warning.setProperty("role", "error")
        self.review_warning.hide()
        tracking.form.addRow(self.review_warning)
        self.visibility_combo = tracking.add_field("visibility", self.tr("Who can read it"), visibility_combo())
        self.agreement_label = QLabel()
        self.agreement_label.setWordWrap(True)
        self.agreement_label.setAccessibleName(self.tr("Agreement with your supervisor or mentor"))
        tracking.add_field("agreement", self.tr("Agreed"), self.agreement_label,
                           self.tr("Your supervisor or mentor agrees each goal from their Team page; editing the "
                                   "goal afterwards asks for their agreement again."))
        self.notes_list = QListWidget()
        self.notes_list.setMaximumHeight(110)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What moved forward? (Enter to add)"))
        self.note_edit.setAccessibleName(self.tr("New progress note"))
        self.note_edit.returnPressed.connect(self.add_progress_note)
        add_note = QPushButton(self.tr("Add note"))
        add_note.clicked.connect(self.add_progress_note)
        self.meeting_button = QPushButton(self.tr("Review meeting held"))
        self.meeting_button.setToolTip(self.tr("Keep what you agreed in the review meeting as a dated note, and set "
                                               "the next review three months on (change it if you agreed otherwise)"))
        self.meeting_button.clicked.connect(self.record_review_meeting)
        tracking.add_field("progress_notes", field_label("progress_notes"),
                           _list_with_controls(self.notes_list, self.note_edit, add_note, self.meeting_button))

        links = self.add_section(layout, self.tr("Evidence"))
        self.links_list = QListWidget()
        self.links_list.setMaximumHeight(100)
        self.links_list.setAccessibleName(self.tr("Linked records"))
        self.link_choice = ChoicesComboBox(self._fill_link_choices)
        self.link_choice.setAccessibleName(self.tr("Record to link"))
        link_button = QPushButton(self.tr("Link"))
        link_button.clicked.connect(self.link_chosen)
        unlink_button = QPushButton(self.tr("Unlink"))
        unlink_button.clicked.connect(self.unlink_selected)
        links.add_field("linked_log_ids", self.tr("Learning logs and assessments"),
                        _list_with_controls(self.links_list, self.link_choice, link_button, unlink_button))

        for signal in (self.title_edit.textEdited, self.specific_edit.textChanged, self.measure_edit.textChanged,
                       self.steps_edit.textChanged, self.relevance_edit.textChanged, self.target_edit.dateChanged,
                       self.status_combo.currentIndexChanged, self.review_edit.changed,
                       self.visibility_combo.currentIndexChanged):
            signal.connect(self.mark_changed)
        self.review_edit.changed.connect(self._show_review_warning)
        self.status_combo.currentIndexChanged.connect(self._show_review_warning)

    def extra_editor_widgets(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Export the plan as PDF…"))
        self.pdf_button.setToolTip(self.tr("All your goals, for the review meeting with your supervisor"))
        self.pdf_button.clicked.connect(self.export_plan)
        row.addStretch(1)
        row.addWidget(self.pdf_button)
        layout.addLayout(row)

    def after_open(self, record: Record | None) -> None:
        found = agreement(self.store, record, self.services.directory) if record is not None else None
        self.agreement_label.setText(agreement_text(found))

    def export_plan(self) -> None:
        """Every goal of mine, with its agreement, as a PDF the person chooses where to save."""
        self.flush_draft()
        today = date.today()
        goals = self.store.records(DevelopmentGoal, where=RecordFilter(owner=self.services.owner_id or None),
                                   order_by="target_date", descending=False, limit=None)
        agreements = {g.id: a for g in goals if (a := agreement(self.store, g, self.services.directory))}
        me = self.services.directory.people.get(self.services.owner_id)
        path = self.services.dialogs.save_file_name(self, self.tr("Export the development plan"),
                                                    Path.home() / f"{today:%Y-%m-%d}-development-plan.pdf",
                                                    self.tr("PDF documents (*.pdf)"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            export_plan_pdf(goals, agreements, me.name if me else "", path, today)
        except OSError as error:
            self.services.dialogs.error(self, self.tr("Could not write the PDF"), str(error))
            return
        self.services.notify(self.tr("Plan saved to {path}").format(path=path))

    # -- progress notes and links --------------------------------------------------------------

    def add_progress_note(self) -> None:
        text = self.note_edit.text().strip()
        if not text:
            return
        self._add_note_item(ProgressNote(noted_on=date.today(), text=text))
        self.note_edit.clear()
        self.mark_changed()

    def record_review_meeting(self) -> None:
        """A review meeting with the supervisor or mentor, kept in the goal's history: today's date,
        what was agreed (the note being typed), and the next review three months on."""
        agreed = self.note_edit.text().strip() or self.tr("no notes")
        self._add_note_item(ProgressNote(noted_on=date.today(),
                                         text=self.tr("Review meeting: {notes}").format(notes=agreed)))
        self.note_edit.clear()
        self.review_edit.set_value(date.today() + timedelta(days=REVIEW_INTERVAL_DAYS))
        self._show_review_warning()
        self.mark_changed()

    def _add_note_item(self, note: ProgressNote) -> None:
        item = QListWidgetItem(f"{format_day(note.noted_on)} — {note.text}")
        item.setData(Qt.ItemDataRole.UserRole, note)
        self.notes_list.addItem(item)

    def _fill_link_choices(self) -> None:
        self.link_choice.clear()
        mine = RecordFilter(owner=self.services.owner_id or None)
        for log in self.store.records(LearningLog, order_by="log_date", limit=LINK_CHOICES, where=mine):
            self.link_choice.addItem(self.tr("Log: {title}").format(title=log.title), ("log", log.id))
        for assessment in self.store.records(SelfAssessment, order_by="assessed_on", limit=LINK_CHOICES, where=mine):
            self.link_choice.addItem(self.tr("Assessment: {title}").format(title=assessment.title),
                                     ("assessment", assessment.id))

    def _add_link_item(self, kind: str, record_id: str) -> None:
        cls: type[Record] = LearningLog if kind == "log" else SelfAssessment
        record = self.store.get(cls, record_id)
        title = record.display_title if record is not None else self.tr("(not on this laptop)")
        text = self.tr("Log: {title}") if kind == "log" else self.tr("Assessment: {title}")
        item = QListWidgetItem(text.format(title=title))
        item.setData(Qt.ItemDataRole.UserRole, (kind, record_id))
        self.links_list.addItem(item)

    def _links(self) -> list[tuple[str, str]]:
        return [self.links_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.links_list.count())]

    def link_chosen(self) -> None:
        choice = self.link_choice.currentData()
        if choice is None or tuple(choice) in {tuple(link) for link in self._links()}:
            return
        self._add_link_item(*choice)
        self.mark_changed()

    def unlink_selected(self) -> None:
        row = self.links_list.currentRow()
        if row >= 0:
            self.links_list.takeItem(row)
            self.mark_changed()

    def _show_review_warning(self) -> None:
        review = self.review_edit.value()
        status = GoalStatus(self.status_combo.currentData())
        overdue = review is not None and review < date.today() and status not in CLOSED
        if overdue and review is not None:
            self.review_warning.setText(self.tr("⚠ The review was due on {day}. Talk to your supervisor and set "
                                                "the next date.").format(day=format_day(review)))
        self.review_warning.setVisible(overdue)

    # -- form -------------------------------------------------------------------------------------

    def fill_form(self, record: Record) -> None:
        assert isinstance(record, DevelopmentGoal)
        self.title_edit.setText(record.title)
        self.specific_edit.setPlainText(record.specific)
        self.measure_edit.setPlainText(record.measure)
        self.steps_edit.setPlainText(record.achievable_steps)
        self.relevance_edit.setPlainText(record.relevance)
        self.target_edit.setDate(to_qdate(record.target_date))
        self.status_combo.setCurrentIndex(self.status_combo.findData(record.status))
        self.review_edit.set_value(record.next_review)
        self.visibility_combo.setCurrentIndex(self.visibility_combo.findData(record.visibility))
        self.notes_list.clear()
        for note in record.progress_notes:
            self._add_note_item(note)
        if self.link_choice.count() == 0:
            self._fill_link_choices()  # and again each time the list is opened, so new logs are there
        self.links_list.clear()
        for log_id in record.linked_log_ids:
            self._add_link_item("log", log_id)
        for assessment_id in record.linked_assessment_ids:
            self._add_link_item("assessment", assessment_id)
        self._show_review_warning()

    def read_form(self, base: Record) -> Record:
        assert isinstance(base, DevelopmentGoal)
        links = self._links()
        return dataclasses.replace(
            base, title=self.title_edit.text().strip(), specific=self.specific_edit.toPlainText(),
            measure=self.measure_edit.toPlainText(), achievable_steps=self.steps_edit.toPlainText(),
            relevance=self.relevance_edit.toPlainText(), target_date=from_qdate(self.target_edit.date()),
            status=GoalStatus(self.status_combo.currentData()), next_review=self.review_edit.value(),
            visibility=Visibility(self.visibility_combo.currentData()),
            progress_notes=[self.notes_list.item(i).data(Qt.ItemDataRole.UserRole)
                            for i in range(self.notes_list.count())],
            linked_log_ids=[i for kind, i in links if kind == "log"],
            linked_assessment_ids=[i for kind, i in links if kind == "assessment"])

    def new_record(self) -> Record:
        today = date.today()
        return DevelopmentGoal(title="", target_date=today + timedelta(days=90), next_review=today + timedelta(days=30),
                               visibility=Visibility.SUPERVISOR, owner_id=self.services.owner_id)

    def describe(self, record: Record) -> RowText:
        assert isinstance(record, DevelopmentGoal)
        parts = [enum_label(record.status), self.tr("by {day}").format(day=format_day(record.target_date))]
        if review_overdue(record) and record.next_review is not None:
            parts.insert(0, self.tr("⚠ Review overdue since {day}").format(day=format_day(record.next_review)))
        elif goal_overdue(record):
            parts.insert(0, self.tr("⚠ Past its target date"))
        return RowText(record.title or self.tr("(no goal written yet)"), " · ".join(parts), record.specific[:200])
