"""Print a PDF shown in the app: each page rendered by QtPdf and painted on a QPrinter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

MAX_RENDER_DPI = 300  # enough for text on paper; a 1200 dpi A4 image would take 500 MB


class PrintError(Exception):
    """The printer could not be used (message in French)."""


def new_printer(title: str) -> QPrinter:
    """An A4 portrait printer that uses the whole page (the PDF has its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """0-based page numbers chosen in the print dialog (all when no range was chosen)."""
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return list(range(page_count))
    return [index for index in range(page_count) if ranges.contains(index + 1)]


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the chosen pages of `document` on `printer`; return how many were printed."""
    pages = pages_to_print(printer, document.pageCount())
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("L'imprimante n'a pas pu être ouverte.")
    try:
        dpi = printer.resolution()
        paper = printer.pageLayout().fullRectPixels(dpi)
        for number, page in enumerate(pages):
            if number and not printer.newPage():
                raise PrintError("L'imprimante a refusé une nouvelle page.")
            points = document.pagePointSize(page)
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            render_dpi = min(dpi, MAX_RENDER_DPI)
            image = document.render(
                page,
                QSize(
                    round(points.width() * render_dpi / 72),
                    round(points.height() * render_dpi / 72),
                ),
            )
            target = QRectF(
                (paper.width() - width) / 2, (paper.height() - height) / 2, width, height
            )
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)
