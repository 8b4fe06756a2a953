"""Both schemes on screen: the running palette is the scheme's, and inputs keep 3:1 edges.

Pins, in the light and in the dark scheme (forced as on a system set to dark): the
application palette gives windows, fields and text the scheme's colours (the pairs of
tests/test_palette.py are measured on exactly these), disabled text greyed;
a line edit, a combo box and a spin box draw their edge in a colour of at least 3:1
against the field and the window (the audit measured the style's own outline at 2:1),
and so do the box of a check box and the circle of a radio button.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.ui.common import large_style, palette


@pytest.fixture(params=["clair", "sombre"])
def scheme(request, qapp: QApplication, monkeypatch) -> Iterator[palette.Scheme]:
    dark = request.param == "sombre"
    monkeypatch.setattr(palette, "is_dark", lambda: dark)
    before = qapp.palette()
    qapp.setPalette(palette.apply(QPalette(qapp.style().standardPalette())))
    large_style.install(qapp, 1.0)
    yield palette.DARK if dark else palette.LIGHT
    qapp.setPalette(before)


def test_the_palette_is_the_schemes(qapp: QApplication, scheme: palette.Scheme) -> None:
    colours = qapp.palette()
    role, active = QPalette.ColorRole, QPalette.ColorGroup.Active
    assert colours.color(active, role.Window).name() == scheme.window
    assert colours.color(active, role.Base).name() == scheme.base
    for each in (role.Text, role.WindowText, role.ButtonText):
        assert colours.color(active, each).name() == scheme.text
    disabled = colours.color(QPalette.ColorGroup.Disabled, role.Text).name()
    assert disabled != scheme.text  # a greyed button looks greyed (WCAG exempts its contrast)


def _edge(widget: QWidget) -> str:
    """The colour drawn on the field's left edge, half-way down."""
    image = widget.grab().toImage()
    return QColor(image.pixelColor(0, image.height() // 2)).name()


@pytest.mark.parametrize("kind", [QLineEdit, QComboBox, QSpinBox])
def test_inputs_have_an_edge_of_three_to_one(qtbot, scheme: palette.Scheme, kind) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    field = kind()
    layout.addWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    edge = _edge(field)
    assert palette.contrast(edge, scheme.base) >= 3.0, edge
    assert palette.contrast(edge, scheme.window) >= 3.0, edge


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_check_boxes_and_radio_buttons_have_an_edge_of_three_to_one(
    qtbot, scheme: palette.Scheme, kind
) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    box = kind("Urgent")
    layout.addWidget(box)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    image = box.grab().toImage()
    middle = image.height() // 2
    edges = [QColor(image.pixelColor(x, middle)).name() for x in range(6)]
    assert any(palette.contrast(c, scheme.window) >= 3.0 for c in edges), edges


def test_the_colours_follow_the_system_when_it_switches(qapp: QApplication, monkeypatch) -> None:
    """Qt 6 reports the system's scheme (`styleHints().colorScheme()`, signalled when the
    user switches): the palette follows it both ways, even where the platform theme gives
    Qt no dark palette; « unknown » falls back to the palette's own window colour."""
    from PySide6.QtCore import Qt

    before = qapp.palette()
    monkeypatch.setattr(palette, "_system_dark", None)
    try:
        qapp.setPalette(palette.apply(QPalette(qapp.style().standardPalette())))
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == palette.LIGHT.window
        palette.scheme_changed(Qt.ColorScheme.Dark)
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == palette.DARK.window
        assert palette.colours() is palette.DARK
        palette.scheme_changed(Qt.ColorScheme.Light)
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == palette.LIGHT.window
        palette.scheme_changed(Qt.ColorScheme.Unknown)
        assert palette.colours() is palette.LIGHT  # the window colour, light
    finally:
        qapp.setPalette(before)
