"""Text size of the whole application (100–200 %), remembered in QSettings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

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


def apply_scale(scale: int, remember: bool = True, style_now: bool = True) -> int:
    """Resize the application font to `scale` % of the base size; returns the scale used.

    `style_now=False` (the start, issue 16): the focus-ring style is installed by
    `install_style` once the unlock window is on screen."""
    app = QApplication.instance()
    scale = max(MINIMUM, min(MAXIMUM, int(scale)))
    if app is None:
        return scale
    if style_now or scale != DEFAULT:
        install_style(scale)
    font = QFont(QApplication.font())
    font.setPointSizeF(_base_point_size(app) * scale / 100)
    QApplication.setFont(font)
    if remember:
        app_settings().setValue(KEY, scale)
    return scale


def install_style(scale: int | None = None) -> None:
    """The focus ring, and above 100 % the larger arrows, check boxes, radio buttons and
    scroll bars (pixel sizes that must grow with the text): `large_style`."""
    from ecoute_desktop.ui.common import large_style  # QProxyStyle's import costs ~8 ms

    app = QApplication.instance()
    if app is not None:
        large_style.install(app, (current_scale() if scale is None else scale) / 100)


def current_scale() -> int:
    app = QApplication.instance()
    if app is None:
        return DEFAULT
    return round(QApplication.font().pointSizeF() * 100 / _base_point_size(app))
