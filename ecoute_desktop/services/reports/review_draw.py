"""Drawing helpers of the one-page review: one blue hue, hatching for what is uncertain.

The page uses a single hue (a dark blue that prints as a dark grey) and its light tint;
a hidden or uncertain part of a count is hatched, never told by colour alone, and every
bar carries its value as text. All strings use the embedded DejaVu fonts.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ecoute_desktop.services.pdf_fonts import BODY, BOLD
from ecoute_desktop.services.reports.review_data import Bar

INK = colors.Color(0.11, 0.11, 0.13)
MUTED = colors.Color(0.33, 0.33, 0.36)  # 7:1 on white: small print stays legible
BLUE = colors.Color(0.10, 0.29, 0.49)  # the one hue: prints as a dark grey
TINT = colors.Color(0.88, 0.92, 0.96)  # its light tint: prints as a pale grey
RULE = colors.Color(0.70, 0.74, 0.80)


def fit(text: str, font: str, size: float, width: float) -> str:
    """`text` shortened with an ellipsis so that it fits `width` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def fitted_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """The largest font size from `size` down to `smallest` at which `text` fits `width`."""
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def hatch(c: Canvas, x: float, y: float, w: float, h: float, colour: colors.Color) -> None:
    """Diagonal lines clipped to a rectangle (the uncertain part of a count)."""
    if w <= 0 or h <= 0:
        return
    c.saveState()
    path = c.beginPath()
    path.rect(x, y, w, h)
    c.clipPath(path, stroke=0, fill=0)
    c.setStrokeColor(colour)
    c.setLineWidth(0.7)
    offset = -h
    while offset < w:
        c.line(x + offset, y, x + offset + h, y + h)
        offset += 3.2
    c.restoreState()
    c.setStrokeColor(colour)
    c.setLineWidth(0.6)
    c.rect(x, y, w, h, stroke=1, fill=0)


def heading(c: Canvas, x: float, y: float, width: float, title: str) -> None:
    """A section title with a thin rule under it; `y` is the baseline."""
    c.setFillColor(BLUE)
    c.setFont(BOLD, 11.5)
    c.drawString(x, y, title)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(x, y - 4, x + width, y - 4)


def ranked_bars(
    c: Canvas, bars: Sequence[Bar], x: float, top: float, width: float, row: float
) -> float:
    """One row per bar: its label above, the bar and its value below; returns the bottom y.

    The solid part is what every reader knows for sure (the least possible count); a
    hatched part runs up to the most possible count, or a short open stub for « au moins ».
    """
    value_room = max((stringWidth(b.text, BOLD, 8.5) for b in bars), default=0) + 8
    scale_width = width - value_room
    largest = max((b.high if b.high is not None else b.low for b in bars), default=0)
    y = top
    for bar in bars:
        label = bar.label + (" (national)" if bar.national and "national" not in bar.label else "")
        c.setFillColor(INK)
        c.setFont(BODY, 8.5)
        c.drawString(x, y - 9, fit(label, BODY, 8.5, width))
        bar_y, bar_h = y - row + 3, row - 15
        solid = scale_width * bar.low / largest if largest else 0
        c.setFillColor(TINT)
        c.rect(x, bar_y, scale_width, bar_h, stroke=0, fill=1)  # the track: the scale's end
        if solid > 0:
            c.setFillColor(BLUE)
            c.rect(x, bar_y, solid, bar_h, stroke=0, fill=1)
        end = x + solid
        if not bar.exact:
            high = bar.high if bar.high is not None else None
            stub = scale_width * (high - bar.low) / largest if high is not None and largest else 10
            hatch(c, end, bar_y, max(stub, 2), bar_h, BLUE)
            end += max(stub, 2)
        c.setFillColor(INK)
        c.setFont(BOLD, 8.5)
        c.drawString(end + 4, bar_y + bar_h / 2 - 3, bar.text)
        y -= row
    return y


def hatch_key(c: Canvas, x: float, y: float) -> None:
    """The key of the bars: solid = sure, hatched = the range left by hidden small counts."""
    c.setFont(BODY, 7.5)
    for swatch, label in (
        ("solid", "nombre sûr"),
        ("hatched", "fourchette (petits effectifs masqués)"),
    ):
        if swatch == "solid":
            c.setFillColor(BLUE)
            c.rect(x, y - 1, 14, 7, stroke=0, fill=1)
        else:
            hatch(c, x, y - 1, 14, 7, BLUE)
        c.setFillColor(MUTED)
        c.drawString(x + 18, y, label)
        x += 18 + stringWidth(label, BODY, 7.5) + 14


def paragraph_height(paragraph: Paragraph, width: float) -> float:
    _, height = paragraph.wrap(width, 10_000)
    return height
