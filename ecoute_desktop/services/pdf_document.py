"""A reportlab story laid out on A4 pages with Écoute's fonts embedded, as PDF bytes.

Shared by the charter, the « fiche de secours » and the right-of-access export (the
reports have their own page template, `services/reports/layout.py`). Nothing touches
the disk."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

MM = 72 / 25.4  # points in a millimetre (reportlab.lib.units.mm)


def a4_pdf(
    story: Sequence[Flowable],
    *,
    title: str,
    author: str = "Écoute",
    subject: str = "",
    side_mm: float = 22,
    top_bottom_mm: float = 22,
) -> bytes:
    """`story` on A4 pages with the given margins; the fonts are embedded (no Helvetica)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from ecoute_desktop.services.pdf_fonts import embedded_canvas

    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=side_mm * MM,
        rightMargin=side_mm * MM,
        topMargin=top_bottom_mm * MM,
        bottomMargin=top_bottom_mm * MM,
        title=title,
        author=author,
        subject=subject,
    )
    document.build(list(story), canvasmaker=embedded_canvas())
    return buffer.getvalue()
