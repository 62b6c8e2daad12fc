"""Knowledge Hub: the organisation's library, offline. Case studies, toolkits, best practices,
recordings, guides and shared learnings (Hub entries), and the session summaries and learning logs
colleagues shared with the person, on shelves by kind; filtered by kind, project and tag, searched
in full text (storage.hub). An entry shows its links (web addresses only) and files (fetched when
opened if a costly connection held them back); under it the feedback, where the person can comment,
propose it for the newsletter, and, as the author's supervisor or mentor or an admin, feature it.
Supervisors and admins add guides and toolkits; everyone else the other kinds. The Reflective
Practice Toolkit's templates are browsed and printed from here."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import (
    NEWSLETTER_TYPES,
    HubEntry,
    HubKind,
    LearningLog,
    Record,
    ReviewState,
    SessionNote,
    Visibility,
)
from saypro_core.validation import ValidationError
from saypro_desktop.storage import hub
from saypro_desktop.storage.directory import is_mine
from saypro_desktop.storage.hub import SHELVES, HubQuery, HubRow, Library
from saypro_desktop.ui.attachments_section import AttachmentsSection
from saypro_desktop.ui.feedback_thread import FeedbackThread
from saypro_desktop.ui.form_widgets import format_day
from saypro_desktop.ui.hub_dialogs import HubEntryDialog, ToolkitDialog
from saypro_desktop.ui.page_parts import heading_label
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.session_report import report_html
from saypro_desktop.ui.texts import enum_label, field_error, field_label


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


def hub_entry_html(entry: HubEntry, byline: str, *, dark: bool = False) -> str:
    """A Hub entry as it reads in the library: its kind, date, author, project and tags, then the
    summary, the text and its links (web addresses only: the domain's rules refuse others)."""
    facts = " · ".join(part for part in (enum_label(entry.kind), format_day(entry.entry_date), byline, entry.project)
                       if part)
    muted = "#aaa" if dark else "gray"
    parts = [f"<h2>{html.escape(entry.title)}</h2>", f"<p style='color:{muted}'>{html.escape(facts)}</p>"]
    if entry.tags:
        parts.append("<p>" + " ".join(f"<span style='background:#e3efe9; color:#0b4f39'>&nbsp;{html.escape(t)}&nbsp;"
                                      "</span>" for t in entry.tags) + "</p>")
    if entry.summary.strip():
        parts.append(f"<p><b>{html.escape(entry.summary)}</b></p>")
    if entry.body.strip():
        parts.append("".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in entry.body.split("\n\n")))
    safe_links = [link for link in entry.links if link.lower().startswith(("https://", "http://"))]
    if safe_links:
        parts.append("<h3>" + html.escape(field_label("links")) + "</h3><ul>" + "".join(
            f"<li><a href='{html.escape(link, quote=True)}'>{html.escape(link)}</a></li>" for link in safe_links)
            + "</ul>")
    return "".join(parts)


