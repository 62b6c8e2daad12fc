"""Every question the app asks with a modal dialog goes through :class:`DialogService`.

Tests replace it with a scripted one (picard's ``user_dialog_service.py``), so no test ever hangs
on a message box and each can assert what the user was asked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class DialogService:
    def confirm(self, parent: QWidget, title: str, text: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
        accept = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def error(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def save_file_name(self, parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
        return Path(name) if name else None

    def open_file_names(self, parent: QWidget, title: str, file_filter: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), file_filter)
        return [Path(n) for n in names]

    def print_document(self, parent: QWidget, document: QTextDocument) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        document.print_(printer)
        return True
