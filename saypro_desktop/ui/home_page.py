"""Home: my month at a glance (logs written, sessions, goals on track or overdue), the feedback
others gave me (unread, and "needs more" to-dos), unfinished drafts, what is waiting to sync, and a
quick way to start writing."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saypro_core.metrics import Period
from saypro_core.records import ReviewState
from saypro_desktop.storage.month_summary import MonthSummary, month_summary
from saypro_desktop.ui.form_widgets import format_day, format_moment, human_size
from saypro_desktop.ui.main_window import SESSIONS_ROW
from saypro_desktop.ui.page_parts import heading_label, scrolling_body, subheading_label
from saypro_desktop.ui.reminders import reminder_when
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.texts import enum_label, type_name


class FigureCard(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        self.figure = QLabel("–")
        self.figure.setProperty("role", "figure")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setProperty("role", "hint")
        self.detail.setWordWrap(True)
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set_value(self, value: str, detail: str = "") -> None:
        self.figure.setText(value)
        self.detail.setText(detail)
        self.setAccessibleName(f"{self.caption.text()}: {value}. {detail}")


class HomePage(QWidget):
    """Signals:
        open_record(str, str): the user picked a record (type, id).
        go_to(int): the user picked a section by its row in the navigation.
    """

    open_record = Signal(str, str)
    go_to = Signal(int)

    def __init__(self, services: PageServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.summary: MonthSummary | None = None
        layout = scrolling_body(self)
        layout.setSpacing(12)
        self.heading = heading_label(self.tr("My month"))
        layout.addWidget(self.heading)
        self.intro = QLabel(self.tr("Everything you write is saved on this laptop first and works without internet."))
        self.intro.setProperty("role", "hint")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.reminder = QLabel()
        self.reminder.setProperty("role", "notice")
        self.reminder.setWordWrap(True)
        self.reminder.setTextFormat(Qt.TextFormat.RichText)
        self.reminder.linkActivated.connect(lambda _link: self.go_to.emit(SESSIONS_ROW))
        self.reminder.hide()
        layout.addWidget(self.reminder)
        self.recognition = QLabel()
        self.recognition.setProperty("role", "notice")
        self.recognition.setWordWrap(True)
        self.recognition.setTextFormat(Qt.TextFormat.RichText)
        self.recognition.hide()
        layout.addWidget(self.recognition)

        cards = QGridLayout()
        cards.setSpacing(12)
        self.logs_card = FigureCard(self.tr("learning logs written"))
        self.sessions_card = FigureCard(self.tr("sessions recorded"))
        self.goals_card = FigureCard(self.tr("goals on track"))
        self.overdue_card = FigureCard(self.tr("goals overdue"))
        self.waiting_card = FigureCard(self.tr("changes waiting to sync"))
        for column, card in enumerate((self.logs_card, self.sessions_card, self.goals_card, self.overdue_card,
                                       self.waiting_card)):
            cards.addWidget(card, 0, column)
        layout.addLayout(cards)

        actions = QHBoxLayout()
        for text, row in ((self.tr("Write a learning log"), 1), (self.tr("Record a session"), 3),
                          (self.tr("Assess myself"), 2), (self.tr("Update my plan"), 4)):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, r=row: self.go_to.emit(r))
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        columns = QHBoxLayout()
        feedback_box = QVBoxLayout()
        self.feedback_heading = subheading_label(self.tr("Feedback for me"))
        feedback_box.addWidget(self.feedback_heading)
        self.feedback_list = QListWidget()
        self.feedback_list.setAccessibleName(self.tr("Feedback for me"))
        self.feedback_list.setWordWrap(True)
        self.feedback_list.itemActivated.connect(self._item_activated)
        self.feedback_empty = QLabel(self.tr("No feedback yet. When your supervisor, mentor or a colleague comments "
                                             "on something you shared, it appears here after a sync."))
        self.feedback_empty.setWordWrap(True)
        self.feedback_empty.setProperty("role", "hint")
        feedback_box.addWidget(self.feedback_list)
        feedback_box.addWidget(self.feedback_empty)
        drafts_box = QVBoxLayout()
        drafts_box.addWidget(subheading_label(self.tr("Unfinished drafts")))
        self.drafts_list = QListWidget()
        self.drafts_list.setAccessibleName(self.tr("Unfinished drafts"))
        self.drafts_list.itemActivated.connect(self._item_activated)
        self.drafts_empty = QLabel(self.tr("Nothing half-written. Drafts are kept automatically while you type."))
        self.drafts_empty.setWordWrap(True)
        self.drafts_empty.setProperty("role", "hint")
        drafts_box.addWidget(self.drafts_list)
        drafts_box.addWidget(self.drafts_empty)
        for box, lst in ((feedback_box, self.feedback_list), (drafts_box, self.drafts_list)):
            box.setAlignment(Qt.AlignmentFlag.AlignTop)
            lst.setMaximumHeight(220)
        columns.addLayout(feedback_box, 3)
        columns.addSpacing(16)
        columns.addLayout(drafts_box, 2)
        layout.addLayout(columns)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Recount in the background; the figures update when the counts arrive."""
        store, me, directory = self.services.store, self.services.owner_id, self.services.directory
        self.services.runner.run(lambda: month_summary(store, me, directory), self.show_summary)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def show_summary(self, summary: MonthSummary) -> None:
        self.summary = summary
        month = summary.month_start.strftime("%B %Y")
        self.heading.setText(self.tr("My month: {month}").format(month=month))
        self.logs_card.set_value(str(summary.logs_written))
        self.sessions_card.set_value(str(summary.sessions))
        translate = QCoreApplication.translate
        self.goals_card.set_value(str(summary.goals_on_track),
                                  translate("HomePage", "%n at risk, ", None, summary.goals_at_risk)
                                  + translate("HomePage", "%n achieved", None, summary.goals_achieved))
        self.overdue_card.set_value(str(summary.goals_overdue),
                                    translate("HomePage", "%n review(s) overdue", None, summary.reviews_due))
        waiting = summary.waiting
        if waiting.changes:
            detail = translate("HomePage", "%n record(s), ", None, waiting.records) + human_size(waiting.bytes)
        else:
            detail = self.tr("All your work is saved; nothing needs sending.")
        self.waiting_card.set_value(str(waiting.changes), detail)
        self._show_feedback(summary)
        self._show_reminders(summary)
        self._show_recognitions(summary)
        self.drafts_list.clear()
        for draft in summary.drafts:
            title = draft.title or self.tr("(untitled)")
            entry = QListWidgetItem(f"{title} · {type_name(draft.record_type)} · {format_moment(draft.saved_at)}")
            entry.setData(Qt.ItemDataRole.UserRole, (draft.record_type, draft.record_id))
            self.drafts_list.addItem(entry)
        self.drafts_list.setVisible(bool(summary.drafts))
        self.drafts_empty.setVisible(not summary.drafts)

    def _show_reminders(self, summary: MonthSummary) -> None:
        """The day-before reminder: my places on sessions of today and tomorrow."""
        today = date.today()
        lines = []
        for occasion in summary.reminders:
            when = reminder_when(occasion.occurrence, today)
            lines.append(f"<b>{html.escape(when)}</b> · {html.escape(occasion.session.title)}")
        self.reminder.setVisible(bool(lines))
        if lines:
            self.reminder.setText("<br>".join(lines) + f" · <a href='sessions'>{html.escape(self.tr('Sessions'))}</a>")

    def _show_recognitions(self, summary: MonthSummary) -> None:
        """The L&D office's "continuous learner": congratulations to the person, news to everyone,
        in the app's language (the record's own title is the server's English)."""
        lines = []
        for recognition in summary.recognitions:
            try:
                quarterly = "Q" in recognition.period.upper()
                span = (Period.parse_quarter if quarterly else Period.parse_month)(recognition.period).title()
            except ValueError:
                quarterly, span = False, ""
            mine = recognition.person_id == self.services.owner_id
            if not span:
                headline = recognition.title
            elif quarterly:
                headline = (self.tr("You are the continuous learner of the quarter: {period}!") if mine
                            else self.tr("Continuous learner of the quarter: {period}")).format(period=span)
            else:
                headline = (self.tr("You are the continuous learner of the month: {period}!") if mine
                            else self.tr("Continuous learner of the month: {period}")).format(period=span)
            if not mine:
                headline = self.tr("{title}: {name}").format(title=headline, name=recognition.person_name)
            reasons = f"<br><span style='color:gray'>{html.escape(recognition.reasons)}</span>" \
                if recognition.reasons else ""
            lines.append(f"<b>★ {html.escape(headline)}</b>{reasons}")
        self.recognition.setVisible(bool(lines))
        self.recognition.setText("<br>".join(lines))

    def _show_feedback(self, summary: MonthSummary) -> None:
        """The inbox: "needs more" to-dos first (they stay until I reply or edit), then the rest,
        newest first; unread ones in bold. Each names the record it is about."""
        box = summary.feedback
        translate = QCoreApplication.translate
        self.feedback_heading.setText(translate("HomePage", "Feedback for me (%n unread)", None, box.unread)
                                      if box.unread else self.tr("Feedback for me"))
        self.feedback_list.clear()
        to_do = {entry.feedback.id for entry in box.to_do}
        ordered = [*box.to_do, *(entry for entry in box.items if entry.feedback.id not in to_do)]
        for entry in ordered[:30]:
            item = entry.feedback
            state = "" if item.review_state == ReviewState.COMMENT else f" · {enum_label(item.review_state)}"
            flag = "⚑ " + self.tr("To do: reply or improve it") + "\n" if item.id in to_do else ""
            who = entry.author or self.tr("A colleague")
            text = (f"{flag}{who}{state} · {format_day(item.created_at.astimezone())}"
                    f" · {type_name(entry.target.record_type)}: {entry.target_title}\n{item.comment[:240]}")
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, (item.target_type, item.target_id))
            row.setToolTip(html.escape(item.comment[:1000]))
            if entry.unread or item.id in to_do:
                font = row.font()
                font.setBold(True)
                row.setFont(font)
            self.feedback_list.addItem(row)
        self.feedback_list.setVisible(bool(ordered))
        self.feedback_empty.setVisible(not ordered)

    def _item_activated(self, item: QListWidgetItem) -> None:
        record_type, record_id = item.data(Qt.ItemDataRole.UserRole)
        self.open_record.emit(record_type, record_id)
