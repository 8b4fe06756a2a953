"""A PDF page as PNG bytes, rendered by QtPdf (pdfium): the annual review as an image.

The one place a PDF becomes an image. It belongs to the ui layer because it uses Qt;
the command line imports it lazily, only when asked for a .png, so the core still
starts without Qt (tests/test_layers.py) and the services never draw pixels. No
QApplication is needed and nothing touches the disk: the bytes stay in memory.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter
from PySide6.QtPdf import QPdfDocument

DPI = 150
INCH_IN_METRES = 0.0254
POINTS_PER_INCH = 72


class PdfImageError(ValueError):
    """The PDF could not be read or rendered."""


def pdf_page_png(pdf: bytes, dpi: int = DPI, page: int = 0) -> bytes:
    """Page `page` of `pdf` as a PNG at `dpi` (A4 at 150 dpi: 1240 × 1754), white background."""
    source = QBuffer()
    source.setData(QByteArray(pdf))
    source.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(source)
    if document.status() != QPdfDocument.Status.Ready or page >= document.pageCount():
        raise PdfImageError("Le PDF du bilan n'a pas pu être converti en image.")
    points = document.pagePointSize(page)
    size = QSize(
        round(points.width() * dpi / POINTS_PER_INCH),
        round(points.height() * dpi / POINTS_PER_INCH),
    )
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    document.close()
    dots = round(dpi / INCH_IN_METRES)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    target = QBuffer()
    target.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(target, QByteArray(b"png")).write(image):
        raise PdfImageError("L'image du bilan n'a pas pu être produite.")
    return bytes(target.data().data())
