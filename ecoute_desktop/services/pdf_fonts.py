"""Embedded TrueType fonts for every PDF Écoute writes (DejaVu Sans, all French characters).

The font files ship in `resources/fonts/` (installed with the package, with their
licence), so PDFs look the same on every machine and `pdffonts` shows them embedded.
Use `register_fonts()` before building a reportlab document, then the family names
below (`BODY`, `BOLD`, `ITALIC`) in styles; `<b>`/`<i>` in Paragraphs work too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ecoute_desktop.resource_files import resource_path

FONTS_DIR = resource_path("fonts")

BODY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"

_FILES = {
    BODY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}


def font_path(name: str) -> Path:
    """The shipped .ttf file of one of the family names above."""
    return FONTS_DIR / _FILES[name]


@cache
def register_fonts() -> str:
    """Register the fonts with reportlab (once per process); return the body font name.

    TrueType fonts registered this way are always embedded (as subsets) by reportlab.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in _FILES:
        pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
    addMapping(BODY, 0, 0, BODY)
    addMapping(BODY, 1, 0, BOLD)
    addMapping(BODY, 0, 1, ITALIC)
    addMapping(BODY, 1, 1, BOLD)
    return BODY


def embedded_canvas() -> type:
    """A reportlab Canvas class whose initial font is DejaVu Sans, not Helvetica.

    Pass it as `doc.build(story, canvasmaker=embedded_canvas())`: otherwise every page
    names the base-14 Helvetica, which is never embedded.
    """
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()

    class EmbeddedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            if not kwargs.get("initialFontName"):  # platypus passes None explicitly
                kwargs["initialFontName"] = BODY
            super().__init__(*args, **kwargs)

    return EmbeddedCanvas
