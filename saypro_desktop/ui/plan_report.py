"""The development plan as a printable document for the review meeting: each goal's SMART parts,
status, target and review dates, progress notes, and whether (and with whom) it was agreed.

Built as HTML for a QTextDocument, like the Session Summary Report (saypro_desktop.ui.session_report).
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QTextDocument

from saypro_core.metrics import goal_state
from saypro_core.records import DevelopmentGoal
from saypro_desktop import ORGANISATION
from saypro_desktop.storage.feedback import Agreement
from saypro_desktop.ui.form_widgets import format_day
from saypro_desktop.ui.session_report import ACCENT, write_pdf
from saypro_desktop.ui.texts import enum_label, field_label

#: The report's own words, listed for lupdate (``_tr`` translates them when the report is built).
PLAN_WORDS = (
    QT_TRANSLATE_NOOP("PlanReport", "Agreed with {name} on {day}"),
    QT_TRANSLATE_NOOP("PlanReport", "Agreement"),
    QT_TRANSLATE_NOOP("PlanReport", "changed since: to agree again"),
    QT_TRANSLATE_NOOP("PlanReport", "Development plan"),
    QT_TRANSLATE_NOOP("PlanReport", "Development plan of {name}"),
    QT_TRANSLATE_NOOP("PlanReport", "No goals in the plan yet."),
    QT_TRANSLATE_NOOP("PlanReport", "Not agreed yet"),
    QT_TRANSLATE_NOOP("PlanReport", "Printed {day} for the review meeting"),
    QT_TRANSLATE_NOOP("PlanReport", "Status"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanReport", text)


def agreement_text(agreement: Agreement | None) -> str:
    if agreement is None:
        return _tr("Not agreed yet")
    text = _tr("Agreed with {name} on {day}").format(name=agreement.by, day=format_day(agreement.on))
    if agreement.changed_since:
        text += "; " + _tr("changed since: to agree again")
    return text


def plan_html(goals: list[DevelopmentGoal], agreements: dict[str, Agreement], person: str, today: date) -> str:
    parts = []
    for goal in goals:
        overdue = goal_state(goal, today) == "overdue"
        facts = [(field_label("target_date"), format_day(goal.target_date) + (" ⚠" if overdue else "")),
                 (_tr("Status"), enum_label(goal.status)),
                 (field_label("next_review"), format_day(goal.next_review) if goal.next_review else "—"),
                 (_tr("Agreement"), agreement_text(agreements.get(goal.id)))]
        rows = "".join(f"<tr><td width='28%' style='color:#555'><b>{html.escape(k)}</b></td>"
                       f"<td>{html.escape(v)}</td></tr>" for k, v in facts)
        smart = "".join(f"<p><b>{html.escape(field_label(name))}:</b> {html.escape(getattr(goal, name))}</p>"
                        for name in ("specific", "measure", "achievable_steps", "relevance") if getattr(goal, name))
        notes = "".join(f"<li>{html.escape(format_day(n.noted_on))}: {html.escape(n.text)}</li>"
                        for n in goal.progress_notes)
        notes_html = (f"<p><b>{html.escape(field_label('progress_notes'))}</b></p><ul>{notes}</ul>"
                      if notes else "")
        parts.append(f"<h2 style='color:{ACCENT}; font-size:12pt'>{html.escape(goal.title)}</h2>"
                     f"<table width='100%' cellspacing='0' cellpadding='3'>{rows}</table>{smart}{notes_html}")
    body = "".join(parts) or f"<p>{html.escape(_tr('No goals in the plan yet.'))}</p>"
    heading = _tr("Development plan of {name}").format(name=person) if person else _tr("Development plan")
    printed = _tr("Printed {day} for the review meeting").format(day=format_day(today))
    return f"""
<html><body style="font-family: 'DejaVu Sans', sans-serif; font-size: 10pt;">
<table width="100%" cellspacing="0" cellpadding="8" style="background:{ACCENT}; color:white;">
<tr><td><span style="font-size:16pt; font-weight:bold;">{html.escape(ORGANISATION)}</span><br>
<span style="font-size:10pt;">{html.escape(heading)}</span></td></tr></table>
<p style="color:#777">{html.escape(printed)}</p>
{body}
</body></html>"""


def plan_document(goals: list[DevelopmentGoal], agreements: dict[str, Agreement], person: str,
                  today: date) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(plan_html(goals, agreements, person, today))
    return document


def export_plan_pdf(goals: list[DevelopmentGoal], agreements: dict[str, Agreement], person: str, path: Path,
                    today: date) -> None:
    write_pdf(plan_document(goals, agreements, person, today), path, _tr("Development plan"))
