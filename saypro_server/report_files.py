"""The L&D report as files to download or mail: CSV (one section after another, for a spreadsheet)
and an A4 PDF (fpdf2: pure Python, no browser or Qt on the server).

The PDF uses the PDF core font (Helvetica), which covers Latin-1: every South African language's
letters in the Latin script (ê, ë, ô, š...) that Latin-1 lacks are rare in names and titles, and
typographic quotes and dashes are set as their plain forms; anything else prints as "?". A
Unicode TTF would add 700 KB to the server for that.
"""

from __future__ import annotations

import csv
import io
import unicodedata

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from saypro_server.reporting import Report

GOAL_STATES = ("on_track", "at_risk", "overdue", "not_started", "achieved", "dropped")
GOAL_LABELS = {"on_track": "On track", "at_risk": "At risk", "overdue": "Overdue", "not_started": "Not started",
               "achieved": "Achieved", "dropped": "Dropped"}
_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                        "\u2026": "...", "\u00a0": " ", "\u2022": "-"})


def period_title(report: Report) -> str:
    return report.period.title()


def summary_rows(report: Report) -> list[tuple[str, str]]:
    """The headline figures, as (what, value) in words."""
    satisfaction = (f"{report.satisfaction:.1f} of 5 ({report.satisfaction_answers} answers)"
                    if report.satisfaction is not None else "no answers")
    assessed = f"{report.assessed_twice} {'person' if report.assessed_twice == 1 else 'people'}"
    growth = (f"{report.competency_growth:+.2f} in average rating ({assessed})"
              if report.competency_growth is not None else "nobody assessed twice")
    return [
        ("Active staff", str(report.active_staff)),
        ("Participation", f"{report.participation_percent:.1f}% ({report.took_part} of {report.active_staff})"),
        ("Learnings shared", str(report.learnings_shared)),
        ("Sessions held", str(report.sessions_held)),
        ("Attendance", str(report.attendance)),
        ("Average satisfaction", satisfaction),
        ("Competency growth", growth),
        ("Reviews overdue", str(report.reviews_overdue)),
        *((f"Goals {GOAL_LABELS[state].lower()}", str(report.goals.get(state, 0))) for state in GOAL_STATES),
    ]


def report_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"SayPro learning report: {report.scope}, {period_title(report)}"])
    writer.writerow(["figure", "value"])
    writer.writerows(summary_rows(report))
    writer.writerow([])
    writer.writerow(["month", "participation %", "learnings shared", "sessions held", "attendance"])
    for month in report.trend:
        writer.writerow([f"{month.month:%Y-%m}", month.participation_percent, month.learnings_shared,
                         month.sessions_held, month.attendance])
    writer.writerow([])
    writer.writerow(["person", "team", "learnings shared", "sessions attended", "took part", "goals achieved",
                     "goals open"])
    for person in report.people:
        writer.writerow([_safe_cell(person.name), _safe_cell(person.team), person.learnings_shared,
                         person.sessions_attended, "yes" if person.took_part else "no", person.goals_achieved,
                         person.goals_open])
    writer.writerow([])
    writer.writerow(["highlight", "title", "by", "date", "text"])
    for item in report.highlights:
        writer.writerow([item.kind.replace("_", " "), _safe_cell(item.title), _safe_cell(item.author),
                         item.day.isoformat() if item.day else "", _safe_cell(item.text)])
    return out.getvalue()


def _safe_cell(text: str) -> str:
    """A colleague's text as a spreadsheet cell that never runs as a formula (=, +, -, @ first)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _latin(text: str) -> str:
    plain = unicodedata.normalize("NFC", text.translate(_PLAIN))
    return plain.encode("latin-1", "replace").decode("latin-1")


class _Pdf(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.report_title = title
        self.set_margins(16, 16, 16)
        self.set_auto_page_break(True, 16)
        self.set_title(title)
        self.set_creator("SayPro Field Learning server")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(120)
        self.cell(0, 6, _latin(f"{self.report_title} - page {self.page_no()}"), align="C")


def report_pdf(report: Report) -> bytes:
    title = f"SayPro learning report: {report.scope}, {period_title(report)}"
    pdf = _Pdf(title)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.set_text_color(11, 110, 79)
    pdf.multi_cell(0, 8, _latin(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.set_font("Helvetica", size=9)
    counted = f"Counted on {report.today.day} {report.today:%B %Y}, by the date of each activity; private " \
              "records are not counted."
    pdf.cell(0, 6, _latin(counted), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _heading(pdf, "In figures")
    _table(pdf, ["", ""], [list(row) for row in summary_rows(report)], [70, 108], header=False)
    _heading(pdf, "The last twelve months: participation %")
    _trend_chart(pdf, report)
    _table(pdf, ["Month", "Participation", "Learnings shared", "Sessions held", "Attendance"],
           [[f"{m.month:%b %Y}", f"{m.participation_percent:.1f}%", str(m.learnings_shared), str(m.sessions_held),
             str(m.attendance)] for m in report.trend], [34, 36, 36, 36, 36])
    if report.highlights:
        _heading(pdf, "Highlights: success stories and the newsletter's choices")
        for item in report.highlights:
            pdf.set_font("Helvetica", "B", 10)
            kind = "Featured" if item.kind == "featured" else "Success story"
            by = f" - {item.author}" if item.author else ""
            pdf.multi_cell(0, 5, _latin(f"{kind}: {item.title}{by}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.set_font("Helvetica", size=9)
            pdf.multi_cell(0, 5, _latin(item.text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
    _heading(pdf, "People")
    _table(pdf, ["Person", "Team", "Learnings", "Sessions", "Took part", "Goals done / open"],
           [[p.name, p.team, str(p.learnings_shared), str(p.sessions_attended), "yes" if p.took_part else "no",
             f"{p.goals_achieved} / {p.goals_open}"] for p in report.people], [48, 36, 22, 22, 22, 28])
    return bytes(pdf.output())


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, _latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=9)


def _table(pdf: FPDF, headings: list[str], rows: list[list[str]], widths: list[int], *, header: bool = True) -> None:
    if header:
        pdf.set_font("Helvetica", "B", 9)
        for text, width in zip(headings, widths, strict=True):
            pdf.cell(width, 6, _latin(text), border="B")
        pdf.ln()
        pdf.set_font("Helvetica", size=9)
    for row in rows:
        for text, width in zip(row, widths, strict=True):
            pdf.cell(width, 5.5, _latin(text)[:60])
        pdf.ln()


def _trend_chart(pdf: FPDF, report: Report) -> None:
    """Participation % per month as bars (0-100)."""
    left, top, height = pdf.l_margin, pdf.get_y() + 2, 32
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / max(len(report.trend), 1)
    pdf.set_draw_color(200)
    pdf.line(left, top + height, left + width * len(report.trend), top + height)
    pdf.set_font("Helvetica", size=7)
    for index, month in enumerate(report.trend):
        bar = height * month.participation_percent / 100
        pdf.set_fill_color(11, 110, 79)
        if bar:
            pdf.rect(left + index * width + 2, top + height - bar, width - 4, bar, style="F")
        pdf.set_xy(left + index * width, top + height + 1)
        pdf.cell(width, 4, f"{month.month:%b}", align="C")
    pdf.set_xy(left, top + height + 6)
