"""The dialogs of the Sessions page: publishing a session, the roll, the survey and the checks.

Each dialog builds its record (or its answers) and checks it with the domain's rules before it
closes; the page saves what it returns. They are opened with ``open()`` (not ``exec()``), so the
window stays responsive and tests drive them like a person would.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import (
    Attendance,
    CheckQuestion,
    LocationKind,
    PlannedSession,
    Recurrence,
    SessionType,
    Visibility,
)
from saypro_desktop.storage.directory import Directory
from saypro_desktop.ui.form_widgets import LongTextEdit, date_edit, from_qdate, passes_checks, problems_label, to_qdate
from saypro_desktop.ui.texts import enum_label

DATE_TIME_FORMAT = "d MMM yyyy HH:mm"


def _moment_edit(value: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(value.timestamp())))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    return edit


def _moment(edit: QDateTimeEdit) -> datetime:
    local = edit.dateTime().toPython()
    assert isinstance(local, datetime)
    return local.astimezone().astimezone(UTC).replace(second=0, microsecond=0)


class PublishSessionDialog(QDialog):
    """A new session on the programme: what, when, where, how many, who facilitates."""

    def __init__(self, directory: Directory, me: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish a session"))
        self.me = me
        self.session: PlannedSession | None = None
        start = (datetime.now().astimezone() + timedelta(days=7)).replace(hour=9, minute=0, second=0, microsecond=0)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("The topic, e.g. Knowledge café: keeping volunteers"))
        form.addRow(self.tr("Topic"), self.title_edit)
        self.type_combo = QComboBox()
        for kind in SessionType:
            self.type_combo.addItem(enum_label(kind), kind)
        self.type_combo.setCurrentIndex(list(SessionType).index(SessionType.KNOWLEDGE_CAFE))
        form.addRow(self.tr("Type"), self.type_combo)
        self.start_edit = _moment_edit(start)
        form.addRow(self.tr("Starts"), self.start_edit)
        self.minutes_spin = QSpinBox(minimum=15, maximum=8 * 60, singleStep=15, value=90, suffix=self.tr(" min"))
        form.addRow(self.tr("Length"), self.minutes_spin)
        self.online_check = QCheckBox(self.tr("Online (video portal or meeting)"))
        form.addRow("", self.online_check)
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("Office, room or venue"))
        form.addRow(self.tr("Place"), self.location_edit)
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("https://")
        form.addRow(self.tr("Online link"), self.link_edit)
        self.capacity_spin = QSpinBox(minimum=0, maximum=10_000, value=20)
        self.capacity_spin.setSpecialValueText(self.tr("No limit"))
        form.addRow(self.tr("Places"), self.capacity_spin)
        self.deadline_check = QCheckBox(self.tr("Registration closes"))
        self.deadline_edit = _moment_edit(start - timedelta(days=1))
        form.addRow(self.deadline_check, self.deadline_edit)
        self.alternative_check = QCheckBox(self.tr("Alternative date"))
        self.alternative_edit = _moment_edit(start + timedelta(days=7))
        form.addRow(self.alternative_check, self.alternative_edit)
        self.repeat_combo = QComboBox()
        for repeat in Recurrence:
            self.repeat_combo.addItem(enum_label(repeat), repeat)
        self.repeat_until = date_edit()
        self.repeat_until.setDate(to_qdate(start.date() + timedelta(days=90)))
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.repeat_combo)
        repeat_row.addWidget(QLabel(self.tr("until")))
        repeat_row.addWidget(self.repeat_until)
        form.addRow(self.tr("Repeats"), repeat_row)
        self.agenda_edit = LongTextEdit()
        self.agenda_edit.setPlaceholderText(self.tr("Focus areas and agenda"))
        self.agenda_edit.setMaximumHeight(80)
        form.addRow(self.tr("Agenda"), self.agenda_edit)
        self.programme_edit = QLineEdit()
        self.programme_edit.setPlaceholderText(self.tr("Training module or programme (optional)"))
        form.addRow(self.tr("Programme"), self.programme_edit)
        self.facilitators = QListWidget()
        self.facilitators.setAccessibleName(self.tr("Facilitators"))
        self.facilitators.setMaximumHeight(90)
        for person in sorted(directory.people.values(), key=lambda p: (p.id != me, p.name)):
            item = QListWidgetItem(person.name or person.id, self.facilitators)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setCheckState(Qt.CheckState.Checked if person.id == me else Qt.CheckState.Unchecked)
        form.addRow(self.tr("Facilitators"), self.facilitators)
        self.checks_edit = QPlainTextEdit()
        self.checks_edit.setMaximumHeight(70)
        self.checks_edit.setPlaceholderText(self.tr(
            "Pre- and post-check (optional), one question a line: question | right answer | other answers…"))
        form.addRow(self.tr("Check questions"), self.checks_edit)
        self.audience_combo = QComboBox()
        for visibility in (Visibility.TEAM, Visibility.ORGANISATION):
            self.audience_combo.addItem(enum_label(visibility), visibility)
        self.audience_combo.setCurrentIndex(1)
        form.addRow(self.tr("Who can register"), self.audience_combo)
        self.problems = problems_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = buttons.addButton(self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def build(self) -> PlannedSession:
        start = _moment(self.start_edit)
        online = self.online_check.isChecked()
        checked = [self.facilitators.item(i) for i in range(self.facilitators.count())]
        return PlannedSession(
            owner_id=self.me, visibility=Visibility(self.audience_combo.currentData()),
            title=self.title_edit.text().strip(),
            session_type=SessionType(self.type_combo.currentData()), starts_at=start,
            ends_at=start + timedelta(minutes=self.minutes_spin.value()),
            location_kind=LocationKind.ONLINE if online else LocationKind.IN_PERSON,
            location=self.location_edit.text().strip(), online_link=self.link_edit.text().strip(),
            capacity=self.capacity_spin.value(),
            registration_deadline=_moment(self.deadline_edit) if self.deadline_check.isChecked() else None,
            alternative_dates=[_moment(self.alternative_edit)] if self.alternative_check.isChecked() else [],
            repeat=Recurrence(self.repeat_combo.currentData()),
            repeat_until=from_qdate(self.repeat_until.date()) if self.repeat_combo.currentData() != Recurrence.NONE
            else None,
            agenda=self.agenda_edit.toPlainText().strip(), programme=self.programme_edit.text().strip(),
            facilitator_ids=[str(item.data(Qt.ItemDataRole.UserRole)) for item in checked
                             if item.checkState() == Qt.CheckState.Checked],
            check_questions=parse_check_questions(self.checks_edit.toPlainText()))

    def accept(self) -> None:
        session = self.build()
        if passes_checks(session, self.problems):
            self.session = session
            super().accept()


def parse_check_questions(text: str) -> list[CheckQuestion]:
    """"Question | right answer | other answers" lines; the right answer is listed first."""
    found = []
    for line in text.splitlines():
        parts = [part.strip() for part in line.split("|")]
        if parts and parts[0]:
            found.append(CheckQuestion(question=parts[0], choices=[p for p in parts[1:] if p], correct=0))
    return found


class RollDialog(QDialog):
    """The roll of one session date: who is there (ticked), walk-ins picked from the people the
    server knows, guests typed by name."""

    def __init__(self, roll: Attendance, directory: Directory, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roll: {session}").format(session=title))
        self.roll = roll
        self.directory = directory
        #: "save" or "close" once accepted.
        self.choice = ""
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick who is here. Registered people are listed; add walk-ins and guests.")))
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Attendees"))
        layout.addWidget(self.people, 1)
        for person_id in roll.attendee_ids:
            self._add_person(person_id, checked=True)
        for guest in roll.guests:
            self._add_guest(guest)
        walk_in = QHBoxLayout()
        self.walk_in_combo = QComboBox()
        self.walk_in_combo.setAccessibleName(self.tr("Walk-in"))
        self.walk_in_combo.setEditable(True)
        self.walk_in_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for person in sorted(directory.people.values(), key=lambda p: p.name):
            self.walk_in_combo.addItem(person.name or person.id, person.id)
        self.walk_in_combo.setCurrentIndex(-1)
        line = self.walk_in_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("A colleague who came without registering"))
        add_person = QPushButton(self.tr("Add walk-in"))
        add_person.clicked.connect(self.add_walk_in)
        walk_in.addWidget(self.walk_in_combo, 1)
        walk_in.addWidget(add_person)
        layout.addLayout(walk_in)
        guest_row = QHBoxLayout()
        self.guest_edit = QLineEdit()
        self.guest_edit.setPlaceholderText(self.tr("A guest without an account, by name"))
        add_guest = QPushButton(self.tr("Add guest"))
        add_guest.clicked.connect(self.add_guest)
        self.guest_edit.returnPressed.connect(self.add_guest)
        guest_row.addWidget(self.guest_edit, 1)
        guest_row.addWidget(add_guest)
        layout.addLayout(guest_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("Save the roll"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.close_button = buttons.addButton(self.tr("Close the session and write the report"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(lambda: self._finish("save"))
        self.close_button.clicked.connect(lambda: self._finish("close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 520)

    def _add_person(self, person_id: str, *, checked: bool) -> None:
        item = QListWidgetItem(self.directory.name_of(person_id, "") or self.tr("Someone (not in your directory)"),
                               self.people)
        item.setData(Qt.ItemDataRole.UserRole, ("person", person_id))
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _add_guest(self, name: str) -> None:
        item = QListWidgetItem(self.tr("{name} (guest)").format(name=name), self.people)
        item.setData(Qt.ItemDataRole.UserRole, ("guest", name))
        item.setCheckState(Qt.CheckState.Checked)

    def _entries(self) -> list[tuple[str, str, bool]]:
        items = [self.people.item(i) for i in range(self.people.count())]
        return [(*item.data(Qt.ItemDataRole.UserRole), item.checkState() == Qt.CheckState.Checked) for item in items]

    def add_walk_in(self) -> None:
        person_id = self.walk_in_combo.currentData()
        if person_id and person_id not in {value for kind, value, _ in self._entries() if kind == "person"}:
            self._add_person(str(person_id), checked=True)
        self.walk_in_combo.setCurrentIndex(-1)

    def add_guest(self) -> None:
        name = self.guest_edit.text().strip()
        if name:
            self._add_guest(name[:120])
        self.guest_edit.clear()

    def result_roll(self) -> Attendance:
        entries = self._entries()
        self.roll.attendee_ids = [value for kind, value, ticked in entries if kind == "person" and ticked]
        self.roll.guests = [value for kind, value, ticked in entries if kind == "guest" and ticked]
        return self.roll

    def _finish(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class _Scale(QWidget):
    """1 to 5, as five radio buttons."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        for value in range(1, 6):
            button = QRadioButton(str(value))
            button.setAccessibleName(f"{name} {value}")
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)

    def value(self) -> int:
        return max(0, self.group.checkedId())

    def set_value(self, value: int) -> None:
        button = self.group.button(value)
        if button is not None:
            button.setChecked(True)


