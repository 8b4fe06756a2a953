"""First-run assistant: the passphrase page shows its whole text (no wrapped label cut at
the top or bottom) at 100 % without scrolling, and at 200 % scrolls rather than cuts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea

from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.safety.first_run import FirstRunWizard
from tests.desk_support import isolated_settings  # noqa: F401


def _cut_labels(page) -> list[str]:
    cut = []
    for label in page.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                cut.append(label.text())
        elif label.minimumSizeHint().width() > label.width() + 1:
            cut.append(label.text())
    return cut


@pytest.mark.parametrize("scale", [100, 200])
def test_passphrase_page_is_never_cut(qtbot, tmp_path: Path, scale: int) -> None:
    text_size.apply_scale(scale, remember=False)
    wizard = FirstRunWizard(tmp_path / "ecoute.db")
    qtbot.addWidget(wizard)
    wizard.resize(wizard.minimumSize())
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.next()
    page = wizard.passphrase_page
    page.first_edit.setText("cheval correct")
    page.second_edit.setText("cheval")
    qtbot.wait(10)
    assert "ordinateur spécialisé" in page.advice_label.text()
    assert _cut_labels(page) == []
    scroll = page.findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    if scale == 100:  # room enough on any screen: the whole page at once
        assert not scroll.verticalScrollBar().isVisible()
    screen = wizard.screen().availableGeometry()
    assert wizard.minimumHeight() <= screen.height() and wizard.minimumWidth() <= screen.width()
