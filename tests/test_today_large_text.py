"""The Aujourd'hui dashboard stays readable at 200 % text in a 1400×900 window.

Pins: no dashboard table needs sideways scrolling (its visible columns fit its width);
the essential columns (deadline, urgent, reference, member, collectivité) stay shown, a
long collectivité is shortened with its full text in the tooltip, and « Reçue le » (also
in the deadline's tooltip) is hidden only when there is no room; at 100 % every column
is shown again.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.today.today_view import TodayView
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings, make_context  # noqa: F401

LONG_PLACE = "Communauté d'agglomération du Grand Valbourg-sur-Loire et des Coteaux"


@pytest.fixture
def today(qtbot, store: Store) -> tuple[MainWindow, TodayView]:
    now = utc_now()
    for number in range(3):
        add_case(
            store,
            f"Fictif{number}",
            now - timedelta(hours=5 + number),
            collectivite=LONG_PLACE,
            prenom="Dominique-Marie",
        )
    text_size.apply_scale(100, remember=False)  # as the app does before any window
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    view = window.view("today")
    assert isinstance(view, TodayView)
    return window, view


def _shown(table) -> list[str]:
    model = table.model()
    return [
        model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(model.columnCount())
        if not table.isColumnHidden(c)
    ]


def _overflow(table) -> int:
    widths = sum(
        table.columnWidth(c)
        for c in range(table.model().columnCount())
        if not table.isColumnHidden(c)
    )
    return widths - table.viewport().width()


def test_200_percent_needs_no_sideways_scrolling(qtbot, today) -> None:
    window, view = today
    base = view.ack_table.fontMetrics().height()
    window.set_text_scale(200)
    qtbot.waitUntil(lambda: view.ack_table.fontMetrics().height() > base * 1.6)
    view.refresh()
    qtbot.wait(1)  # let the layout settle its widths
    for table in (view.ack_table, view.appointment_table, view.call_table):
        if table.isVisible():
            assert _overflow(table) <= 0
    shown = _shown(view.ack_table)
    for essential in ("Échéance 48 h", "Urgent", "Référence", "Adhérent", "Collectivité"):
        assert essential in shown
    column = 4
    index = view.to_acknowledge.index(0, column)
    assert view.ack_table.columnWidth(column) < view.ack_table.fontMetrics().horizontalAdvance(
        LONG_PLACE
    )
    assert index.data(Qt.ItemDataRole.ToolTipRole) == LONG_PLACE
    assert index.siblingAtColumn(0).data(Qt.ItemDataRole.ToolTipRole).startswith("Reçue le ")

    window.set_text_scale(100)
    qtbot.waitUntil(lambda: "Reçue le" in _shown(view.ack_table))
    assert _overflow(view.ack_table) <= 0
