"""The Session Summary Report as a printable document: the organisation's header, the session's
facts, people, outcomes and action items, laid out for one or two A4 pages.

Built as HTML for a QTextDocument, which both the PDF writer and the printer render.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from saypro_core.records import SessionNote
from saypro_desktop import APP_NAME, ORGANISATION
from saypro_desktop.ui.form_widgets import format_day
from saypro_desktop.ui.texts import enum_label, field_label

ACCENT = "#0b6e4f"


#: The report's own words, listed for lupdate (they are translated by ``_tr`` when the report is built).
REPORT_WORDS = (
    QT_TRANSLATE_NOOP("SessionReport", "Action"),
    QT_TRANSLATE_NOOP("SessionReport", "Attendees ({n})"),
    QT_TRANSLATE_NOOP("SessionReport", "Done"),
    QT_TRANSLATE_NOOP("SessionReport", "Due"),
    QT_TRANSLATE_NOOP("SessionReport", "Nothing recorded."),
    QT_TRANSLATE_NOOP("SessionReport", "Owner"),
    QT_TRANSLATE_NOOP("SessionReport", "Session Summary Report"),
    QT_TRANSLATE_NOOP("SessionReport", "Session Summary Report · {app}"),
    QT_TRANSLATE_NOOP("SessionReport", "Session type"),
    QT_TRANSLATE_NOOP("SessionReport", "When"),
    QT_TRANSLATE_NOOP("SessionReport", "Where"),
    QT_TRANSLATE_NOOP("SessionReport", "written by {name}"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionReport", text)


def _paragraphs(text: str) -> str:
    if not text.strip():
        return f"<p style='color:#777'>{html.escape(_tr('Nothing recorded.'))}</p>"
    return "".join(f"<p>{html.escape(part)}</p>" for part in text.strip().split("\n") if part.strip())


def report_html(note: SessionNote, author: str = "") -> str:
    start = note.starts_at.astimezone()
    when = f"{format_day(start)}, {start:%H:%M}"
    if note.ends_at is not None:
        end = note.ends_at.astimezone()
        when += f" – {end:%H:%M}" if end.date() == start.date() else f" – {format_day(end)}, {end:%H:%M}"
    where = enum_label(note.location_kind)
    if note.location:
        where += f": {note.location}"
    facts = [
        (_tr("Session type"), enum_label(note.session_type)),
        (_tr("When"), when),
        (_tr("Where"), where),
        (field_label("facilitators"), ", ".join(note.facilitators) or "—"),
        (_tr("Attendees ({n})").format(n=len(note.attendees)), ", ".join(note.attendees) or "—"),
        *((field_label(name), getattr(note, name)) for name in ("programme", "department", "reporting_cycle",
                                                                 "recording_link") if getattr(note, name)),
    ]
    rows = "".join(f"<tr><td width='28%' style='color:#555'><b>{html.escape(k)}</b></td>"
                   f"<td>{html.escape(v)}</td></tr>" for k, v in facts)
    items = ""
    if note.action_items:
        cells = "".join(
            f"<tr><td>{html.escape(item.text)}</td><td>{html.escape(item.owner or '—')}</td>"
            f"<td>{html.escape(format_day(item.due_date) if item.due_date else '—')}</td>"
            f"<td align='center'>{'✔' if item.done else ''}</td></tr>"
            for item in note.action_items)
        items = (f"<h2>{html.escape(field_label('action_items'))}</h2>"
                 "<table width='100%' cellspacing='0' cellpadding='4' border='1' style='border-color:#bbb'>"
                 f"<tr style='background:#e6f2ed'><th align='left'>{html.escape(_tr('Action'))}</th>"
                 f"<th align='left'>{html.escape(_tr('Owner'))}</th><th align='left'>{html.escape(_tr('Due'))}</th>"
                 f"<th>{html.escape(_tr('Done'))}</th></tr>{cells}</table>")
    sections = "".join(
        f"<h2>{html.escape(field_label(name))}</h2>{_paragraphs(getattr(note, name))}"
        for name in ("agenda", "insights", "challenges", "success_stories") if name != "agenda" or note.agenda)
    if note.questions:
        sections += f"<h2>{html.escape(field_label('questions'))}</h2>" + "".join(
            f"<p><b>{html.escape(qa.question)}</b><br>{html.escape(qa.answer or '—')}</p>" for qa in note.questions)
    answered = [a for a in note.debrief if a.answer.strip()]
    if answered:
        sections += f"<h2>{html.escape(field_label('debrief'))}</h2>" + "".join(
            f"<p><b>{html.escape(a.question)}</b><br>{html.escape(a.answer)}</p>" for a in answered)
    footer = _tr("Session Summary Report · {app}").format(app=APP_NAME)
    author = note.written_by or author
    if author:
        footer += " · " + _tr("written by {name}").format(name=author)
    return f"""
<html><body style="font-family: 'DejaVu Sans', sans-serif; font-size: 10pt;">
<table width="100%" cellspacing="0" cellpadding="8" style="background:{ACCENT}; color:white;">
<tr><td><span style="font-size:16pt; font-weight:bold;">{html.escape(ORGANISATION)}</span><br>
<span style="font-size:10pt;">{html.escape(_tr("Session Summary Report"))}</span></td></tr></table>
<h1 style="font-size:15pt; color:{ACCENT};">{html.escape(note.title)}</h1>
<table width="100%" cellspacing="0" cellpadding="3">{rows}</table>
{sections}
{items}
<p style="color:#777; font-size:8pt;">{html.escape(footer)}</p>
</body></html>"""


def report_document(note: SessionNote, author: str = "") -> QTextDocument:
    document = QTextDocument()
    document.setHtml(report_html(note, author))
    return document


def export_pdf(note: SessionNote, path: Path, author: str = "") -> None:
    """Write the report as an A4 PDF to ``path`` (a temporary file renamed into place)."""
    write_pdf(report_document(note, author), path, note.title)


def write_pdf(document: QTextDocument, path: Path, title: str) -> None:
    """An A4 PDF of ``document`` at ``path``, written to a temporary file renamed into place (a full
    disk or a crash never leaves half a PDF under the chosen name)."""
    partial = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 16, 18, 16), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    document.print_(writer)
    del writer  # finishes the file
    partial.replace(path)
