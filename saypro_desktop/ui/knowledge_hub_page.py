"""Knowledge Hub: session summaries and lessons colleagues shared with the user (their team, their
supervisees, the whole organisation), each with its author and date. Filled by sync, read-only,
searchable offline; under each one the feedback on it, where the user can comment (and review, as
the author's supervisor or mentor)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import LearningLog, Record, SessionNote
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.feedback_thread import FeedbackThread
from saypro_desktop.ui.form_widgets import format_day
from saypro_desktop.ui.page_parts import heading_label
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.session_report import report_html
from saypro_desktop.ui.texts import field_label, type_name

HUB_TYPES: tuple[type[Record], ...] = (SessionNote, LearningLog)
NEWEST = 200


@dataclass(frozen=True)
class HubContent:
    query: str
    records: dict[str, list[Record]]


def load_hub(store: RecordStore, owner_id: str, query: str) -> HubContent:
    shared = RecordFilter(not_owner=owner_id, shared_only=True)
    found: dict[str, list[Record]] = {}
    if not query.strip():
        for cls in HUB_TYPES:
            found[cls.record_type] = list(store.records(cls, where=shared, limit=NEWEST))
        return HubContent(query, found)
    hits = store.search(query, limit=200, record_types=[cls.record_type for cls in HUB_TYPES])
    for hit in hits:
        cls = next(c for c in HUB_TYPES if c.record_type == hit.record_type)
        record = store.get(cls, hit.record_id)
        if record is not None and record.owner_id not in ("", owner_id) and record.visibility != "private":
            found.setdefault(hit.record_type, []).append(record)
    return HubContent(query, found)


def learning_log_html(log: LearningLog, byline: str = "") -> str:
    where = " · ".join(part for part in (format_day(log.log_date), log.project) if part)
    parts = [f"<h2>{html.escape(log.title)}</h2>",
             f"<p style='color:gray'>{html.escape(byline + where)}</p>"]
    for name in ("what_happened", "what_learned", "do_differently"):
        text = getattr(log, name)
        if text.strip():
            parts.append(f"<h3>{html.escape(field_label(name))}</h3><p>{html.escape(text)}</p>")
    for answer in log.template_answers:
        if answer.answer.strip():
            parts.append(f"<h3>{html.escape(answer.question)}</h3><p>{html.escape(answer.answer)}</p>")
    return "".join(parts)


class KnowledgeHubPage(QWidget):
    """Signals:
        open_record(str, str): reserved for opening a record in its own page.
        data_changed(): feedback was written (Home and the status bar recount).
    """

    open_record = Signal(str, str)
    data_changed = Signal()

    def __init__(self, services: PageServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(heading_label(self.tr("Knowledge Hub")))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search what colleagues shared…"))
        self.search_edit.setAccessibleName(self.tr("Search the Knowledge Hub"))
        self.search_edit.setClearButtonEnabled(True)
        layout.addWidget(self.search_edit)
        self.stack = QStackedWidget()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Shared records"))
        self.tree.currentItemChanged.connect(self._show_item)
        self.reader = QTextBrowser()
        self.reader.setAccessibleName(self.tr("Shared record"))
        splitter.addWidget(self.tree)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.reader, 1)
        self.feedback_thread = FeedbackThread(services)
        self.feedback_thread.hide()
        self.feedback_thread.sent.connect(self.data_changed)
        column.addWidget(self.feedback_thread)
        splitter.addWidget(right)
        splitter.setSizes([320, 680])
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.content: HubContent | None = None

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        store, owner, query = self.services.store, self.services.owner_id, self.search_edit.text()
        self.services.runner.run(lambda: load_hub(store, owner, query), self.show_content)

    def show_content(self, content: HubContent) -> None:
        if content.query != self.search_edit.text():
            return  # the user typed on; a newer search is coming
        self.content = content
        self.tree.clear()
        total = 0
        for cls in HUB_TYPES:
            records = content.records.get(cls.record_type, [])
            if not records:
                continue
            group = QTreeWidgetItem(self.tree, [f"{type_name(cls.record_type)} ({len(records)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for record in records:
                author = self.services.directory.name_of(record.owner_id) or self.tr("A colleague")
                item = QTreeWidgetItem(group, [f"{record.display_title} · {author}"])
                item.setData(0, Qt.ItemDataRole.UserRole, record)
            group.setExpanded(True)
            total += len(records)
        if total:
            self.stack.setCurrentIndex(0)
            return
        if content.query.strip():
            self.empty.setText(self.tr("Nothing shared with you matches “{query}”.").format(query=content.query))
        else:
            self.empty.setText(self.tr(
                "Session summaries and lessons your colleagues share will appear here after a sync, and you can "
                "read and search them without internet. Nothing has been shared with you yet."))
        self.stack.setCurrentIndex(1)

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        record = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        self.show_record(record if isinstance(record, Record) else None)

    def byline(self, record: Record) -> str:
        author = self.services.directory.name_of(record.owner_id) or self.tr("A colleague")
        return self.tr("By {author}").format(author=author)

    def show_record(self, record: Record | None) -> None:
        """Show a colleague's record, read-only, with its author, date and feedback."""
        if isinstance(record, SessionNote):
            self.reader.setHtml(f"<p style='color:gray'>{html.escape(self.byline(record))}</p>" + report_html(record))
        elif isinstance(record, LearningLog):
            self.reader.setHtml(learning_log_html(record, self.byline(record) + " · "))
        elif record is not None:
            self.reader.setHtml(f"<h2>{html.escape(record.display_title)}</h2>"
                                f"<p style='color:gray'>{html.escape(self.byline(record))} · "
                                f"{html.escape(format_day(record.updated_at.astimezone()))}</p>")
        else:
            self.reader.clear()
        self.feedback_thread.show_for(record)

    def open_shared(self, record: Record) -> None:
        """Open a colleague's record from elsewhere (search, the Home inbox, the Team page)."""
        self.stack.setCurrentIndex(0)
        self.tree.setCurrentItem(None)  # type: ignore[call-overload]
        self.show_record(record)
