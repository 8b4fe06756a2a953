"""Dialog sizes in characters and lines of the current text, never larger than the screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.9


def size_in_text(widget: QWidget, characters: int, lines: int) -> None:
    """Resize to `characters` × `lines` of the widget's font, capped to 90 % of the screen.

    At 200 % text a dialog measured in lines can be taller than a laptop screen; the
    cap keeps its buttons on screen (the text areas shrink, lists scroll).
    """
    metrics = widget.fontMetrics()
    width = metrics.averageCharWidth() * characters
    height = metrics.height() * lines
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * SCREEN_SHARE))
        height = min(height, int(available.height() * SCREEN_SHARE))
    widget.resize(max(width, widget.minimumSizeHint().width()), height)


def fit_to_screen(widget: QWidget) -> None:
    """Resize to the widget's own size hint, capped to 90 % of the screen (then it scrolls)."""
    hint = widget.sizeHint()
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        hint = hint.boundedTo(available.size() * SCREEN_SHARE)
    widget.resize(hint.expandedTo(widget.minimumSizeHint()))
