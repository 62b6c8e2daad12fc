"""My team: for a supervisor or mentor, each person they follow this month and this quarter (logs
shared, sessions, goals on track / at risk / overdue, reviews due, the last reflection; who has not
reflected in 30 days stands out), their latest self-assessment as a team grid, and what each one
shared, to open and answer. Counted on this laptop from the last sync (saypro_desktop.storage.team),
with the definitions of the server's team report."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import DevelopmentGoal, LearningLog, Record, SelfAssessment, SessionNote
from saypro_desktop.storage.team import TeamView, shared_by, team_view
from saypro_desktop.ui.form_widgets import format_day
from saypro_desktop.ui.page_parts import heading_label, subheading_label
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.texts import type_name

#: A colour that reads on light and dark backgrounds alike (the quiet ones, an overdue goal).
ATTENTION = QColor("#c0392b")


def record_day(record: Record) -> date:
    """The day a record is about (a log's date, a session's, an assessment's, a goal's target)."""
    if isinstance(record, LearningLog):
        return record.log_date
    if isinstance(record, SessionNote):
        return record.starts_at.astimezone().date()
    if isinstance(record, SelfAssessment):
        return record.assessed_on
    if isinstance(record, DevelopmentGoal):
        return record.target_date
    return record.updated_at.astimezone().date()


class TeamPage(QWidget):
    """Signals:
        open_record(str, str): the user picked a colleague's record (type, id) to read and answer.
    """

    open_record = Signal(str, str)

    def __init__(self, services: PageServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.view: TeamView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(heading_label(self.tr("My team")))
        self.intro = QLabel()
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.stack = QStackedWidget()
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("The people you follow"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.currentCellChanged.connect(self._person_chosen)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        column.addWidget(self.table)
        column.addWidget(subheading_label(self.tr("Latest self-assessment (rating 1-5)")))
        self.grid = QTableWidget()
        self.grid.setAccessibleName(self.tr("Latest self-assessments, by competency"))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        column.addWidget(self.grid)
        self.shared_heading = subheading_label(self.tr("Shared by the person chosen above"))
        column.addWidget(self.shared_heading)
        self.shared_list = QListWidget()
        self.shared_list.setAccessibleName(self.tr("What they shared with you"))
        self.shared_list.itemActivated.connect(self._open)
        column.addWidget(self.shared_list, 1)
        self.empty = QLabel(self.tr(
            "You do not supervise or mentor anyone yet. When your administrator makes you a team's supervisor "
            "or someone's mentor, the people appear here after a sync, with what they share with you."))
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack.addWidget(body)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        store, directory = self.services.store, self.services.directory
        self.services.runner.run(lambda: team_view(store, directory), self.show_view)

    def show_view(self, view: TeamView) -> None:
        self.view = view
        self.intro.setText(self.tr(
            "{month} and this quarter ({start} to {end}), from what each person shared with you, as of the last "
            "sync. A date in red: no reflection in 30 days.").format(
            month=view.month.start.strftime("%B %Y"), start=format_day(view.quarter.start),
            end=format_day(view.quarter.end)))
        if not view.members:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentIndex(0)
        for table in (self.table, self.grid):
            # Sized once after filling: a header that sizes to its contents measures at every item.
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.setUpdatesEnabled(False)
        try:
            self._fill_table(view)
            self._fill_grid(view)
        finally:
            for table in (self.table, self.grid):
                table.resizeColumnsToContents()
                table.setUpdatesEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)

    def _fill_table(self, view: TeamView) -> None:
        headers = [self.tr("Person"), self.tr("Logs shared\nthis month"), self.tr("Logs shared\nthis quarter"),
                   self.tr("Sessions\nthis month"), self.tr("Sessions\nthis quarter"), self.tr("Goals\non track"),
                   self.tr("Goals\nat risk"), self.tr("Goals\noverdue"), self.tr("Reviews\ndue"),
                   self.tr("Last\nreflection")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(view.members))
        for row, member in enumerate(view.members):
            month, quarter = member.month, member.quarter
            name = member.person.name
            if "mentee" in member.person.relations and "supervisee" not in member.person.relations:
                name += " " + self.tr("(mentee)")
            last = format_day(month.last_reflection) if month.last_reflection else self.tr("never")
            values = [name, month.logs_shared, quarter.logs_shared, month.sessions, quarter.sessions,
                      month.goals_on_track, month.goals_at_risk, month.goals_overdue, month.reviews_due, last]
            items = [QTableWidgetItem(str(value)) for value in values]
            for column, item in enumerate(items):
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            items[0].setData(Qt.ItemDataRole.UserRole, member.person.id)
            if member.quiet(view.today):
                self._attention(items[-1])
            if month.goals_overdue:
                self._attention(items[7])

    @staticmethod
    def _attention(item: QTableWidgetItem) -> None:
        item.setForeground(QBrush(ATTENTION))
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)

    def _fill_grid(self, view: TeamView) -> None:
        """People down, competencies across: each person's latest self-assessment."""
        framework_ids = {m.latest_assessment.framework_id for m in view.members if m.latest_assessment}
        competencies = []
        for framework in self.services.reference.frameworks:
            if framework.id in framework_ids or not framework_ids:
                competencies.extend(framework.competencies)
        self.grid.setColumnCount(len(competencies) + 1)
        self.grid.setHorizontalHeaderLabels([self.tr("Assessed on"), *(c.name for c in competencies)])
        self.grid.setRowCount(len(view.members))
        self.grid.setVerticalHeaderLabels([m.person.name for m in view.members])
        for row, member in enumerate(view.members):
            assessed = member.latest_assessment
            self.grid.setItem(row, 0, QTableWidgetItem(format_day(assessed.assessed_on) if assessed else "–"))
            for column, competency in enumerate(competencies, start=1):
                rating = member.ratings.get(competency.id)
                item = QTableWidgetItem(str(rating) if rating else "–")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if rating and rating < competency.expected_level:
                    item.setToolTip(self.tr("Below the expected level ({level})").format(
                        level=competency.expected_level))
                    self._attention(item)
                self.grid.setItem(row, column, item)

    def _person_chosen(self, row: int, *_: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        person_id = str(item.data(Qt.ItemDataRole.UserRole))
        name = self.services.directory.name_of(person_id)
        self.shared_heading.setText(self.tr("Shared by {name}").format(name=name))
        store = self.services.store
        self.services.runner.run(lambda: shared_by(store, person_id), self._show_shared)

    def _show_shared(self, records: list[Record]) -> None:
        self.shared_list.clear()
        for record in records:
            day = format_day(record_day(record))
            entry = QListWidgetItem(f"{record.display_title} · {type_name(record.record_type)} · {day}")
            entry.setData(Qt.ItemDataRole.UserRole, (record.record_type, record.id))
            self.shared_list.addItem(entry)
        if not records:
            self.shared_list.addItem(QListWidgetItem(self.tr("Nothing shared with you yet.")))

    def _open(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            record_type, record_id = target
            self.open_record.emit(record_type, record_id)

