"""The Knowledge Hub's dialogs: writing a Hub entry, and the Reflective Practice Toolkit (its
templates browsed, printed or saved as PDF worksheets).

As the Sessions page's dialogs, they check what they build with the domain's rules before they
close, and are opened with ``open()`` so tests drive them as a person would.
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from saypro_core.records import PROGRAMME_HUB_KINDS, PUBLISHER_ROLES, HubEntry, HubKind, Visibility
from saypro_core.reference import ReflectionTemplate
from saypro_desktop.ui.dialogs import DialogService
from saypro_desktop.ui.form_widgets import (
    ListLineEdit,
    LongTextEdit,
    date_edit,
    from_qdate,
    passes_checks,
    problems_label,
    to_qdate,
)
from saypro_desktop.ui.session_report import ACCENT, write_pdf
from saypro_desktop.ui.texts import enum_label, type_name


class HubEntryDialog(QDialog):
    """A new entry of the Knowledge Hub: what it is, what it says, where it points."""

    def __init__(self, me: str, my_name: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New Hub entry"))
        self.me, self.my_name = me, my_name
        self.entry: HubEntry | None = None
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. How the Soshanguve team kept its volunteers"))
        form.addRow(self.tr("Title"), self.title_edit)
        self.kind_combo = QComboBox()
        for kind in HubKind:
            if kind not in PROGRAMME_HUB_KINDS or role in PUBLISHER_ROLES:
                self.kind_combo.addItem(enum_label(kind), kind.value)
        form.addRow(self.tr("Kind"), self.kind_combo)
        self.date_edit = date_edit()
        self.date_edit.setDate(to_qdate(date.today()))
        form.addRow(self.tr("Date"), self.date_edit)
        self.project_edit = QLineEdit()
        self.project_edit.setPlaceholderText(self.tr("Project (optional)"))
        form.addRow(self.tr("Project"), self.project_edit)
        self.tags_edit = ListLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        form.addRow(self.tr("Tags"), self.tags_edit)
        self.summary_edit = LongTextEdit(lines=3)
        self.summary_edit.setPlaceholderText(self.tr("In two or three sentences: what and for whom"))
        form.addRow(self.tr("Summary"), self.summary_edit)
        self.body_edit = LongTextEdit(lines=8)
        self.body_edit.setPlaceholderText(self.tr("The whole text (optional)"))
        form.addRow(self.tr("Text"), self.body_edit)
        self.links_edit = QPlainTextEdit()
        self.links_edit.setTabChangesFocus(True)
        self.links_edit.setMaximumHeight(60)
        self.links_edit.setPlaceholderText(self.tr("Links, one a line: https://…"))
        form.addRow(self.tr("Links"), self.links_edit)
        self.audience_combo = QComboBox()
        for visibility in (Visibility.TEAM, Visibility.ORGANISATION):
            self.audience_combo.addItem(enum_label(visibility), visibility)
        self.audience_combo.setCurrentIndex(1)
        form.addRow(self.tr("Who can read it"), self.audience_combo)
        hint = QLabel(self.tr("Photos and documents are attached once the entry is saved; large ones reach "
                              "colleagues on a costly connection only when they open them."))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.problems = problems_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(self.tr("Add to the Hub"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def build(self) -> HubEntry:
        links = [line.strip() for line in self.links_edit.toPlainText().splitlines() if line.strip()]
        return HubEntry(owner_id=self.me, author_name=self.my_name,
                        visibility=Visibility(self.audience_combo.currentData()),
                        title=self.title_edit.text().strip(), kind=HubKind(self.kind_combo.currentData()),
                        entry_date=from_qdate(self.date_edit.date()), project=self.project_edit.text().strip(),
                        tags=self.tags_edit.values(), summary=self.summary_edit.toPlainText().strip(),
                        body=self.body_edit.toPlainText().strip(), links=links)

    def accept(self) -> None:
        entry = self.build()
        if passes_checks(entry, self.problems):
            self.entry = entry
            super().accept()


def worksheet_html(template: ReflectionTemplate) -> str:
    """A template as a worksheet to fill in by hand: its purpose, then each question with its hint
    and room to write."""
    used_for = ", ".join(type_name(record_type) for record_type in template.used_for)
    parts = [f"<h1 style='font-size:15pt; color:{ACCENT}'>{html.escape(template.name)}</h1>",
             f"<p>{html.escape(template.purpose)}</p>",
             f"<p style='color:gray; font-size:9pt'>{html.escape(used_for)}</p>"]
    lines = "<p>" + "<br>".join(["_" * 80] * 4) + "</p>"
    for number, question in enumerate(template.questions, 1):
        hint = f"<br><i style='color:gray'>{html.escape(question.hint)}</i>" if question.hint else ""
        parts.append(f"<h3>{number}. {html.escape(question.text)}</h3><p>{hint}</p>{lines}")
    return "<html><body>" + "".join(parts) + "</body></html>"


class ToolkitDialog(QDialog):
    """The Reflective Practice Toolkit: the reflection templates of the organisation's reference
    data (as the last sync brought it), each shown as a worksheet that prints or saves as PDF."""

    def __init__(self, templates: list[ReflectionTemplate], dialogs: DialogService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reflective Practice Toolkit"))
        self.templates = templates
        self.dialogs = dialogs
        splitter = QSplitter()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Templates"))
        for template in templates:
            item = QListWidgetItem(template.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            item.setToolTip(template.purpose)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Worksheet"))
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([220, 520])
        self.list.currentRowChanged.connect(self._show)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_worksheet)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Templates for reflecting alone or as a team. Print one as a worksheet for a "
                               "session, or use it in a learning log (choose it there under Reflection "
                               "template)."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        self.resize(820, 560)
        if templates:
            self.list.setCurrentRow(0)
        self.print_button.setEnabled(bool(templates))
        self.pdf_button.setEnabled(bool(templates))

    @property
    def current(self) -> ReflectionTemplate | None:
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def _show(self, row: int) -> None:
        template = self.current
        self.preview.setHtml(worksheet_html(template) if template is not None else "")

    def _document(self, template: ReflectionTemplate) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(worksheet_html(template))
        return document

    def print_worksheet(self) -> None:
        template = self.current
        if template is not None:
            self.dialogs.print_document(self, self._document(template))

    def save_pdf(self) -> Path | None:
        template = self.current
        if template is None:
            return None
        slug = re.sub(r"[^A-Za-z0-9]+", "-", template.name).strip("-").lower() or "worksheet"
        path = self.dialogs.save_file_name(self, self.tr("Save the worksheet"), Path.home() / f"{slug}.pdf",
                                           self.tr("PDF documents (*.pdf)"))
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_pdf(self._document(template), path, template.name)
        except OSError as error:
            self.dialogs.error(self, self.tr("Could not write the PDF"), str(error))
            return None
        return path
