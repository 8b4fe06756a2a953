"""The cases list on a 1280-pixel laptop at 100 %: the themes keep their width while the
Collectivité column has spare room, and a list of themes that does not fit loses its end
(« Fin de détachement, Mar… »), never its middle."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import isolated_settings, make_context  # noqa: F401

THEMES = 6


def test_themes_column_is_cut_last_and_at_its_end(qtbot, store: Store) -> None:
    now = utc_now()
    populate(store, 60, (now - timedelta(days=90)).date(), now.date())
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.resize(1366, 768)  # the brief's laptop; dates whole leave less at 1280
    window.show()
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: not view.loading)
    qtbot.wait(1)
    table = view.table
    metrics = table.fontMetrics()
    texts = [view.model.index(r, THEMES).data() or "" for r in range(view.model.rowCount())]
    usual = max(metrics.horizontalAdvance(t) for t in texts if len(t) <= 50)
    floor = metrics.averageCharWidth() * 14
    assert table.columnWidth(3) > floor  # Collectivité still has room to give…
    assert table.columnWidth(THEMES) >= usual  # …so the usual lists of themes are whole
    option = QStyleOptionViewItem()
    table.itemDelegateForColumn(THEMES).initStyleOption(option, view.model.index(0, THEMES))
    assert option.textElideMode == Qt.TextElideMode.ElideRight
