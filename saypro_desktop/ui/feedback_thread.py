"""The feedback on one record, as a conversation: who said what and when (a review's verdict
stands out), and a box to answer. On my own record the box is a reply; on a colleague's shared
record it is a comment, and for the person's supervisor or mentor also a review (acknowledged,
validated, needs more). Written offline, it goes with the next sync; the server checks the same
rights (saypro_server.sync_service)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import DevelopmentGoal, Feedback, Record, ReviewState, Visibility
from saypro_core.validation import ValidationError
from saypro_desktop.storage import feedback as feedback_store
from saypro_desktop.storage.directory import Directory, is_mine
from saypro_desktop.ui.form_widgets import format_moment
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.texts import enum_label

# How a review reads at a glance in the thread.
_MARKS = {ReviewState.NEEDS_MORE: "⚑", ReviewState.VALIDATED: "✔", ReviewState.ACKNOWLEDGED: "✓",
          ReviewState.AGREED: "☑", ReviewState.PROPOSED: "☆", ReviewState.FEATURED: "★"}


def arrived_text(authors: list[str], directory: Directory, me: str) -> str:
    """What feedback a sync brought, by whom ("2 comments from Sam Dlamini, 1 from Nomsa Khumalo");
    "" when none came from anyone else."""
    counts: dict[str, int] = {}
    for author in authors:
        if author and author != me:
            name = directory.name_of(author) or QCoreApplication.translate("FeedbackThread", "a colleague")
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    parts = [QCoreApplication.translate("FeedbackThread", "%n comment(s) from {name}", None, n).format(name=name)
             for name, n in sorted(counts.items(), key=lambda item: -item[1])]
    return ", ".join(parts)


class FeedbackThread(QFrame):
    """Signals:
        sent(): a comment, review or reply was saved (it waits to sync).
    """

    sent = Signal()

    def __init__(self, services: PageServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.target: Record | None = None
        self.setObjectName("feedbackThread")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = QLabel()
        self.title.setProperty("role", "subheading")
        layout.addWidget(self.title)
        self.entries = QLabel()
        self.entries.setWordWrap(True)
        self.entries.setTextFormat(Qt.TextFormat.RichText)
        self.entries.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entries.setAccessibleName(self.tr("Feedback on this entry"))
        layout.addWidget(self.entries)
        self.compose = QPlainTextEdit()
        self.compose.setMaximumHeight(72)
        self.compose.setTabChangesFocus(True)
        layout.addWidget(self.compose)
        row = QHBoxLayout()
        self.review = QComboBox()
        self.review.setAccessibleName(self.tr("Review"))
        self.review.addItem(self.tr("Comment only"), ReviewState.COMMENT.value)
        for state in (ReviewState.ACKNOWLEDGED, ReviewState.VALIDATED, ReviewState.NEEDS_MORE):
            self.review.addItem(enum_label(state), state.value)
        row.addWidget(self.review)
        self.who_reads = QLabel()
        self.who_reads.setProperty("role", "hint")
        self.who_reads.setWordWrap(True)
        row.addWidget(self.who_reads, 1)
        self.send_button = QPushButton()
        self.send_button.setProperty("role", "primary")
        self.send_button.clicked.connect(self.send)
        row.addWidget(self.send_button)
        layout.addLayout(row)
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)

    @property
    def _me(self) -> str:
        return self.services.owner_id

    def _mine(self, record: Record) -> bool:
        return is_mine(record.owner_id, self._me)

    def show_for(self, target: Record | None) -> None:
        """Show the thread of ``target`` (None: nothing); what I see of it counts as read."""
        self.target = target
        self.problem.hide()
        if target is None or not target.id:
            self.hide()
            return
        items = feedback_store.thread(self.services.store, target.id)
        mine = self._mine(target)
        can_write = self._me != "" and (mine or target.visibility != Visibility.PRIVATE)
        if not items and (mine or not can_write):
            self.hide()  # my own record without feedback: nothing to show or answer yet
            return
        self.title.setText(self.tr("Feedback ({count})").format(count=len(items)) if items else self.tr("Feedback"))
        nothing_yet = self.tr("No feedback yet. Be the first to answer.")
        self.entries.setText("".join(self._entry_html(item) for item in items) or f"<p>{html.escape(nothing_yet)}</p>")
        self.entries.setVisible(True)
        reviews = not mine and self.services.directory.reviews(target.owner_id)
        self.review.setVisible(reviews)
        agreeing = self.review.findData(ReviewState.AGREED.value)
        if isinstance(target, DevelopmentGoal) and agreeing < 0:
            self.review.addItem(enum_label(ReviewState.AGREED), ReviewState.AGREED.value)
        elif not isinstance(target, DevelopmentGoal) and agreeing >= 0:
            self.review.removeItem(agreeing)
        self.review.setCurrentIndex(0)
        self.compose.setVisible(can_write)
        self.send_button.setVisible(can_write)
        self.who_reads.setVisible(can_write)
        if mine:
            self.compose.setPlaceholderText(self.tr("Reply…"))
            self.send_button.setText(self.tr("Reply"))
        else:
            self.compose.setPlaceholderText(self.tr("Your comment…"))
            self.send_button.setText(self.tr("Send feedback"))
        self.who_reads.setText(self.tr("Read by whoever can read this entry; sent with the next sync."))
        self.show()
        feedback_store.mark_read(self.services.store, [item.id for item in items])

    def _entry_html(self, item: Feedback) -> str:
        if item.owner_id == self._me and self._me:
            who = self.tr("You")
        else:
            who = self.services.directory.name_of(item.owner_id) or self.tr("A colleague")
        state = ReviewState(item.review_state)
        verdict = "" if state == ReviewState.COMMENT else f" · <b>{_MARKS[state]} {html.escape(enum_label(state))}</b>"
        when = html.escape(format_moment(item.created_at))
        comment = html.escape(item.comment).replace("\n", "<br>")
        return f"<p><b>{html.escape(who)}</b>{verdict} · <span style='color:gray'>{when}</span><br>{comment}</p>"

    def send(self) -> bool:
        target = self.target
        text = self.compose.toPlainText().strip()
        if target is None or not text:
            self.problem.setText(self.tr("Write something first."))
            self.problem.show()
            return False
        state = ReviewState(self.review.currentData()) if self.review.isVisible() else ReviewState.COMMENT
        me = self.services.directory.people.get(self._me)
        item = Feedback(target_type=target.record_type, target_id=target.id, comment=text, review_state=state,
                        visibility=target.visibility, owner_id=self._me, author_name=me.name if me else "")
        try:
            self.services.store.save(item)
        except ValidationError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return False
        self.compose.clear()
        self.show_for(target)
        self.services.notify(self.tr("Feedback saved; it goes with the next sync."))
        self.sent.emit()
        return True
