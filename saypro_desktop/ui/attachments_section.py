"""Photos and documents on a record: added from disk into the content-addressed file store,
listed with their size, opened with the system's viewer, removed (a tombstone that syncs)."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from saypro_core.records import Attachment, Visibility
from saypro_core.validation import ValidationError
from saypro_desktop.storage.opened_copies import may_open, safe_file_name
from saypro_desktop.storage.queries import RecordFilter
from saypro_desktop.ui.form_widgets import human_size
from saypro_desktop.ui.services import PageServices
from saypro_desktop.ui.texts import field_error

#: The server refuses bigger files (SAYPRO_SERVER_MAX_ATTACHMENT_BYTES); say so before copying.
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


class AttachmentsSection(QGroupBox):
    """Signals:
        changed(): an attachment was added or removed.
    """

    changed = Signal()

    def __init__(self, services: PageServices, target_type: str) -> None:
        super().__init__(self.tr("Photos and documents"))
        self.services = services
        self.target_type = target_type
        self.target_id: str | None = None
        self.editable = True
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Attach photos of flip charts, registers or documents. They are kept on this "
                                   "laptop and sent after the text when you sync."))
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        layout.addWidget(self.hint)
        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Attached files"))
        self.files.itemActivated.connect(self.open_selected)
        layout.addWidget(self.files)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Attach files…"))
        self.add_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_editable(self, editable: bool) -> None:
        """A colleague's record: its files are opened, never added to or removed."""
        self.editable = editable
        self.add_button.setVisible(editable)
        self.remove_button.setVisible(editable)
        self.hint.setVisible(editable)

    def show_for(self, target_id: str | None) -> None:
        self.target_id = target_id
        self.files.clear()
        if target_id is not None:
            for attachment in self.services.store.records(
                    Attachment, where=RecordFilter(target_id=target_id), order_by="created_at", descending=False):
                text = f"{attachment.filename}  ({human_size(attachment.size)})"
                if not self.services.blobs.has(attachment.sha256):
                    text += "  · " + self.tr("fetched when you open it")
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, attachment.id)
                self.files.addItem(item)
        has_files = self.files.count() > 0
        if has_files:  # as tall as its files, up to five rows
            rows = min(self.files.count(), 5)
            self.files.setFixedHeight(rows * self.files.sizeHintForRow(0) + 2 * self.files.frameWidth() + 4)
        self.files.setVisible(has_files)
        self.open_button.setEnabled(has_files)
        self.remove_button.setEnabled(has_files)

    def choose_files(self) -> None:
        paths = self.services.dialogs.open_file_names(
            self, self.tr("Attach files"), self.tr("Photos and documents (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx "
                                                   "*.txt *.odt);;All files (*)"))
        self.add_files(paths)

    def add_files(self, paths: list[Path]) -> list[Attachment]:
        if self.target_id is None or not paths:
            return []
        too_big = [p.name for p in paths if p.stat().st_size > MAX_ATTACHMENT_BYTES]
        if too_big:
            self.services.dialogs.error(self, self.tr("File too large"), self.tr(
                "{names}: files can be at most 25 MB (the server does not take bigger ones). "
                "Nothing was attached.").format(names=", ".join(too_big)))
            return []
        records = []
        for path in paths:
            stored = self.services.blobs.put_file(path)
            media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            # A file is read by whoever reads its record: the server narrows it to the record's
            # scope and follows the record when that changes (saypro_server.privacy.child_scope).
            records.append(Attachment(target_type=self.target_type, target_id=self.target_id, filename=path.name,
                                      media_type=media_type, size=stored.size, sha256=stored.sha256,
                                      owner_id=self.services.owner_id, visibility=Visibility.ORGANISATION))
        try:
            saved = self.services.store.save_many(records)
        except ValidationError as error:
            self.services.dialogs.error(self, self.tr("Cannot attach"),
                                        " ".join(field_error(e) for e in error.errors))
            return []
        self.show_for(self.target_id)
        self.services.notify(QCoreApplication.translate("AttachmentsSection", "%n file(s) attached.", None, len(saved)))
        self.changed.emit()
        return saved

    def _selected_id(self) -> str | None:
        item = self.files.currentItem() or (self.files.item(0) if self.files.count() == 1 else None)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def open_selected(self) -> None:
        attachment_id = self._selected_id()
        attachment = None if attachment_id is None else self.services.store.get(Attachment, attachment_id)
        if attachment is None:
            return
        if not self.services.blobs.has(attachment.sha256):
            self.fetch_and_open(attachment)
            return
        self.open_file(attachment)

    def fetch_and_open(self, attachment: Attachment) -> None:
        """A file not on the laptop yet (held back on a costly connection, or its sync not done):
        fetched now, and opened when it is here."""
        fetch = self.services.fetch_file
        if fetch is None:
            self.services.dialogs.error(self, self.tr("Not on this laptop yet"), self.tr(
                "“{name}” has not been downloaded yet; it arrives with the next sync.").format(
                    name=attachment.filename))
            return
        self.services.notify(self.tr("Fetching “{name}” ({size})…").format(
            name=attachment.filename, size=human_size(attachment.size)))

        def fetched(problem: str) -> None:
            if problem:
                self.services.dialogs.error(self, self.tr("Could not fetch the file"), self.tr(
                    "“{name}” could not be fetched: {problem}").format(name=attachment.filename, problem=problem))
            elif self.services.blobs.has(attachment.sha256):
                self.services.notify(self.tr("“{name}” is on this laptop now.").format(name=attachment.filename))
                self.open_file(attachment)

        fetch(attachment, fetched)

    def open_file(self, attachment: Attachment) -> None:
        blobs = self.services.blobs
        if not may_open(attachment.filename):
            self.save_as(attachment, self.tr(
                "“{name}” is not a picture or a document this app opens: a file of that kind could run as a "
                "program. Save it where you choose, and open it only if you trust where it came from.").format(
                    name=attachment.filename))
            return
        # A copy under its own name, so the system picks the right viewer; deleted when the app closes.
        target = self.services.opened.place(attachment.filename, lambda path: blobs.copy_out(attachment.sha256, path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def save_as(self, attachment: Attachment, why: str = "") -> Path | None:
        """Save a copy of the file where the person chooses (the only way to have a file of a kind
        the app does not open)."""
        if why:
            self.services.dialogs.error(self, self.tr("Save it instead"), why)
        chosen = self.services.dialogs.save_file_name(self, self.tr("Save a copy"),
                                                      Path.home() / safe_file_name(attachment.filename),
                                                      self.tr("All files (*)"))
        if chosen is not None:
            self.services.blobs.copy_out(attachment.sha256, chosen)
        return chosen

    def remove_selected(self) -> None:
        attachment_id = self._selected_id()
        if attachment_id is None:
            return
        self.services.store.delete(Attachment, attachment_id)
        self.show_for(self.target_id)
        self.changed.emit()