class SurveyDialog(QDialog):
    """How the session went: overall and usefulness 1-5, what to improve, anonymous if chosen."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("How did it go? {session}").format(session=title))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("1 is poor, 5 is excellent.")))
        self.overall = _Scale(self.tr("Overall"))
        form.addRow(self.tr("Overall"), self.overall)
        self.usefulness = _Scale(self.tr("Usefulness"))
        form.addRow(self.tr("Useful for my work"), self.usefulness)
        self.improve_edit = QPlainTextEdit()
        self.improve_edit.setMaximumHeight(90)
        form.addRow(self.tr("What to improve"), self.improve_edit)
        self.anonymous_check = QCheckBox(self.tr("Answer anonymously (the facilitator does not see my name)"))
        form.addRow("", self.anonymous_check)
        self.problems = problems_label()
        form.addRow(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        if not (self.overall.value() and self.usefulness.value()):
            self.problems.setText(self.tr("Choose a number from 1 to 5 for both questions."))
            self.problems.show()
            return
        super().accept()


class CheckDialog(QDialog):
    """A training module's pre- or post-check: one choice per question (shown in a shuffled order)."""

    def __init__(self, title: str, questions: list[CheckQuestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.groups: list[QButtonGroup] = []
        for number, question in enumerate(questions, start=1):
            box = QGroupBox(f"{number}. {question.question}")
            column = QVBoxLayout(box)
            group = QButtonGroup(box)
            order = list(range(len(question.choices)))
            random.Random(question.id).shuffle(order)  # the same order every time, not the right one first
            for index in order:
                button = QRadioButton(question.choices[index])
                group.addButton(button, index)
                column.addWidget(button)
            self.groups.append(group)
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def answers(self) -> list[int]:
        return [group.checkedId() for group in self.groups]  # -1: not answered
