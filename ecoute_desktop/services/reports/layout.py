"""Page layout shared by the reports: A4, styles, tables, footer with "Page n / N" and date."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ecoute_desktop.services.formatting import fr_datetime
from ecoute_desktop.services.pdf_fonts import BODY, BOLD, ITALIC, register_fonts

MARGIN = 18 * mm
FRAME_WIDTH = A4[0] - 2 * MARGIN - 12  # the frame pads 6 pt on each side
HEADER_GREY = colors.Color(0.86, 0.86, 0.86)
TOP_ROW_GREY = colors.Color(0.94, 0.94, 0.94)
LINE_GREY = colors.Color(0.55, 0.55, 0.55)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_sub: ParagraphStyle
    empty: ParagraphStyle


def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=BODY, fontSize=10, leading=13.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=18, leading=22),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=11, leading=15, spaceAfter=4),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=12,
            spaceAfter=5,
        ),
        body=body,
        note=ParagraphStyle("note", parent=body, fontName=ITALIC, fontSize=8.5, leading=11),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_sub=ParagraphStyle("cell_sub", parent=cell, leftIndent=12),
        empty=ParagraphStyle(
            "empty",
            parent=body,
            fontName=BOLD,
            fontSize=14,
            leading=19,
            spaceBefore=18,
            spaceAfter=10,
        ),
    )


def text(value: str) -> str:
    """Plain text made safe for a Paragraph (escaped, line breaks kept)."""
    return escape(value).replace("\n", "<br/>")


def section(title: str, st: Styles, *content: Flowable, keep: bool = True) -> list[Flowable]:
    """A heading kept with what follows (or at least with its first lines)."""
    heading = Paragraph(text(title), st.heading)
    if keep:
        return [KeepTogether([heading, *content])]
    return [CondPageBreak(60 * mm), heading, *content]


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    st: Styles,
    widths: Sequence[float] | None = None,
    bold_rows: Sequence[int] = (),
    sub_rows: Sequence[int] = (),
    total_last: bool = False,
    padding: float = 4,
    groups: Sequence[tuple[int, int]] = (),
) -> Table:
    """A grey-header table; first column left, the others right-aligned; repeats its header.

    `groups` are (first, last) row indexes (0 = first data row) never split across pages,
    so a sub-theme is never printed apart from its theme.
    """
    size = 7.5 if len(header) > 5 else None  # wide tables: smaller headers fit narrow columns
    data: list[list[Any]] = [
        [
            Paragraph(text(h), _bold(st.cell_bold if i == 0 else st.cell_right, size))
            for i, h in enumerate(header)
        ]
    ]
    for number, row in enumerate(rows, start=1):
        strong = number - 1 in bold_rows or (total_last and number == len(rows))
        first_style = (
            st.cell_sub if number - 1 in sub_rows else (st.cell_bold if strong else st.cell)
        )
        cells: list[Any] = [Paragraph(text(row[0]), first_style)]
        other = _bold(st.cell_right) if strong else st.cell_right
        cells += [Paragraph(text(value), other) for value in row[1:]]
        data.append(cells)
    if widths is None:
        rest = (FRAME_WIDTH * 0.42) if len(header) <= 4 else FRAME_WIDTH * 0.24
        other = (FRAME_WIDTH - rest) / max(1, len(header) - 1)
        widths = [rest] + [other] * (len(header) - 1)
    result = Table(data, colWidths=list(widths), repeatRows=1)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), BODY),  # the default would be an unembedded Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, LINE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for index in bold_rows:
        commands.append(("BACKGROUND", (0, index + 1), (-1, index + 1), TOP_ROW_GREY))
    if total_last and rows:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black))
    for first, last in groups:
        if last > first:
            commands.append(("NOSPLIT", (0, first + 1), (-1, last + 1)))
    result.setStyle(TableStyle(commands))
    return result


def _bold(style: ParagraphStyle, size: float | None = None) -> ParagraphStyle:
    if size is None:
        return ParagraphStyle(f"{style.name}_bold", parent=style, fontName=BOLD)
    return ParagraphStyle(
        f"{style.name}_bold", parent=style, fontName=BOLD, fontSize=size, leading=size * 1.2
    )


def _numbered_canvas(footer: str, generated: str) -> type[pdf_canvas.Canvas]:
    """A canvas that writes "Page n / N" once the number of pages is known."""

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setStrokeColor(LINE_GREY)
            self.setLineWidth(0.4)
            y = MARGIN * 0.75
            self.line(MARGIN, y + 9, A4[0] - MARGIN, y + 9)
            self.setFont(BODY, 7.5)
            self.drawString(MARGIN, y, footer)
            self.drawString(MARGIN, y - 9, generated)
            self.setFont(BOLD, 8)
            self.drawRightString(A4[0] - MARGIN, y, f"Page {number} / {total}")
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list[Flowable], title: str, footer: str, generated_at: datetime) -> bytes:
    """Lay `story` out on A4 pages and return the PDF bytes (nothing touches the disk)."""
    register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 8 * mm,
        title=title,
        author="Écoute",
        subject=title,
        creator="Écoute",
        lang="fr-FR",
        initialFontName=BODY,  # else the canvas references an unembedded Helvetica
    )
    generated = f"Généré le {fr_datetime(generated_at)}"
    document.build(story, canvasmaker=_numbered_canvas(footer, generated))
    return buffer.getvalue()


def with_region(value: str, region: str) -> str:
    """`value — région` when the report names a region, else `value`."""
    return f"{value} — {region}" if region else value


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)
