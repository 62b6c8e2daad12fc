"""Self-Assessment: rate each competency of the framework 1-5 against its level descriptors, with
evidence and reflections; compare with the previous assessment; see progress on a radar chart;
turn the gaps found into development goals in one step."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import (
    CompetencyRating,
    DevelopmentGoal,
    Record,
    SelfAssessment,
    TemplateAnswer,
    Visibility,
)
from saypro_core.reference import Competency, CompetencyFramework, compare, find_gaps
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.ui.form_widgets import LongTextEdit, date_edit, format_day, from_qdate, to_qdate
from saypro_desktop.ui.learning_log_page import visibility_combo
from saypro_desktop.ui.radar_chart import RadarChart
from saypro_desktop.ui.record_list_model import RowText
from saypro_desktop.ui.record_page import RecordPage
from saypro_desktop.ui.texts import field_label

GOAL_HORIZON = timedelta(days=180)


class CompetencyRater(QFrame):
    """One competency: its description, buttons 1-5 (none pressed = not rated), what the chosen
    level looks like, the previous rating, and evidence.

    Signals:
        changed(): the rating or evidence changed.
    """

    changed = Signal()

    def __init__(self, competency: Competency, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.competency = competency
        self.setProperty("role", "card")
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        name = QLabel(f"<b>{competency.name}</b> <span style='color:gray'>· {competency.area}</span>")
        grid.addWidget(name, 0, 0, 1, 2)
        if competency.description:
            description = QLabel(competency.description)
            description.setWordWrap(True)
            description.setProperty("role", "hint")
            grid.addWidget(description, 1, 0, 1, 2)
        buttons = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        for value in range(1, 6):
            button = QPushButton(str(value))
            button.setProperty("role", "rating")  # the chosen one stands out in light and dark alike
            button.setCheckable(True)
            button.setFixedWidth(40)
            button.setAccessibleName(self.tr("{competency}: rating {value}").format(
                competency=competency.name, value=value))
            button.setToolTip(competency.levels[value - 1] if value <= len(competency.levels) else "")
            self.group.addButton(button, value)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.previous = QLabel()
        self.previous.setProperty("role", "hint")
        buttons.addWidget(self.previous)
        grid.addLayout(buttons, 2, 0, 1, 2)
        self.level = QLabel()
        self.level.setWordWrap(True)
        grid.addWidget(self.level, 3, 0, 1, 2)
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("Evidence: what you did that shows this level"))
        self.evidence.setAccessibleName(self.tr("{competency}: evidence").format(competency=competency.name))
        grid.addWidget(self.evidence, 4, 0, 1, 2)
        self.group.idClicked.connect(self._clicked)
        self.evidence.textEdited.connect(self.changed)

    def _clicked(self, value: int) -> None:
        # Exclusive by hand, so pressing the chosen rating again clears it ("not rated").
        for button in self.group.buttons():
            if self.group.id(button) != value:
                button.setChecked(False)
        self._show_level()
        self.changed.emit()

    def rating(self) -> int | None:
        checked = self.group.checkedButton()
        return None if checked is None else self.group.id(checked)

    def set_rating(self, value: int | None, evidence: str) -> None:
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == value)
        self.evidence.setText(evidence)
        self._show_level()

    def set_previous(self, value: int | None) -> None:
        self.previous.setText("" if value is None else self.tr("Last time: {value}").format(value=value))

    def _show_level(self) -> None:
        value = self.rating()
        levels = self.competency.levels
        if value is None:
            self.level.setText(self.tr("Not rated. Press 1 to 5; press it again to clear."))
        elif value <= len(levels):
            self.level.setText(f"<i>{value}: {levels[value - 1]}</i>")


class SelfAssessmentPage(RecordPage):
    record_class = SelfAssessment

    def page_title(self) -> str:
        return self.tr("Self-Assessment")

    def new_button_text(self) -> str:
        return self.tr("New self-assessment")

    def empty_text(self) -> str:
        return self.tr("No self-assessments yet. Press “New self-assessment” (Ctrl+N) to rate yourself against "
                       "the SayPro competency framework; do it again in a few months to see how you grew.")

    def sort_order(self) -> tuple[str, bool]:
        return "assessed_on", True

    def build_form(self, layout: QVBoxLayout) -> None:
        about = self.add_section(layout, self.tr("Assessment"))
        self.title_edit = about.add_field("title", field_label("title"), QLineEdit())
        self.date_edit = date_edit()
        about.add_field("assessed_on", field_label("assessed_on"), self.date_edit)
        self.framework_combo = QComboBox()
        for framework in self.services.reference.frameworks:
            self.framework_combo.addItem(framework.name, framework.id)
        about.add_field("framework_id", field_label("framework_id"), self.framework_combo)
        self.visibility_combo = about.add_field("visibility", self.tr("Who can read it"), visibility_combo())

        progress = self.add_section(layout, self.tr("Progress over time"))
        self.chart = RadarChart()
        self.chart.setAccessibleName(self.tr("Radar chart of your ratings"))
        progress.form.addRow(self.chart)
        self.comparison = QLabel()
        self.comparison.setWordWrap(True)
        progress.form.addRow(self.comparison)

        self.ratings_section = self.add_section(layout, self.tr("Ratings"))
        ratings_hint = QLabel(self.tr("Rate yourself honestly against what each level looks like in practice. "
                                      "Hover over a number to see its description."))
        ratings_hint.setWordWrap(True)
        ratings_hint.setProperty("role", "hint")
        self.ratings_section.form.addRow(ratings_hint)
        ratings_error = QLabel()
        ratings_error.setProperty("role", "error")
        ratings_error.setWordWrap(True)
        ratings_error.hide()
        self.ratings_section.errors["ratings"] = ratings_error
        self.ratings_section.form.addRow(ratings_error)
        self.raters_holder = QWidget()
        self.raters_layout = QVBoxLayout(self.raters_holder)
        self.raters_layout.setContentsMargins(0, 0, 0, 0)
        self.ratings_section.form.addRow(self.raters_holder)
        self.raters: list[CompetencyRater] = []

        reflection = self.add_section(layout, self.tr("Reflection"))
        self.reflection_edits: list[tuple[str, str, LongTextEdit]] = []
        for template in self.services.reference.templates_for(SelfAssessment.record_type)[:1]:
            for question in template.questions:
                edit = LongTextEdit(lines=3)
                if question.hint:
                    edit.setPlaceholderText(question.hint)
                edit.textChanged.connect(self.mark_changed)
                reflection.add_field(f"reflection:{question.id}", question.text, edit)
                self.reflection_edits.append((question.id, question.text, edit))

        gaps = self.add_section(layout, field_label("gaps"))
        self.gaps_label = QLabel()
        self.gaps_label.setWordWrap(True)
        gaps.form.addRow(self.gaps_label)
        self.goals_button = QPushButton(self.tr("Turn these gaps into development goals"))
        self.goals_button.clicked.connect(self.gaps_to_goals)
        gaps.form.addRow(self.goals_button)

        self._framework: CompetencyFramework | None = None
        #: The latest assessments, read once per opened record (each rating click compares with them).
        self._recent: list[SelfAssessment] | None = None
        self.framework_combo.currentIndexChanged.connect(self._framework_chosen)
        for signal in (self.title_edit.textEdited, self.date_edit.dateChanged,
                       self.visibility_combo.currentIndexChanged):
            signal.connect(self.mark_changed)

    # -- raters and the chart -------------------------------------------------------------------------

    def _framework_chosen(self) -> None:
        kept = {r.competency.id: (r.rating(), r.evidence.text()) for r in self.raters}
        self._build_raters(self.framework_combo.currentData() or "", kept)
        self.mark_changed()

    def _build_raters(self, framework_id: str, ratings: dict[str, tuple[int | None, str]]) -> None:
        for rater in self.raters:
            rater.deleteLater()
        self.raters = []
        self._framework = self.services.reference.framework(framework_id)
        if self._framework is None:
            return
        for competency in self._framework.competencies:
            rater = CompetencyRater(competency)
            value, evidence = ratings.get(competency.id, (None, ""))
            rater.set_rating(value, evidence)
            rater.changed.connect(self.mark_changed)
            rater.changed.connect(self._ratings_changed)
            self.raters_layout.addWidget(rater)
            self.raters.append(rater)

    def _previous(self, current: SelfAssessment) -> list[SelfAssessment]:
        """Up to three earlier assessments of mine of the same framework, oldest first."""
        if self._recent is None:
            mine = RecordFilter(owner=self.services.owner_id or None)
            self._recent = self.store.records(SelfAssessment, order_by="assessed_on", limit=20, where=mine)
        earlier = [a for a in self._recent if a.id != current.id and a.framework_id == current.framework_id
                   and a.assessed_on <= current.assessed_on]
        return list(reversed(earlier[:3]))

    def _ratings_changed(self) -> None:
        if self._editing is None or self._framework is None:
            return
        current = self.read_form(self._editing)
        assert isinstance(current, SelfAssessment)
        previous = self._previous(current)
        last = previous[-1] if previous else None
        before = {r.competency_id: r.rating for r in last.ratings} if last else {}
        for rater in self.raters:
            rater.set_previous(before.get(rater.competency.id))
        spokes = [(c.id, c.name.split(" ")[0] if len(c.name) > 18 else c.name) for c in self._framework.competencies]
        lines = [(format_day(a.assessed_on), a) for a in previous]
        lines.append((self.tr("This assessment"), current))
        self.chart.show_assessments(spokes, lines)
        if last is None:
            self.comparison.setText(self.tr("This is your first assessment with this framework: the next one will "
                                            "show how you grew."))
        else:
            change = compare(last, current)
            grew = sum(1 for d in change.values() if d > 0)
            dropped = sum(1 for d in change.values() if d < 0)
            self.comparison.setText(self.tr("Compared with “{title}” ({day}): higher in {grew}, lower in {dropped}, "
                                            "the same in {same}.").format(
                title=last.title, day=format_day(last.assessed_on), grew=grew, dropped=dropped,
                same=len(change) - grew - dropped))
        names = {c.id: c.name for c in self._framework.competencies}
        gaps = current.gaps
        if gaps:
            self.gaps_label.setText(self.tr("Below the expected level: {names}.").format(
                names=", ".join(names.get(g, g) for g in gaps)))
        else:
            self.gaps_label.setText(self.tr("No gaps: every rated competency is at or above the expected level."))
        self.goals_button.setEnabled(bool(gaps))

    def gaps_to_goals(self) -> list[DevelopmentGoal]:
        """Save the assessment, then add one goal per gap, linked to it."""
        if not self.save() or self._stored is None or self._framework is None:
            return []
        assessment = self._stored
        assert isinstance(assessment, SelfAssessment)
        ratings = {r.competency_id: r.rating for r in assessment.ratings}
        today = date.today()
        goals = []
        for gap in assessment.gaps:
            competency = self._framework.competency(gap)
            if competency is None:
                continue
            target_level = min(ratings.get(gap, 1) + 1, len(competency.levels))
            goals.append(DevelopmentGoal(
                title=self.tr("Grow in {competency}").format(competency=competency.name),
                specific=competency.levels[target_level - 1],
                measure=self.tr("My next self-assessment rates {competency} at {level} or more, with evidence.").format(
                    competency=competency.name, level=target_level),
                relevance=competency.description, target_date=today + GOAL_HORIZON,
                next_review=today + timedelta(days=30), visibility=Visibility.SUPERVISOR,
                linked_assessment_ids=[assessment.id], owner_id=self.services.owner_id))
        saved = self.store.save_many(goals)
        self.services.notify(QCoreApplication.translate(
            "SelfAssessmentPage", "%n goal(s) added to your development plan.", None, len(saved)))
        self.data_changed.emit()
        return saved

    # -- form -------------------------------------------------------------------------------------------

    def fill_form(self, record: Record) -> None:
        assert isinstance(record, SelfAssessment)
        self.title_edit.setText(record.title)
        self.date_edit.setDate(to_qdate(record.assessed_on))
        index = self.framework_combo.findData(record.framework_id)
        self.framework_combo.blockSignals(True)
        self.framework_combo.setCurrentIndex(max(index, 0))
        self.framework_combo.blockSignals(False)
        self.visibility_combo.setCurrentIndex(self.visibility_combo.findData(record.visibility))
        self._build_raters(record.framework_id, {r.competency_id: (r.rating, r.evidence) for r in record.ratings})
        answers = {a.question_id: a.answer for a in record.reflections}
        for question_id, _, edit in self.reflection_edits:
            edit.setPlainText(answers.get(question_id, ""))
        self._editing = record
        self._recent = None
        self._ratings_changed()

    def read_form(self, base: Record) -> Record:
        assert isinstance(base, SelfAssessment)
        ratings = [CompetencyRating(competency_id=r.competency.id, rating=value, evidence=r.evidence.text().strip())
                   for r in self.raters if (value := r.rating()) is not None]
        framework = self._framework
        record = dataclasses.replace(
            base, title=self.title_edit.text().strip(), assessed_on=from_qdate(self.date_edit.date()),
            framework_id=framework.id if framework else base.framework_id,
            framework_version=framework.version if framework else base.framework_version,
            visibility=Visibility(self.visibility_combo.currentData()), ratings=ratings,
            reflections=[TemplateAnswer(question_id=qid, question=text, answer=edit.toPlainText())
                         for qid, text, edit in self.reflection_edits if edit.toPlainText().strip()])
        return dataclasses.replace(record, gaps=find_gaps(ratings, framework) if framework else [])

    def new_record(self) -> Record:
        framework = self.services.reference.frameworks[0]
        today = date.today()
        return SelfAssessment(title=self.tr("Self-assessment {month}").format(month=today.strftime("%B %Y")),
                              framework_id=framework.id, framework_version=framework.version, assessed_on=today,
                              visibility=Visibility.SUPERVISOR, owner_id=self.services.owner_id)

    def describe(self, record: Record) -> RowText:
        assert isinstance(record, SelfAssessment)
        parts = [format_day(record.assessed_on), self.tr("competencies rated: {n}").format(n=len(record.ratings))]
        if record.gaps:
            parts.append(QCoreApplication.translate("SelfAssessmentPage", "%n gap(s)", None, len(record.gaps)))
        return RowText(record.title or self.tr("(no title yet)"), " · ".join(parts))
