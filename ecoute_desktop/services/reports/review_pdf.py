"""The annual review as one A4 portrait page of PDF, drawn on a reportlab canvas.

Read in one minute, top to bottom: the title band, five headline figures, themes and
orientations as ranked bars, the month-by-month trend, then « Actions à envisager ».
Every figure arrives as text from `review_data.py` (disclosed by the committee's rule);
this module only places it. The fonts are the embedded DejaVu ones (pdf_fonts.py).
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ecoute_desktop.domain.french_dates import MONTHS_SHORT
from ecoute_desktop.domain.month import Month
from ecoute_desktop.services.formatting import fr_datetime, fr_int, fr_month_range
from ecoute_desktop.services.pdf_fonts import BODY, BOLD, ITALIC, embedded_canvas
from ecoute_desktop.services.reports.layout import text
from ecoute_desktop.services.reports.review_data import Headline, ReviewReport, TrendPoint
from ecoute_desktop.services.reports.review_draw import (
    BLUE,
    INK,
    MUTED,
    RULE,
    TINT,
    fit,
    fitted_size,
    hatch_key,
    heading,
    paragraph_height,
    ranked_bars,
)

WIDTH, HEIGHT = A4
MARGIN = 34.0
INNER = WIDTH - 2 * MARGIN
BAND = 84.0  # the title band at the top
GAP = 16.0
ACTIONS_TITLE = "Actions à envisager"
EMPTY_PERIOD = "Aucune sollicitation sur cette période : ni thème, ni orientation, ni évolution."
NO_ACTIONS = "À compléter par le comité : aucune action n'a été saisie pour ce bilan."
FOOTER_TOP = 70.0  # the rule and source lines live below this
ACTION_SIZES = (10.5, 10, 9.5, 9, 8.5, 8)
ACTIONS_MIN = 96.0  # room for a few lines of actions, or lines to write them on
TREND_FIXED = 30 + 42  # the trend's heading, month names and calls row
PLOT_HEIGHTS = (80.0, 150.0)  # the trend's bars: smallest and largest height


class ActionsTooLong(ValueError):
    """The « Actions à envisager » text does not fit the page, even in small print."""


def _title_band(c: Canvas, report: ReviewReport) -> None:
    c.setFillColor(BLUE)
    c.rect(0, HEIGHT - BAND, WIDTH, BAND, stroke=0, fill=1)
    c.setFillColor("white")
    c.setFont(BOLD, 22)
    c.drawString(MARGIN, HEIGHT - 40, report.title)
    span = fr_month_range(report.first_month, report.last_month)
    line = f"{span} · {report.region}" if report.region else span
    c.setFont(BODY, 12.5)
    c.drawString(MARGIN, HEIGHT - 62, fit(line, BODY, 12.5, INNER * 0.62))
    months = len(report.months)
    scope = f"{months} mois" + (
        f" · {report.hotliners} export{'s' if report.hotliners > 1 else ''} fusionné"
        f"{'s' if report.hotliners > 1 else ''}"
        if report.hotliners
        else ""
    )
    c.setFont(BODY, 9.5)
    c.drawRightString(WIDTH - MARGIN, HEIGHT - 40, "Synthèse pour le comité")
    c.drawRightString(WIDTH - MARGIN, HEIGHT - 62, scope)


def _tile(c: Canvas, headline: Headline, x: float, top: float, w: float, h: float) -> None:
    c.setFillColor(TINT)
    c.roundRect(x, top - h, w, h, 5, stroke=0, fill=1)
    pad = 7
    size = fitted_size(headline.value, BOLD, 24, w - 2 * pad, 11)
    c.setFillColor(BLUE)
    c.setFont(BOLD, size)
    c.drawString(x + pad, top - 30, headline.value)
    y = top - 36
    for content, font, colour in (
        (headline.caption, BOLD, INK),
        (headline.detail, BODY, MUTED),
    ):
        style = ParagraphStyle("tile", fontName=font, fontSize=8, leading=9.6, textColor=colour)
        paragraph = Paragraph(text(content), style)
        height = paragraph_height(paragraph, w - 2 * pad)
        paragraph.drawOn(c, x + pad, y - height)
        y -= height + 2


def _headlines(c: Canvas, report: ReviewReport, top: float) -> float:
    count, gap, height = len(report.headlines), 8.0, 86.0
    w = (INNER - gap * (count - 1)) / count
    for index, headline in enumerate(report.headlines):
        _tile(c, headline, MARGIN + index * (w + gap), top, w, height)
    return top - height


def _themes_and_orientations(c: Canvas, report: ReviewReport, top: float) -> float:
    column = (INNER - 24) / 2
    right = MARGIN + column + 24
    heading(c, MARGIN, top - 12, column, "Thèmes abordés")
    heading(c, right, top - 12, column, "Orientations proposées")
    rows = max(len(report.themes), len(report.orientations), 1)
    row = min(25.0, 210.0 / rows)
    if not report.requests:
        c.setFont(ITALIC, 10)
        c.setFillColor(MUTED)
        c.drawString(MARGIN, top - 40, EMPTY_PERIOD)
        return top - 60
    bottom = ranked_bars(c, report.themes, MARGIN, top - 24, column, row)
    bottom = min(bottom, ranked_bars(c, report.orientations, right, top - 24, column, row))
    c.setFont(ITALIC, 7.5)
    c.setFillColor(MUTED)
    c.drawString(
        MARGIN,
        bottom - 6,
        "Une sollicitation compte pour chacun de ses thèmes et de ses orientations ;"
        " classement du plus au moins fréquent.",
    )
    if any(not bar.exact for bar in (*report.themes, *report.orientations)):
        hatch_key(c, MARGIN, bottom - 18)
        return bottom - 22
    return bottom - 10


def _point_label(point: TrendPoint, first: bool) -> tuple[str, str]:
    """« mars » or « janv.–mars », and the year under the first bar and each January."""
    start, end = Month.parse(point.months[0]), Month.parse(point.months[-1])
    name = MONTHS_SHORT[start.number - 1]
    if end != start:
        name += "–" + MONTHS_SHORT[end.number - 1]
    new_year = first or start.number == 1 or end.year != start.year
    year = str(start.year) if end.year == start.year else f"{start.year}–{end.year}"
    return name, year if new_year else ""


def _trend(c: Canvas, report: ReviewReport, top: float, plot_h: float) -> float:
    monthly = all(len(point.months) == 1 for point in report.trend)
    step = len(report.trend[0].months) if report.trend else 1
    title = "Évolution mois par mois" if monthly else f"Évolution par périodes de {step} mois"
    heading(c, MARGIN, top - 12, INNER, title)
    label_w = 80.0
    plot_x, plot_w = MARGIN + label_w, INNER - label_w
    plot_top = top - 30
    base = plot_top - plot_h
    points = report.trend
    largest = max((p.requests for p in points), default=0) or 1
    column = plot_w / max(1, len(points))
    bar_w = min(column * 0.62, 34)
    size = fitted_size(fr_int(largest), BOLD, 8.5, column - 2, 5.5)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(plot_x, base, plot_x + plot_w, base)
    c.setFillColor(INK)
    c.setFont(BOLD, 8)
    c.drawString(MARGIN, base + plot_h / 2, "Sollicitations")
    c.drawString(MARGIN, base + plot_h / 2 - 10, "reçues")
    for index, point in enumerate(points):
        centre = plot_x + column * (index + 0.5)
        h = (plot_h - 14) * point.requests / largest
        c.setFillColor(BLUE)
        c.rect(centre - bar_w / 2, base, bar_w, h, stroke=0, fill=1)
        c.setFillColor(INK)
        c.setFont(BOLD, size)
        c.drawCentredString(centre, base + h + 3, fr_int(point.requests))
        name, year = _point_label(point, index == 0)
        c.setFont(BODY, fitted_size(name, BODY, 8, column - 2, 5))
        c.drawCentredString(centre, base - 10, name)
        if year:
            c.setFillColor(MUTED)
            c.setFont(BODY, fitted_size(year, BODY, 7, column - 2, 5))
            c.drawCentredString(centre, base - 19, year)
    calls_y = base - 34
    c.setFillColor(TINT)
    c.rect(MARGIN, calls_y - 4, INNER, 14, stroke=0, fill=1)
    c.setFillColor(INK)
    c.setFont(BOLD, 8)
    c.drawString(MARGIN + 3, calls_y, "Appels effectués")
    for index, point in enumerate(points):
        centre = plot_x + column * (index + 0.5)
        c.setFont(BODY, fitted_size(point.calls, BODY, 8, column - 2, 5))
        c.drawCentredString(centre, calls_y, point.calls)
    return calls_y - 8


def _actions(c: Canvas, report: ReviewReport, top: float, bottom: float) -> None:
    heading(c, MARGIN, top - 12, INNER, ACTIONS_TITLE)
    box_top, box_bottom = top - 22, bottom
    c.setStrokeColor(BLUE)
    c.setLineWidth(1.2)
    c.line(MARGIN, box_bottom, MARGIN, box_top)
    width, room = INNER - 14, box_top - box_bottom - 4
    if not report.actions:
        style = ParagraphStyle("none", fontName=ITALIC, fontSize=9, leading=12, textColor=MUTED)
        paragraph = Paragraph(text(NO_ACTIONS), style)
        paragraph.wrap(width, room)
        paragraph.drawOn(c, MARGIN + 10, box_top - paragraph_height(paragraph, width))
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        y, lines = box_top - 36, 0
        while y > box_bottom + 4 and lines < 10:  # lines to write on, for a printed copy
            lines += 1
            c.line(MARGIN + 10, y, MARGIN + INNER, y)
            y -= 22
        return
    for size in ACTION_SIZES:
        paragraphs = _action_lines(report.actions, size)
        heights = [paragraph_height(p, width) for p in paragraphs]
        if sum(heights) + size * 0.3 * len(heights) <= room:
            y = box_top
            for paragraph, height in zip(paragraphs, heights, strict=True):
                paragraph.drawOn(c, MARGIN + 10, y - height)
                y -= height + size * 0.3
            return
    raise ActionsTooLong(
        "Le texte « Actions à envisager » est trop long pour tenir sur la page du bilan :"
        " raccourcissez-le (une quinzaine de lignes au plus)."
    )


def _action_lines(actions: str, size: float) -> list[Paragraph]:
    """One paragraph per non-empty line; a leading « - », « * » or « • » makes it a bullet."""
    plain = ParagraphStyle(
        "actions", fontName=BODY, fontSize=size, leading=size * 1.3, textColor=INK
    )
    bullet = ParagraphStyle("bullet", parent=plain, leftIndent=size * 1.2, bulletIndent=0)
    paragraphs = []
    for line in actions.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[:1] in "-•*":
            paragraphs.append(Paragraph(text(stripped[1:].strip()), bullet, bulletText="•"))
        else:
            paragraphs.append(Paragraph(text(stripped), plain))
    return paragraphs


def _actions_height(report: ReviewReport) -> float:
    """The room the actions block asks for: its text in the largest size, or writing lines."""
    if not report.actions:
        return ACTIONS_MIN
    lines = _action_lines(report.actions, ACTION_SIZES[0])
    height = sum(paragraph_height(p, INNER - 14) + ACTION_SIZES[0] * 0.3 for p in lines)
    return max(ACTIONS_MIN, height + 30)


def _footer(c: Canvas, report: ReviewReport) -> None:
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(MARGIN, FOOTER_TOP - 8, WIDTH - MARGIN, FOOTER_TOP - 8)
    style = ParagraphStyle("rule", fontName=ITALIC, fontSize=7, leading=8.6, textColor=MUTED)
    rule = Paragraph(text(report.rule), style)
    height = paragraph_height(rule, INNER)
    rule.drawOn(c, MARGIN, FOOTER_TOP - 12 - height)
    c.setFont(BODY, 7)
    c.setFillColor(MUTED)
    c.drawString(
        MARGIN,
        MARGIN - 12,
        "Source : Écoute — sollicitations reçues dans la période, suivies jusqu'à ce jour.",
    )
    c.drawRightString(WIDTH - MARGIN, MARGIN - 12, f"Généré le {fr_datetime(report.generated_at)}")


def render_review(report: ReviewReport) -> bytes:
    """The review as the bytes of a one-page A4 PDF."""
    buffer = io.BytesIO()
    span = fr_month_range(report.first_month, report.last_month)
    c: Canvas = embedded_canvas()(buffer, pagesize=A4, lang="fr-FR", invariant=0)
    c.setTitle(f"{report.title} — {span}")
    c.setAuthor("Écoute")
    c.setSubject(report.title)
    c.setCreator("Écoute")
    _title_band(c, report)
    y = _headlines(c, report, HEIGHT - BAND - GAP)
    y = _themes_and_orientations(c, report, y - GAP)
    if report.requests:  # an empty period: no trend of zeros, the message says it all
        room = y - GAP - TREND_FIXED - GAP - _actions_height(report) - FOOTER_TOP - 4
        plot_h = max(PLOT_HEIGHTS[0], min(PLOT_HEIGHTS[1], room))
        y = _trend(c, report, y - GAP, plot_h)
    _actions(c, report, y - GAP, FOOTER_TOP + 4)
    _footer(c, report)
    c.showPage()
    c.save()
    return buffer.getvalue()
