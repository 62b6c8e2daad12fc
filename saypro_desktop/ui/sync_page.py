"""Sync: where this laptop's data stands with the server, in plain words: which server, whether
it has ever synced, what is waiting (changes and size), records the server did not accept and
why, conflicts to look at, and where the data lives on disk."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QWidget

from saypro_desktop.domain.records import RECORD_TYPES, Record, SyncState
from saypro_desktop.storage.outbox import OutboxSummary
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.storage.remote import RemoteConflict
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.ui.attachments_section import human_size
from saypro_desktop.ui.page_parts import heading_label, scrolling_body, subheading_label
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.texts import field_label, type_name


@dataclass(frozen=True)
class SyncOverview:
    cursor: int
    waiting: OutboxSummary
    rejected: list[Record]
    conflicts: list[RemoteConflict]


def load_overview(store: RecordStore) -> SyncOverview:
    rejected: list[Record] = []
    for cls in RECORD_TYPES.values():
        rejected.extend(store.records(cls, where=RecordFilter(sync_state=SyncState.ERROR), limit=50))
    return SyncOverview(store.sync_cursor(), store.outbox_summary(), rejected, store.conflicts())


class SyncPage(QWidget):
    def __init__(self, services: PageServices, *, server_url: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.server_url = server_url
        layout = scrolling_body(self)
        layout.addWidget(heading_label(self.tr("Sync")))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.status)
        self.rejected_heading = subheading_label(self.tr("Not accepted by the server"))
        self.rejected_list = QListWidget()
        self.rejected_list.setAccessibleName(self.tr("Records the server did not accept"))
        self.conflicts_heading = subheading_label(self.tr("Conflicts to look at"))
        self.conflicts_list = QListWidget()
        self.conflicts_list.setAccessibleName(self.tr("Conflicts"))
        for widget in (self.rejected_heading, self.rejected_list, self.conflicts_heading, self.conflicts_list):
            layout.addWidget(widget)
        self.where = QLabel(self.tr("Your data is kept in {path}. Back it up by copying this folder.").format(
            path=services.paths.root))
        self.where.setWordWrap(True)
        self.where.setProperty("role", "hint")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        layout.addStretch(1)

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        store = self.services.store
        self.services.runner.run(lambda: load_overview(store), self.show_overview)
        super().showEvent(event)  # type: ignore[arg-type]

    def show_overview(self, overview: SyncOverview) -> None:
        lines = []
        if self.server_url:
            lines.append(self.tr("Server: <b>{url}</b>").format(url=self.server_url))
        else:
            lines.append(self.tr("<b>No server set up.</b> Everything you write stays on this laptop and is safe "
                                 "here. To share it and receive feedback, sign in once with "
                                 "<code>saypro-desktop login --server URL --user NAME</code>."))
        lines.append(self.tr("This laptop has synced with the server before.") if overview.cursor
                     else self.tr("This laptop has not synced yet."))
        waiting = overview.waiting
        if waiting.changes:
            lines.append(self.tr("Waiting to send: {changes} changes to {records} records ({size}).").format(
                changes=waiting.changes, records=waiting.records, size=human_size(waiting.bytes)))
        else:
            lines.append(self.tr("Nothing is waiting to be sent."))
        self.status.setText("<p>" + "</p><p>".join(lines) + "</p>")
        self.rejected_list.clear()
        for record in overview.rejected:
            self.rejected_list.addItem(f"{type_name(record.record_type)}: {record.display_title} — {record.sync_error}")
        self.rejected_heading.setVisible(bool(overview.rejected))
        self.rejected_list.setVisible(bool(overview.rejected))
        self.conflicts_list.clear()
        for conflict in overview.conflicts:
            self.conflicts_list.addItem(self.tr("{kind}: “{field}” was changed on two devices").format(
                kind=type_name(conflict.record_type), field=field_label(conflict.field)))
        self.conflicts_heading.setVisible(bool(overview.conflicts))
        self.conflicts_list.setVisible(bool(overview.conflicts))
