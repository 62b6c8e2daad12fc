"""Sync: where this laptop's data stands with the server, in plain words: who is signed in to
which server, when it last synced and how it went, what is waiting (changes and size), records
the server did not accept and why, conflicts to look at, the history of attempts, "Sync now", and
where the data lives on disk."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QWidget

from saypro_core.codec import parse_datetime
from saypro_core.records import RECORD_TYPES, Record, SyncState
from saypro_desktop.storage.outbox import OutboxSummary
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.storage.remote import RemoteConflict
from saypro_desktop.storage.store import RecordStore
from saypro_desktop.storage.sync_log import SyncAttempt
from saypro_desktop.sync.server_address import is_plain_http
from saypro_desktop.ui.conflict_view import ConflictView
from saypro_desktop.ui.feedback_thread import arrived_text
from saypro_desktop.ui.form_widgets import format_moment, human_size
from saypro_desktop.ui.page_parts import heading_label, scrolling_body, subheading_label
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.sync_controller import SyncController
from saypro_desktop.ui.texts import field_label, type_name


@dataclass(frozen=True)
class SyncOverview:
    cursor: int
    waiting: OutboxSummary
    rejected: list[Record]
    conflicts: list[RemoteConflict]
    history: list[SyncAttempt]
    #: What the server sent that this laptop could not use: (kind, record id, why, when).
    set_aside: list[tuple[str, str, str, str]] = field(default_factory=list)


def load_overview(store: RecordStore) -> SyncOverview:
    rejected: list[Record] = []
    for cls in RECORD_TYPES.values():
        rejected.extend(store.records(cls, where=RecordFilter(sync_state=SyncState.ERROR), limit=50))
    return SyncOverview(store.sync_cursor(), store.outbox_summary(), rejected, store.conflicts(),
                        store.sync_history(), store.set_aside())


class SyncPage(QWidget):
    def __init__(self, services: PageServices, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = controller
        layout = scrolling_body(self)
        header = QHBoxLayout()
        header.addWidget(heading_label(self.tr("Sync")))
        header.addStretch(1)
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_in_button.setToolTip(self.tr("Sign in to the SayPro server (needs a connection once)"))
        header.addWidget(self.sign_in_button)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setProperty("role", "primary")
        self.sync_button.clicked.connect(controller.sync_now)
        header.addWidget(self.sync_button)
        layout.addLayout(header)
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
        self.conflicts_list.currentRowChanged.connect(self._conflict_chosen)
        self.conflict_view = ConflictView(services.store)
        self.conflict_view.resolved.connect(self._conflict_resolved)
        self.set_aside_heading = subheading_label(self.tr("Set aside: sent by the server, but not usable here"))
        self.set_aside_list = QListWidget()
        self.set_aside_list.setAccessibleName(self.tr("What the server sent that this laptop could not use"))
        self.history_heading = subheading_label(self.tr("Recent syncs"))
        self.history_list = QListWidget()
        self.history_list.setAccessibleName(self.tr("Recent syncs"))
        for widget in (self.rejected_heading, self.rejected_list, self.conflicts_heading, self.conflicts_list,
                       self.conflict_view, self.set_aside_heading, self.set_aside_list, self.history_heading,
                       self.history_list):
            layout.addWidget(widget)
        self.where = QLabel(self.tr("Your data is kept in {path}. Back it up by copying this folder.").format(
            path=services.paths.root))
        self.where.setWordWrap(True)
        self.where.setProperty("role", "hint")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        layout.addStretch(1)
        controller.state_changed.connect(self.refresh)
        self.overview: SyncOverview | None = None

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        store = self.services.store
        self.services.runner.run(lambda: load_overview(store), self.show_overview)

    def _account_lines(self) -> list[str]:
        controller = self.controller
        if not controller.signed_in or not controller.server:
            return [self.tr("<b>Not signed in.</b> Everything you write stays on this laptop and is safe here. "
                            "To share it and receive your mentor's feedback, press “Sign in…” once while you "
                            "have a connection.")]
        lines = [self.tr("Signed in as <b>{name}</b> to {url}.").format(name=controller.user_name,
                                                                       url=controller.server)]
        if is_plain_http(controller.server):
            lines.append(self.tr("<b>Not encrypted:</b> this server is reached over plain http, so your sign-in "
                                 "and your records travel in clear. Use it only in a test lab."))
        if controller.needs_sign_in:
            lines.append(self.tr("<b>The server asks you to sign in again.</b> Nothing you wrote is lost: it waits "
                                 "here until you do."))
        if controller.running:
            lines.append(self.tr("Syncing now…"))
        return lines

    def show_overview(self, overview: SyncOverview) -> None:
        self.overview = overview
        self.sync_button.setEnabled(self.controller.can_sync and not self.controller.running)
        self.sign_in_button.setVisible(not self.controller.signed_in or self.controller.needs_sign_in)
        lines = self._account_lines()
        last = overview.history[0] if overview.history else None
        if last is None:
            lines.append(self.tr("This laptop has not synced yet."))
        elif last.error:
            lines.append(self.tr("The last attempt ({time}) failed: {reason}").format(
                time=_when(last), reason=last.error))
        else:
            lines.append(self.tr("Last synced {time}.").format(time=_when(last)))
        if last is not None and last.files_failed:
            lines.append(self.tr("Photos or documents the server could not send or take this time: {n} (the "
                                 "others went on; they are tried again at the next sync).").format(n=last.files_failed))
        if last is not None and last.files_waiting:
            held = self.tr(" (held back: you said the connection is costly; see Settings)") \
                if self.controller.hold_files else ""
            lines.append(self.tr("Photos and documents still to send or fetch: {n}{held}.").format(
                n=last.files_waiting, held=held))
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
        self.conflicts_list.blockSignals(True)
        self.conflicts_list.clear()
        for conflict in overview.conflicts:
            self.conflicts_list.addItem(self.tr("{kind}: “{field}” was changed on two devices").format(
                kind=type_name(conflict.record_type), field=field_label(conflict.field)))
        self.conflicts_list.blockSignals(False)
        self.conflict_view.show_conflict(None)
        if overview.conflicts:
            self.conflicts_list.setCurrentRow(0)
        self.set_aside_list.clear()
        for kind, _record_id, reason, received_at in overview.set_aside:
            what = self.tr("Reference data") if kind == "reference" else self.tr("A conflict") if kind == "conflict" \
                else type_name(kind) if kind in RECORD_TYPES else self.tr("A record")
            self.set_aside_list.addItem(self.tr("{what} ({time}): {reason}").format(
                what=what, time=format_moment(parse_datetime(received_at)), reason=reason))
        self.history_list.clear()
        for attempt in overview.history:
            self.history_list.addItem(self._describe(attempt))
        for heading, widget in ((self.rejected_heading, self.rejected_list),
                                (self.conflicts_heading, self.conflicts_list),
                                (self.set_aside_heading, self.set_aside_list),
                                (self.history_heading, self.history_list)):
            heading.setVisible(widget.count() > 0)
            widget.setVisible(widget.count() > 0)

    def _conflict_chosen(self, row: int) -> None:
        conflicts = self.overview.conflicts if self.overview is not None else []
        self.conflict_view.show_conflict(conflicts[row] if 0 <= row < len(conflicts) else None)

    def _conflict_resolved(self, conflict_id: str) -> None:
        self.services.notify(self.tr("Settled. Your choice goes to the server with the next sync."))
        self.controller.local_change()
        self.refresh()

    def _describe(self, attempt: SyncAttempt) -> str:
        if attempt.error:
            return self.tr("{time} · failed: {reason}").format(time=_when(attempt), reason=attempt.error)
        state = self.tr("complete") if attempt.complete else self.tr("partly done")
        text = self.tr("{time} · {state}: {sent} sent, {received} received, {up} up, {down} down").format(
            time=_when(attempt), state=state, sent=attempt.sent, received=attempt.received,
            up=human_size(attempt.bytes_up), down=human_size(attempt.bytes_down))
        if attempt.files_up or attempt.files_down:
            text += self.tr(", files: {up} sent, {down} received").format(up=attempt.files_up,
                                                                          down=attempt.files_down)
        arrived = arrived_text(attempt.feedback_from, self.services.directory, self.services.owner_id)
        if arrived:
            text += " · " + arrived
        return text


def _when(attempt: SyncAttempt) -> str:
    return format_moment(parse_datetime(attempt.finished_at))