class KnowledgeHubPage(QWidget):
    """Signals:
        open_record(str, str): reserved for opening a record in its own page.
        data_changed(): an entry or feedback was written (Home and the status bar recount; it syncs).
    """

    open_record = Signal(str, str)
    data_changed = Signal()

    def __init__(self, services: PageServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.content: Library | None = None  # until the first load
        self.dialog: HubEntryDialog | ToolkitDialog | None = None
        self._shown: Record | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        top = QHBoxLayout()
        top.addWidget(heading_label(self.tr("Knowledge Hub")), 1)
        self.toolkit_button = QPushButton(self.tr("Reflective Practice Toolkit"))
        self.toolkit_button.clicked.connect(self.open_toolkit)
        top.addWidget(self.toolkit_button)
        self.new_button = QPushButton(self.tr("New Hub entry…"))
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self.new_entry)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the library: case studies, toolkits, what colleagues "
                                                    "shared…"))
        self.search_edit.setAccessibleName(self.tr("Search the Knowledge Hub"))
        self.search_edit.setClearButtonEnabled(True)
        filters.addWidget(self.search_edit, 1)
        self.shelf_combo = self._filter_combo(self.tr("Kind"), self.tr("All kinds"))
        for key in SHELVES:
            self.shelf_combo.addItem(self.shelf_name(key), key)
        self.project_combo = self._filter_combo(self.tr("Project"), self.tr("All projects"))
        self.tag_combo = self._filter_combo(self.tr("Tag"), self.tr("All tags"))
        for combo in (self.shelf_combo, self.project_combo, self.tag_combo):
            filters.addWidget(combo)
        layout.addLayout(filters)
        self.stack = QStackedWidget()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Library"))
        self.tree.currentItemChanged.connect(self._show_item)
        splitter.addWidget(self.tree)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.reader = QTextBrowser()
        self.reader.setAccessibleName(self.tr("Library entry"))
        self.reader.setOpenLinks(False)
        self.reader.anchorClicked.connect(self.open_link)
        column.addWidget(self.reader, 1)
        newsletter = QHBoxLayout()
        self.newsletter_label = QLabel()
        self.newsletter_label.setProperty("role", "hint")
        newsletter.addWidget(self.newsletter_label)
        newsletter.addStretch(1)
        self.propose_button = QPushButton(self.tr("Propose for the newsletter"))
        self.propose_button.clicked.connect(lambda: self.mark_for_newsletter(ReviewState.PROPOSED))
        self.feature_button = QPushButton(self.tr("Feature in the newsletter"))
        self.feature_button.clicked.connect(lambda: self.mark_for_newsletter(ReviewState.FEATURED))
        newsletter.addWidget(self.propose_button)
        newsletter.addWidget(self.feature_button)
        column.addLayout(newsletter)
        self.attachments = AttachmentsSection(services, HubEntry.record_type)
        self.attachments.changed.connect(self.data_changed)
        column.addWidget(self.attachments)
        self.feedback_thread = FeedbackThread(services)
        self.feedback_thread.hide()
        self.feedback_thread.sent.connect(self.data_changed)
        column.addWidget(self.feedback_thread)
        splitter.addWidget(right)
        splitter.setSizes([340, 660])
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._debounce.start)
        for combo in (self.shelf_combo, self.project_combo, self.tag_combo):
            combo.activated.connect(self.refresh)
        self.show_record(None)

    def _filter_combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(everything, "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def shelf_name(self, key: str) -> str:
        names = {
            HubKind.CASE_STUDY.value: self.tr("Case studies"), HubKind.TOOLKIT.value: self.tr("Toolkits"),
            HubKind.BEST_PRACTICE.value: self.tr("Best practices"), HubKind.RECORDING.value: self.tr("Recordings"),
            HubKind.GUIDE.value: self.tr("Guides"), HubKind.SHARED_LEARNING.value: self.tr("Shared learnings"),
            SessionNote.record_type: self.tr("Session summaries"),
            LearningLog.record_type: self.tr("Colleagues' learning logs"),
        }
        return names[key]

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    @property
    def query(self) -> HubQuery:
        return HubQuery(text=self.search_edit.text(), shelf=str(self.shelf_combo.currentData() or ""),
                        project=str(self.project_combo.currentData() or ""),
                        tag=str(self.tag_combo.currentData() or ""))

    def refresh(self) -> None:
        store, owner, query = self.services.store, self.services.owner_id, self.query
        self.services.runner.run(lambda: hub.library(store, owner, query), self.show_content)

    def show_content(self, content: Library) -> None:
        if content.query != self.query:
            return  # the person typed or chose on; a newer search is coming
        self.content = content
        self._fill_choices(self.project_combo, content.projects)
        self._fill_choices(self.tag_combo, content.tags)
        shown_id = self._shown.id if self._shown is not None else ""
        self.tree.blockSignals(True)
        self.tree.clear()
        again: QTreeWidgetItem | None = None
        for shelf in content.shelves:
            label = f"{self.shelf_name(shelf.key)} ({len(shelf.rows)}{'+' if shelf.more else ''})"
            group = QTreeWidgetItem(self.tree, [label])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for row in shelf.rows:
                item = QTreeWidgetItem(group, [self.row_text(row, content.newsletter.get(row.id))])
                item.setData(0, Qt.ItemDataRole.UserRole, row)
                item.setToolTip(0, row.title)
                if row.id == shown_id:
                    again = item
            if shelf.more:
                more = QTreeWidgetItem(group, [self.tr("… and older ones: search or filter to find them")])
                more.setFlags(Qt.ItemFlag.NoItemFlags)
            group.setExpanded(True)
        self.tree.blockSignals(False)
        if again is not None:
            self.tree.setCurrentItem(again)
        if content.shown:
            self.stack.setCurrentIndex(0)
            return
        if content.query != HubQuery():
            self.empty.setText(self.tr("Nothing in the library matches what you asked for. Clear the search or the "
                                       "filters to see everything."))
        else:
            self.empty.setText(self.tr(
                "The library fills with case studies, toolkits, guides and what colleagues share after a sync, and "
                "you can read and search it without internet. Nothing is here yet: add the first entry with “New Hub "
                "entry…”."))
        self.stack.setCurrentIndex(1)

    def _fill_choices(self, combo: QComboBox, values: list[str]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def row_text(self, row: HubRow, mark: ReviewState | None) -> str:
        star = {ReviewState.FEATURED: "★ ", ReviewState.PROPOSED: "☆ "}.get(mark, "") if mark else ""
        author = row.author_name or self.services.directory.name_of(row.owner_id) or self.tr("A colleague")
        when = format_day(row.day) if row.day is not None else ""
        title = row.title or self.tr("(no title)")
        return star + " · ".join(part for part in (title, author, when) if part)

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        row = None if item is None else item.data(0, Qt.ItemDataRole.UserRole)
        record = self.services.store.get(row.record_class, row.id) if isinstance(row, HubRow) else None
        self.show_record(record)

    def byline(self, record: Record) -> str:
        author = self.services.directory.name_of(record.owner_id) or self.tr("A colleague")
        return self.tr("By {author}").format(author=author)

    def show_record(self, record: Record | None) -> None:
        """Show a record of the library, read-only, with its author, date, files and feedback."""
        self._shown = record
        if isinstance(record, HubEntry):
            author = record.author_name or self.services.directory.name_of(record.owner_id)
            self.reader.setHtml(hub_entry_html(record, self.tr("By {author}").format(author=author) if author else ""))
        elif isinstance(record, SessionNote):
            self.reader.setHtml(f"<p style='color:gray'>{html.escape(self.byline(record))}</p>" + report_html(record))
        elif isinstance(record, LearningLog):
            self.reader.setHtml(learning_log_html(record, self.byline(record) + " · "))
        elif record is not None:
            self.reader.setHtml(f"<h2>{html.escape(record.display_title)}</h2>"
                                f"<p style='color:gray'>{html.escape(self.byline(record))} · "
                                f"{html.escape(format_day(record.updated_at.astimezone()))}</p>")
        else:
            self.reader.clear()
        if record is not None:
            # Photos and documents of whatever the library shows; only my own Hub entry takes new ones.
            self.attachments.target_type = record.record_type
            self.attachments.set_editable(isinstance(record, HubEntry) and is_mine(record.owner_id,
                                                                                   self.services.owner_id))
            self.attachments.show_for(record.id)
            self.attachments.setVisible(self.attachments.files.count() > 0 or self.attachments.editable)
        else:
            self.attachments.show_for(None)
            self.attachments.hide()
        self._show_newsletter(record)
        self.feedback_thread.show_for(record)

    def _show_newsletter(self, record: Record | None) -> None:
        marks = self.content.newsletter if self.content is not None else {}
        mark = marks.get(record.id) if record is not None else None
        newsworthy = record is not None and record.record_type in NEWSLETTER_TYPES and bool(self.services.owner_id)
        readable = record is not None and (is_mine(record.owner_id, self.services.owner_id)
                                           or record.visibility != Visibility.PRIVATE)
        self.newsletter_label.setText({
            ReviewState.FEATURED: self.tr("★ Featured in the newsletter"),
            ReviewState.PROPOSED: self.tr("☆ Proposed for the newsletter; a supervisor or L&D confirms it"),
        }.get(mark, "") if mark else "")
        self.newsletter_label.setVisible(mark is not None)
        self.propose_button.setVisible(newsworthy and readable and mark is None)
        may_feature = record is not None and self.services.directory.reviews(record.owner_id)
        self.feature_button.setVisible(newsworthy and may_feature and mark != ReviewState.FEATURED)

    def mark_for_newsletter(self, state: ReviewState) -> None:
        record = self._shown
        if record is None:
            return
        me = self.services.directory.people.get(self.services.owner_id)
        comment = (self.tr("Proposed for the newsletter.") if state == ReviewState.PROPOSED
                   else self.tr("Featured in the newsletter."))
        note = hub.newsletter_note(record, state, self.services.owner_id, me.name if me else "", comment)
        try:
            self.services.store.save(note)
        except ValidationError as error:
            self.services.dialogs.error(self, self.tr("Cannot save"), " ".join(field_error(e) for e in error.errors))
            return
        self.services.notify(self.tr("Saved; it goes with the next sync."))
        if self.content is not None:
            self.content.newsletter[record.id] = state
        self.show_record(record)
        self.data_changed.emit()
        self.refresh()

    def open_link(self, url: QUrl) -> None:
        """A link of an entry opens in the browser, and only if it is a web address (an entry that
        came from elsewhere never opens a file or runs a program)."""
        if url.scheme().lower() in ("http", "https"):
            QDesktopServices.openUrl(url)
        else:
            self.services.notify(self.tr("Only web links open from the Knowledge Hub."))

    def new_entry(self) -> None:
        directory = self.services.directory
        me = directory.people.get(self.services.owner_id)
        self.dialog = HubEntryDialog(self.services.owner_id, me.name if me else "", me.role if me else "", self)
        self.dialog.accepted.connect(self._entry_written)
        self.dialog.open()

    def _entry_written(self) -> None:
        assert isinstance(self.dialog, HubEntryDialog) and self.dialog.entry is not None
        entry = self.services.store.save(self.dialog.entry)
        self.services.notify(self.tr("Added to the Knowledge Hub; it goes with the next sync."))
        self._shown = entry
        self.show_record(entry)
        self.data_changed.emit()
        self.refresh()

    def open_toolkit(self) -> None:
        self.dialog = ToolkitDialog(self.services.reference.templates, self.services.dialogs, self)
        self.dialog.open()

    def open_shared(self, record: Record) -> None:
        """Open a colleague's record from elsewhere (search, the Home inbox, the Team page)."""
        self.stack.setCurrentIndex(0)
        self.tree.setCurrentItem(None)  # type: ignore[call-overload]
        self.show_record(record)
