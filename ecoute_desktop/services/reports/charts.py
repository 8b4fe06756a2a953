"""Bar charts for the PDF reports: axes from zero, every bar labelled, readable in black and white.

Drawn by hand with reportlab graphics shapes so that every string uses the embedded
font and series differ by fill pattern (solid grey, hatched), never by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ecoute_desktop.services.formatting import fr_int
from ecoute_desktop.services.pdf_fonts import BODY, register_fonts

BAR_GREY = colors.Color(0.45, 0.45, 0.45)
AXIS = colors.black
GRID = colors.Color(0.82, 0.82, 0.82)


@dataclass(frozen=True)
class Series:
    """One row of values in a grouped bar chart."""

    name: str
    values: Sequence[int]


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 5 × 10^n) so that about `ticks` steps cover `maximum`."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(1, factor * power)
    return max(1, 10 * power)


def _axis_top(maximum: int) -> tuple[float, float]:
    step = nice_step(maximum)
    return step * max(1, math.ceil(maximum / step)), step


def _hatched_rect(x: float, y: float, w: float, h: float, style: int) -> Group:
    """A bar: style 0 solid grey, 1 white with diagonal hatching, 2 light grey dotted edge."""
    group = Group()
    if style == 0:
        group.add(Rect(x, y, w, h, fillColor=BAR_GREY, strokeColor=AXIS, strokeWidth=0.5))
        return group
    fill = colors.white if style == 1 else colors.Color(0.85, 0.85, 0.85)
    group.add(Rect(x, y, w, h, fillColor=fill, strokeColor=AXIS, strokeWidth=0.5))
    if style == 1 and w > 0 and h > 0:
        spacing = 3.5
        offset = -h
        while offset < w:  # lines of slope 1 clipped to the rectangle
            x0, y0 = x + offset, y
            x1, y1 = x + offset + h, y + h
            if x0 < x:
                y0, x0 = y + (x - x0), x
            if x1 > x + w:
                y1, x1 = y1 - (x1 - (x + w)), x + w
            if x1 > x0:
                group.add(Line(x0, y0, x1, y1, strokeColor=AXIS, strokeWidth=0.4))
            offset += spacing
    return group


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = BODY  # else the renderer selects an unembedded Helvetica
    return drawing


def _text(x: float, y: float, text: str, size: float, anchor: str = "start") -> String:
    return String(x, y, text, fontName=BODY, fontSize=size, fillColor=AXIS, textAnchor=anchor)


def _value_label(x: float, y: float, value: int, size: float, turned: bool) -> Group | String:
    """The count above a bar, turned a quarter when it is wider than the bar."""
    if not turned:
        return _text(x, y, fr_int(value), size, "middle")
    label = Group(_text(0, 0, fr_int(value), size))
    label.transform = (0, 1, -1, 0, x + size * 0.35, y)
    return label


def _fit(text: str, size: float, width: float) -> str:
    """Shorten `text` with an ellipsis so that it fits `width` points."""
    if stringWidth(text, BODY, size) <= width:
        return text
    while text and stringWidth(text + "…", BODY, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def horizontal_bars(items: Sequence[tuple[str, int]], width: float, size: float = 8.5) -> Drawing:
    """One bar per (label, count), labels on the left, the count after each bar."""
    register_fonts()
    row, bar = size * 2.1, size * 1.3
    label_width = min(max(stringWidth(label, BODY, size) for label, _ in items) + 6, width * 0.4)
    maximum = max((value for _, value in items), default=0)
    top, step = _axis_top(maximum)
    value_room = stringWidth(fr_int(int(top)), BODY, size) + 8
    plot_x, plot_w = label_width, width - label_width - value_room
    axis_h = size * 2.2
    height = axis_h + row * len(items) + 4
    drawing = _drawing(width, height)
    tick = 0.0
    while tick <= top + 1e-9:  # vertical grid with the scale along the bottom
        x = plot_x + plot_w * tick / top
        drawing.add(Line(x, axis_h, x, height - 2, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(Line(x, axis_h - 3, x, axis_h, strokeColor=AXIS, strokeWidth=0.5))
        drawing.add(_text(x, axis_h - 3 - size, fr_int(int(tick)), size - 1, "middle"))
        tick += step
    drawing.add(Line(plot_x, axis_h, plot_x + plot_w, axis_h, strokeColor=AXIS, strokeWidth=0.6))
    for index, (label, value) in enumerate(items):
        y = height - 2 - row * (index + 1) + (row - bar) / 2
        text_y = y + bar / 2 - size * 0.35
        drawing.add(_text(plot_x - 6, text_y, _fit(label, size, label_width - 6), size, "end"))
        bar_w = plot_w * value / top
        if value:
            drawing.add(_hatched_rect(plot_x, y, bar_w, bar, 0))
        drawing.add(_text(plot_x + bar_w + 3, text_y, fr_int(value), size))
    drawing.add(Line(plot_x, axis_h, plot_x, height - 2, strokeColor=AXIS, strokeWidth=0.6))
    return drawing


def vertical_bars(
    categories: Sequence[str],
    series: Sequence[Series],
    width: float,
    height: float,
    size: float = 8,
) -> Drawing:
    """Grouped vertical bars with a legend when there are several series."""
    register_fonts()
    count = max(1, len(categories))
    maximum = max((v for s in series for v in s.values), default=0)
    top, step = _axis_top(maximum)
    scale_w = stringWidth(fr_int(int(top)), BODY, size) + 8
    plot_x, plot_w = scale_w, width - scale_w - 4
    group_w = plot_w / count
    label_size = size
    widest = max((stringWidth(c, BODY, label_size) for c in categories), default=0)
    rotate = widest > group_w - 2
    label_h = (widest * 0.72 + size) if rotate else size * 1.8
    legend_h = size * 2.2 if len(series) > 1 else 0
    drawing = _drawing(width, height + label_h + legend_h)
    base = label_h + 4
    bar_w = min(group_w * 0.8 / max(1, len(series)), 42)
    widest_value = max(
        (stringWidth(fr_int(v), BODY, size) for s in series for v in s.values), default=1
    )
    value_size = max(5.5, min(size, size * (bar_w + 1) / max(widest_value, 1)))
    value_w = stringWidth(fr_int(int(maximum)), BODY, value_size)
    turned = value_w > bar_w + 1  # too wide for its bar: written upwards
    value_room = (value_w if turned else value_size) + 6
    plot_h = height - value_room  # room for the value above the highest bar
    tick = 0.0
    while tick <= top + 1e-9:
        y = base + plot_h * tick / top
        drawing.add(Line(plot_x, y, plot_x + plot_w, y, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(_text(plot_x - 4, y - size * 0.35, fr_int(int(tick)), size - 1, "end"))
        tick += step
    drawing.add(Line(plot_x, base, plot_x, base + plot_h, strokeColor=AXIS, strokeWidth=0.6))
    drawing.add(Line(plot_x, base, plot_x + plot_w, base, strokeColor=AXIS, strokeWidth=0.6))
    for index, category in enumerate(categories):
        centre = plot_x + group_w * (index + 0.5)
        left = centre - bar_w * len(series) / 2
        for number, one in enumerate(series):
            value = one.values[index]
            x, h = left + bar_w * number, plot_h * value / top
            if value:
                drawing.add(_hatched_rect(x, base, bar_w, h, number % 3))
            drawing.add(_value_label(x + bar_w / 2, base + h + 2, value, value_size, turned))
        if rotate:
            label = Group(_text(0, 0, category, label_size, "end"))
            label.transform = (0.72, 0.69, -0.69, 0.72, centre + 2, base - 6)
            drawing.add(label)
        else:
            drawing.add(_text(centre, base - size - 2, category, label_size, "middle"))
    if legend_h:
        x = plot_x
        y = drawing.height - size * 1.4
        for number, one in enumerate(series):
            drawing.add(_hatched_rect(x, y - 1, size * 1.6, size, number % 3))
            drawing.add(_text(x + size * 2.1, y, one.name, size))
            x += size * 2.1 + stringWidth(one.name, BODY, size) + size * 2
    return drawing
