"""The palette meets WCAG 2.2 AA in both schemes, and the application uses it.

Text 4.5:1, borders, focus rings and status marks 3:1, computed with the WCAG formula
for every pair of `ui/common/palette.py` in the light and the dark scheme; the selected
rows and placeholders of the running app use the palette's colours (the audit measured
white on #308cc6 at 3.69:1 and placeholders at 4.0:1).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ecoute_desktop.ui.common import palette


def test_contrast_formula_matches_known_values() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert palette.contrast("#ffffff", "#308cc6") == pytest.approx(3.69, abs=0.01)


@pytest.mark.parametrize("scheme", [palette.LIGHT, palette.DARK], ids=lambda s: s.name)
def test_every_pair_meets_its_ratio(scheme: palette.Scheme) -> None:
    failures = [
        f"{fg} on {bg}: {palette.contrast(getattr(scheme, fg), getattr(scheme, bg)):.2f} < {need}"
        for fg, bg, need in palette.PAIRS
        if palette.contrast(getattr(scheme, fg), getattr(scheme, bg)) < need
    ]
    assert failures == []


def test_the_application_selects_and_hints_in_the_palette_colours(qapp: QApplication) -> None:
    from ecoute_desktop.ui.app import make_application

    app = make_application([])
    scheme = palette.colours()
    colours = app.palette()
    highlight = colours.color(QPalette.ColorRole.Highlight).name()
    text = colours.color(QPalette.ColorRole.HighlightedText).name()
    placeholder = colours.color(QPalette.ColorRole.PlaceholderText).name()
    base = colours.color(QPalette.ColorRole.Base).name()
    assert (highlight, text, placeholder) == (
        scheme.highlight,
        scheme.highlighted_text,
        scheme.placeholder,
    )
    assert palette.contrast(text, highlight) >= 4.5
    assert palette.contrast(placeholder, base) >= 4.5
