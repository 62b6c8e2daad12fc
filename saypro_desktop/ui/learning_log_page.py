"""Learning Log: insights captured after a project or milestone, optionally along a reflection
template whose guided questions become part of the form."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import LearningLog, Record, TemplateAnswer, Visibility
from saypro_desktop.storage.directory import Directory
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.ui.attachments_section import AttachmentsSection
from saypro_desktop.ui.form_widgets import (
    ListLineEdit,
    LongTextEdit,
    OptionalDateEdit,
    date_edit,
    format_day,
    from_qdate,
    to_qdate,
)
from saypro_desktop.ui.page_parts import FlowLayout, labelled
from saypro_desktop.ui.record_list_model import RowText
from saypro_desktop.ui.record_page import RecordPage
from saypro_desktop.ui.texts import enum_label, field_label

SORTS = ("log_date", "updated_at", "title")


def visibility_combo() -> QComboBox:
    combo = QComboBox()
    for value in Visibility:
        combo.addItem(enum_label(value), value)
    return combo


def readers_text(directory: Directory, visibility: Visibility) -> str:
    """Who will read a record shared this way, in plain words (names where the directory knows them)."""
    translate = QCoreApplication.translate
    named = [translate("LearningLogPage", "{name} (supervisor)").format(name=p.name) if "supervisor" in p.relations
             else translate("LearningLogPage", "{name} (mentor)").format(name=p.name)
             for p in directory.people.values() if p.relations & {"supervisor", "mentor"}]
    if visibility == Visibility.PRIVATE:
        return translate("LearningLogPage", "Only you will read it.")
    if visibility == Visibility.SUPERVISOR:
        if named:
            return translate("LearningLogPage", "You and {names} will read it.").format(names=", ".join(named))
        return translate("LearningLogPage", "You, your supervisor and your mentor will read it.")
    if visibility == Visibility.TEAM:
        return translate("LearningLogPage", "Your team, your supervisor and your mentor will read it.")
    return translate("LearningLogPage", "Everyone at SayPro can read it.")


class LearningLogPage(RecordPage):
    record_class = LearningLog

    def page_title(self) -> str:
        return self.tr("Learning Log")

    def new_button_text(self) -> str:
        return self.tr("New learning log")

    def empty_text(self) -> str:
        return self.tr("No learning logs yet. After a project or a milestone, press “New learning log” "
                       "(Ctrl+N) and write down what happened and what you learned.")

    # -- filters ------------------------------------------------------------------------------

    def build_filter_bar(self) -> QWidget:
        bar = QWidget()
        row = FlowLayout(bar)  # wraps onto a second line on a narrow window
        self.filter_from = OptionalDateEdit(self.tr("From"))
        self.filter_to = OptionalDateEdit(self.tr("To"))
        self.filter_from.setAccessibleName(self.tr("From date"))
        self.filter_to.setAccessibleName(self.tr("To date"))
        self.filter_tag = QComboBox()
        self.filter_tag.setAccessibleName(self.tr("Tag"))
        self.filter_project = QComboBox()
        self.filter_project.setAccessibleName(self.tr("Project"))
        self.sort_combo = QComboBox()
        self.sort_combo.setAccessibleName(self.tr("Sort"))
        for text in (self.tr("Newest date first"), self.tr("Recently changed"), self.tr("Title A–Z")):
            self.sort_combo.addItem(text)
        for widget in (self.filter_from, self.filter_to, labelled(self.tr("Tag"), self.filter_tag),
                       labelled(self.tr("Project"), self.filter_project), labelled(self.tr("Sort"), self.sort_combo)):
            row.addWidget(widget)
        self._fill_filter_choices()
        self.filter_from.changed.connect(self.reload)
        self.filter_to.changed.connect(self.reload)
        for combo in (self.filter_tag, self.filter_project, self.sort_combo):
            combo.currentIndexChanged.connect(self.reload)
        return bar

    def _fill_filter_choices(self) -> None:
        """Tags and projects for the filters and the project field: read at start and after each save,
        not each time a log is opened."""
        store = self.store
        self._projects = store.distinct_values(LearningLog, "project")
        for combo, values, everything in (
                (self.filter_tag, store.distinct_values(LearningLog, "tags"), self.tr("All tags")),
                (self.filter_project, self._projects, self.tr("All projects"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(value, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def current_filter(self) -> RecordFilter | None:
        if not hasattr(self, "sort_combo"):
            return None
        flt = RecordFilter(date_from=self.filter_from.value(), date_to=self.filter_to.value(),
                           tag=self.filter_tag.currentData() or "", project=self.filter_project.currentData() or "")
        return None if flt == RecordFilter() else flt

    def sort_order(self) -> tuple[str, bool]:
        index = self.sort_combo.currentIndex() if hasattr(self, "sort_combo") else 0
        field = SORTS[max(index, 0)]
        return field, field != "title"

    # -- form -----------------------------------------------------------------------------------

    def build_form(self, layout: QVBoxLayout) -> None:
        entry = self.add_section(layout, self.tr("Entry"))
        self.title_edit = entry.add_field("title", field_label("title"), QLineEdit())
        self.title_edit.setPlaceholderText(self.tr("e.g. Youth jobs fair in Polokwane"))
        self.date_edit = date_edit()
        entry.add_field("log_date", field_label("log_date"), self.date_edit)
        self.project_edit = QComboBox()
        self.project_edit.setEditable(True)
        entry.add_field("project", field_label("project"), self.project_edit)
        self.milestone_edit = entry.add_field("milestone", field_label("milestone"), QLineEdit())
        self.tags_edit = ListLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("e.g. youth, cv-clinic"))
        entry.add_field("tags", field_label("tags"), self.tags_edit, self.tr("Separate tags with commas."))
        self.visibility_combo = entry.add_field("visibility", self.tr("Who can read it"), visibility_combo())
        self.readers_label = QLabel()
        self.readers_label.setProperty("role", "hint")
        self.readers_label.setWordWrap(True)
        entry.form.addRow("", self.readers_label)
        self.visibility_combo.currentIndexChanged.connect(self._show_readers)

        self.template_section = self.add_section(layout, self.tr("Guided questions"))
        self.template_combo = QComboBox()
        self.template_combo.addItem(self.tr("No template"), "")
        for template in self.services.reference.templates_for(LearningLog.record_type):
            self.template_combo.addItem(template.name, template.id)
        self.template_section.add_field("template_id", self.tr("Reflection template"), self.template_combo)
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        self.answer_edits: list[tuple[str, str, LongTextEdit]] = []
        self._answers_holder = QWidget()
        self._answers_layout = QVBoxLayout(self._answers_holder)
        self._answers_layout.setContentsMargins(0, 0, 0, 0)
        self.template_section.form.addRow(self._answers_holder)

        words = self.add_section(layout, self.tr("In your own words"))
        self.happened_edit = words.add_field("what_happened", field_label("what_happened"), LongTextEdit())
        self.learned_edit = words.add_field("what_learned", field_label("what_learned"), LongTextEdit())
        self.differently_edit = words.add_field("do_differently", field_label("do_differently"), LongTextEdit())

        for signal in (self.title_edit.textEdited, self.date_edit.dateChanged, self.project_edit.currentTextChanged,
                       self.milestone_edit.textEdited, self.tags_edit.textEdited,
                       self.visibility_combo.currentIndexChanged, self.happened_edit.textChanged,
                       self.learned_edit.textChanged, self.differently_edit.textChanged):
            signal.connect(self.mark_changed)

    def extra_editor_widgets(self, layout: QVBoxLayout) -> None:
        self.attachments = AttachmentsSection(self.services, LearningLog.record_type)
        layout.addWidget(self.attachments)

    def after_open(self, record: Record | None) -> None:
        self.attachments.show_for(None if record is None else record.id)

    def _template_chosen(self) -> None:
        answers = {qid: edit.toPlainText() for qid, _, edit in self.answer_edits}
        self._build_questions(self.template_combo.currentData() or "", answers)
        self.mark_changed()

    def _build_questions(self, template_id: str, answers: dict[str, str]) -> None:
        while self._answers_layout.count():
            item = self._answers_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.answer_edits = []
        template = self.services.reference.template(template_id) if template_id else None
        if template is None:
            return
        if template.purpose:
            purpose = QLabel(template.purpose)
            purpose.setWordWrap(True)
            purpose.setProperty("role", "hint")
            self._answers_layout.addWidget(purpose)
        for question in template.questions:
            caption = QLabel(f"<b>{question.text}</b>")
            caption.setWordWrap(True)
            edit = LongTextEdit(lines=3)
            edit.setAccessibleName(question.text)
            if question.hint:
                edit.setPlaceholderText(question.hint)
            edit.setPlainText(answers.get(question.id, ""))
            caption.setBuddy(edit)
            edit.textChanged.connect(self.mark_changed)
            self._answers_layout.addWidget(caption)
            self._answers_layout.addWidget(edit)
            self.answer_edits.append((question.id, question.text, edit))

    def fill_form(self, record: Record) -> None:
        assert isinstance(record, LearningLog)
        self.title_edit.setText(record.title)
        self.date_edit.setDate(to_qdate(record.log_date))
        self.project_edit.clear()
        self.project_edit.addItems(self._projects)
        self.project_edit.setCurrentText(record.project)
        self.milestone_edit.setText(record.milestone)
        self.tags_edit.set_values(record.tags)
        self.visibility_combo.setCurrentIndex(self.visibility_combo.findData(record.visibility))
        self._show_readers()
        index = self.template_combo.findData(record.template_id)
        if index < 0 and record.template_id:
            # A template the organisation has since retired: keep it selectable for this log.
            self.template_combo.addItem(record.template_id, record.template_id)
            index = self.template_combo.count() - 1
        self.template_combo.blockSignals(True)
        self.template_combo.setCurrentIndex(max(index, 0))
        self.template_combo.blockSignals(False)
        self._build_questions(record.template_id, {a.question_id: a.answer for a in record.template_answers})
        self.happened_edit.setPlainText(record.what_happened)
        self.learned_edit.setPlainText(record.what_learned)
        self.differently_edit.setPlainText(record.do_differently)

    def read_form(self, base: Record) -> Record:
        assert isinstance(base, LearningLog)
        return dataclasses.replace(
            base, title=self.title_edit.text().strip(), log_date=from_qdate(self.date_edit.date()),
            project=self.project_edit.currentText().strip(), milestone=self.milestone_edit.text().strip(),
            tags=self.tags_edit.values(), visibility=Visibility(self.visibility_combo.currentData()),
            template_id=self.template_combo.currentData() or "",
            template_answers=[TemplateAnswer(question_id=qid, question=text, answer=edit.toPlainText())
                              for qid, text, edit in self.answer_edits],
            what_happened=self.happened_edit.toPlainText(), what_learned=self.learned_edit.toPlainText(),
            do_differently=self.differently_edit.toPlainText())

    def _show_readers(self) -> None:
        self.readers_label.setText(readers_text(self.services.directory,
                                                Visibility(self.visibility_combo.currentData())))

    def new_record(self) -> Record:
        return LearningLog(title="", log_date=date.today(), owner_id=self.services.owner_id,
                           visibility=self.services.default_sharing)

    def describe(self, record: Record) -> RowText:
        assert isinstance(record, LearningLog)
        parts = [format_day(record.log_date)]
        if record.project:
            parts.append(record.project)
        if record.tags:
            parts.append(" ".join(f"#{t}" for t in record.tags[:3]))
        return RowText(record.title or self.tr("(no title yet)"), " · ".join(parts), record.what_learned[:200])

    def save(self) -> bool:
        saved = super().save()
        if saved:
            self._fill_filter_choices()  # a new tag or project becomes a filter choice
        return saved


