"""The validation report as a PDF, to download and file, as the ITB validator offers.

The same content as the HTML report, in the same order: the verdict and the counts first,
then the results worst first, each with its severity in colour, icon and word, its focus
node, path, value, message and the lines it is about. Drawn with reportlab and the Bitstream
Vera font it ships (so Dutch accents and the euro sign print on any machine).
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from .model import SEVERITY_ORDER, ValidationReport, short_path
from .reports import at_least, severity_name, summary

COLOURS = {"Violation": "#a3161b", "Warning": "#7a4d00", "Info": "#0b4f9c"}
MARKS = {"Violation": "×", "Warning": "!", "Info": "i"}  # in the font; icons are not
TITLES = {"nl": "Validatierapport", "en": "Validation report"}
HEADERS = {
    "nl": ("Ernst", "Knoop en pad", "Melding"),
    "en": ("Severity", "Focus node and path", "Message"),
}


@cache
def _fonts() -> tuple[str, str]:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont("Vera", str(folder / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont("VeraBd", str(folder / "VeraBd.ttf")))
    return "Vera", "VeraBd"


def to_pdf(report: ValidationReport, lang: str = "nl", severity: str = "Info") -> bytes:
    """The report as PDF bytes (A4)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=8.5, leading=11)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    heading = ParagraphStyle("h", fontName=bold, fontSize=16, leading=20, spaceAfter=6)
    verdict_colour = "#0a6b2d" if report.conforms else "#a3161b"
    verdict = ParagraphStyle(
        "v", fontName=bold, fontSize=11, leading=14, textColor=colors.HexColor(verdict_colour)
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=TITLES.get(lang, TITLES["en"]),
    )
    story = [
        Paragraph(TITLES.get(lang, TITLES["en"]), heading),
        Paragraph(escape(summary(report, lang)), verdict),
        Spacer(1, 4 * mm),
    ]
    results = sorted(
        at_least(report, severity),
        key=lambda r: (SEVERITY_ORDER.get(r.severity, 3), r.focus, r.path or ""),
    )
    rows: list[list[object]] = [
        [Paragraph(f"<b>{h}</b>", body) for h in HEADERS.get(lang, HEADERS["en"])]
    ]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#bbbbbb")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
    ]
    for i, r in enumerate(results, 1):
        colour = COLOURS.get(r.severity, "#333333")
        where = escape(r.focus) + (f"<br/>{escape(short_path(r.path))}" if r.path else "")
        if r.value:
            where += f"<br/>= {escape(r.value[:200])}"
        message = escape(r.message(lang))
        for s in r.sources:
            message += f"<br/><font color='#555555'>{escape(s.label())}</font>"
        rows.append(
            [
                Paragraph(
                    f"<font color='{colour}'><b>{MARKS.get(r.severity, '')} "
                    f"{escape(severity_name(r.severity, lang))}</b></font>",
                    body,
                ),
                Paragraph(where, small),
                Paragraph(message, body),
            ]
        )
        style.append(("LINEBEFORE", (0, i), (0, i), 3, colors.HexColor(colour)))
    if len(rows) > 1:
        table = Table(rows, colWidths=[28 * mm, 72 * mm, 80 * mm], repeatRows=1)
        table.setStyle(TableStyle(style))
        story.append(table)
    doc.build(story)
    return out.getvalue()


__all__ = ["to_pdf"]
