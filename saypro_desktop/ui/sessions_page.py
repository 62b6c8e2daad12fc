"""Sessions: the learning programme's schedule, offline. What is coming up, what I registered for
and what is past; register, cancel or choose another date without a connection (the server's
answer shows after the next sync); as a facilitator, take the roll, close the session (which writes
its report) and read the survey; as an attendee, answer the survey and the checks."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import PUBLISHER_ROLES, LocationKind, RegistrationOutcome, SurveyKind
from saypro_desktop.storage import programme as schedule
from saypro_desktop.storage.programme import Occasion, Programme
from saypro_desktop.ui.form_widgets import format_moment
from saypro_desktop.ui.page_parts import FlowLayout, heading_label
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.session_dialogs import CheckDialog, PublishSessionDialog, RollDialog, SurveyDialog
from saypro_desktop.ui.texts import enum_label


class SessionsPage(QWidget):
    """Signals:
        open_record(str, str): open a record in its page (the report a closed roll wrote).
        data_changed(): something was saved (the window syncs and recounts).
    """

    open_record = Signal(str, str)
    data_changed = Signal()

    def __init__(self, services: PageServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.content = Programme()
        self.dialog: PublishSessionDialog | RollDialog | SurveyDialog | CheckDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        top = QHBoxLayout()
        top.addWidget(heading_label(self.tr("Sessions")), 1)
        self.publish_button = QPushButton(self.tr("Publish a session…"))
        self.publish_button.clicked.connect(self.publish)
        top.addWidget(self.publish_button)
        layout.addLayout(top)
        self.hint = QLabel(self.tr(
            "Register for sessions without internet: your choice is sent with the next sync, and the answer "
            "(a place, the waiting list) shows here after it."))
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        layout.addWidget(self.hint)
        self.tabs = QTabWidget()
        self.trees: list[QTreeWidget] = []
        for _ in range(3):
            tree = QTreeWidget()
            tree.setRootIsDecorated(False)
            tree.setHeaderLabels([self.tr("When"), self.tr("Session"), self.tr("Where"), self.tr("Status")])
            tree.setColumnWidth(0, 150)
            tree.setColumnWidth(1, 260)
            tree.setColumnWidth(2, 170)
            tree.currentItemChanged.connect(self._show_item)
            self.tabs.addTab(tree, "")
            self.trees.append(tree)
        self.tabs.currentChanged.connect(lambda _index: self._show_item(self.trees[self.tabs.currentIndex()]
                                                                        .currentItem()))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        details = QWidget()
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        self.reader = QTextBrowser()
        self.reader.setOpenExternalLinks(False)
        self.reader.setAccessibleName(self.tr("Session details"))
        column.addWidget(self.reader, 1)
        actions = QWidget()
        row = FlowLayout(actions)
        self.register_button = QPushButton(self.tr("Register"))
        self.register_button.clicked.connect(self.register)
        self.date_combo = QComboBox()
        self.date_combo.setAccessibleName(self.tr("Another date"))
        self.move_button = QPushButton(self.tr("Choose this date"))
        self.move_button.clicked.connect(self.move_to_date)
        self.cancel_button = QPushButton(self.tr("Cancel my place"))
        self.cancel_button.clicked.connect(self.cancel)
        self.roll_button = QPushButton(self.tr("Take the roll…"))
        self.roll_button.clicked.connect(self.take_roll)
        self.survey_button = QPushButton(self.tr("Answer the survey…"))
        self.survey_button.clicked.connect(self.answer_survey)
        self.pre_check_button = QPushButton(self.tr("Pre-check…"))
        self.pre_check_button.clicked.connect(lambda: self.answer_check(SurveyKind.PRE_CHECK))
        self.post_check_button = QPushButton(self.tr("Post-check…"))
        self.post_check_button.clicked.connect(lambda: self.answer_check(SurveyKind.POST_CHECK))
        self.report_button = QPushButton(self.tr("Open the report"))
        self.report_button.clicked.connect(self.open_report)
        for button in (self.register_button, self.date_combo, self.move_button, self.cancel_button, self.roll_button,
                       self.survey_button, self.pre_check_button, self.post_check_button, self.report_button):
            row.addWidget(button)
        column.addWidget(actions)
        splitter.addWidget(details)
        splitter.setSizes([320, 360])
        layout.addWidget(splitter, 1)
        self.occasion: Occasion | None = None
        self._show_actions(None)

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        store, me = self.services.store, self.services.owner_id
        self.services.runner.run(lambda: schedule.programme(store, me), self.show_content)

    def reload_now(self) -> None:
        """Reload on the GUI thread (after the page itself saved something)."""
        self.show_content(schedule.programme(self.services.store, self.services.owner_id))

    def me_publishes(self) -> bool:
        me = self.services.directory.people.get(self.services.owner_id)
        return me is not None and me.role in PUBLISHER_ROLES

    def show_content(self, content: Programme) -> None:
        self.content = content
        self.publish_button.setVisible(self.me_publishes())
        selected = self.occasion
        lists = (content.upcoming, content.mine, content.past)
        titles = (self.tr("Coming up ({count})"), self.tr("My registrations ({count})"), self.tr("Past ({count})"))
        for index, (tree, occasions, title) in enumerate(zip(self.trees, lists, titles, strict=True)):
            self.tabs.setTabText(index, title.format(count=len(occasions)))
            tree.clear()
            for occasion in occasions:
                item = QTreeWidgetItem(tree, [format_moment(occasion.occurrence), occasion.session.title,
                                              self.where(occasion), self.status(occasion)])
                item.setData(0, Qt.ItemDataRole.UserRole, occasion)
                item.setToolTip(1, enum_label(occasion.session.session_type))
                if selected is not None and (selected.session.id, selected.occurrence) == (
                        occasion.session.id, occasion.occurrence):
                    tree.setCurrentItem(item)
        current = self.trees[self.tabs.currentIndex()].currentItem()
        self._show_item(current)

    def where(self, occasion: Occasion) -> str:
        session = occasion.session
        if session.location_kind == LocationKind.ONLINE:
            return self.tr("Online")
        return session.location

    def status(self, occasion: Occasion) -> str:
        """Where I stand for this date, in words."""
        if occasion.session.cancelled:
            return self.tr("Cancelled by the organiser")
        registration = occasion.registration
        if registration is not None and registration.outcome != RegistrationOutcome.CANCELLED:
            return enum_label(registration.outcome)
        if not occasion.upcoming:
            if occasion.roll is not None:
                return self.tr("Held: {people} on the roll").format(people=len(occasion.roll.attendee_ids))
            return self.tr("Held")
        if occasion.session.capacity:
            return self.tr("{taken} of {places} places taken").format(taken=occasion.places_taken,
                                                                     places=occasion.session.capacity)
        return self.tr("Open")

    # -- one session -------------------------------------------------------------------------

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        occasion = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        self.occasion = occasion if isinstance(occasion, Occasion) else None
        self.reader.setHtml(self.details_html(self.occasion) if self.occasion else "")
        self._show_actions(self.occasion)

    def details_html(self, occasion: Occasion) -> str:
        session, directory = occasion.session, self.services.directory
        esc = html.escape
        facilitators = schedule.facilitator_names(session, directory)
        parts = [f"<h2>{esc(session.title)}</h2>",
                 f"<p><b>{esc(enum_label(session.session_type))}</b> · {esc(format_moment(occasion.occurrence))}"
                 f"–{esc(format_moment(occasion.ends_at)[-5:])}</p>"]
        rows = [(self.tr("Where"), session.location if session.location_kind == LocationKind.IN_PERSON
                 else session.online_link or self.tr("Online")),
                (self.tr("Facilitators"), ", ".join(facilitators)),
                (self.tr("Programme"), session.programme),
                (self.tr("Places"), self.tr("{taken} of {places} places taken").format(
                    taken=occasion.places_taken, places=session.capacity) if session.capacity else ""),
                (self.tr("Registration closes"), format_moment(session.registration_deadline)
                 if session.registration_deadline else ""),
                (self.tr("My registration"), self.status(occasion) if occasion.registration else "")]
        parts.append("<table cellspacing='4'>" + "".join(
            f"<tr><td style='color:gray'>{esc(name)}</td><td>{esc(value)}</td></tr>" for name, value in rows if value)
            + "</table>")
        if session.agenda:
            agenda = self.tr("Agenda")
            parts.append(f"<h3>{esc(agenda)}</h3><p>{esc(session.agenda)}</p>")
        me = self.services.owner_id
        if schedule.facilitates(me, session) and occasion.roll is not None:
            parts.append(self.survey_html(occasion))
        return "".join(parts)

    def survey_html(self, occasion: Occasion) -> str:
        """What the facilitator sees: who came and what they answered."""
        esc = html.escape
        summary = schedule.survey_summary(self.services.store, occasion)
        roll = occasion.roll
        assert roll is not None
        attendance, survey = self.tr("Attendance"), self.tr("Survey")
        on_roll = self.tr("On the roll: {people} · guests: {guests}").format(people=len(roll.attendee_ids),
                                                                             guests=len(roll.guests))
        parts = [f"<h3>{esc(attendance)}</h3><p>{esc(on_roll)}</p>", f"<h3>{esc(survey)}</h3>"]
        if not summary.answers:
            none_yet = self.tr("No answers yet: they arrive with sync.")
            parts.append(f"<p>{esc(none_yet)}</p>")
        else:
            parts.append("<p>" + esc(self.tr("Answers: {count} · overall {overall:.1f} of 5 · usefulness "
                                             "{useful:.1f} of 5").format(count=summary.answers,
                                                                         overall=summary.overall or 0,
                                                                         useful=summary.usefulness or 0)) + "</p>")
            if summary.improvements:
                parts.append("<ul>" + "".join(f"<li>{esc(text)}</li>" for text in summary.improvements) + "</ul>")
        if summary.pre_score is not None or summary.post_score is not None:
            parts.append("<p>" + esc(self.tr("Checks: before {pre}, after {post} right on average.").format(
                pre=f"{summary.pre_score:.0%}" if summary.pre_score is not None else "–",
                post=f"{summary.post_score:.0%}" if summary.post_score is not None else "–")) + "</p>")
        return "".join(parts)

    def _show_actions(self, occasion: Occasion | None) -> None:
        me = self.services.owner_id
        future = occasion is not None and occasion.upcoming and not occasion.session.cancelled
        registered = occasion is not None and occasion.registered
        facilitator = occasion is not None and schedule.facilitates(me, occasion.session)
        attended = occasion is not None and occasion.attended(me)
        self.register_button.setVisible(future and not registered and not facilitator and bool(me))
        others = [] if occasion is None or not registered else [
            o for o in self.content.upcoming
            if o.session.id == occasion.session.id and o.occurrence != occasion.occurrence]
        self.date_combo.clear()
        for other in others:
            self.date_combo.addItem(format_moment(other.occurrence), other.occurrence)
        self.date_combo.setVisible(bool(others) and future)
        self.move_button.setVisible(bool(others) and future)
        self.cancel_button.setVisible(future and registered)
        self.roll_button.setVisible(facilitator and not (occasion is not None and occasion.roll is not None
                                                         and occasion.roll.closed))
        self.report_button.setVisible(facilitator and occasion is not None and occasion.roll is not None
                                      and bool(occasion.roll.report_id))
        answered = occasion.answered if occasion is not None else frozenset()
        self.survey_button.setVisible(attended and SurveyKind.SURVEY not in answered)
        checks = occasion is not None and bool(occasion.session.check_questions) and not facilitator
        self.pre_check_button.setVisible(checks and registered and SurveyKind.PRE_CHECK not in answered
                                         and not attended)
        self.post_check_button.setVisible(checks and attended and SurveyKind.POST_CHECK not in answered)

    # -- actions ---------------------------------------------------------------------------

    def _saved(self, message: str) -> None:
        self.services.notify(message)
        self.data_changed.emit()
        self.reload_now()

    def publish(self) -> None:
        dialog = PublishSessionDialog(self.services.directory, self.services.owner_id, self)
        dialog.accepted.connect(lambda: self._published(dialog))
        self.dialog = dialog
        dialog.open()

    def _published(self, dialog: PublishSessionDialog) -> None:
        if dialog.session is not None:
            self.services.store.save(dialog.session)
            self._saved(self.tr("Published: {session}. It reaches colleagues with the next sync.").format(
                session=dialog.session.title))

    def register(self) -> None:
        if self.occasion is not None:
            schedule.register(self.services.store, self.services.owner_id, self.occasion.session,
                              self.occasion.occurrence)
            self._saved(self.tr("Registration saved: the server answers at the next sync."))

    def move_to_date(self) -> None:
        moment = self.date_combo.currentData()
        if self.occasion is not None and moment is not None:
            schedule.register(self.services.store, self.services.owner_id, self.occasion.session, moment)
            self._saved(self.tr("Date changed: the server answers at the next sync."))

    def cancel(self) -> None:
        if self.occasion is not None and self.occasion.registration is not None:
            schedule.cancel(self.services.store, self.occasion.registration)
            self._saved(self.tr("Place cancelled: it goes to the waiting list at the next sync."))

    def take_roll(self) -> None:
        occasion = self.occasion
        if occasion is None:
            return
        roll = schedule.open_roll(self.services.store, self.services.owner_id, occasion)
        dialog = RollDialog(roll, self.services.directory, occasion.session.title, self)
        dialog.accepted.connect(lambda: self._roll_taken(dialog, occasion))
        self.dialog = dialog
        dialog.open()

    def _roll_taken(self, dialog: RollDialog, occasion: Occasion) -> None:
        roll = self.services.store.save(dialog.result_roll())
        if dialog.choice != "close":
            self._saved(self.tr("Roll saved."))
            return
        report = schedule.close_roll(self.services.store, roll, occasion.session, self.services.directory,
                                     self.services.default_sharing)
        self._saved(self.tr("Session closed: its report is ready to complete."))
        self.open_record.emit(report.record_type, report.id)

    def open_report(self) -> None:
        if self.occasion is not None and self.occasion.roll is not None and self.occasion.roll.report_id:
            self.open_record.emit("session_note", self.occasion.roll.report_id)

    def answer_survey(self) -> None:
        occasion = self.occasion
        if occasion is None:
            return
        dialog = SurveyDialog(occasion.session.title, self)
        dialog.accepted.connect(lambda: self._surveyed(dialog, occasion))
        self.dialog = dialog
        dialog.open()

    def _surveyed(self, dialog: SurveyDialog, occasion: Occasion) -> None:
        schedule.answer_survey(self.services.store, self.services.owner_id, occasion,
                               overall=dialog.overall.value(), usefulness=dialog.usefulness.value(),
                               improve=dialog.improve_edit.toPlainText().strip(),
                               anonymous=dialog.anonymous_check.isChecked())
        self._saved(self.tr("Thank you: your answer goes to the facilitator with the next sync."))

    def answer_check(self, kind: SurveyKind) -> None:
        occasion = self.occasion
        if occasion is None:
            return
        title = self.tr("Pre-check") if kind == SurveyKind.PRE_CHECK else self.tr("Post-check")
        dialog = CheckDialog(f"{title}: {occasion.session.title}", occasion.session.check_questions, self)
        dialog.accepted.connect(lambda: self._checked(dialog, occasion, kind))
        self.dialog = dialog
        dialog.open()

    def _checked(self, dialog: CheckDialog, occasion: Occasion, kind: SurveyKind) -> None:
        schedule.answer_check(self.services.store, self.services.owner_id, occasion, kind, dialog.answers())
        self._saved(self.tr("Answers saved."))
