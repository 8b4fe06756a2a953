"""Focus is visible: every kind of control changes its pixels when it takes focus, with a
ring at least 2 px thick in a colour of 3:1 against what surrounds it.

Covers the controls the audit found unchanged by focus: default buttons and theme chips
(chosen or not), and the other kinds a form has (check box, combo box, line edit).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.ui.common import large_style
from ecoute_desktop.ui.common.palette import chip_style, colours
from ecoute_desktop.ui.common.widget_kit import emphasize


def _chip(checked: bool) -> QToolButton:
    chip = QToolButton()
    chip.setText("Carrière")
    chip.setCheckable(True)
    chip.setChecked(checked)
    chip.setStyleSheet(chip_style())
    return chip


def _default_button() -> QPushButton:
    button = QPushButton("Enregistrer")
    button.setDefault(True)
    return button


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.addItems(["Janvier", "Février"])
    return combo


def _emphasized_button() -> QPushButton:
    """The case page's next step, « Envoyer le questionnaire… »: bold (a style sheet
    there used to hide the ring)."""
    button = QPushButton("Appel effectué")
    emphasize(button)
    return button


KINDS = {
    "bold button": (_emphasized_button, "focus"),
    "default button": (_default_button, "focus"),
    "chip": (lambda: _chip(False), "focus"),
    "chosen chip": (lambda: _chip(True), "text"),
    "check box": (lambda: QCheckBox("Urgent"), "focus"),
    "combo box": (_combo, "focus"),
    "line edit": (QLineEdit, "focus"),
}


def _thick_ring(image: QImage, colour: QColor) -> bool:
    """Two ring-coloured pixels side by side across the left or the top edge."""

    def near(x: int, y: int) -> bool:
        pixel = image.pixelColor(x, y)
        return all(
            abs(a - b) <= 40
            for a, b in zip(
                (pixel.red(), pixel.green(), pixel.blue()),
                (colour.red(), colour.green(), colour.blue()),
                strict=True,
            )
        )

    middle_y, middle_x = image.height() // 2, image.width() // 2
    across_left = [near(x, middle_y) for x in range(min(6, image.width()))]
    across_top = [near(middle_x, y) for y in range(min(6, image.height()))]
    return any(
        run[i] and run[i + 1] for run in (across_left, across_top) for i in range(len(run) - 1)
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_focus_changes_the_pixels_with_a_two_pixel_ring(qtbot, qapp: QApplication, kind) -> None:
    large_style.install(qapp, 1.0)  # as the app does at start (text_size.apply_scale)
    make, ring = KINDS[kind]
    window = QWidget()
    layout = QVBoxLayout(window)
    other = QLineEdit()
    control = make()
    layout.addWidget(other)
    layout.addWidget(control)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    before = control.grab().toImage()
    control.setFocus()
    qtbot.waitUntil(control.hasFocus)
    after = control.grab().toImage()
    assert after != before, f"{kind}: focus changes no pixel"
    assert _thick_ring(after, QColor(getattr(colours(), ring))), f"{kind}: no 2 px ring"


def test_no_button_style_sheet_drops_the_ring() -> None:
    """A style sheet on a button replaces the style's drawing, ring included: a module
    that styles buttons must give them a :focus rule (theme chips, « à vérifier » marks)."""
    from pathlib import Path

    import ecoute_desktop.ui as ui

    missing = []
    for path in Path(ui.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        styled = "QPushButton {" in text or "QToolButton {" in text
        if styled and ":focus" not in text:
            missing.append(path.name)
    palette = Path(ui.__file__).parent / "common" / "palette.py"
    assert ":focus" in palette.read_text(encoding="utf-8")  # the chips' rule lives there
    assert missing == []


def test_the_start_puts_the_ring_style_in_place_once_the_unlock_window_shows(
    qapp: QApplication, tmp_path
) -> None:
    """The start shows the unlock window before importing the style (issue 16), then
    installs it at once: the focused passphrase field gets its ring."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QStyleFactory

    from ecoute_desktop.ui.app import obtain_store

    qapp.setStyle(QStyleFactory.create("Fusion"))  # as before make_application(style_now=False)
    base = tmp_path / "ecoute.db"
    base.write_bytes(b"\0" * 4096)
    assert obtain_store(base, close_when_shown=True) is None
    QCoreApplication.processEvents()
    assert isinstance(qapp.style(), large_style.LargeTextStyle)
