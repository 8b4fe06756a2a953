"""Paramètres at 200 % on a 1280×720 laptop: the Annuaire and Thèmes lists show several
rows (the page scrolls, not a 3-row list inside it) and never scroll sideways; the
column headers they show are whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import isolated_settings, make_context  # noqa: F401


@pytest.mark.parametrize("panel, rows", [("directory", 6), ("taxonomy", 8)])
def test_reference_lists_at_200_percent(qtbot, store: Store, panel: str, rows: int) -> None:
    text_size.apply_scale(200, remember=False)
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    settings = window.show_view("settings")
    widget = getattr(settings, panel)
    settings.show_page(widget)
    qtbot.wait(10)
    table = widget.table
    assert table.height() >= table.verticalHeader().defaultSectionSize() * rows
    assert not table.horizontalScrollBar().isVisible()
    shown = [c for c in range(table.model().columnCount()) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in shown) <= table.viewport().width()
    metrics = table.horizontalHeader().fontMetrics()
    for column in shown[1:]:  # the first one may be elided; the others are whole
        title = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert table.columnWidth(column) >= metrics.horizontalAdvance(title), title
