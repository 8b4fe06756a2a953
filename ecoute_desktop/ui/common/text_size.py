"""Text size of the whole application (100–200 %), remembered in QSettings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ecoute_desktop.ui.common import large_style

KEY = "affichage/taille_texte"
CHOICES = (100, 125, 150, 175, 200)
MINIMUM, MAXIMUM, DEFAULT = 100, 200, 100
_BASE_PROPERTY = "ecoute_base_point_size"


def app_settings() -> QSettings:
    """Window-level preferences (no personal data): text size, geometry."""
    return QSettings("Ecoute", "Ecoute")


def saved_scale() -> int:
    value: Any = app_settings().value(KEY, DEFAULT)  # whatever the file holds: checked below
    try:
        scale = int(value)
    except (TypeError, ValueError):
        return DEFAULT
    return max(MINIMUM, min(MAXIMUM, scale))


def _base_point_size(app: QCoreApplication) -> float:
    base = app.property(_BASE_PROPERTY)
    if base is None:
        size = QApplication.font().pointSizeF()
        base = max(size if size > 0 else 10.0, 10.0)
        app.setProperty(_BASE_PROPERTY, base)
    return float(base)


def apply_scale(scale: int, remember: bool = True) -> int:
    """Resize the application font to `scale` % of the base size; returns the scale used."""
    app = QApplication.instance()
    scale = max(MINIMUM, min(MAXIMUM, int(scale)))
    if app is None:
        return scale
    # Arrows, check boxes, radio buttons and scroll bars have pixel sizes: they grow too.
    large_style.install(app, scale / 100)
    font = QFont(QApplication.font())
    font.setPointSizeF(_base_point_size(app) * scale / 100)
    QApplication.setFont(font)
    if remember:
        app_settings().setValue(KEY, scale)
    return scale


def current_scale() -> int:
    app = QApplication.instance()
    if app is None:
        return DEFAULT
    return round(QApplication.font().pointSizeF() * 100 / _base_point_size(app))
